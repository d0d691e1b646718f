"""An admin's usual changes run no SQL on the window's thread.

Each admin dialog opens from the main window's menu once what it shows is read, and
saves in the background (``desk.ui.widgets.dialog_save``): an account added, the
office's details, a make-up working day, a procedure made online only, a queue's group,
the late-counting rule. Each statement's thread is caught as the database runs it; none
may be the window's.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from background_jobs import admin_opened, settle
from keyboard_input import type_text
from PySide6.QtCore import QDate
from window_thread_sql import WindowThreadSql

from desk.domain.roles import Role
from desk.services import accounts, calendar, catalog, queue_setup
from desk.services import office as office_service
from desk.ui.worklist.main_window import MainWindow

MARRIAGE = "1.000894"


def _opened(qtbot, window: MainWindow, name: str):  # noqa: ANN202
    window.admin_actions[name].trigger()
    dialog = admin_opened(qtbot, window)
    assert dialog is not None and dialog.isVisible(), name
    return dialog


def _saved(qtbot, dialog, sql: WindowThreadSql, what: str) -> None:  # noqa: ANN001
    """Wait for the dialog's save, close it (the window reads again what it changed),
    and note what ran on the window's thread meanwhile as ``what``'s."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.saving(), timeout=30_000)
    settle(qtbot)
    if shiboken6.isValid(dialog) and dialog.isVisible():  # (one saved and closed is gone)
        dialog.reject()
        settle(qtbot)
    sql.checkpoint(what)


def test_an_admins_usual_changes_run_no_sql_on_the_window_thread(qtbot, db, clerk, clock):
    queue_setup.ensure_defaults(db)
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    sql = WindowThreadSql(db)

    clerks = _opened(qtbot, window, "clerks")
    type_text(qtbot, clerks.username_edit, "lan.nt")
    type_text(qtbot, clerks.full_name_edit, "Nguyễn Thị Lan")
    type_text(qtbot, clerks.password_edit, "matkhau456")
    type_text(qtbot, clerks.confirm_edit, "matkhau456")
    clerks.set_role(Role.CLERK)
    assert clerks.add_clerk()
    _saved(qtbot, clerks, sql, "an account added")

    office = _opened(qtbot, window, "office")
    office.head_name_edit.setText("Lê Văn Cường")
    assert office.save()
    _saved(qtbot, office, sql, "the office's details saved")

    days = _opened(qtbot, window, "calendar")
    days.date_edit.setDate(QDate(2026, 3, 14))
    days.kind_combo.setCurrentIndex(days.kind_combo.findData("makeup"))
    assert days.add_special_day()
    _saved(qtbot, days, sql, "a make-up working day added")

    procedures = _opened(qtbot, window, "procedures")
    procedures.select_code(MARRIAGE)
    settle(qtbot)
    procedures.editor.online_only_check.setChecked(True)
    assert procedures.save()
    _saved(qtbot, procedures, sql, "a procedure saved")

    queue = _opened(qtbot, window, "queue")
    queue.letter_edit.setText("g")
    queue.group_name_edit.setText("Tư pháp")
    assert queue.save_group()
    _saved(qtbot, queue, sql, "a queue's group saved")

    rules = _opened(qtbot, window, "rules")
    rules.late_combo.setCurrentIndex(rules.late_combo.findData("extended"))
    assert rules.save()
    _saved(qtbot, rules, sql, "the late-counting rule saved")
    sql.stop()

    assert sql.problems == []
    assert [c.username for c in accounts.list_clerks(db)] == ["admin", "lan.nt"]
    assert office_service.get_office(db).head_name == "Lê Văn Cường"
    assert calendar.working_calendar(db).is_working_day(date(2026, 3, 14))
    assert catalog.get_procedure(db, MARRIAGE).online_only
    assert "G" in [g.letter for g in queue_setup.list_groups(db)]
