"""The monthly trend as a chart drawn with QPainter (QtCharts is not shipped).

For each month a stacked bar of the decisions, early at the bottom, then on
time, then late, with the number received as a line over the bars and the
on-time rate as a dashed line against the right-hand scale (0-100 %). The
three parts of a bar differ by their fill pattern as well as their colour
(plain, dotted, hatched), and the legend names them, so the chart reads in
black and white and for a clerk who does not tell colours apart. A click on a
part of a bar asks for the dossiers behind it; hovering shows the month's
numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desk.domain.statistics import Figure, percent_text
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services.report_breakdowns import MonthCounts
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "TrendChart"


@dataclass(frozen=True)
class Part:
    """One part of a bar: its figure, label (marked, translated when drawn), colour and
    fill pattern."""

    figure: Figure
    label: str
    colour: str
    pattern: Qt.BrushStyle


PARTS = (
    Part(
        Figure.EARLY,
        QT_TRANSLATE_NOOP("TrendChart", "Trước hạn"),
        "#2e7d32",
        Qt.BrushStyle.SolidPattern,
    ),
    Part(
        Figure.ON_TIME,
        QT_TRANSLATE_NOOP("TrendChart", "Đúng hạn"),
        "#1565c0",
        Qt.BrushStyle.Dense3Pattern,
    ),
    Part(
        Figure.LATE,
        QT_TRANSLATE_NOOP("TrendChart", "Quá hạn"),
        "#c62828",
        Qt.BrushStyle.BDiagPattern,
    ),
)
RECEIVED_COLOUR = "#37474f"
RATE_COLOUR = "#ef6c00"
LEFT, RIGHT, TOP, BOTTOM = 56.0, 52.0, 44.0, 40.0


def nice_ceiling(value: int) -> int:
    """A round top for the count scale: 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 10
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return int(step * power)
    return int(10 * power)


def month_label(month: MonthCounts) -> str:
    """ "T3/26" for March 2026 (the whole month), or the days when the month is cut."""
    p = month.month
    return translate("TrendChart", "T{month}/{year}").format(
        month=p.first.month, year=f"{p.first.year % 100:02d}"
    )


class TrendChart(QWidget):
    """``part_clicked(month index, figure)`` when a part of a bar is clicked
    (``Figure.RECEIVED`` for the received line's point)."""

    part_clicked = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: list[MonthCounts] = []
        #: Whether months were given yet (before, the dashboard is still counting them).
        self._counted = False
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(520, 260))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(translate("TrendChart", "Biểu đồ kết quả giải quyết theo tháng"))

    # -- data -------------------------------------------------------------------------

    def set_months(self, months: list[MonthCounts]) -> None:
        self._months = list(months)
        self._counted = True
        self.update()

    def months(self) -> list[MonthCounts]:
        return list(self._months)

    def empty_message(self) -> str:
        """What the chart says instead of bars ("" when it has bars to draw)."""
        if not self._counted:
            return translate("TrendChart", "Đang tính số liệu...")
        if all(m.decided == 0 and m.received == 0 for m in self._months):
            return translate("TrendChart", "Chưa có số liệu trong các tháng này.")
        return ""

    def _top(self) -> int:
        most = max((max(m.decided, m.received) for m in self._months), default=0)
        return nice_ceiling(most)

    # -- geometry ---------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        return QRectF(LEFT, TOP, max(10.0, self.width() - LEFT - RIGHT),
                      max(10.0, self.height() - TOP - BOTTOM))  # fmt: skip

    def _slot(self, index: int) -> QRectF:
        plot = self.plot_rect()
        width = plot.width() / max(1, len(self._months))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def _y(self, count: float) -> float:
        plot = self.plot_rect()
        return plot.bottom() - plot.height() * count / self._top()

    def bar_rect(self, index: int, figure: Figure) -> QRectF:
        """Where the part ``figure`` of month ``index`` is drawn (empty when it is 0)."""
        month = self._months[index]
        slot = self._slot(index)
        bar_width = min(46.0, slot.width() * 0.6)
        left = slot.center().x() - bar_width / 2
        below = 0
        for part in PARTS:
            value = getattr(month, part.figure.value)
            if part.figure is figure:
                top, bottom = self._y(below + value), self._y(below)
                return QRectF(left, top, bar_width, bottom - top)
            below += value
        return QRectF()

    def received_point(self, index: int) -> QPointF:
        return QPointF(self._slot(index).center().x(), self._y(self._months[index].received))

    def _rate_y(self, rate: float) -> float:
        plot = self.plot_rect()
        return plot.bottom() - plot.height() * rate

    def hit(self, point: QPointF) -> tuple[int, Figure] | None:
        """The month and part under ``point``, if any."""
        for index in range(len(self._months)):
            dot = self.received_point(index)
            if abs(dot.x() - point.x()) <= 6 and abs(dot.y() - point.y()) <= 6:
                return index, Figure.RECEIVED
            for part in PARTS:
                rect = self.bar_rect(index, part.figure)
                if rect.height() > 0 and rect.adjusted(0, -1, 0, 1).contains(point):
                    return index, part.figure
        return None

    # -- drawing ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        p.setFont(font)
        message = self.empty_message()
        if message:
            p.setPen(QColor("#546e7a"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            p.end()
            return
        self._draw_axes(p)
        for index in range(len(self._months)):
            self._draw_bar(p, index)
        self._draw_lines(p)
        self._draw_legend(p)
        p.end()

    def _draw_axes(self, p: QPainter) -> None:
        plot = self.plot_rect()
        top = self._top()
        for n in range(5):
            value = top * n / 4
            y = self._y(value)
            p.setPen(QPen(QColor("#e0e0e0"), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#455a64"))
            p.drawText(QRectF(0, y - 8, LEFT - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{value:,.0f}".replace(",", "."))  # fmt: skip
            p.setPen(QColor(RATE_COLOUR))
            p.drawText(QRectF(plot.right() + 6, y - 8, RIGHT - 6, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{n * 25} %")  # fmt: skip
        p.setPen(QPen(QColor("#455a64"), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        for index, month in enumerate(self._months):
            slot = self._slot(index)
            p.drawText(QRectF(slot.left(), plot.bottom() + 4, slot.width(), BOTTOM - 6),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, month_label(month))  # fmt: skip

    def _draw_bar(self, p: QPainter, index: int) -> None:
        for part in PARTS:
            rect = self.bar_rect(index, part.figure)
            if rect.height() <= 0:
                continue
            colour = QColor(part.colour)
            p.fillRect(rect, QColor(colour.red(), colour.green(), colour.blue(), 60))
            p.fillRect(rect, QBrush(colour, part.pattern))
            p.setPen(QPen(colour.darker(130), 1))
            p.drawRect(rect)

    def _draw_lines(self, p: QPainter) -> None:
        points = [self.received_point(i) for i in range(len(self._months))]
        p.setPen(QPen(QColor(RECEIVED_COLOUR), 2))
        for a, b in zip(points, points[1:]):
            p.drawLine(a, b)
        p.setBrush(QColor(RECEIVED_COLOUR))
        for point in points:
            p.drawEllipse(point, 3.5, 3.5)
        rated = [
            (i, m.on_time_rate) for i, m in enumerate(self._months) if m.on_time_rate is not None
        ]
        pen = QPen(QColor(RATE_COLOUR), 2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        spots = [QPointF(self._slot(i).center().x(), self._rate_y(rate)) for i, rate in rated]
        for a, b in zip(spots, spots[1:]):
            p.drawLine(a, b)
        p.setPen(QPen(QColor(RATE_COLOUR), 2))
        for spot in spots:
            p.drawRect(QRectF(spot.x() - 3, spot.y() - 3, 6, 6))

    def _draw_legend(self, p: QPainter) -> None:
        x, y = LEFT, 10.0
        metrics = p.fontMetrics()
        for part in PARTS:
            colour = QColor(part.colour)
            box = QRectF(x, y + 2, 14, 12)
            p.fillRect(box, QColor(colour.red(), colour.green(), colour.blue(), 60))
            p.fillRect(box, QBrush(colour, part.pattern))
            p.setPen(QPen(colour.darker(130), 1))
            p.drawRect(box)
            x = self._legend_text(p, x + 18, y, translated(part.label), metrics)
        p.setPen(QPen(QColor(RECEIVED_COLOUR), 2))
        p.drawLine(QPointF(x, y + 8), QPointF(x + 18, y + 8))
        x = self._legend_text(p, x + 22, y, translate("TrendChart", "Tiếp nhận"), metrics)
        p.setPen(QPen(QColor(RATE_COLOUR), 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, y + 8), QPointF(x + 18, y + 8))
        self._legend_text(
            p, x + 22, y, translate("TrendChart", "Tỷ lệ đúng hạn (trục phải)"), metrics
        )

    @staticmethod
    def _legend_text(p: QPainter, x: float, y: float, text: str, metrics) -> float:  # noqa: ANN001
        p.setPen(QColor("#263238"))
        width = metrics.horizontalAdvance(text)
        p.drawText(QRectF(x, y, width + 4, 16), Qt.AlignmentFlag.AlignVCenter, text)
        return x + width + 18

    # -- interaction ------------------------------------------------------------------

    def tooltip_text(self, index: int) -> str:
        m = self._months[index]
        return "\n".join(
            [
                m.month.title_label,
                translate("TrendChart", "Tiếp nhận: {n}").format(n=m.received),
                translate("TrendChart", "Đã giải quyết: {n}").format(n=m.decided),
                translate("TrendChart", "Trước hạn {a}, đúng hạn {b}, quá hạn {c}").format(
                    a=m.early, b=m.on_time, c=m.late
                ),
                translate("TrendChart", "Tỷ lệ đúng hạn: {r}").format(
                    r=percent_text(m.on_time_rate)
                ),
            ]
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        found = self.hit(event.position())
        if found is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(found[0]), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        found = self.hit(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.part_clicked.emit(found[0], found[1].value)
        super().mousePressEvent(event)
