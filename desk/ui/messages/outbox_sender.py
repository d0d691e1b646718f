"""Sending the outbox from the window, in the background, every 30 seconds.

Only when this PC has a sender (``notify_settings.here``: the modem plugged into
it, or the office's SMTP server or Zalo account): each pass runs
``delivery.send_pending`` on a pool thread, never on the window's thread (a
modem may take a minute), and one pass at a time. Its report comes back on the
window's thread as ``passed(report)``; a pass that cannot reach the database
says so as ``failed(message)`` and the next one tries again.

The pass runs through ``desk.ui.widgets.background``: a sender whose window
closed meanwhile is simply not told.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk.domain.clock import Clock
from desk.services import delivery, notify_settings
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

CONTEXT = "OutboxSender"
PASS_EVERY_MS = 30_000


def one_pass(db: Database, clock: Clock) -> delivery.PassReport | None:
    """One sending pass through this PC's senders, ``None`` without one (on a pool thread)."""
    senders = notify_settings.senders_here(notify_settings.load(db))
    if not senders:
        return None
    return delivery.send_pending(db, senders, clock)


class BackgroundSender(QObject):
    """``start()`` makes a pass now and every 30 s; ``passed(report)`` after each one
    that had a sender, ``failed(message)`` when the pass could not run."""

    passed = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        clock: Clock,
        parent: QObject | None = None,
        every_ms: int = PASS_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.send_now)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.send_now)

    def stop(self) -> None:
        self.timer.stop()

    def send_now(self) -> None:
        """A pass on a pool thread, unless one is running."""
        if self.running:
            return
        self.running = True
        db, clock = self._db, self._clock
        background.run(
            self,
            lambda: one_pass(db, clock),
            self.finish,
            failure=translate(
                "OutboxSender", "Không gửi được tin nhắn: xem nhật ký của chương trình."
            ),
        )

    def finish(self, report: delivery.PassReport | None, error: str | None) -> None:
        """A pass ended (on the window's thread)."""
        self.running = False
        if error is not None:
            log.warning("outbox pass failed: %s", error)
            self.failed.emit(error)
        elif report is not None:
            self.passed.emit(report)
