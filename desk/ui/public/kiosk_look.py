"""The kiosk's look: its style sheet, scaled to the screen, and its group buttons.

Sizes are written for a 1920x1080 screen; ``scaled_style`` shrinks them in proportion
on a smaller one (``KioskWindow._arrange``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.domain.queue import ServiceGroup
from desk.ui.widgets.qt_helpers import translate

#: The kiosk's pages, in its stack.
CHOOSE, RESULT, LOOKUP, STATUS = range(4)

STYLE = """
QWidget#kiosk { background: #eef3f8; }
QFrame#kiosk_header { background: #0b4a85; }
QLabel#parent_label { color: #d6e6f7; font-size: 22px; }
QLabel#office_label { color: white; font-size: 38px; font-weight: bold; }
QLabel#clock_label { color: white; font-size: 44px; font-weight: bold; }
QLabel#date_label { color: #d6e6f7; font-size: 22px; }
QLabel#prompt_label { color: #0b4a85; font-size: 40px; font-weight: bold; }
QPushButton[role="group"] {
    background: white; border: 3px solid #0b4a85; border-radius: 24px;
}
QPushButton[role="group"]:pressed { background: #d8e8f8; }
QLabel[role="letter"] {
    background: #0b4a85; color: white; border-radius: 56px;
    font-size: 64px; font-weight: bold;
}
QLabel[role="group_name"] { color: #13263a; font-size: 40px; font-weight: bold; }
QLabel[role="group_waiting"] { color: #4a5b6c; font-size: 26px; }
QLabel#priority_prompt { color: #7a4b00; font-size: 28px; font-weight: bold; }
QPushButton[role="priority"] {
    background: #fff6e0; color: #5a3a00; border: 3px solid #e0a800; border-radius: 18px;
    font-size: 26px; font-weight: bold; padding: 14px 18px;
}
QPushButton[role="priority"]:checked { background: #e0a800; color: #1c1200; }
QLabel#result_title { color: #0b4a85; font-size: 44px; font-weight: bold; }
QLabel#result_code { color: #0b4a85; font-size: 260px; font-weight: bold; }
QLabel#result_group { color: #13263a; font-size: 48px; font-weight: bold; }
QLabel#result_priority { color: #7a4b00; font-size: 34px; font-weight: bold; }
QLabel#result_ahead { color: #13263a; font-size: 36px; }
QLabel#result_note { color: #13263a; font-size: 32px; }
QLabel#result_note[problem="true"] { color: #b00020; font-weight: bold; }
QLabel#progress_label { color: #13263a; font-size: 32px; qproperty-alignment: AlignCenter; }
QProgressBar#progress_bar { min-height: 16px; max-height: 16px; }
QPushButton#done_button {
    background: #0b4a85; color: white; border-radius: 20px;
    font-size: 36px; font-weight: bold; padding: 18px 80px;
}
QPushButton[role="lookup"] { background: #0b4a85; border-radius: 20px; }
QPushButton[role="lookup"]:pressed { background: #08365f; }
QLabel[role="lookup_title"] { color: white; font-size: 30px; font-weight: bold; }
QLabel[role="lookup_text"] { color: #d6e6f7; font-size: 22px; }
"""


def scaled_style(style: str, scale: float) -> str:
    """The style sheet with its pixel sizes (fonts, paddings) times ``scale``."""
    if scale == 1.0:
        return style
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m[1]) * scale))}px", style)


def place(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    """Lay the widgets out row by row, ``columns`` to a row."""
    for widget in widgets:
        grid.removeWidget(widget)
    for i, widget in enumerate(widgets):
        grid.addWidget(widget, i // columns, i % columns)


class GroupButton(QPushButton):
    """A touch button for one group: its letter in a disc, its name, who waits."""

    def __init__(self, group: ServiceGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setProperty("role", "group")
        self.setObjectName(f"group_{group.letter}")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        letter = QLabel(group.letter)
        letter.setProperty("role", "letter")
        letter.setFixedSize(112, 112)
        self.letter = letter
        letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel(group.name)
        self.name_label.setProperty("role", "group_name")
        self.name_label.setWordWrap(True)
        self.waiting_label = QLabel("")
        self.waiting_label.setProperty("role", "group_waiting")
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.name_label)
        texts.addWidget(self.waiting_label)
        texts.addStretch(1)
        self.waiting_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 16, 28, 16)
        row.setSpacing(28)
        row.addWidget(letter)
        row.addLayout(texts, 1)
        for label in (letter, self.name_label, self.waiting_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def scale_to(self, scale: float) -> None:
        """Sizes in proportion to the screen (the kiosk's 1920x1080 is 1.0)."""
        self.setMinimumHeight(round(170 * scale))
        side = 2 * round(56 * scale)  # twice the disc's radius in the style: a circle, not a square
        self.letter.setFixedSize(side, side)
        margin, gap = round(28 * scale), round(16 * scale)
        self.layout().setContentsMargins(margin, gap, margin, gap)
        self.layout().setSpacing(margin)

    def set_waiting(self, count: int) -> None:
        if count:
            self.waiting_label.setText(
                translate("GroupButton", "Đang chờ: {0} người").format(count)
            )
        else:
            self.waiting_label.setText(translate("GroupButton", "Không phải chờ"))
