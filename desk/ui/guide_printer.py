"""Printing the guide to submitting online off the window's thread.

A receipt printer may take seconds to answer, or time out when it is off; the
intake window must not freeze meanwhile, the citizen in front of the clerk is
waiting. So ``online_guidance.print_guide`` (render, send, record) runs on a
pool thread and its result comes back to the window's thread as a queued
signal. As in ``at_risk_loader``, the pool thread never touches the printer
object itself (the window may close meanwhile): it hands its result to one
relay that lives as long as the program.
"""

from __future__ import annotations

import itertools
import logging

import shiboken6
from PIL import Image
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import online_guidance
from desk.storage.database import Database
from desk.ui.qt_helpers import translate

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries results from the pool threads to the printers (made on the window's thread)."""

    finished = Signal(int, str, object, object)  # printer's token, code, image, error

    def __init__(self) -> None:
        super().__init__()
        self.printers: dict[int, GuidePrinter] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str, object, object)
    def _deliver(self, token: int, code: str, image: Image.Image | None, error: str | None) -> None:
        printer = self.printers.get(token)
        if printer is None or not shiboken6.isValid(printer):
            self.printers.pop(token, None)
            return
        printer.finish(code, image, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _print(
    db: Database, code: str, clerk: Clerk, clock: Clock
) -> tuple[Image.Image | None, str | None]:
    """The image printed, or why not (runs on a pool thread)."""
    try:
        return online_guidance.print_guide(db, code, clerk, clock), None
    except UserError as exc:  # the printer is off, the database is locked...
        log.warning(
            "online guide %s not printed: %s", code, getattr(exc, "detail", "") or exc.message
        )
        return None, exc.message
    except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
        log.exception("online guide %s failed", code)
        return None, translate(
            "GuidePrinter", "Không in được phiếu hướng dẫn: xem nhật ký của chương trình."
        )


class GuidePrinter(QObject):
    """``request(code)`` prints in the background; ``printed(code, image)`` or
    ``failed(code, message)`` follow on the window's thread. One print at a time:
    a request while one runs is refused (``request`` returns ``False``)."""

    printed = Signal(str, object)
    failed = Signal(str, str)

    def __init__(
        self, db: Database, clerk: Clerk, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._clerk, self._clock = db, clerk, clock
        self.running = False
        self._token = next(_tokens)
        relay = _the_relay()
        relay.printers[self._token] = self
        token = self._token
        self.destroyed.connect(lambda *_: relay.printers.pop(token, None))

    def request(self, code: str) -> bool:
        if self.running:
            return False
        self.running = True
        db, clerk, clock = self._db, self._clerk, self._clock
        token, relay = self._token, _the_relay()

        def work() -> None:
            image, error = _print(db, code, clerk, clock)
            try:
                relay.finished.emit(token, code, image, error)
            except RuntimeError:  # the program is closing and the relay is gone
                log.debug("online guide finished after the program closed")

        QThreadPool.globalInstance().start(work)
        return True

    def finish(self, code: str, image: Image.Image | None, error: str | None) -> None:
        """A print ended (called by the relay, on the window's thread)."""
        self.running = False
        if error is not None or image is None:
            self.failed.emit(code, error or "")
        else:
            self.printed.emit(code, image)
