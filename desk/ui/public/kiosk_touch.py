"""Touch pieces of the kiosk's screens: the on-screen keyboard and the big cards.

The kiosk has no keyboard of its own, so the letters are on screen; an accent-free
search needs only the 26 letters and the digits.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desk.ui.widgets.qt_helpers import translate

KEY_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL.", "ZXCVBNM")
BACKSPACE, SPACE, CLEAR = "⌫", "space", "clear"


class LetterKeyboard(QWidget):
    """Touch keys for an accent-free search: digits, letters, space, backspace, clear."""

    key = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        for row, keys in enumerate(KEY_ROWS):
            for col, letter in enumerate(keys):
                grid.addWidget(self._button(letter, letter), row, col)
        grid.addWidget(self._button(BACKSPACE, translate("KioskLookup", "⌫ Xóa")), 3, 7, 1, 3)
        grid.addWidget(self._button(SPACE, translate("KioskLookup", "Dấu cách")), 4, 0, 1, 7)
        grid.addWidget(self._button(CLEAR, translate("KioskLookup", "Xóa hết")), 4, 7, 1, 3)

    def _button(self, value: str, label: str) -> QPushButton:
        button = QPushButton(label)
        button.setProperty("role", "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False, v=value: self.key.emit(v))
        self.buttons[value] = button
        return button


class TouchCard(QPushButton):
    """A touch button holding wrapped labels (a plain button cannot wrap its text)."""

    def __init__(self, role: str, lines: list[tuple[str, str]], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(4)
        self.labels: list[QLabel] = []
        for text, label_role in lines:
            label = QLabel(text)
            label.setProperty("role", label_role)
            label.setWordWrap(True)
            label.setMinimumWidth(40)  # a wrapped label may be as narrow as the card
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
            self.labels.append(label)
        self.toggled.connect(self._mark)

    def _mark(self, on: bool) -> None:
        """Style sheets cannot follow a parent's checked state, so the labels carry it."""
        for label in self.labels:
            label.setProperty("on", on)
            label.style().polish(label)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.layout().sizeHint().width(), self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As tall as the text needs at the card's present width (not at its narrowest),
        so a scroll area above it grows instead of squeezing the cards."""
        width = self.width() if self.width() > 150 else self.layout().sizeHint().width()
        return QSize(150, self.layout().heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.layout().heightForWidth(width)
