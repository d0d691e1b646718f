"""Another clerk takes the counter without quitting the program ("Đổi người dùng...").

Clerks change at a counter during the day (lunch, the afternoon shift). The
switch asks first when something typed is not saved yet (an intake, a step of
a dossier): saved work is in the database and is never lost, unsaved input is
given up only when the clerk says so. Then the login dialog asks who signs in.
Cancelling either keeps the first clerk as they were; the same clerk signing in
again changes nothing. A different clerk is written in the audit trail
(``desk.services.sessions``) and ``switched`` carries them: the window then
builds the session anew for them (see ``MainWindow.hand_over``).

A window made for the new clerk has no parent, so it is kept here while it is
open (``keep``); Qt would otherwise lose it with its last Python reference.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import sessions
from desk.storage.database import Database
from desk.ui.session.login_dialog import LoginDialog
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import confirm, show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "UserSwitch"

_KEPT: set[QWidget] = set()


def keep(window: QWidget) -> QWidget:
    """Hold ``window`` until it is destroyed (a session window made by a switch)."""
    _KEPT.add(window)
    window.destroyed.connect(lambda *_: _KEPT.discard(window))
    return window


class UserSwitch(QObject):
    """One "Đổi người dùng" over ``window``: ask about unsaved input, sign in, tell.

    ``switched`` carries the new clerk (already audited); ``cancelled`` says the
    first clerk stays.
    """

    switched = Signal(object)
    cancelled = Signal()

    def __init__(
        self, window: QWidget, db: Database, clerk: Clerk, clock: Clock, unsaved: bool
    ) -> None:
        super().__init__(window)
        self._window, self._db, self._clerk, self._clock = window, db, clerk, clock
        self._unsaved = unsaved
        #: The question about unsaved input, while it is asked.
        self.question: QMessageBox | None = None
        #: The login dialog, while it is open.
        self.dialog: LoginDialog | None = None

    def start(self) -> None:
        if not self._unsaved:
            self._ask_who()
            return
        box = confirm(
            self._window,
            translate("UserSwitch", "Đổi người dùng"),
            translate(
                "UserSwitch",
                "Có phần đang nhập chưa lưu (tiếp nhận hồ sơ hoặc một bước của hồ sơ). Đổi người "
                "dùng sẽ bỏ phần đó. Vẫn đổi người dùng?",
            ),
            translate("UserSwitch", "Bỏ phần chưa lưu và đổi"),
            translate("UserSwitch", "Không, ở lại"),
            self._ask_who,
        )
        box.setObjectName("unsaved_switch_box")
        box.finished.connect(lambda _result: self._answered(box))
        self.question = box

    def _answered(self, box: QMessageBox) -> None:
        self.question = None
        if box.buttonRole(box.clickedButton()) is not QMessageBox.ButtonRole.YesRole:
            self.cancelled.emit()

    def _ask_who(self) -> None:
        dialog = LoginDialog(self._db, self._window)
        dialog.setObjectName("switch_user_dialog")
        dialog.setWindowTitle(translate("UserSwitch", "Đổi người dùng"))
        dialog.accepted.connect(lambda: self._signed_in(dialog))
        dialog.rejected.connect(self.cancelled.emit)
        self.dialog = dialog
        dialog.open()

    def _signed_in(self, dialog: LoginDialog) -> None:
        self.dialog = None
        clerk = dialog.clerk
        dialog.deleteLater()
        if clerk is None or clerk.id == self._clerk.id:
            self.cancelled.emit()
            return
        db, before, clock = self._db, self._clerk, self._clock

        def recorded(_done: object, refusal: UserError | None, error: str | None) -> None:
            if refusal is not None or error is not None:  # the database is away: they stay
                message = refusal.message if refusal is not None else error or ""
                show_message(self._window, translate("UserSwitch", "Đổi người dùng"), message)
                self.cancelled.emit()
                return
            log.info("%s signed in in place of %s", clerk.username, before.username)
            self.switched.emit(clerk)

        # Recorded in the audit trail off the window's thread, as the password was checked.
        background.run_refusable(
            self, lambda: sessions.record_switch(db, before, clerk, clock), recorded
        )
