"""Windows that open inside the screen, and labels that shorten instead of being cut.

The commonest office screen is 1366x768, and many counters still have
1024x768: a window asks for the size it would like (``fit_to_screen``) and
gets no more than the free area of its screen (the taskbar excluded). A label
in a bar that may be narrow (``ElidedLabel``) shows "…" at the end and keeps
its whole text in the tooltip.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QStackedWidget, QWidget

#: Room kept for the window's frame and title bar.
FRAME = QSize(16, 40)


def free_area(widget: QWidget | None = None) -> QSize:
    """The screen's size less its taskbar (the primary screen before a window is shown)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 728)
    return screen.availableGeometry().size()


def least_size(widget: QWidget) -> QSize:
    """The smallest size ``widget``'s layout allows now, after a change of fonts or sizes.

    A layout keeps the sizes of its nested layouts until the event loop recomputes
    them, so a window trying smaller texts one after the other would otherwise
    read the sizes of the try before: every layout below is invalidated first.
    """
    layout = widget.layout()
    if layout is None:
        return widget.minimumSizeHint()
    for inner in widget.findChildren(QLayout):
        inner.invalidate()
    layout.invalidate()
    return layout.totalMinimumSize()


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
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + 4
        width += margins.left() + margins.right()
        return QSize(min(width, self.maximumWidth()), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        # the room inside the margins; the whole text until the label is laid out
        width = self.contentsRect().width() - 2 * self.margin() if self.isVisible() else 10_000
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)


class CurrentPageStack(QStackedWidget):
    """Pages of which only the one shown sets the least size (a QStackedWidget takes the
    largest of all pages, so one tall page kept a kiosk from fitting a small screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class BackToSize:
    """Keeps a full-screen style window (kiosk, display) at the size it was shown at.

    Such a window shrinks its texts to fit; while its content loads it may first
    need more room, and Qt grows the window then but never shrinks it back.
    """

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self.wanted: QSize | None = None

    def shown_at(self, size: QSize) -> None:
        self.wanted = QSize(size)

    def check(self) -> None:
        wanted, window = self.wanted, self._window
        if wanted is None or not window.isWindow():
            return
        if window.width() > wanted.width() or window.height() > wanted.height():
            QTimer.singleShot(0, self._shrink)

    def _shrink(self) -> None:
        if self.wanted is not None and shiboken6.isValid(self._window):
            layout = self._window.layout()
            if layout is not None:
                layout.activate()  # the smaller minimum of the texts just shrunk
            self._window.resize(self.wanted)  # no smaller than its layout allows
