"""Catching the SQL a window runs on its own thread (it must run none: a server that
answers slowly would freeze the window)."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event


class WindowThreadSql:
    """The statements ``db`` runs on the window's (the main) thread while listening, but
    for those the test runs itself (``another_pc``: what a counter's PC would do)."""

    def __init__(self, db) -> None:  # noqa: ANN001
        self.caught: list[str] = []
        #: What ``checkpoint`` found, by step.
        self.problems: list[str] = []
        self._own = False
        self._engine = db.engine
        event.listen(self._engine, "before_cursor_execute", self._note)

    def _note(self, _conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if not self._own and threading.current_thread() is threading.main_thread():
            self.caught.append(f"{statement.split(chr(10))[0][:60]} (from {_caller()})")

    @contextmanager
    def another_pc(self) -> Iterator[None]:
        self._own = True
        try:
            yield
        finally:
            self._own = False

    def checkpoint(self, what: str) -> None:
        """Note what was caught since the last checkpoint as ``what``'s, and start over."""
        if self.caught:
            self.problems.append(f"{what}: {self.caught}")
        self.caught = []

    def stop(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._note)


def _caller() -> str:
    """The innermost line of the desk's windows that ran the statement."""
    for frame in reversed(traceback.extract_stack()):
        if "/desk/ui/" in frame.filename:
            return f"desk/ui/{frame.filename.split('/desk/ui/')[1]}:{frame.lineno}"
    return "?"
