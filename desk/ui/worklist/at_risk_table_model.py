"""The dossiers at risk of being late, as a Qt table model (the "Cần xin lỗi" view).

The list is what ``desk.services.risk.at_risk`` returns, in its order (most
urgent first). Each row says why the dossier is flagged, in the words of the
service, so the supervisor can check the reason before the apology is written
(Decree 118/2025 art. 19(6): the letter must go out at the latest one
day before the appointment). The kind of risk is shown with the shape, colour
and word of the matching urgency band, never colour alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk.domain.clock import to_vn
from desk.domain.risk import RiskItem, RiskKind
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.domain.urgency import Band
from desk.ui.widgets.band_style import BAND_STYLES, band_icon
from desk.ui.widgets.table_model_base import HeaderedTableModel

CONTEXT = "AtRiskTableModel"

#: Two lines a row, so the reason has room even beside a counter's queue panel:
#: the code over the applicant, the department that decides it over the procedure
#: (a long procedure name is cut, the department stays in sight).
KIND, DOSSIER, DUE, PROCEDURE, REASON = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AtRiskTableModel", "Mức độ"),
    QT_TRANSLATE_NOOP("AtRiskTableModel", "Hồ sơ, người nộp"),
    QT_TRANSLATE_NOOP("AtRiskTableModel", "Hẹn trả"),
    QT_TRANSLATE_NOOP("AtRiskTableModel", "Phòng ban giải quyết, thủ tục"),
    QT_TRANSLATE_NOOP("AtRiskTableModel", "Lý do cần xin lỗi"),
)
CODE_ROLE = Qt.ItemDataRole.UserRole

#: Short words for the first column; the full reason is in the last one.
KIND_TEXTS = {
    RiskKind.OVERDUE: QT_TRANSLATE_NOOP("AtRiskTableModel", "Đã quá hạn"),
    RiskKind.DUE_SOON: QT_TRANSLATE_NOOP("AtRiskTableModel", "Sắp đến hạn"),
    RiskKind.SLOW_HISTORY: QT_TRANSLATE_NOOP("AtRiskTableModel", "Dự báo trễ hạn"),
}
#: Which band's look each kind borrows.
KIND_BANDS = {
    RiskKind.OVERDUE: Band.OVERDUE,
    RiskKind.DUE_SOON: Band.TODAY,
    RiskKind.SLOW_HISTORY: Band.NEXT_DAY,
}

ModelIndex = QModelIndex | QPersistentModelIndex


def _when(moment: datetime) -> str:
    return f"{to_vn(moment):%d/%m/%Y %H:%M}"


class AtRiskTableModel(HeaderedTableModel):
    """Read-only rows, one per ``RiskItem``, in the order given."""

    context = CONTEXT
    headers = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[RiskItem] = []

    def set_items(self, items: list[RiskItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    # -- reading rows back -----------------------------------------------------------

    def item(self, row: int) -> RiskItem:
        return self._items[row]

    def code_at(self, row: int) -> str:
        return self._items[row].code

    def row_of(self, code: str) -> int | None:
        for number, item in enumerate(self._items):
            if item.code == code:
                return number
        return None

    def codes(self) -> list[str]:
        return [i.code for i in self._items]

    # -- the Qt model ----------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == CODE_ROLE:
            return item.code
        if column == KIND:
            return self._kind_cell(item, role)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == DUE
            and item.kind is RiskKind.OVERDUE
        ):
            return QBrush(QColor(BAND_STYLES[Band.OVERDUE].colour))
        return None

    def _kind_cell(self, item: RiskItem, role: int) -> object:
        band = KIND_BANDS[item.kind]
        style = BAND_STYLES[band]
        if role == Qt.ItemDataRole.DecorationRole:
            return band_icon(band)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(style.tint))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.colour))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, item: RiskItem, column: int) -> str | None:
        values = {
            KIND: translated(KIND_TEXTS[item.kind]),
            DOSSIER: f"{item.code}\n{item.applicant}",
            DUE: _when(item.due_at),
            PROCEDURE: f"{item.department or '—'}\n{item.procedure}",
            REASON: item.reason_text,
        }
        return values.get(column)

    def _tooltip(self, item: RiskItem, column: int) -> str | None:
        if column in (KIND, REASON):
            return item.reason_text
        return self._display(item, column)
