"""Computing the at-risk list off the window's thread.

On a large office the first list of the day reads a year of decisions (about a
second on a million dossiers; the service then keeps that history for the day
and later lists take a fraction of a second), and a counter's window must not
freeze meanwhile. So ``risk.at_risk`` runs through ``desk.ui.widgets.background``
and its result comes back on the window's thread (to a loader that still exists).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desk.domain.risk import RiskItem
from desk.domain.scope import Scope
from desk.services import risk
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "AtRiskView"


class AtRiskLoader(QObject):
    """``request(now)`` computes the list in the background; ``loaded(items, now)`` or
    ``failed(message)`` follow on the window's thread. A request made while one
    runs is kept (the newest only) and started when the running one ends."""

    loaded = Signal(object, object)
    failed = Signal(str)

    def __init__(
        self, db: Database, parent: QObject | None = None, scope: Scope | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._scope = scope or Scope.office()  # whose dossiers: a clerk's own, or all
        self._pending: datetime | None = None
        self.running = False

    def request(self, now: datetime) -> None:
        if self.running:
            self._pending = now
            return
        self._start(now)

    def _start(self, now: datetime) -> None:
        self.running = True
        db, scope = self._db, self._scope
        background.run(
            self,
            lambda: risk.at_risk(db, now, scope),
            lambda items, error: self.finish(items, now, error),
            failure=translate(
                "AtRiskView", "Không tính được danh sách cần xin lỗi: xem nhật ký của chương trình."
            ),
        )

    def finish(self, items: list[RiskItem] | None, now: datetime, error: str | None) -> None:
        """A computation ended (on the window's thread)."""
        self.running = False
        if self._pending is not None:
            later, self._pending = self._pending, None
            self._start(later)
        if error is not None:
            self.failed.emit(error)
        else:
            self.loaded.emit(items or [], now)
