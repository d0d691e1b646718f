"""Logging in at the counter: every dossier records the clerk who received it.

A wrong password clears only the password: the username stays, so the clerk
retypes one field, not two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DeskError, UserError
from desk.domain.office import Clerk
from desk.services import accounts
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate


class LoginDialog(QDialog):
    """Asks for a username and password; after it is accepted, ``clerk`` is set."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clerk: Clerk | None = None
        self.setWindowTitle(translate("LoginDialog", "Đăng nhập"))
        self.errors = FieldErrors()

        self.parent_label = QLabel()
        self.office_label = QLabel()
        self._fill_office()
        for label in (self.parent_label, self.office_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.office_label.setStyleSheet("font-weight: bold; font-size: 15pt;")

        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.notice = Notice()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("LoginDialog", "Tên đăng nhập:"),
            self.errors.wrap("username", self.username_edit),
        )
        form.addRow(
            translate("LoginDialog", "Mật khẩu:"), self.errors.wrap("password", self.password_edit)
        )

        self.buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.login_button = self.buttons.addButton(
            translate("LoginDialog", "Đăng nhập"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.try_log_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.parent_label)
        layout.addWidget(self.office_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        set_enter_button(self, self.login_button)
        self.setMinimumWidth(420)
        self.username_edit.setFocus()

    def _fill_office(self) -> None:
        try:
            office = office_service.get_office(self.db)
        except DeskError:
            self.parent_label.hide()
            self.office_label.setText(translate("LoginDialog", "Bộ phận Một cửa"))
            return
        self.parent_label.setText(office.parent.upper())
        self.office_label.setText(office.name.upper())

    def try_log_in(self) -> bool:
        """Check the credentials; accept the dialog when they are right."""
        self.errors.clear()
        self.notice.clear_notice()
        username = clean_text(self.username_edit)
        if not username:
            self.errors.show({"username": translate("LoginDialog", "Chưa nhập tên đăng nhập.")})
            return False
        try:
            self.clerk = accounts.log_in(self.db, username, self.password_edit.text())
        except UserError as exc:
            if exc.field not in self.errors.fields():
                # Not about what was typed (e.g. the database is locked): keep both.
                self.notice.show_error(exc.message)
                return False
            if exc.field == "password":
                self.password_edit.clear()
            self.errors.show({exc.field: exc.message})
            return False
        self.accept()
        return True
