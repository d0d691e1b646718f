"""Logging in at the counter: every dossier records the clerk who received it.

A wrong password clears only the password: the username stays, so the clerk
retypes one field, not two.

At start-up the dialog may come before the database layer has loaded
(``desk.ui.first_start``): the office's name is then the one read on the bare
driver, a right password is checked there too (``quick_list.sign_in``), and
anything with something to record (a wrong password to count, a lock) waits for
the ``Database`` and takes the ordinary ``accounts.log_in``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
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
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.services.first_screen import OfficeNames
    from desk.storage.database import Database
    from desk.storage.statement_book import BareReader

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstLogin:
    """The login before the database layer: the bare reader, the office it read, and
    the ``Database`` on its way (``database()`` waits for it)."""

    reader: BareReader
    names: OfficeNames
    database: Callable[[], Database]


class LoginDialog(QDialog):
    """Asks for a username and password; after it is accepted, ``clerk`` is set."""

    def __init__(
        self, db: Database | None, parent: QWidget | None = None, *, first: FirstLogin | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._first = first
        self._shown = False
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
            name, parent = self._office_names()
        except DeskError:
            self.parent_label.hide()
            self.office_label.setText(translate("LoginDialog", "Bộ phận Một cửa"))
            return
        self.parent_label.setText(parent.upper())
        self.office_label.setText(name.upper())

    def _office_names(self) -> tuple[str, str]:
        if self._first is not None:
            return self._first.names.name, self._first.names.parent
        from desk.services import office as office_service

        office = office_service.get_office(self._database())
        return office.name, office.parent

    def try_log_in(self) -> bool:
        """Check the credentials; accept the dialog when they are right."""
        self.errors.clear()
        self.notice.clear_notice()
        username = clean_text(self.username_edit)
        if not username:
            self.errors.show({"username": translate("LoginDialog", "Chưa nhập tên đăng nhập.")})
            return False
        try:
            self.clerk = self._log_in(username, self.password_edit.text())
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._shown:  # when the start put the login on screen (in the log, for support)
            self._shown = True
            QTimer.singleShot(0, lambda: log.info("login dialog shown"))

    def _database(self) -> Database:
        if self.db is None:
            assert self._first is not None
            self.db = self._first.database()
        return self.db

    def _log_in(self, username: str, password: str) -> Clerk:
        if self._first is not None:
            from desk.services import quick_list
            from desk.storage.statement_book import BareUnavailable

            try:
                return quick_list.sign_in(self._first.reader, username, password)
            except BareUnavailable:
                pass  # a sign-in with something to record: the ordinary one
        from desk.services import accounts

        return accounts.log_in(self._database(), username, password)
