"""Keyboard and mouse input, watched where it enters the program: its top-level windows.

The idle lock and the scan route must see every key and every mouse move, in any
of the program's windows. An event filter on the whole application would see
them, but with everything else: each paint, timer, layout and child event of
every object, each handed to Python with its object and its event wrapped, so the
program would make and keep the Python types of a hundred-odd Qt classes it never
uses otherwise. The platform delivers input to a top-level window (``QWindow``)
first, which passes it on to the widget with the focus or under the mouse; a
filter on those windows sees all the input and little else.

``TopWindows(watcher)`` installs ``watcher`` (an event filter) on every top-level
window there is, and on each window that later takes the focus (a dialog, a
dossier's page), until ``stop()``. In such a filter the watched object is the
``QWindow``, and the widget the key goes to is ``QApplication.focusWidget()``.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QWindow


class TopWindows(QObject):
    """Keeps ``watcher`` installed on the program's top-level windows (owned by it)."""

    def __init__(self, watcher: QObject) -> None:
        super().__init__(watcher)
        self._watcher = watcher
        self._watching = False
        self.start()

    def start(self) -> None:
        if self._watching:
            return
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self._watcher)
        app.focusWindowChanged.connect(self._focused)
        self._watching = True

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if not self._watching or not isinstance(app, QGuiApplication):
            return
        app.focusWindowChanged.disconnect(self._focused)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self._watcher)
        self._watching = False

    def _focused(self, window: QWindow | None) -> None:
        # Installing the same filter again on a window moves it first, it does not add it.
        if window is not None and shiboken6.isValid(self._watcher):
            window.installEventFilter(self._watcher)


def same_window(window: QObject, other: QWindow | None) -> bool:
    """Whether ``window`` and ``other`` are one native window (Python may wrap a window
    Qt made in two different objects)."""
    return other is not None and shiboken6.getCppPointer(window) == shiboken6.getCppPointer(other)
