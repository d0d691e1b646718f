"""The dashboard's tab of the citizens' ratings (đánh giá của người dân) in a period.

The ratings citizens give at the end of a service show in the reports per
clerk, counter or procedure (the combo), for the period chosen in the
dashboard's period bar: the count at each of the four levels of Decision
766/QĐ-TTg, the share satisfied and the reasons cited most. The dashboard
loads the tab when it is shown and again when the period changes; the count runs
off the window's thread, and only the newest one asked is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from desk.domain.rating import RatingTally
from desk.domain.statistics import Period
from desk.domain.translation import translated
from desk.services import ratings
from desk.storage.database import Database
from desk.ui.dashboard.rating_tables import RatingTableModel
from desk.ui.dashboard.report_tables import ReportTableModel, number_text
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "RatingTab"


class RatingTab(QWidget):
    """A grouping combo, a line of totals and the table; ``load(period)`` fills them.

    ``make_table`` builds the table view the way the dashboard builds its others;
    ``progress`` (the dashboard's) says while the ratings are being counted.
    ``loaded`` follows each count shown.
    """

    loaded = Signal()

    def __init__(
        self,
        db: Database,
        make_table: Callable[[ReportTableModel], QTableView],
        parent: QWidget | None = None,
        progress: ProgressNote | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._progress = progress
        self._asked = 0
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
        self._asked += 1
        asked = self._asked
        if self._progress is not None:
            self._progress.start(
                translate("RatingTab", "Đang đếm đánh giá của người dân {title}...").format(
                    title=period.title_label
                )
            )

        def done(tallies: list[RatingTally] | None, error: str | None) -> None:
            if self._progress is not None:
                self._progress.stop()
            if asked != self._asked:
                return  # asked again since (another period or grouping)
            if error is not None or tallies is None:
                self.note.setText(error or "")
                return
            self.model.set_tallies(
                tallies,
                ratings.GROUP_LABELS[by],
                translate("RatingTab", "Toàn cơ quan"),
            )
            self.note.setText(self._note_text(tallies))
            self.loaded.emit()

        background.run(self, lambda: ratings.summary(db, period.first, period.last, by), done)

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
