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
from desk.ui.widgets import background
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
        #: The new password is being saved (off the window's thread).
        self._saving = False
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

    def save(self) -> None:
        """Check the two entries here, then save off the window's thread (the password is
        hashed, the server written): the buttons wait meanwhile; the dialog closes on
        success, or says why it could not save."""
        if self._saving:
            return
        if self.new.text() != self.again.text():
            self.error.setText(
                translate("PasswordDialog", "Hai lần nhập mật khẩu mới không giống nhau.")
            )
            return
        db, clerk, username, resetting = self.db, self.clerk, self.username, self.resetting
        old, new = self.old.text(), self.new.text()

        def work() -> None:
            if username is not None and resetting:
                accounts.reset_password(db, clerk, username, new)
            else:
                accounts.change_password(db, clerk, old, new)

        self._saving = True
        self.buttons.setEnabled(False)
        background.run_refusable(self, work, self._saved)

    def saving(self) -> bool:
        """Whether the new password is being saved."""
        return self._saving

    def _saved(self, _result: object, refusal: UserError | None, error: str | None) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if refusal is not None or error is not None:
            self.error.setText(refusal.message if refusal is not None else error or "")
            return
        self.accept()

    def reject(self) -> None:
        if not self._saving:  # closing while it saves would hide whether it was saved
            super().reject()
