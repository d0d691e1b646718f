"""Scanning work off the window's thread: thumbnails, building a PDF, saving it.

Twenty A4 pages at 300 dpi take seconds to read and write; the clerk keeps
working meanwhile and sees the progress. A job runs through
``desk.ui.widgets.background``, so a window closed meanwhile is simply not told.
``ScanJob.start(work)`` runs ``work(progress)``; ``progress(done, total)`` may
be called from the pool thread; ``done(result)`` or ``failed(message)`` arrive
on the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desk.ui.widgets import background
from desk.ui.widgets.background import Progress
from desk.ui.widgets.qt_helpers import translate

__all__ = ["Progress", "ScanJob"]


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
        background.run(
            self,
            work,
            self.finish,
            progressed=self.progressed.emit,
            failure=translate(
                "ScanJobs", "Không xử lý được bản số hóa: xem nhật ký của chương trình."
            ),
        )
        return True

    def finish(self, result: object, error: str | None) -> None:
        self.busy = False
        if error is None:
            self.done.emit(result)
        else:
            self.failed.emit(error)
