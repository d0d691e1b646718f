"""A screen's poll of the office's database that may fail for a while.

The public screens (the kiosk, the waiting-room display, the rating window) and the
counter's panels read the database every second or so, with nobody at their
keyboard. A server that restarts or a network that drops must not put an error box
on a television: the poll says so once in the log, keeps what is on screen, and tries
again at its next tick; the log says when it reads again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desk.domain.errors import UserError

log = logging.getLogger(__name__)


class ServerPoll:
    """Runs a screen's poll; ``False`` when the database could not be read this time."""

    def __init__(self, screen: str) -> None:
        self._screen = screen
        #: The last poll failed (``message`` says why).
        self.failing = False
        self.message = ""

    def run(self, poll: Callable[[], object]) -> bool:
        try:
            poll()
        except UserError as exc:
            if not self.failing:
                log.warning("%s: the database cannot be read: %s", self._screen, exc.message)
            self.failing, self.message = True, exc.message
            return False
        if self.failing:
            log.info("%s: the database can be read again", self._screen)
        self.failing, self.message = False, ""
        return True
