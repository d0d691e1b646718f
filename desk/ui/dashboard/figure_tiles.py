"""The tiles over the dashboard: each figure as a big number over its name.

Which figures, in which rows and colours (``TILE_ROWS``), what a figure whose name
alone could be misread counts (``figure_note``, in the tile's tooltip), and the
tile itself (``FigureTile``: a click lists the dossiers behind it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desk.domain.statistics import Figure
from desk.ui.widgets.qt_helpers import translate

#: The tiles, in rows: (figure, colour of the number).
TILE_ROWS: tuple[tuple[tuple[Figure, str], ...], ...] = (
    (
        (Figure.RECEIVED, "#263238"),
        (Figure.CARRIED_OVER, "#263238"),
        (Figure.DECIDED, "#263238"),
        (Figure.EARLY, "#2e7d32"),
        (Figure.ON_TIME, "#1565c0"),
        (Figure.LATE, "#c62828"),
    ),
    (
        (Figure.PENDING_IN_TIME, "#2e7d32"),
        (Figure.PENDING_OVERDUE, "#c62828"),
        (Figure.LATE_WITHOUT_APOLOGY, "#c62828"),
        (Figure.LATE_WITH_APOLOGY, "#263238"),
        (Figure.SUPPLEMENT_REQUESTED, "#263238"),
        (Figure.CAME_BACK_MORE, "#9a6700"),
    ),
)


def figure_note(figure: Figure) -> str:
    """What a tile counts, where a name alone could be misread ("" for the others)."""
    if figure is Figure.PENDING_OVERDUE:
        return translate(
            "DashboardWindow",
            "Hồ sơ đang giải quyết đã qua ngày phải trả kết quả (ngày hẹn, hoặc ngày hẹn lại "
            "trong phiếu xin lỗi): ô “Quá hạn” của danh sách hồ sơ, tính trên toàn cơ quan.",
        )
    if figure is Figure.LATE_WITH_APOLOGY:
        return translate(
            "DashboardWindow",
            "Hồ sơ đã giải quyết trong kỳ, trễ hạn, có phiếu xin lỗi lập trước khi giải quyết. "
            "Phiếu lập cho hồ sơ còn đang giải quyết được tính khi hồ sơ có kết quả.",
        )
    if figure is Figure.LATE_WITHOUT_APOLOGY:
        return translate(
            "DashboardWindow", "Hồ sơ đã giải quyết trong kỳ, trễ hạn, không có phiếu xin lỗi."
        )
    return ""


class FigureTile(QPushButton):
    """A figure as a big number over its name; a click lists the dossiers behind it."""

    def __init__(self, label: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.value_label = QLabel("-")
        self.value_label.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.name_label = QLabel(label)
        self.name_label.setWordWrap(True)
        self.name_label.setStyleSheet("color: #37474f;")
        for child in (self.value_label, self.name_label):
            child.setAlignment(Qt.AlignmentFlag.AlignCenter)
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.name_label)
        self.setMinimumSize(104, 100)  # eight across a 1024-pixel screen, three lines of name

    def set_value(self, text: str, tooltip: str = "") -> None:
        self.value_label.setText(text)
        self.setAccessibleName(f"{self.label}: {text}")
        self.setToolTip(tooltip)

    def value(self) -> str:
        return self.value_label.text()
