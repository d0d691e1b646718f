"""How the urgency bands look: a strong colour, a light tint and a shape each, so
a band is told apart by its shape and its word as well as its colour (a clerk
may not see colours well, and a receipt printer prints none).

- overdue (quá hạn): a red octagon with "!";
- due today: an orange clock;
- due on the next working day: an amber warning triangle;
- due within 3 working days: a blue calendar;
- within time: a green tick;
- no band (the clock is stopped, or the dossier is done): a grey pause sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

from desk.domain.translation import translated
from desk.domain.urgency import BAND_LABELS, Band
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "BandStyle"
#: The first letters of a band's name a narrowed button still shows ("Đến hạn…: 25").
NAME_KEPT = 7
#: Pixels for text measured in parts (a name, then its count) being wider than whole.
ROUNDING = 2


@dataclass(frozen=True)
class BandStyle:
    """How one urgency band looks: a strong colour, a light tint, a shape."""

    colour: str
    tint: str
    shape: str  # octagon, clock, triangle, calendar, check


BAND_STYLES = {
    Band.OVERDUE: BandStyle("#c62828", "#fdecea", "octagon"),
    Band.TODAY: BandStyle("#d84315", "#fff0e6", "clock"),
    Band.NEXT_DAY: BandStyle("#9a6700", "#fff8db", "triangle"),
    Band.SOON: BandStyle("#1565c0", "#e8f1fc", "calendar"),
    Band.WITHIN: BandStyle("#2e7d32", "#eaf5ea", "check"),
}
#: Dossiers whose clock is stopped or that are done have no band: a grey pause sign.
IDLE_STYLE = BandStyle("#546e7a", "#eef2f4", "pause")


def _draw_shape(p: QPainter, shape: str, s: float) -> None:
    """The white sign inside each band's shape, drawn on an ``s``-sized square."""
    pen = QPen(QColor("white"), max(1.5, s / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    mid = s / 2
    if shape in ("octagon", "triangle"):  # an exclamation mark
        top = s * (0.38 if shape == "triangle" else 0.25)
        p.drawLine(QPointF(mid, top), QPointF(mid, s * 0.6))
        p.drawPoint(QPointF(mid, s * 0.76))
    elif shape == "clock":
        p.drawLine(QPointF(mid, mid), QPointF(mid, s * 0.24))
        p.drawLine(QPointF(mid, mid), QPointF(s * 0.72, mid))
    elif shape == "calendar":
        p.drawLine(QPointF(s * 0.2, s * 0.36), QPointF(s * 0.8, s * 0.36))
        for x in (0.3, 0.5, 0.7):
            p.drawPoint(QPointF(s * x, s * 0.6))
    elif shape == "check":
        path = QPainterPath(QPointF(s * 0.27, s * 0.52))
        path.lineTo(QPointF(s * 0.43, s * 0.68))
        path.lineTo(QPointF(s * 0.74, s * 0.34))
        p.drawPath(path)
    elif shape == "pause":
        p.drawLine(QPointF(s * 0.4, s * 0.3), QPointF(s * 0.4, s * 0.7))
        p.drawLine(QPointF(s * 0.6, s * 0.3), QPointF(s * 0.6, s * 0.7))


def _outline(shape: str, s: float) -> QPainterPath:
    path = QPainterPath()
    m = s * 0.06
    if shape == "octagon":
        k = s * 0.3
        points = [
            (k, m), (s - k, m), (s - m, k), (s - m, s - k),
            (s - k, s - m), (k, s - m), (m, s - k), (m, k),
        ]  # fmt: skip
        path.moveTo(*points[0])
        for x, y in points[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    elif shape == "triangle":
        path.moveTo(s / 2, m)
        path.lineTo(s - m, s - m)
        path.lineTo(m, s - m)
        path.closeSubpath()
    elif shape == "calendar":
        path.addRoundedRect(QRectF(m, m * 2, s - 2 * m, s - 3 * m), s * 0.12, s * 0.12)
    else:
        path.addEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
    return path


_ICONS: dict[str, QIcon] = {}


def style_icon(style: BandStyle) -> QIcon:
    """A filled shape in the band's colour with a white sign, sharp at 16 to 48 px."""
    if style.shape not in _ICONS:
        icon = QIcon()
        for size in (16, 20, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # A white rim keeps the shape visible on a button filled with the same colour.
            painter.setPen(QPen(QColor("white"), max(1.0, size / 16)))
            painter.setBrush(QColor(style.colour))
            painter.drawPath(_outline(style.shape, size))
            _draw_shape(painter, style.shape, size)
            painter.end()
            icon.addPixmap(pixmap)
        _ICONS[style.shape] = icon
    return _ICONS[style.shape]


def band_icon(band: Band | None) -> QIcon:
    return style_icon(BAND_STYLES[band] if band is not None else IDLE_STYLE)


class BandButton(QToolButton):
    """One urgency band: its shape, its name and how many dossiers are in it."""

    def __init__(self, band: Band, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band = band
        self.count = 0
        style = BAND_STYLES[band]
        self.setObjectName(f"band_{band.value}")
        self.setCheckable(True)
        # narrower than its text when the row is short of room (``minimumSizeHint``)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setIcon(band_icon(band))
        self.setIconSize(QSize(24, 24))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            translate("BandStyle", "Chỉ xem hồ sơ “{band}” (bấm lần nữa để bỏ chọn)").format(
                band=translated(BAND_LABELS[band])
            )
        )
        self.setStyleSheet(
            f"QToolButton {{ color: {style.colour}; background: {style.tint};"
            f" border: 2px solid {style.colour}; border-radius: 6px; padding: 4px 7px;"
            f" font-weight: bold; }}"
            f"QToolButton:checked {{ color: white; background: {style.colour}; }}"
        )
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(self._name() + self._tail())

    # A row of five on a 1024-pixel screen is short of room once the counts have
    # three or four digits (a supervisor's, a large office's): the buttons then
    # narrow below their text, the band's name shortened with "…", the count whole.
    # Its tooltip names the band in full.

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        whole = self.sizeHint()
        least = (
            self._frame()
            + self.fontMetrics().horizontalAdvance(self._name()[:NAME_KEPT] + "…" + self._tail())
            + ROUNDING
        )
        return QSize(min(whole.width(), least), whole.height())

    def shown_text(self) -> str:
        """The text as painted at the button's width: whole, or the name shortened."""
        metrics = self.fontMetrics()
        room = self.width() - self._frame()
        if metrics.horizontalAdvance(self.text()) <= room:
            return self.text()
        tail = self._tail()
        name_room = max(room - metrics.horizontalAdvance(tail), 0)
        return metrics.elidedText(self._name(), Qt.TextElideMode.ElideRight, name_room) + tail

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)

    def _name(self) -> str:
        return translated(BAND_LABELS[self.band])

    def _tail(self) -> str:
        return f": {self.count}"

    def _frame(self) -> int:
        """The button's width besides its text: border, padding, icon (bold, as styled)."""
        self.ensurePolished()
        return self.sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())
