"""A clerk's usual work runs no SQL on the window's thread.

The counter PC may read a server across the office's network: every statement the main
window runs while a clerk works (its start with this PC's counter, a citizen called from the
queue, an intake saved for their ticket and its receipt shown, the list searched, a dossier opened, a step recorded, the applicant's consent changed, the
receipt printed again) runs on another thread, so a server that answers slowly never
freezes the window. Each statement's thread is caught as the database runs it.
"""

from __future__ import annotations

from background_jobs import (
    appointment_shown,
    catalog_read,
    list_read,
    opened,
    page_read,
    saved,
    settle,
    step_opened,
    steps_done,
)
from keyboard_input import type_text
from PySide6.QtCore import Qt
from window_thread_sql import WindowThreadSql

from desk import config
from desk.domain.consent import MessageChannel
from desk.domain.lifecycle import StepKind
from desk.services import notify_settings, queue, queue_setup
from desk.ui.worklist.main_window import DOSSIERS_TAB, INTAKE_TAB, MainWindow


def test_a_clerks_usual_work_runs_no_sql_on_the_window_thread(qtbot, db, clerk, clock):
    notify_settings.set_up(db, clerk, clock, modem="serial:/dev/null")
    queue_setup.ensure_defaults(db)
    config.save_machine_setting("counter", 1)
    ticket = queue.take_ticket(db, queue_setup.list_groups(db)[0].id, None, clock).ticket
    sql = WindowThreadSql(db)
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    sql.checkpoint("the window's start")

    panel = window.counter_panel
    assert panel is not None
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.current is not None and panel.current.id == ticket.id
    qtbot.mouseClick(panel.intake_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.tabs.currentIndex() == INTAKE_TAB and window.ticket is not None
    sql.checkpoint("a citizen called from the queue")

    form = window.intake
    catalog_read(qtbot, form)
    type_text(qtbot, form.picker.search, "xac nhan tinh trang hon nhan")
    qtbot.keyClick(form.picker.search, Qt.Key.Key_Return)
    appointment_shown(qtbot, form)
    form.papers.set_ticked(0, True)
    type_text(qtbot, form.name_edit, "Nguyễn Thị Hồng Nhung")
    type_text(qtbot, form.id_edit, "079190012345")
    type_text(qtbot, form.phone_edit, "0912345678")
    dossier = saved(qtbot, form)
    assert dossier is not None
    settle(qtbot)
    with sql.another_pc():  # the test's own look
        assert queue.dossiers_of_ticket(db, ticket.id) == [dossier.code]
    sql.checkpoint("an intake saved for the ticket, its receipt shown")

    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    type_text(qtbot, window.worklist.search, "hong nhung")
    list_read(qtbot, window)
    assert dossier.code in window.worklist.model.codes()
    sql.checkpoint("the list searched")

    page = opened(qtbot, window, dossier.code)
    assert page is not None
    page_read(qtbot, page)
    sql.checkpoint("the dossier opened")

    page.step_buttons[StepKind.TRANSFER].click()
    step_opened(qtbot, page)
    dialog = page.last_dialog
    assert dialog is not None
    dialog.accept()
    steps_done(qtbot, dialog)
    page_read(qtbot, page)
    settle(qtbot)
    sql.checkpoint("a step recorded")

    page.messages.consent_button.click()
    qtbot.waitUntil(lambda: not page.opening_step())
    consent = page.last_consent_dialog
    assert consent is not None and consent.isVisible()
    consent.box.boxes[MessageChannel.SMS].setChecked(False)
    consent.accept()
    qtbot.waitUntil(lambda: not consent.isVisible())
    page_read(qtbot, page)
    sql.checkpoint("the consent changed")

    page.print_receipt()
    settle(qtbot)
    sql.checkpoint("the receipt printed again")
    sql.stop()
    assert sql.problems == []
