"""Sending the outbox from the window, in the background, every 30 seconds.

Only when this PC has a sender (``notify_settings.here``: the modem plugged into
it, or the office's SMTP server or Zalo account): each pass runs
``delivery.send_pending`` on a pool thread, never on the window's thread (a
modem may take a minute), and one pass at a time. Its report comes back on the
window's thread as ``passed(report)``; a pass that cannot reach the database
says so as ``failed(message)`` and the next one tries again.

The pool thread never touches the sender object itself (the window may close
meanwhile): it hands its result to a relay that lives as long as the program
(as ``desk.ui.worklist.at_risk_loader`` does).
"""

from __future__ import annotations

import itertools
import logging

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.services import delivery, notify_settings
from desk.storage.database import Database
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

CONTEXT = "OutboxSender"
PASS_EVERY_MS = 30_000


class _Relay(QObject):
    finished = Signal(int, object, object)  # sender's token, report, error

    def __init__(self) -> None:
        super().__init__()
        self.senders: dict[int, BackgroundSender] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object)
    def _deliver(self, token: int, report: object, error: object) -> None:
        sender = self.senders.get(token)
        if sender is None or not shiboken6.isValid(sender):
            self.senders.pop(token, None)
            return
        sender.finish(report, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def one_pass(db: Database, clock: Clock) -> tuple[delivery.PassReport | None, str | None]:
    """One sending pass through this PC's senders (runs on a pool thread)."""
    try:
        senders = notify_settings.senders_here(notify_settings.load(db))
        if not senders:
            return None, None
        return delivery.send_pending(db, senders, clock), None
    except UserError as exc:
        return None, exc.message
    except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
        log.exception("sending the outbox failed")
        return None, translate(
            "OutboxSender", "Không gửi được tin nhắn: xem nhật ký của chương trình."
        )


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
        self._token = next(_tokens)
        relay = _the_relay()
        relay.senders[self._token] = self
        token = self._token
        self.destroyed.connect(lambda *_: relay.senders.pop(token, None))
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
        db, clock, token, relay = self._db, self._clock, self._token, _the_relay()

        def work() -> None:
            report, error = one_pass(db, clock)
            try:
                relay.finished.emit(token, report, error)
            except RuntimeError:  # the program is closing and the relay is gone
                log.debug("an outbox pass finished after the program closed")

        QThreadPool.globalInstance().start(work)

    def finish(self, report: object, error: object) -> None:
        """A pass ended (called by the relay, on the window's thread)."""
        self.running = False
        if isinstance(error, str):
            log.warning("outbox pass failed: %s", error)
            self.failed.emit(error)
        elif report is not None:
            self.passed.emit(report)
