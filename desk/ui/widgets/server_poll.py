"""A screen's poll of the office's database: off the window's thread, and allowed to fail.

Every screen reads a change counter every second or so to see whether another PC
changed something (the worklist, the counter's panel, the kiosk, the waiting-room
display, the rating window). The read runs on a pool of its own
(``background.poll_pool``), one at a time per screen: a server PC switched off or a
network cable pulled makes a read wait for seconds, and the window keeps answering
meanwhile. When the counter moved, the screen reloads what it shows through the same
poll (``load``): read on that pool too, shown on the window's thread, and the next
tick waits for it. A screen records the counter it shows only once it shows it, so a
reload that failed is tried again at the next tick.

A server that restarts must not put an error box on a television either: a poll
that fails says so once in the log (and to the screen, when it shows such things),
keeps what is on screen, and tries again at its next tick; the log says when it
reads again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from desk.domain.errors import UserError
from desk.services import changes
from desk.storage.database import Database
from desk.ui.widgets import background

log = logging.getLogger(__name__)


class ServerPoll:
    """A screen's polls of ``topic``'s change counter: ``changed(version)`` follows each
    read on the window's thread (the screen compares it with the one it shows).

    ``poll`` and ``load`` read off the window's thread (a screen's first picture too:
    it polls at once, and shows what it read when it comes). ``on_state(failing,
    message)`` (optional) follows each change between reading and not reading the
    database.
    """

    def __init__(  # noqa: PLR0913
        self,
        screen: str,
        owner: QObject,
        db: Database,
        topic: str,
        changed: Callable[[int], object],
        on_state: Callable[[bool, str], None] | None = None,
    ) -> None:
        self._screen = screen
        self._owner = owner
        self._db = db
        self._topic = topic
        self._changed = changed
        self._on_state = on_state
        self._asking = False
        #: A reload asked while a read was on its way: asked once that one is back.
        self._next: tuple[Callable[[], Any], Callable[[Any], object]] | None = None
        #: The last poll failed (``message`` says why).
        self.failing = False
        self.message = ""

    def poll(self) -> None:
        """Read the change counter off the window's thread (skipped while a read is on its
        way), then ``changed(version)`` here."""
        db, topic = self._db, self._topic
        self._ask(lambda: changes.version(db, topic), self._changed)

    def load(self, read: Callable[[], Any], show: Callable[[Any], object]) -> None:
        """A screen's reload: ``read()`` off the window's thread, then ``show(result)`` here.
        Asked while a read is on its way, it waits for that one; a read that fails is
        told as a poll's is, and the screen keeps its picture."""
        if self._asking:
            self._next = (read, show)
            return
        self._ask(read, show)

    def _ask(self, read: Callable[[], Any], then: Callable[[Any], object]) -> None:
        """``read()`` on the poll pool, then ``then(result)`` on the window's thread; a tick
        while a read is still on its way does nothing."""
        if self._asking:
            return
        self._asking = True

        def answered(result: object, error: str | None) -> None:
            self._asking = False
            if error is not None:
                self._failed(error)
            else:
                self._run(lambda: then(result))
            waiting, self._next = self._next, None
            if waiting is not None:
                self.load(*waiting)

        background.run(self._owner, read, answered, pool=background.poll_pool())

    def asking(self) -> bool:
        """Whether a read is on its way."""
        return self._asking

    def _run(self, poll: Callable[[], object]) -> bool:
        """``poll()`` on this thread; ``False`` when the database could not be read."""
        try:
            poll()
        except UserError as exc:
            self._failed(exc.message)
            return False
        if self.failing:
            log.info("%s: the database can be read again", self._screen)
            self.failing, self.message = False, ""
            if self._on_state is not None:
                self._on_state(False, "")
        return True

    def _failed(self, message: str) -> None:
        if not self.failing:
            log.warning("%s: the database cannot be read: %s", self._screen, message)
            self.failing, self.message = True, message
            if self._on_state is not None:
                self._on_state(True, message)
        self.message = message
