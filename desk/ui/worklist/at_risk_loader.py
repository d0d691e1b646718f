"""Computing the at-risk list off the window's thread.

On a large office the first list of the day reads a year of decisions (about a
second on a million dossiers; the service then keeps that history for the day
and later lists take a fraction of a second), and a counter's window must not
freeze meanwhile. So ``risk.at_risk`` runs on a pool thread and its result
comes back to the window's thread as a queued signal.

The window may close while a list is being computed. The pool thread therefore
never touches the loader itself (it may be deleted at that very moment): it
hands its result to one relay object that lives as long as the program, which
passes it on, on the window's thread, to the loader if it still exists.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from desk.domain.errors import UserError
from desk.domain.risk import RiskItem
from desk.services import risk
from desk.storage.database import Database
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

CONTEXT = "AtRiskView"


class _Relay(QObject):
    """Carries results from the pool threads to the loaders (made on the window's thread)."""

    finished = Signal(int, object, object, object)  # loader's token, items, now, error

    def __init__(self) -> None:
        super().__init__()
        self.loaders: dict[int, AtRiskLoader] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object, object)
    def _deliver(
        self, token: int, items: list[RiskItem] | None, now: datetime, error: str | None
    ) -> None:
        loader = self.loaders.get(token)
        if loader is None or not shiboken6.isValid(loader):
            self.loaders.pop(token, None)
            return
        loader.finish(items, now, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _compute(db: Database, now: datetime) -> tuple[list[RiskItem] | None, str | None]:
    """The list, or the message saying why there is none (runs on a pool thread)."""
    try:
        return risk.at_risk(db, now), None
    except UserError as exc:  # the database is locked or gone
        return None, exc.message
    except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
        log.exception("at-risk list failed")
        return None, translate(
            "AtRiskView", "Không tính được danh sách cần xin lỗi: xem nhật ký của chương trình."
        )


class AtRiskLoader(QObject):
    """``request(now)`` computes the list in the background; ``loaded(items, now)`` or
    ``failed(message)`` follow on the window's thread. A request made while one
    runs is kept (the newest only) and started when the running one ends."""

    loaded = Signal(object, object)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._pending: datetime | None = None
        self.running = False
        self._token = next(_tokens)
        relay = _the_relay()
        relay.loaders[self._token] = self
        token = self._token
        self.destroyed.connect(lambda *_: relay.loaders.pop(token, None))

    def request(self, now: datetime) -> None:
        if self.running:
            self._pending = now
            return
        self._start(now)

    def _start(self, now: datetime) -> None:
        self.running = True
        db, token, relay = self._db, self._token, _the_relay()

        def work() -> None:
            items, error = _compute(db, now)
            try:
                relay.finished.emit(token, items, now, error)
            except RuntimeError:  # the program is closing and the relay is gone
                log.debug("at-risk list finished after the program closed")

        QThreadPool.globalInstance().start(work)

    def finish(self, items: list[RiskItem] | None, now: datetime, error: str | None) -> None:
        """A computation ended (called by the relay, on the window's thread)."""
        self.running = False
        if self._pending is not None:
            later, self._pending = self._pending, None
            self._start(later)
        if error is not None:
            self.failed.emit(error)
        else:
            self.loaded.emit(items or [], now)
