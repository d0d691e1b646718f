"""Ctrl+L locks the counter at once; "Đổi người dùng..." hands it to another clerk
without quitting, and cancelling keeps the first clerk."""

from __future__ import annotations

import pytest
import shiboken6
from background_jobs import opened, settle
from keyboard_input import type_text
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.roles import Role
from desk.services import accounts, audit, catalog, intake
from desk.storage.engine import host_name
from desk.ui.session.login_dialog import LoginDialog
from desk.ui.worklist.main_window import MainWindow


@pytest.fixture
def hoa(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok", role=Role.CLERK)
    return accounts.log_in(db, "canbo1", "hoa2026ok")


@pytest.fixture
def window(qtbot, db, clerk, clock) -> MainWindow:
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def leaving(qtbot, db, clerk, clock):
    """The admin's window, which a switch closes and deletes (so not given to qtbot)."""
    w = MainWindow(db, clerk, clock)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if shiboken6.isValid(w):
        w.close()
        w.deleteLater()


def record(db, clerk, clock) -> str:
    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Trần Văn Hùng", id_number="079090001234"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    return intake.record_intake(db, draft, clerk, clock).code


def sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    """Type and press Enter; wait for the check, and what follows it (the switch is
    recorded off the window's thread too)."""
    type_text(qtbot, dialog.username_edit, username)
    type_text(qtbot, dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    settle(qtbot)


def pc_actions(db) -> list[str]:
    return [e.action for e in audit.trail(db, "pc", host_name())]


# -- the lock ---------------------------------------------------------------------------


def test_ctrl_l_locks_and_only_the_clerk_s_password_opens(qtbot, window, db, clerk, clock):
    lock = window.office_tools.idle_lock
    page = opened(qtbot, window, record(db, clerk, clock))
    assert page is not None and page.isVisible()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.activateWindow()  # the clerk goes back to the main window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.intake.picker.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked and lock.panel.geometry() == window.rect()
    assert not page.isVisible()  # the dossier's page is hidden with the rest
    qtbot.waitUntil(lambda: pc_actions(db) == ["screen_locked"])  # written meanwhile
    assert audit.trail(db, "pc", host_name())[0].after == {"user": "admin", "how": "manual"}
    # Nothing behind the panel runs: Ctrl+P would ask which receipt to reprint.
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QInputDialog, "reprint_code_dialog") is None
    window.open_scanned(page.code)  # a scanned receipt opens nothing either
    assert not window.opening() and not page.isVisible()
    type_text(qtbot, lock.panel.password, "hoa2026ok")  # someone else's password
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.checking)
    assert lock.locked and lock.panel.error.text()
    type_text(qtbot, lock.panel.password, "matkhau123")
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)
    assert page.isVisible()  # back as it was
    # The same keys work again.
    qtbot.keyClick(window.intake.picker.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QInputDialog, "reprint_code_dialog") is not None


# -- switching user ---------------------------------------------------------------------


def test_another_clerk_takes_the_counter(qtbot, leaving, db, clerk, clock, hoa):
    page = opened(qtbot, leaving, record(db, clerk, clock))
    assert leaving.admin_actions["clerks"].isEnabled()
    assert leaving.clerk_label.full_text() == "Cán bộ: Nguyễn Văn An (admin, quản trị viên)"
    switch = leaving.switch_user()
    assert switch.dialog is not None and switch.dialog.isVisible()
    where = leaving.geometry()
    switched = []
    switch.switched.connect(switched.append)
    sign_in(qtbot, switch.dialog, "canbo1", "hoa2026ok")
    assert [c.username for c in switched] == ["canbo1"]
    [successor] = [  # (the one leaving may be gone already: the switch ran in the background)
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]  # not given to qtbot: the switch back below closes and deletes it
    assert successor.isVisible() and successor.geometry() == where
    assert successor.clerk_label.full_text() == "Cán bộ: Lê Thị Hoa (canbo1, cán bộ)"
    assert not successor.admin_actions["clerks"].isEnabled()  # her role's menus
    assert not successor.admin_actions["printer"].isEnabled()
    assert successor.worklist.model.filter.assignee == "canbo1"  # "mine" is hers
    for his in (leaving, page):  # his windows closed
        assert not shiboken6.isValid(his) or not his.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(leaving))  # and gone
    [entry] = audit.trail(db, "pc", host_name())
    assert (entry.action, entry.by) == ("user_switched", "Lê Thị Hoa")
    assert (entry.before, entry.after) == ({"user": "admin"}, {"user": "canbo1"})
    # And back: the admin's menus come back with the admin.
    switch = successor.switch_user()
    sign_in(qtbot, switch.dialog, "admin", "matkhau123")
    back = successor.successor
    assert back is not None
    qtbot.addWidget(back)
    assert back.admin_actions["clerks"].isEnabled()
    assert back.clerk_label.full_text() == "Cán bộ: Nguyễn Văn An (admin, quản trị viên)"


def test_cancelling_the_switch_keeps_the_first_clerk(qtbot, window, db, hoa):
    switch = window.switch_user()
    cancelled = []
    switch.cancelled.connect(lambda: cancelled.append(True))
    type_text(qtbot, switch.dialog.username_edit, "canbo1")
    qtbot.keyClick(switch.dialog, Qt.Key.Key_Escape)
    assert cancelled and window.successor is None
    assert window.isVisible()
    assert window.clerk_label.full_text() == "Cán bộ: Nguyễn Văn An (admin, quản trị viên)"
    assert window.admin_actions["clerks"].isEnabled()
    assert pc_actions(db) == []


def test_the_same_clerk_signing_in_changes_nothing(qtbot, window, db):
    switch = window.switch_user()
    sign_in(qtbot, switch.dialog, "admin", "matkhau123")
    assert window.successor is None and window.isVisible() and pc_actions(db) == []


def test_an_unsaved_intake_is_asked_about_first(qtbot, window, db, hoa):
    type_text(qtbot, window.intake.picker.search, "khai sinh")
    window.intake.picker.choose_current()
    type_text(qtbot, window.intake.name_edit, "Nguyễn Thị Mai")
    switch = window.switch_user()
    [box] = visible_message_boxes(window)
    assert "chưa lưu" in box.text() and switch.dialog is None
    click_box_button(box, "Không, ở lại")
    assert switch.dialog is None and window.successor is None
    assert window.intake.name_edit.text() == "Nguyễn Thị Mai"  # kept as typed
    switch = window.switch_user()
    [box] = visible_message_boxes(window)
    click_box_button(box, "Bỏ phần chưa lưu và đổi")
    assert switch.dialog is not None and switch.dialog.isVisible()
    switch.dialog.reject()
    assert window.intake.name_edit.text() == "Nguyễn Thị Mai"


def test_another_clerk_signs_in_from_the_locked_screen(qtbot, leaving, db, hoa):
    lock = leaving.office_tools.idle_lock
    leaving.lock_screen()
    assert lock.locked and lock.panel.switch_button.isVisible()
    lock.panel.switch_button.click()
    dialog = leaving.user_switch.dialog
    assert dialog is not None and dialog.isVisible()
    sign_in(qtbot, dialog, "canbo1", "hoa2026ok")  # typed into the dialog over the lock
    successor = leaving.successor
    assert successor is not None
    qtbot.addWidget(successor)
    assert not successor.is_locked() and successor.isVisible()
    assert successor.clerk_label.full_text() == "Cán bộ: Lê Thị Hoa (canbo1, cán bộ)"
    assert pc_actions(db) == ["screen_locked", "user_switched"]
    assert QApplication.activeModalWidget() is None
