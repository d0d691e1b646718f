"""The dashboard's tables as one read-only Qt model, described by its columns.

A ``Column`` says its heading, how a row shows in it and, for a count, which
figure it is: a click on such a cell lists the dossiers behind it. The last
row may be the totals (in bold). The column sets of the dashboard's tables
(breakdown, time used, scores, queue, dossiers) are defined here too.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desk.domain.clock import to_vn
from desk.domain.dossier import RESULT_CLASS_LABELS, STATUS_LABELS, DossierStatus
from desk.domain.statistics import FIGURE_LABELS, Figure, percent_text
from desk.domain.time_limit import stored_limit_label
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "ReportTables"
ModelIndex = QModelIndex | QPersistentModelIndex
#: The item data role that holds the row's object.
ITEM_ROLE = Qt.ItemDataRole.UserRole
#: Headings wrap at about this many characters, so the columns of counts stay narrow.
HEADER_WIDTH = 14


def number_text(value: int | float | None) -> str:
    """1.234 (a dot between thousands, as Vietnamese pages write it)."""
    if value is None:
        return "-"
    return f"{value:,.0f}".replace(",", ".")


def decimal_text(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")


def moment_text(moment: datetime | None) -> str:
    return "" if moment is None else f"{to_vn(moment):%d/%m/%Y %H:%M}"


@dataclass(frozen=True)
class Column:
    """A column: ``title`` and ``tooltip`` are marked labels, translated when shown."""

    title: str
    value: Callable[[Any], object]
    figure: Figure | None = None  # a count: a click lists its dossiers
    numeric: bool = True
    tooltip: str = ""


class ReportTableModel(QAbstractTableModel):
    """Rows of any kind shown through ``columns``; an optional totals row last."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._has_total = False

    def set_rows(
        self, rows: Sequence[Any], total: Any | None = None, columns: Sequence[Column] | None = None
    ) -> None:
        """New rows (and the totals row last); new ``columns`` too when given."""
        self.beginResetModel()
        if columns is not None:
            self.columns = list(columns)
        self._rows = list(rows) + ([total] if total is not None else [])
        self._has_total = total is not None
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def items(self) -> list[Any]:
        return list(self._rows[:-1] if self._has_total else self._rows)

    def is_total(self, row: int) -> bool:
        return self._has_total and row == len(self._rows) - 1

    def figure_at(self, column: int) -> Figure | None:
        return self.columns[column].figure if 0 <= column < len(self.columns) else None

    def text(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")

    # -- the Qt model ------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(textwrap.wrap(translated(column.title), HEADER_WIDTH))
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = translated(column.tooltip) or (
                translate("ReportTables", "Bấm vào một số để xem danh sách hồ sơ")
                if column.figure
                else ""
            )
            return hint or None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return value if isinstance(value, str) else number_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role == ITEM_ROLE:
            return row
        return None


# --- the column sets -------------------------------------------------------------------


def _count(figure: Figure, title: str | None = None) -> Column:
    return Column(title or FIGURE_LABELS[figure], lambda r, f=figure: r.figures.count(f), figure)


def breakdown_columns(first_title: str) -> list[Column]:
    """A breakdown row (``BreakdownRow``): its name, then the counts and the rate."""
    return [
        Column(first_title, lambda r: r.label, numeric=False),
        _count(Figure.CARRIED_OVER),
        _count(Figure.RECEIVED),
        _count(Figure.DECIDED),
        _count(Figure.EARLY),
        _count(Figure.ON_TIME),
        _count(Figure.LATE),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Tỷ lệ đúng hạn"),
            lambda r: percent_text(r.figures.on_time_rate),
        ),
        _count(
            Figure.PENDING_IN_TIME, QT_TRANSLATE_NOOP("ReportTables", "Đang giải quyết, trong hạn")
        ),
        _count(
            Figure.PENDING_OVERDUE, QT_TRANSLATE_NOOP("ReportTables", "Đang giải quyết, quá hạn")
        ),
        _count(Figure.LATE_WITHOUT_APOLOGY),
        _count(Figure.SUPPLEMENT_REQUESTED),
        _count(Figure.CAME_BACK_MORE),
        _count(Figure.REFUSED),
        _count(Figure.STOPPED),
    ]


def score_columns() -> list[Column]:
    """The desk's per-dossier scores per clerk (a ``BreakdownRow`` by clerk)."""
    return [
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Cán bộ phụ trách"), lambda r: r.label, numeric=False
        ),
        _count(Figure.DECIDED, QT_TRANSLATE_NOOP("ReportTables", "Hồ sơ đã giải quyết")),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Điểm thời gian (0-2)"),
            lambda r: decimal_text(r.figures.time_score),
            tooltip=QT_TRANSLATE_NOOP(
                "ReportTables", "Trước hạn 2 điểm, đúng hạn 1 điểm, quá hạn 0 điểm"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Điểm số lần đi lại (0-2)"),
            lambda r: decimal_text(r.figures.comeback_score),
            tooltip=QT_TRANSLATE_NOOP(
                "ReportTables", "Không phải bổ sung 2 điểm, bổ sung 1 lần 1 điểm, trên 1 lần 0 điểm"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Tỷ lệ đúng hạn"),
            lambda r: percent_text(r.figures.on_time_rate),
        ),
        _count(Figure.CAME_BACK_ONCE),
        _count(Figure.CAME_BACK_MORE),
    ]


def days_text(amount: timedelta, day: timedelta) -> str:
    """Working time in the office's working days: "2,5 ngày"; hours below one day."""
    if amount < day:
        hours = f"{amount.total_seconds() / 3600:.1f}".replace(".", ",")
        return translate("ReportTables", "{n} giờ").format(n=hours)
    days = f"{amount / day:.1f}".replace(".", ",")
    return translate("ReportTables", "{n} ngày").format(n=days)


def time_columns(day: timedelta) -> list[Column]:
    """Where time goes (``ProcedureTime``), in working days of ``day`` hours."""
    return [
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Thủ tục"), lambda t: t.procedure_name, numeric=False
        ),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Lĩnh vực"), lambda t: t.field, numeric=False),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Thời hạn theo quy định"),
            lambda t: stored_limit_label(t.limit_text),
            numeric=False,
        ),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Số hồ sơ đã giải quyết"), lambda t: t.decisions),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Thời gian được phép (trung vị)"),
            lambda t: days_text(t.allowed, day),
            tooltip=QT_TRANSLATE_NOOP(
                "ReportTables", "Thời gian làm việc từ lúc tiếp nhận đến ngày hẹn trả"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Thời gian thực tế (trung vị)"),
            lambda t: days_text(t.used_median, day),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "9/10 hồ sơ xong trong"),
            lambda t: days_text(t.used_p90, day),
            tooltip=QT_TRANSLATE_NOOP("ReportTables", "Phân vị 90 của thời gian làm việc thực tế"),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Tỷ lệ thời gian sử dụng"),
            lambda t: percent_text(t.share_used),
            tooltip=QT_TRANSLATE_NOOP(
                "ReportTables", "Thời gian 9/10 hồ sơ xong chia cho thời gian được phép"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Có thể đề xuất rút ngắn còn"),
            lambda t: t.proposal.label() if t.proposal else "",
            numeric=False,
        ),
    ]


def queue_columns() -> list[Column]:
    """Waiting and service times (``QueueLine``)."""
    return [
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Cán bộ, nhóm dịch vụ"),
            lambda q: q.label,
            numeric=False,
        ),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Số lượt gọi"), lambda q: q.called),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Đã phục vụ"), lambda q: q.served),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Vắng mặt khi gọi"), lambda q: q.no_shows),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Chưa được gọi"), lambda q: q.not_called),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Chờ trung bình (phút)"),
            lambda q: decimal_text(q.average_wait_minutes, 1),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Chờ lâu nhất (phút)"),
            lambda q: decimal_text(q.wait_minutes_max, 1),
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Phục vụ trung bình (phút)"),
            lambda q: decimal_text(q.average_service_minutes, 1),
        ),
    ]


def dossier_columns() -> list[Column]:
    """The dossiers behind a figure (``ReportDossier``)."""

    def result(d) -> str:  # noqa: ANN001
        return translated(RESULT_CLASS_LABELS[d.result_class]) if d.result_class else ""

    def status(d) -> str:  # noqa: ANN001
        try:
            return translated(STATUS_LABELS[DossierStatus(d.status)])
        except ValueError:
            return d.status

    return [
        Column(QT_TRANSLATE_NOOP("ReportTables", "Mã hồ sơ"), lambda d: d.code, numeric=False),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Người nộp"), lambda d: d.applicant, numeric=False
        ),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Thủ tục"), lambda d: d.procedure, numeric=False),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Tiếp nhận"),
            lambda d: moment_text(d.received_at),
            numeric=False,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Hẹn trả"),
            lambda d: moment_text(d.appointment_at),
            numeric=False,
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Có kết quả"),
            lambda d: moment_text(d.decided_at),
            numeric=False,
        ),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Kết quả"), result, numeric=False),
        Column(QT_TRANSLATE_NOOP("ReportTables", "Trạng thái"), status, numeric=False),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Phòng ban"), lambda d: d.department, numeric=False
        ),
        Column(
            QT_TRANSLATE_NOOP("ReportTables", "Cán bộ phụ trách"), lambda d: d.clerk, numeric=False
        ),
    ]
