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
    return d


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
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.clerk is not None
    assert (dialog.clerk.username, dialog.clerk.full_name) == ("admin", "Nguyễn Văn An")
    assert dialog.clerk.is_admin


def test_wrong_password_keeps_the_username_and_clears_the_password(qtbot, dialog) -> None:
    type_text(qtbot, dialog.username_edit, "admin")
    type_text(qtbot, dialog.password_edit, "matkhau999")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.clerk is None
    assert dialog.errors.message("password") == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password_edit.text() == ""
    assert dialog.username_edit.text() == "admin"

    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert dialog.errors.message("password") == ""
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_unknown_username_gets_the_same_message(qtbot, dialog) -> None:
    type_text(qtbot, dialog.username_edit, "khongco")
    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert not dialog.try_log_in()
    assert dialog.errors.message("password") == "Sai tên đăng nhập hoặc mật khẩu."


def test_empty_username_is_asked_for(qtbot, dialog) -> None:
    type_text(qtbot, dialog.password_edit, "matkhau123")
    assert not dialog.try_log_in()
    assert dialog.errors.message("username") == "Chưa nhập tên đăng nhập."
    assert dialog.password_edit.text() == "matkhau123"


def test_before_set_up_the_dialog_still_opens(qtbot, empty_db: Database) -> None:
    d = LoginDialog(empty_db)
    qtbot.addWidget(d)
    assert d.office_label.text() == "Bộ phận Một cửa"
