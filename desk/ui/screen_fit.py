"""Windows that open inside the screen, and labels that shorten instead of being cut.

The commonest office screen is 1366x768, and many counters still have
1024x768: a window asks for the size it would like (``fit_to_screen``) and
gets no more than the free area of its screen (the taskbar excluded). A label
in a bar that may be narrow (``ElidedLabel``) shows "…" at the end and keeps
its whole text in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

#: Room kept for the window's frame and title bar.
FRAME = QSize(16, 40)


def free_area(widget: QWidget | None = None) -> QSize:
    """The screen's size less its taskbar (the primary screen before a window is shown)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 728)
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize ``widget`` to ``width`` x ``height`` or to the screen's free area if smaller."""
    free = free_area(widget) - FRAME
    size = QSize(width, height).boundedTo(free).expandedTo(QSize(320, 240))
    widget.resize(size)
    return size


class ElidedLabel(QLabel):
    """A one-line label that shows as much as fits, with "…", and its whole text as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + 4
        return QSize(min(width, self.maximumWidth()), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        if shown != super().text():
            super().setText(shown)
