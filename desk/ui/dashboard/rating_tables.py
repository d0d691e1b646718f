"""The citizens' ratings as a table: one row per clerk, counter or procedure.

Each row is a ``RatingTally``: how many ratings, how many at each of the four
levels of Decision 766/QĐ-TTg, the share satisfied (rất hài lòng + hài lòng,
the index's figure) and the reasons citizens cited most. A last row in bold
tallies the whole office. A "không hài lòng" count above zero shows in red:
it is what the supervisor reads the table for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desk.domain.rating import LEVEL_LABELS, REASON_LABELS, RatingLevel, RatingTally
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.ui.dashboard.report_tables import Column, ModelIndex, ReportTableModel

#: How many of the most cited reasons a row names.
TOP_REASONS = 3
UNHAPPY_COLOUR = "#c62828"


def top_reasons_text(tally: RatingTally, limit: int = TOP_REASONS) -> str:
    """ "Thời gian chờ (3); Thái độ phục vụ (1)": the reasons cited most, most first."""
    cited = [(count, reason) for reason, count in tally.reasons.items() if count > 0]
    order = list(tally.reasons)
    cited.sort(key=lambda pair: (-pair[0], order.index(pair[1])))
    return "; ".join(
        f"{translated(REASON_LABELS[reason])} ({count})" for count, reason in cited[:limit]
    )


def office_total(tallies: Sequence[RatingTally], label: str) -> RatingTally:
    """All the rows added up (each rating is in exactly one row of a grouping)."""
    total = RatingTally("", label)
    for tally in tallies:
        for level, count in tally.counts.items():
            total.counts[level] += count
        for reason, count in tally.reasons.items():
            total.reasons[reason] += count
    return total


def rating_columns(first_title: str) -> list[Column]:
    """The name of the group, the total, one column per level, the share, the reasons."""
    return [
        Column(first_title, lambda t: t.label, numeric=False),
        Column(QT_TRANSLATE_NOOP("RatingTables", "Số lượt đánh giá"), lambda t: t.total),
        *(Column(LEVEL_LABELS[level], lambda t, lv=level: t.counts[lv]) for level in RatingLevel),
        Column(
            QT_TRANSLATE_NOOP("RatingTables", "Tỷ lệ hài lòng"),
            lambda t: t.share_text(),
            tooltip=QT_TRANSLATE_NOOP(
                "RatingTables", "(Rất hài lòng + hài lòng) / số lượt đánh giá"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("RatingTables", "Nội dung được nêu nhiều nhất"),
            top_reasons_text,
            numeric=False,
        ),
    ]


class RatingTableModel(ReportTableModel):
    """``RatingTally`` rows through ``rating_columns``; the office's total last."""

    def __init__(self, first_title: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(rating_columns(first_title), parent)

    def set_tallies(
        self, tallies: Sequence[RatingTally], first_title: str, total_label: str
    ) -> None:
        """New rows grouped under ``first_title``; no total row when nobody rated."""
        total = office_total(tallies, total_label) if tallies else None
        self.set_rows(tallies, total, rating_columns(first_title))

    def tallies(self) -> list[RatingTally]:
        return self.items()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if self._is_unhappy_cell(index.row(), index.column()):
                return QColor(UNHAPPY_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and self._is_reasons_cell(index):
            return top_reasons_text(self.item(index.row()), len(REASON_LABELS)) or None
        return super().data(index, role)

    def _is_reasons_cell(self, index: ModelIndex) -> bool:
        """Every reason cited, in the tooltip: the cell names only the first few."""
        return (
            index.isValid()
            and 0 <= index.row() < self.rowCount()
            and index.column() == len(self.columns) - 1
        )

    def _is_unhappy_cell(self, row: int, column: int) -> bool:
        if not (0 <= row < self.rowCount() and 0 <= column < len(self.columns)):
            return False
        if self.columns[column].title != LEVEL_LABELS[RatingLevel.UNSATISFIED]:
            return False
        return self.item(row).counts[RatingLevel.UNSATISFIED] > 0
