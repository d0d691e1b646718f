"""Changing one's own password, and an admin resetting someone else's.

The rules and the audit entries are in ``desk.services.accounts``; this dialog
only collects the inputs and shows each refusal under the input it concerns.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import accounts
from desk.storage.database import Database
from desk.ui.widgets.qt_helpers import translate


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """Own password (``username`` None) or, for an admin, another account's reset."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        username: str | None = None,
        parent=None,  # noqa: ANN001
    ) -> None:
        super().__init__(parent)
        self.db, self.clerk, self.username = db, clerk, username
        resetting = username is not None and username != clerk.username
        self.resetting = resetting
        self.setWindowTitle(
            translate("PasswordDialog", "Đặt lại mật khẩu cho {username}").format(username=username)
            if resetting
            else translate("PasswordDialog", "Đổi mật khẩu")
        )
        self.old = _password_edit()
        self.new = _password_edit()
        self.again = _password_edit()
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if not resetting:
            form.addRow(translate("PasswordDialog", "Mật khẩu hiện tại:"), self.old)
        form.addRow(
            translate("PasswordDialog", "Mật khẩu mới:")
            if not resetting
            else translate("PasswordDialog", "Mật khẩu tạm thời:"),
            self.new,
        )
        form.addRow(translate("PasswordDialog", "Nhập lại mật khẩu mới:"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("PasswordDialog", "Lưu")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("PasswordDialog", "Hủy")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if resetting:
            layout.addWidget(
                QLabel(
                    translate(
                        "PasswordDialog",
                        "Người dùng sẽ phải đổi mật khẩu tạm thời này ở lần đăng nhập tới.",
                    )
                )
            )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> bool:
        if self.new.text() != self.again.text():
            self.error.setText(
                translate("PasswordDialog", "Hai lần nhập mật khẩu mới không giống nhau.")
            )
            return False
        try:
            if self.resetting:
                assert self.username is not None
                accounts.reset_password(self.db, self.clerk, self.username, self.new.text())
            else:
                accounts.change_password(self.db, self.clerk, self.old.text(), self.new.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return False
        self.accept()
        return True
