"""Logging in at the counter: every dossier records the clerk who received it.

A wrong password clears only the password: the username stays, so the clerk
retypes one field, not two. The office's name and the password are read and checked
off the window's thread (the fields wait meanwhile, and say so): a server that
answers slowly, or the database layer still loading, never freezes the window.

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
from desk.ui.widgets import background
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
        self._checking = False
        self._office_reads = background.NewestRead(self)
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
        """The office heading the dialog ("Bộ phận Một cửa" until it is read, and for an
        office not set up yet)."""
        self.parent_label.hide()
        self.office_label.setText(translate("LoginDialog", "Bộ phận Một cửa"))
        if self._first is not None:
            self._show_office((self._first.names.name, self._first.names.parent), None)
            return
        db = self.db
        assert db is not None

        def read() -> tuple[str, str] | None:
            from desk.services import office as office_service

            try:
                office = office_service.get_office(db)
            except DeskError:
                return None  # no office yet
            return office.name, office.parent

        self._office_reads.run(read, self._show_office)

    def _show_office(self, names: tuple[str, str] | None, error: str | None) -> None:
        if names is None:
            if error is not None:
                log.warning("the office could not be read for the login: %s", error)
            return
        name, parent = names
        self.parent_label.setText(parent.upper())
        self.parent_label.show()
        self.office_label.setText(name.upper())

    def try_log_in(self) -> bool:
        """Check the credentials off the window's thread, the fields held meanwhile; the
        dialog is accepted when they are right, else says why at the field. ``False``
        when nothing was asked (no username yet, or a check already on its way)."""
        if self._checking:
            return False
        self.errors.clear()
        self.notice.clear_notice()
        username = clean_text(self.username_edit)
        if not username:
            self.errors.show({"username": translate("LoginDialog", "Chưa nhập tên đăng nhập.")})
            return False
        password = self.password_edit.text()
        self._hold(True)
        background.run_refusable(self, lambda: self._log_in(username, password), self._checked)
        return True

    def checking(self) -> bool:
        """Whether the password is being checked, or the office read."""
        return self._checking or self._office_reads.waiting()

    def reject(self) -> None:
        """Cancel, Esc or the window's close: not while a password is being checked (at
        start the check reads on a connection that closes with the dialog)."""
        if not self._checking:
            super().reject()

    def _hold(self, checking: bool) -> None:
        self._checking = checking
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for widget in (self.username_edit, self.password_edit, self.login_button, cancel):
            widget.setEnabled(not checking)
        if checking:
            self.notice.show_waiting(translate("LoginDialog", "Đang kiểm tra mật khẩu..."))
        else:
            self.notice.clear_notice()

    def _checked(self, clerk: Clerk | None, refusal: UserError | None, error: str | None) -> None:
        self._hold(False)
        if clerk is not None:
            self.clerk = clerk
            self.accept()
            return
        if refusal is None or refusal.field not in self.errors.fields():
            # Not about what was typed (e.g. the database is locked): keep both.
            self.notice.show_error(refusal.message if refusal is not None else error or "")
            self.password_edit.setFocus()
            return
        if refusal.field == "password":
            self.password_edit.clear()
        self.errors.show({refusal.field: refusal.message})

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
        """The clerk signing in (on a pool thread: no widget)."""
        if self._first is not None:
            from desk.services import quick_list
            from desk.storage.statement_book import BareUnavailable

            try:
                return quick_list.sign_in(self._first.reader, username, password)
            except BareUnavailable:
                pass  # a sign-in with something to record: the ordinary one
        from desk.services import accounts

        return accounts.log_in(self._database(), username, password)
