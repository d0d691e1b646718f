"""Work done off the window's thread, its result handed back on it.

A window shows what the clerk needs first (the worklist's page) and fills the
rest (its counts, the at-risk list) once it is on screen: that work runs on
Qt's thread pool and its result comes back to the window's thread as a queued
signal. The pool thread never touches the widget that asked (it may be
deleted meanwhile): it hands the result to one relay that lives as long as the
program, which calls back only a widget that still exists.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from desk.domain.errors import UserError
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

CONTEXT = "Background"

Done = Callable[[Any, "str | None"], None]


class _Relay(QObject):
    """Carries results from the pool threads to their owners (made on the window's thread)."""

    finished = Signal(int, object, object)  # token, result, error message

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[QObject, Done]] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: object, error: str | None) -> None:
        owner, done = self.waiting.pop(token, (None, None))
        if owner is None or done is None or not shiboken6.isValid(owner):
            return
        done(result, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def run(owner: QObject, work: Callable[[], Any], done: Done) -> None:
    """Run ``work()`` on the pool; ``done(result, None)`` or ``done(None, message)`` follows
    on the window's thread, unless ``owner`` was deleted meanwhile."""
    relay, token = _the_relay(), next(_tokens)
    relay.waiting[token] = (owner, done)

    def task() -> None:
        result, error = None, None
        try:
            result = work()
        except UserError as exc:  # the database is locked or gone: the owner says so
            error = exc.message
        except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
            log.exception("background work failed")
            error = translate("Background", "Không tải được dữ liệu: xem nhật ký của chương trình.")
        try:
            relay.finished.emit(token, result, error)
        except RuntimeError:  # the program is closing and the relay is gone
            log.debug("background work finished after the program closed")

    QThreadPool.globalInstance().start(task)
