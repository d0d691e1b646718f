"""What a window shows while it waits for a printer, a file or a device: a line
saying what runs over a moving bar.

Work that ends at once shows nothing: the note appears only when the work is
still running ``DELAY_MS`` after it started, so a quick print does not flash a
bar. A screen places a ``ProgressNote`` where the clerk (or the citizen at the
kiosk) looks for the outcome; work started where there is no such place shows
its note in a ``ProgressWindow``: a small window over the one that started it,
which neither blocks that window nor takes its keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from desk.ui.widgets.qt_helpers import translate

#: How long work runs before its note appears.
DELAY_MS = 300


class ProgressNote(QFrame):
    """A line and a busy bar, hidden while nothing runs; several pieces of work may
    share it (it stays until the last one ended and says what the newest does)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_note")
        self.label = QLabel(self)
        self.label.setObjectName("progress_label")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress_bar")
        self.bar.setRange(0, 0)  # busy: it moves without a percentage
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._running = 0
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._appear)
        self.hide()

    def start(self, text: str, delay_ms: int = DELAY_MS) -> None:
        """Some work began: say ``text`` once it has run ``delay_ms``."""
        self._running += 1
        self.label.setText(text)
        if not self.isVisible() and not self._delay.isActive():
            self._delay.start(delay_ms)

    def say(self, text: str) -> None:
        """The work running now does ``text`` (no more work than before)."""
        self.label.setText(text)

    def stop(self) -> None:
        """Some work ended; the note goes once none runs."""
        self._running = max(0, self._running - 1)
        if self._running == 0:
            self._delay.stop()
            self.hide()

    def text(self) -> str:
        return self.label.text()

    def running(self) -> bool:
        """Whether some work it was told of has not ended."""
        return self._running > 0

    def _appear(self) -> None:
        if self._running:
            self.show()


class ProgressWindow(QDialog):
    """A ``ProgressNote`` in a small window of its own, over ``parent``'s window.

    It blocks nothing (not modal), takes no keyboard focus when it appears, and
    has no close button: it goes when the work ends.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("progress_window")
        self.setWindowTitle(translate("Background", "Đang thực hiện"))
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.note = ProgressNote(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        self.setMinimumWidth(360)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self.show)

    def start(self, text: str, delay_ms: int = DELAY_MS) -> None:
        self.note.start(text, 0)
        self._delay.start(delay_ms)

    def stop(self) -> None:
        self._delay.stop()
        self.note.stop()
        self.hide()
        self.deleteLater()

    def text(self) -> str:
        return self.note.text()
