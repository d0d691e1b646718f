"""The admin dialogs are read off the window's thread before they open: a server that
makes the read wait leaves the window answering, a second click meanwhile opens
nothing more, and a read that fails says why instead of opening.

Another PC holds the table a dialog shows locked so that nobody may read it (a
restore, a long correction): the admin's click reads in the background while the
main window's timer keeps ticking, and the dialog opens once, with what the table
holds, when the lock goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from background_jobs import WAIT_MS, admin_opened, catalog_read, list_read, settle, ticks_of
from message_boxes import visible_message_boxes
from server_locks import locked

from desk.services import accounts
from desk.ui.worklist.main_window import MainWindow

#: Each admin menu item, the table its dialog reads first, the dialog's class, and a
#: check of what it shows.
CASES = {
    "clerks": ("users", "ClerksDialog", lambda d: d.table.item(0, 0) is not None),
    "procedures": ("procedures", "ProceduresDialog", lambda d: d.table.rowCount() > 10),
    "calendar": ("settings", "CalendarDialog", lambda d: d.hours_edit.text() != ""),
    "printer": ("settings", "PrinterSettingsDialog", lambda d: d.uri_edit.text() == "none"),
    "office": ("office", "OfficeDialog", lambda d: d.name_edit.text() == "UBND xã Tân Phú"),
    "queue": ("queue_groups", "QueueDialog", lambda d: d.group_table.rowCount() > 0),
    "rules": ("settings", "RulesDialog", lambda d: d.late_combo.currentIndex() >= 0),
}


def _window(qtbot, server_db, clock) -> MainWindow:  # noqa: ANN001
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    window = MainWindow(server_db, admin, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    list_read(qtbot, window)
    return window


@contextmanager
def _clicked_twice_while_locked(qtbot, window, url: str, table: str, action) -> Iterator[None]:  # noqa: ANN001
    """``action`` clicked twice while ``table`` is locked; the block runs once the window's
    event loop has gone on for a while (300 ms), the lock still held."""
    ticks = ticks_of(window)
    with locked(url, table):
        action.trigger()
        action.trigger()  # a second click while it is read
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)  # the event loop runs meanwhile
        yield


@pytest.mark.parametrize("item", sorted(CASES))
def test_an_admin_dialog_waiting_on_a_locked_server_opens_once_when_read(
    qtbot, server_db, clock, item
):
    table, class_name, shows = CASES[item]
    window = _window(qtbot, server_db, clock)
    action = window.admin_actions[item]
    with _clicked_twice_while_locked(qtbot, window, server_db.url, table, action):
        assert window.opening_admin_dialog()
        assert window.last_admin_dialog is None
    dialog = admin_opened(qtbot, window)
    assert dialog is not None and type(dialog).__name__ == class_name
    assert dialog.isVisible() and shows(dialog)
    opened = [d for d in window.findChildren(type(dialog)) if d.isVisible()]
    assert opened == [dialog]  # opened once
    dialog.reject()
    settle(qtbot)
    assert window.last_admin_dialog is None


def test_the_departments_dialog_waits_too(qtbot, server_db, clock):
    window = _window(qtbot, server_db, clock)
    with locked(server_db.url, "departments"):
        window.departments_action.trigger()
        assert window.opening_admin_dialog()
    dialog = admin_opened(qtbot, window)
    assert dialog is not None and "Công an xã" in dialog.names()
    dialog.reject()


def test_an_admin_dialog_that_cannot_be_read_says_why_and_opens_nothing(
    qtbot, server_db, pg_server, clock
):
    window = _window(qtbot, server_db, clock)
    pg_server.drop_database(server_db.url)  # the server goes: nothing can be read
    window.admin_actions["clerks"].trigger()
    assert admin_opened(qtbot, window) is None
    [box] = visible_message_boxes(window)
    assert box.windowTitle() == "Cán bộ tiếp nhận"
    assert box.text().startswith("Trên máy chủ chưa có cơ sở dữ liệu"), box.text()
    box.close()


def test_the_messages_list_waits_on_a_locked_server_and_opens_once(qtbot, server_db, clock):
    """The supervisor's list of messages that need a look is read off the window's
    thread, before it opens and each time it is read again."""
    window = _window(qtbot, server_db, clock)
    tools = window.message_tools
    tools.sender.stop()
    with _clicked_twice_while_locked(qtbot, window, server_db.url, "messages", tools.action):
        assert tools.opening() and tools.dialog is None
    qtbot.waitUntil(lambda: not tools.opening(), timeout=WAIT_MS)
    dialog = tools.dialog
    assert dialog is not None and dialog.isVisible() and dialog.items == []
    ticks = ticks_of(window)
    with locked(server_db.url, "messages"):
        dialog.reload_button.click()
        assert dialog.reading()
        qtbot.waitUntil(lambda: len(ticks) >= 30)
        assert dialog.reading()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=WAIT_MS)
    assert dialog.items == [] and dialog.notice.text() == ""
    dialog.close()


def test_the_backup_dialog_waits_on_a_locked_server_and_opens_once(qtbot, server_db, clock):
    """Its folder is a setting on the server, and may be on a network: it is read, and
    its copies listed, off the window's thread."""
    from desk.ui.admin.backup_dialog import BackupDialog

    window = _window(qtbot, server_db, clock)
    tools = window.office_tools
    with _clicked_twice_while_locked(qtbot, window, server_db.url, "settings", tools.backup_action):
        assert tools.opening_backup()
        assert window.findChildren(BackupDialog) == []
    qtbot.waitUntil(lambda: not tools.opening_backup(), timeout=WAIT_MS)
    [dialog] = window.findChildren(BackupDialog)
    assert dialog.isVisible() and dialog.folder.text() != ""
    dialog.close()


def test_a_search_typed_and_a_year_chosen_wait_without_holding_the_dialog(qtbot, server_db, clock):
    """Inside the dialogs, what the admin types or picks is read off the window's thread
    too: a search per key on a slow server, a year of the calendar."""
    from keyboard_input import type_text

    from desk.ui.admin.calendar_dialog import CalendarDialog
    from desk.ui.admin.procedures_dialog import ProceduresDialog

    admin = accounts.log_in(server_db, "admin", "matkhau123")
    procedures = ProceduresDialog(server_db, admin)
    qtbot.addWidget(procedures)
    procedures.show()
    ticks = ticks_of(procedures)
    shown = procedures.table.rowCount()
    with locked(server_db.url, "procedures"):
        type_text(qtbot, procedures.search_edit, "ket hon")
        qtbot.waitUntil(lambda: len(ticks) >= 30)  # the event loop runs meanwhile
        assert procedures.searching() and procedures.table.rowCount() == shown
    qtbot.waitUntil(lambda: not procedures.searching(), timeout=WAIT_MS)
    names = [procedures.table.item(r, 1).text() for r in range(procedures.table.rowCount())]
    assert names and all("kết hôn" in n.lower() for n in names)

    year = CalendarDialog(server_db, admin, clock=clock)
    qtbot.addWidget(year)
    year.show()
    ticks = ticks_of(year)
    with locked(server_db.url, "calendar_days"):
        year.year_spin.setValue(2027)
        qtbot.waitUntil(lambda: len(ticks) >= 30)
        assert year.reading() and "Năm 2026" in year.year_status.text()
    qtbot.waitUntil(lambda: not year.reading(), timeout=WAIT_MS)
    assert "Năm 2027 chưa có lịch nghỉ chính thức" in year.year_status.text()


def test_the_window_s_title_and_calendar_notice_wait_without_holding_it(qtbot, server_db, clock):
    """The office's name in the title and the supervisor's calendar notice are read off
    the window's thread: built while another PC holds them locked, the window opens,
    and both come once the locks go (after every admin dialog, too)."""
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    with locked(server_db.url, "office"), locked(server_db.url, "calendar_days"):
        window = MainWindow(server_db, admin, clock)  # returns at once
        qtbot.addWidget(window)
        window.show()
        ticks = ticks_of(window)
        qtbot.waitUntil(lambda: len(ticks) >= 30)  # the event loop runs meanwhile
        assert window.reading_title() and window.calendar_notice is not None
        assert window.calendar_notice.reading() and not window.calendar_notice.isVisible()
        assert "UBND xã Tân Phú" not in window.windowTitle()
    list_read(qtbot, window)
    assert window.windowTitle() == "desk — UBND xã Tân Phú"


def test_the_intake_catalog_is_read_again_off_the_window_s_thread(qtbot, server_db, clock):
    """Closing an admin dialog reads the intake form's catalog again (the admin may have
    edited it): in the background, the list keeping what it shows meanwhile."""
    window = _window(qtbot, server_db, clock)
    picker = window.intake.picker
    catalog_read(qtbot, picker)  # its first read, when the form is built
    shown = picker.list.topLevelItemCount()
    assert shown > 10
    window.admin_actions["rules"].trigger()
    dialog = admin_opened(qtbot, window)
    assert dialog is not None
    with locked(server_db.url, "procedures"):
        dialog.reject()  # the window reads what the dialog may have changed
        ticks = ticks_of(window)
        qtbot.waitUntil(lambda: len(ticks) >= 30)  # the event loop runs meanwhile
        assert picker.reading() and picker.list.topLevelItemCount() == shown
    settle(qtbot)
    assert not picker.reading() and picker.list.topLevelItemCount() == shown


def test_the_start_s_settings_wait_then_the_password_change_and_idle_minutes_follow(
    qtbot, server_db, clock
):
    """At the window's start, the office's idle minutes, the newest rating and whether the
    clerk must change a password an admin set are read off the window's thread; then the
    lock takes the office's minutes and the clerk is asked for a new password."""
    from desk.services import settings
    from desk.ui.admin.password_dialog import PasswordDialog
    from desk.ui.worklist.office_tools import IDLE_MINUTES

    admin = accounts.log_in(server_db, "admin", "matkhau123")
    accounts.add_clerk(server_db, admin, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    accounts.reset_password(server_db, admin, "canbo1", "tamthoi123")
    settings.set_setting(server_db, IDLE_MINUTES, "3")
    hoa = accounts.log_in(server_db, "canbo1", "tamthoi123")
    with locked(server_db.url, "users"):
        window = MainWindow(server_db, hoa, clock)  # returns at once
        qtbot.addWidget(window)
        window.show()
        ticks = ticks_of(window)
        qtbot.waitUntil(lambda: len(ticks) >= 30)  # the event loop runs meanwhile
        assert window.office_tools.checking()
        assert window.office_tools.idle_lock.timer.interval() == 10 * 60_000  # the default
        assert window.findChildren(PasswordDialog) == []
    qtbot.waitUntil(lambda: not window.office_tools.checking(), timeout=WAIT_MS)
    assert window.office_tools.idle_lock.timer.interval() == 3 * 60_000
    [dialog] = window.findChildren(PasswordDialog)
    assert dialog.isVisible()
    dialog.close()
