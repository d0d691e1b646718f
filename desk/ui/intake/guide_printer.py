"""Printing the guide to submitting online off the window's thread.

A receipt printer may take seconds to answer, or time out when it is off; the
intake window must not freeze meanwhile, the citizen in front of the clerk is
waiting. So ``online_guidance.print_guide`` (render, send, record) runs through
``desk.ui.widgets.background`` and its result comes back on the window's thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import online_guidance
from desk.storage.database import Database
from desk.ui.widgets import background

if TYPE_CHECKING:  # the picture's library, loaded with the printing
    from PIL import Image

log = logging.getLogger(__name__)


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

    def request(self, code: str) -> bool:
        if self.running:
            return False
        self.running = True
        db, clerk, clock = self._db, self._clerk, self._clock

        def work() -> Image.Image:
            try:
                return online_guidance.print_guide(db, code, clerk, clock)
            except UserError as exc:  # the printer is off, the database is locked...
                log.warning(
                    "online guide %s not printed: %s",
                    code,
                    getattr(exc, "detail", "") or exc.message,
                )
                raise

        background.run(self, work, lambda image, error: self.finish(code, image, error))
        return True

    def finish(self, code: str, image: Image.Image | None, error: str | None) -> None:
        """A print ended (on the window's thread)."""
        self.running = False
        if error is not None or image is None:
            self.failed.emit(code, error or "")
        else:
            self.printed.emit(code, image)
