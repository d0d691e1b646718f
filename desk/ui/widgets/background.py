"""Work done off the window's thread, its result handed back on it.

A window shows what the clerk needs first (the worklist's page) and fills the
rest (its counts, the at-risk list) once it is on screen: that work runs on
Qt's thread pool and its result comes back to the window's thread as a queued
signal. The pool thread never touches the widget that asked (it may be
deleted meanwhile): it hands the result to one relay that lives as long as the
program, which calls back only a widget that still exists.

Whatever waits on a printer, a file, a scanner's pages or a copy of the
database goes through ``run_in_background``: the window keeps answering (a
printer that is off takes seconds to say so, one that hangs takes longer), it
shows what runs (``desk.ui.widgets.progress_note``) and disables the buttons
that started it, so a double click cannot print twice. That work runs on a pool
of its own: a printer stuck on every thread of Qt's pool (two, on a two-core
counter PC) would otherwise hold back the lists the window reads.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from desk.domain.errors import UserError
from desk.ui.widgets.progress_note import ProgressNote, ProgressWindow
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

CONTEXT = "Background"
#: Threads for work that waits on devices and files (several printers may hang at once).
DEVICE_THREADS = 4

Done = Callable[[Any, "str | None"], None]
#: ``report(done, total)``: how far the work is (called on the pool thread).
Progress = Callable[[int, int], None]


class _Relay(QObject):
    """Carries results from the pool threads to their owners (made on the window's thread)."""

    finished = Signal(int, object, object)  # token, result, error message
    progressed = Signal(int, int, int)  # token, done, total

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[QObject, Done, Progress | None]] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: object, error: str | None) -> None:
        owner, done, _progressed = self.waiting.pop(token, (None, None, None))
        if owner is None or done is None or not shiboken6.isValid(owner):
            return
        done(result, error)

    @Slot(int, int, int)
    def _progress(self, token: int, done: int, total: int) -> None:
        owner, _done, progressed = self.waiting.get(token, (None, None, None))
        if owner is not None and progressed is not None and shiboken6.isValid(owner):
            progressed(done, total)


_relay: _Relay | None = None
_devices: QThreadPool | None = None
_polls: QThreadPool | None = None
_tokens = itertools.count(1)
#: Threads for the screens' polls of the database (one poll at a time per screen).
POLL_THREADS = 4


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def device_pool() -> QThreadPool:
    """The pool of the work that waits on devices and files."""
    global _devices
    if _devices is None:
        _devices = QThreadPool()
        _devices.setMaxThreadCount(DEVICE_THREADS)
    return _devices


def poll_pool() -> QThreadPool:
    """The pool of the screens' polls: a poll that waits on a server that went away
    holds one of these, never a thread that reads the lists the clerk asked for."""
    global _polls
    if _polls is None:
        _polls = QThreadPool()
        _polls.setMaxThreadCount(POLL_THREADS)
    return _polls


def run(
    owner: QObject,
    work: Callable[..., Any],
    done: Done,
    *,
    progressed: Callable[[int, int], None] | None = None,
    failure: str | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``work()`` on the pool; ``done(result, None)`` or ``done(None, message)`` follows
    on the window's thread, unless ``owner`` was deleted meanwhile.

    A ``UserError`` gives its message; any other exception is a bug: logged with
    its traceback, and told with ``failure`` (a general message when not given).
    With ``progressed``, ``work`` is called as ``work(report)``; each
    ``report(done, total)`` it makes reaches ``progressed`` on the window's thread.
    """
    relay, token = _the_relay(), next(_tokens)
    relay.waiting[token] = (owner, done, progressed)

    def report(count: int, total: int) -> None:
        relay.progressed.emit(token, count, total)

    def task() -> None:
        result, error = None, None
        try:
            result = work(report) if progressed is not None else work()
        except UserError as exc:  # the printer is off, the database is locked: the owner says so
            error = exc.message
        except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
            log.exception("background work failed")
            error = failure or translate(
                "Background", "Không tải được dữ liệu: xem nhật ký của chương trình."
            )
        try:
            relay.finished.emit(token, result, error)
        except RuntimeError:  # the program is closing and the relay is gone
            log.debug("background work finished after the program closed")

    (pool or QThreadPool.globalInstance()).start(task)


class NewestRead:
    """Reads of one thing (a list, a page, a date) where only the newest asked is shown:
    a read asked while an earlier one still waits (a second search, a server slower for
    one read than for the next) makes the earlier one late, whichever ends first."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._asked = 0
        self._waiting = False

    def run(self, work: Callable[[], Any], done: Done, pool: QThreadPool | None = None) -> None:
        """``run(owner, work, done)``, ``done`` only for the newest read asked."""
        self._asked += 1
        asked, self._waiting = self._asked, True

        def finished(result: object, error: str | None) -> None:
            if asked != self._asked:  # asked again since: that read is the one shown
                return
            self._waiting = False
            done(result, error)

        run(self._owner, work, finished, pool=pool)

    def run_refusable(
        self, work: Callable[[], Any], done: Refusable, pool: QThreadPool | None = None
    ) -> None:
        """``run`` for a read a service may refuse: ``done(result, refusal, error)`` as the
        module's ``run_refusable`` gives it, only for the newest read asked."""
        self.run(_keeping_refusal(work), _unpacking(done), pool)

    def forget(self) -> None:
        """What is on its way is no longer wanted (nothing of it will be shown)."""
        self._asked += 1
        self._waiting = False

    def waiting(self) -> bool:
        """Whether the newest read asked has not come back yet."""
        return self._waiting


Refusable = Callable[[Any, "UserError | None", "str | None"], None]


def run_refusable(
    owner: QObject,
    work: Callable[[], Any],
    done: Refusable,
    *,
    failure: str | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """``run`` for work a service may refuse (a save, a step, a ticket): ``done(result,
    None, None)``, or ``done(None, refusal, None)`` with the ``UserError`` whole (its
    field, a ``ValidationError``'s fields), or ``done(None, None, message)`` for a bug."""
    run(owner, _keeping_refusal(work), _unpacking(done), failure=failure, pool=pool)


def _keeping_refusal(work: Callable[[], Any]) -> Callable[[], tuple[Any, UserError | None]]:
    """``work`` whose ``UserError`` comes back whole, as its result's second half."""

    def task() -> tuple[Any, UserError | None]:
        try:
            return work(), None
        except UserError as exc:
            return None, exc

    return task


def _unpacking(done: Refusable) -> Done:
    """``done(result, refusal, error)`` from what ``_keeping_refusal``'s work gave."""

    def finished(outcome: tuple[Any, UserError | None] | None, error: str | None) -> None:
        result, refusal = outcome if outcome is not None else (None, None)
        done(result, refusal, error)

    return finished


def pending() -> int:
    """How many pieces of work have not yet been handed back (the tests wait on it)."""
    return len(_relay.waiting) if _relay is not None else 0


def wait_for_done(msecs: int) -> bool:
    """Wait for every pool thread to end (at the program's end), ``msecs`` in all for the
    three pools (a server or a printer that hangs must not make quitting take three
    times as long); ``False`` on a timeout."""
    deadline = time.monotonic() + msecs / 1000

    def left() -> int:
        return max(0, round((deadline - time.monotonic()) * 1000))

    done = QThreadPool.globalInstance().waitForDone(msecs)
    polls = _polls is None or _polls.waitForDone(left())
    return (_devices is None or _devices.waitForDone(left())) and polls and done


@dataclass
class Job:
    """Work started by ``run_in_background``: ``running`` until its outcome was shown."""

    label: str
    running: bool = True
    _enabled_again: list[QWidget] = field(default_factory=list)


def run_in_background(
    owner: QWidget,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    label: str,
    *,
    buttons: Iterable[QWidget] = (),
    note: ProgressNote | None = None,
    failure: str | None = None,
) -> Job:
    """Run ``work()`` (printing, writing a file...) off the window's thread while the
    window says ``label`` and keeps ``buttons`` disabled; then ``on_done(result)``
    or ``on_error(message)`` on the window's thread (neither if ``owner`` is gone).

    ``label`` shows in ``note`` (a place on the screen) or, without one, in a
    small window over ``owner``; either only once the work has run
    ``progress_note.DELAY_MS``. A bug in ``work`` is told as ``failure`` (or as a
    program error). ``work`` must touch no widget.
    """
    job = Job(label)
    for button in buttons:
        if button.isEnabled():
            button.setEnabled(False)
            job._enabled_again.append(button)
    shown: ProgressNote | ProgressWindow = note if note is not None else ProgressWindow(owner)
    shown.start(label)

    def finish(result: object, error: str | None) -> None:
        job.running = False
        if shiboken6.isValid(shown):
            shown.stop()
        for button in job._enabled_again:
            if shiboken6.isValid(button):
                button.setEnabled(True)
        if error is not None:
            on_error(error)
        else:
            on_done(result)

    failure = failure or translate(
        "Background", "Lỗi của chương trình: xem nhật ký của chương trình."
    )
    run(owner, work, finish, failure=failure, pool=device_pool())
    return job
