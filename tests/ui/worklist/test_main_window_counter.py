"""The counter of this PC in the main window: its queue panel in a dock, the intake for
the ticket being served (each dossier saved linked to it), and the queue's admin dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from background_jobs import admin_opened, saved, settle
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QSpinBox

from desk import config
from desk.domain.queue import TicketState
from desk.domain.roles import Role
from desk.services import accounts, queue, queue_setup
from desk.storage.database import Database
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.worklist.main_window import INTAKE_TAB, MainWindow


@pytest.fixture
def queue_db(db: Database) -> Database:
    queue_setup.ensure_defaults(db)
    return db


def make_window(qtbot, db, clerk, clock) -> MainWindow:
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle(qtbot)  # the counter and its queue are read off the window's thread
    return window


def counter_dialog(window: MainWindow) -> QInputDialog:
    window.counter_action.trigger()
    [dialog] = [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    return dialog


def take(db, letter: str, clock):
    group = next(g for g in queue_setup.list_groups(db) if g.letter == letter)
    ticket = queue.take_ticket(db, group.id, None, clock).ticket
    clock.advance(timedelta(minutes=2))
    return ticket


def fill_and_save(qtbot, intake: IntakeWindow, name: str) -> str:
    """An intake of 1.004873 typed into the form and saved; the dossier's code."""
    type_text(qtbot, intake.picker.search, "xac nhan tinh trang hon nhan")
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)
    intake.papers.set_ticked(0, True)
    type_text(qtbot, intake.name_edit, name)
    type_text(qtbot, intake.id_edit, "079190012345")
    dossier = saved(qtbot, intake)
    assert dossier is not None, intake.error_text("name")
    settle(qtbot)  # linked to the ticket off the window's thread
    if intake.last_preview is not None:
        intake.last_preview.reject()
    QApplication.processEvents()
    return dossier.code


def test_the_dock_follows_the_counter_number_of_this_pc(qtbot, queue_db, clerk, clock, data_home):
    window = make_window(qtbot, queue_db, clerk, clock)
    assert window.counter_dock is None and window.counter_action.text() == "Quầy của máy này..."
    dialog = counter_dialog(window)
    spin = dialog.findChild(QSpinBox)
    assert spin.specialValueText() == "Không phải quầy" and spin.text() == "Không phải quầy"
    assert (spin.minimum(), spin.maximum()) == (0, 99)
    dialog.setIntValue(2)
    dialog.accept()
    assert config.machine_settings()["counter"] == 2
    assert (data_home / "desk" / "machine.json").exists()  # the test's folder, not the user's
    dock = window.counter_dock
    assert dock is not None and dock.isVisible() and window.counter_panel is not None
    assert dock.widget() is window.counter_panel
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    settle(qtbot)  # the counter is read off the window's thread
    assert window.counter_panel.title_label.text() == "Quầy 2 · Nguyễn Văn An"
    # The next start on this PC shows the panel at once.
    again = make_window(qtbot, queue_db, clerk, clock)
    assert again.counter_number == 2 and again.counter_dock is not None
    # "Không phải quầy" removes it.
    dialog = counter_dialog(window)
    assert dialog.intValue() == 2
    dialog.setIntValue(0)
    dialog.accept()
    assert window.counter_dock is None and window.counter_panel is None
    assert config.machine_settings()["counter"] is None
    assert not [d for d in window.findChildren(type(dock)) if d.isVisible()]


def test_dossiers_saved_for_a_ticket_are_linked_to_it(qtbot, queue_db, clerk, clock):
    config.save_machine_setting("counter", 1)
    ticket = take(queue_db, "A", clock)
    window = make_window(qtbot, queue_db, clerk, clock)
    panel = window.counter_panel
    assert panel is not None
    window.tabs.setCurrentIndex(1)
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.current is not None and panel.current.id == ticket.id
    qtbot.mouseClick(panel.intake_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.tabs.currentIndex() == INTAKE_TAB
    assert window.intake.picker.search.hasFocus()
    assert window.ticket_label.isVisible() and window.ticket_label.text() == "Từ số A001"

    first = fill_and_save(qtbot, window.intake, "Nguyễn Thị Hồng Nhung")
    assert queue.dossiers_of_ticket(queue_db, ticket.id) == [first]
    assert window.statusBar().currentMessage() == f"Đã lưu hồ sơ {first}, nhận từ số A001."
    assert panel.dossiers_label.text() == f"Đã nhận hồ sơ: {first}"
    second = fill_and_save(qtbot, window.intake, "Trần Văn Hùng")  # the same citizen's second
    assert queue.dossiers_of_ticket(queue_db, ticket.id) == [first, second]
    assert window.ticket_label.text() == "Từ số A001"

    qtbot.mouseClick(panel.finish_button, Qt.MouseButton.LeftButton)

    settle(qtbot)
    assert queue.get_ticket(queue_db, ticket.id).state is TicketState.DONE
    qtbot.waitUntil(lambda: window.ticket is None)  # the window notices within a second
    assert not window.ticket_label.isVisible()
    third = fill_and_save(qtbot, window.intake, "Lê Văn Khách")
    assert queue.dossiers_of_ticket(queue_db, ticket.id) == [first, second]
    assert queue.ticket_of_dossier(queue_db, third) is None


def test_a_ticket_no_longer_served_here_is_not_linked(qtbot, queue_db, clerk, clock):
    config.save_machine_setting("counter", 1)
    ticket = take(queue_db, "A", clock)
    window = make_window(qtbot, queue_db, clerk, clock)
    panel = window.counter_panel
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.mouseClick(panel.intake_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.ticket is not None
    # Finished from another window on this counter before the intake is saved.
    queue.finish(queue_db, ticket.id, 1, clerk, clock)
    code = fill_and_save(qtbot, window.intake, "Nguyễn Thị Hồng Nhung")
    assert queue.dossiers_of_ticket(queue_db, ticket.id) == []
    assert window.ticket is None and not window.ticket_label.isVisible()
    assert window.statusBar().currentMessage() == f"Đã lưu hồ sơ {code}."


def test_the_queue_dialog_opens_from_the_admin_menu(qtbot, queue_db, clerk, clock):
    from desk.ui.admin.queue_dialog import QueueDialog

    window = make_window(qtbot, queue_db, clerk, clock)
    action = window.admin_actions["queue"]
    assert action.text() == "Hàng đợi..." and action.isEnabled()
    action.trigger()
    admin_opened(qtbot, window)
    [dialog] = [d for d in window.findChildren(QueueDialog) if d.isVisible()]
    dialog.reject()


def test_the_queue_dialog_is_for_admins_only(qtbot, queue_db, clerk, clock):
    boss = accounts.add_clerk(
        queue_db, clerk, "lanhdao", "Phạm Văn Đức", "matkhau456", role=Role.SUPERVISOR
    )
    window = make_window(qtbot, queue_db, boss, clock)
    action = window.admin_actions["queue"]
    assert not action.isEnabled()
    assert action.toolTip() == "Chỉ quản trị viên mới dùng được mục này."
