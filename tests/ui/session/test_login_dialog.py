"""Logging in: the office heads the dialog; a wrong password clears only the password."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from desk.storage.database import Database
from desk.ui.session.login_dialog import LoginDialog


@pytest.fixture
def dialog(qtbot, db: Database) -> LoginDialog:
    d = LoginDialog(db)
    qtbot.addWidget(d)
    d.show()
    checked(qtbot, d)  # the office, read off the window's thread
    return d


def checked(qtbot, dialog: LoginDialog) -> None:
    """Wait until the password typed has been checked (off the window's thread)."""
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=30_000)


def test_shows_the_office_and_hides_the_password(dialog: LoginDialog) -> None:
    assert dialog.office_label.text() == "UBND XÃ TÂN PHÚ"
    assert dialog.parent_label.text() == "UBND TỈNH ĐỒNG NAI"
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.login_button.text() == "Đăng nhập"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_good_credentials_log_in(qtbot, dialog: LoginDialog) -> None:
    type_text(qtbot, dialog.username_edit, "admin")
    type_text(qtbot, dialog.password_edit, "matkhau123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    checked(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.clerk is not None
    assert (dialog.clerk.username, dialog.clerk.full_name) == ("admin", "Nguyễn Văn An")
    assert dialog.clerk.is_admin


def test_wrong_password_keeps_the_username_and_clears_the_password(qtbot, dialog) -> None:
    type_text(qtbot, dialog.username_edit, "admin")
    type_text(qtbot, dialog.password_edit, "matkhau999")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    checked(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.clerk is None
    assert dialog.errors.message("password") == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password_edit.text() == ""
    assert dialog.username_edit.text() == "admin"

    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert dialog.errors.message("password") == ""
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    checked(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_unknown_username_gets_the_same_message(qtbot, dialog) -> None:
    type_text(qtbot, dialog.username_edit, "khongco")
    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert dialog.try_log_in()  # asked
    checked(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.message("password") == "Sai tên đăng nhập hoặc mật khẩu."


def test_empty_username_is_asked_for(qtbot, dialog) -> None:
    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert not dialog.try_log_in()
    assert dialog.errors.message("username") == "Chưa nhập tên đăng nhập."
    assert dialog.password_edit.text() == "matkhau123"


def test_before_set_up_the_dialog_still_opens(qtbot, empty_db: Database) -> None:
    d = LoginDialog(empty_db)
    qtbot.addWidget(d)
    checked(qtbot, d)
    assert d.office_label.text() == "Bộ phận Một cửa" and d.parent_label.isHidden()


def test_a_password_checked_on_a_locked_server_leaves_the_window_alive(qtbot, server_db):
    from background_jobs import ticks_of
    from server_locks import locked

    d = LoginDialog(server_db)
    qtbot.addWidget(d)
    d.show()
    checked(qtbot, d)
    ticks = ticks_of(d)
    type_text(qtbot, d.username_edit, "admin")
    type_text(qtbot, d.password_edit, "matkhau123")
    with locked(server_db.url, "users"):  # another PC's long transaction
        qtbot.keyClick(d.password_edit, Qt.Key.Key_Return)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        assert d.checking() and not d.password_edit.isEnabled()
        assert d.notice.text() == "Đang kiểm tra mật khẩu..."
        assert not d.try_log_in()  # a second Enter asks nothing more
        d.reject()  # nor does Esc close it under the check
        assert d.isVisible()
    checked(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted and d.clerk is not None
