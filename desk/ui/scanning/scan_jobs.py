"""Scanning work off the window's thread: thumbnails, building a PDF, saving it.

Twenty A4 pages at 300 dpi take seconds to read and write; the clerk keeps
working meanwhile and sees the progress. A job runs on the global thread pool
and reports back through one relay that lives as long as the program (as
``desk.ui.widgets.background`` does), so a window closed meanwhile is simply not told.
``ScanJob.start(work)`` runs ``work(progress)``; ``progress(done, total)`` may
be called from the pool thread; ``done(result)`` or ``failed(message)`` arrive
on the window's thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desk.domain.errors import UserError
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _Relay(QObject):
    progressed = Signal(int, int, int)  # job's token, done, total
    finished = Signal(int, object, object)  # job's token, result, error message

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, ScanJob] = {}
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def _job(self, token: int) -> ScanJob | None:
        job = self.jobs.get(token)
        if job is None or not shiboken6.isValid(job):
            self.jobs.pop(token, None)
            return None
        return job

    @Slot(int, int, int)
    def _progress(self, token: int, done: int, total: int) -> None:
        if (job := self._job(token)) is not None:
            job.progressed.emit(done, total)

    @Slot(int, object, object)
    def _finish(self, token: int, result: object, error: str | None) -> None:
        job = self._job(token)
        self.jobs.pop(token, None)
        if job is not None:
            job.finish(result, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Task(QRunnable):
    def __init__(self, token: int, work: Callable[[Progress], object], relay: _Relay) -> None:
        super().__init__()
        self.token, self.work, self.relay = token, work, relay

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.relay.progressed.emit(self.token, done, total)

        try:
            result, error = self.work(progress), None
        except UserError as exc:
            result, error = None, exc.message
        except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
            log.exception("scan job failed")
            result = None
            error = translate(
                "ScanJobs", "Không xử lý được bản số hóa: xem nhật ký của chương trình."
            )
        self.relay.finished.emit(self.token, result, error)


class ScanJob(QObject):
    """One piece of background work at a time; ``busy`` while it runs."""

    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False

    def start(self, work: Callable[[Progress], object]) -> bool:
        """Run ``work`` on the pool; ``False`` (nothing started) while a job still runs."""
        if self.busy:
            return False
        self.busy = True
        relay = _the_relay()
        token = next(_tokens)
        relay.jobs[token] = self
        QThreadPool.globalInstance().start(_Task(token, work, relay))
        return True

    def finish(self, result: object, error: str | None) -> None:
        self.busy = False
        if error is None:
            self.done.emit(result)
        else:
            self.failed.emit(error)
