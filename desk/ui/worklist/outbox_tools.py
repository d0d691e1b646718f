"""What the main window adds for the messages to applicants: the background sender
(when this PC has one) and, for supervisors, the list of messages that need a look
(Quản trị › Tin nhắn cho người nộp...), with a word in the status bar when a
message is given up. Kept apart so the main window stays about the counter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from desk.domain.clock import Clock
from desk.domain.office import Clerk
from desk.services import delivery, outbox
from desk.storage.database import Database
from desk.ui.messages.outbox_sender import BackgroundSender
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.ui.messages.outbox_dialog import OutboxDialog

CONTEXT = "MessageTools"
NOTICE_MS = 60_000


class MessageTools(QObject):
    def __init__(self, window: QMainWindow, db: Database, clerk: Clerk, clock: Clock) -> None:
        super().__init__(window)
        self._window, self._db, self._clerk, self._clock = window, db, clerk, clock
        self.dialog: OutboxDialog | None = None
        #: The read of the list before it first opens.
        self._opening = background.NewestRead(self)
        self.sender = BackgroundSender(db, clock, self)
        self.sender.passed.connect(self._after_pass)
        self.sender.start()
        menu = getattr(window, "admin_menu", None) or window.menuBar()
        menu.addSeparator()
        self.action = menu.addAction(
            translate("MessageTools", "Tin nhắn cho người nộp cần xem lại..."), self.open_list
        )
        self.action.setObjectName("outbox_action")
        if not clerk.is_supervisor:
            self.action.setEnabled(False)
            self.action.setToolTip(
                translate(
                    "MessageTools", "Chỉ lãnh đạo, giám sát và quản trị viên xem được mục này."
                )
            )

    def open_list(self) -> None:
        """Show the list (``dialog``): read off the window's thread before it first opens,
        read again when it is open already. A second click while it is read does nothing."""
        if self.dialog is not None:
            self.dialog.reload()
            self.dialog.show()
            self.dialog.raise_()
            return
        if self._opening.waiting():
            return
        # Loaded when a supervisor first opens it, not with every window.
        from desk.ui.messages.outbox_dialog import OutboxDialog

        db, clock = self._db, self._clock

        def done(items: list[outbox.MessageView] | None, error: str | None) -> None:
            dialog = self.dialog = OutboxDialog(
                self._db, self._clerk, self._clock, self._window, found=items or []
            )
            if items is None:  # it opens all the same, and says why it is empty
                dialog.notice.show_error(error or "")
            opener = getattr(self._window, "open_dossier", None)
            if opener is not None:
                dialog.open_requested.connect(opener)
            dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
            dialog.show()
            dialog.raise_()

        self._opening.run(lambda: OutboxDialog.read(db, clock), done)

    def opening(self) -> bool:
        """Whether the list is being read to be opened."""
        return self._opening.waiting()

    def _after_pass(self, report: delivery.PassReport) -> None:
        if report.failed and self._clerk.is_supervisor:
            self._window.statusBar().showMessage(
                translate(
                    "MessageTools",
                    "{count} tin nhắn cho người nộp gửi không được: xem Quản trị › "
                    "Tin nhắn cho người nộp cần xem lại.",
                ).format(count=report.failed),
                NOTICE_MS,
            )
        if self.dialog is not None and report.handled:
            self.dialog.reload()
