"""The dashboard's tab of the citizens' ratings (đánh giá của người dân) in a period.

The ratings citizens give at the end of a service show in the reports per
clerk, counter or procedure (the combo), for the period chosen in the
dashboard's period bar: the count at each of the four levels of Decision
766/QĐ-TTg, the share satisfied and the reasons cited most. The dashboard
loads the tab when it is shown and again when the period changes; the count runs
off the window's thread through the dashboard's ``read`` (the newest one asked is
shown, the dashboard says what it counts and why it could not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from desk.domain.rating import RatingTally
from desk.domain.statistics import Period
from desk.domain.translation import translated
from desk.services import ratings
from desk.storage.database import Database
from desk.ui.dashboard.rating_tables import RatingTableModel
from desk.ui.dashboard.report_tables import ReportTableModel, number_text
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "RatingTab"
#: ``read(kind, work, then, label)``: ``work()`` off the window's thread, then ``then(result)``
#: if no newer ``kind`` was asked meanwhile (``DashboardWindow._read``).
Read = Callable[[str, Callable[[], Any], Callable[[Any], object], str], None]


class RatingTab(QWidget):
    """A grouping combo, a line of totals and the table; ``load(period)`` fills them.

    ``make_table`` builds the table view the way the dashboard builds its others;
    ``read(kind, work, then, label)`` counts off the window's thread, as the
    dashboard counts its own figures.
    """

    def __init__(
        self,
        db: Database,
        make_table: Callable[[ReportTableModel], QTableView],
        read: Read,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read = read
        self.period: Period | None = None
        self.group_combo = QComboBox(self)
        for by in ratings.GROUPINGS:
            self.group_combo.addItem(translated(ratings.GROUP_LABELS[by]), by)
        self.group_combo.currentIndexChanged.connect(self.reload)
        self.model = RatingTableModel(ratings.GROUP_LABELS["clerk"], self)
        self.table = make_table(self.model)
        # the reasons, last, take the room the counts leave
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("RatingTab", "Chia theo:"), self))
        top.addWidget(self.group_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def grouping(self) -> str:
        return str(self.group_combo.currentData())

    def set_grouping(self, by: str) -> None:
        """Group by "clerk", "counter" or "procedure" (and count again)."""
        self.group_combo.setCurrentIndex(self.group_combo.findData(by))

    def load(self, period: Period) -> None:
        """Count the ratings given in ``period``, grouped as the combo says."""
        self.period = period
        self.reload()

    def reload(self) -> None:
        if self.period is None:
            return
        db, period, by = self._db, self.period, self.grouping()

        def show(tallies: list[RatingTally]) -> None:
            self.model.set_tallies(
                tallies,
                ratings.GROUP_LABELS[by],
                translate("RatingTab", "Toàn cơ quan"),
            )
            self.note.setText(self._note_text(tallies))

        self._read(
            "ratings",
            lambda: ratings.summary(db, period.first, period.last, by),
            show,
            translate("RatingTab", "Đang đếm đánh giá của người dân {title}...").format(
                title=period.title_label
            ),
        )

    def _note_text(self, tallies: list[RatingTally]) -> str:
        if not tallies:
            return translate(
                "RatingTab", "Chưa có lượt đánh giá nào của người dân trong kỳ {range}."
            ).format(range=self.period.range_label if self.period else "")
        total = self.model.item(self.model.rowCount() - 1)
        return translate(
            "RatingTab",
            "{n} lượt đánh giá trong kỳ; tỷ lệ hài lòng (rất hài lòng + hài lòng) {share}. "
            "Mức độ hài lòng theo Quyết định 766/QĐ-TTg.",
        ).format(n=number_text(total.total), share=total.share_text())
