"""The worklist's columns fit the rows they show and the table's width.

Each column but the procedure's is as wide as the widest text it shows on the loaded
rows, its header's included, and never wider than the longest text it can hold (the
widths ``worklist_table`` gives). The procedure's name, the longest text and the one
read most, takes the rest. A page of dossiers "In progress" leaves the room that
"Result ready, awaiting return" would take to the procedure.

When the row is wider than the table (a 1024-pixel screen), the columns read least
give way first, down to a floor, their texts shortened with "…" (each cell's tooltip
gives it whole): where the dossier is, the clerk in charge, the applicant, the status.
The time left, the dossier's code and the appointment are never cut, and the
procedure keeps at least ``PROCEDURE_LEAST_CHARS`` letters, so the whole row is seen
without scrolling sideways. A column the clerk has resized by hand keeps the width
they gave it.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from desk.ui.worklist.worklist_table_model import (
    APPLICANT,
    ASSIGNEE,
    HOLDER,
    PROCEDURE,
    STATUS,
    URGENCY,
    WorklistTableModel,
)

#: The columns that give way when the row is too wide, the least read first.
GIVE_WAY = (HOLDER, ASSIGNEE, APPLICANT, STATUS)
#: The columns as wide as their texts; the code and the dates have one width each.
MEASURED = (URGENCY, *GIVE_WAY)
#: Average letters a column that gives way still shows.
LEAST_CHARS = 8
#: Average letters the procedure's name keeps on the narrowest screen.
PROCEDURE_LEAST_CHARS = 24
#: The texts measured in a column: its longest in letters (measuring a page's two hundred
#: names at each page took milliseconds; the widest is among the longest).
LONGEST_MEASURED = 8
#: A cell's margins around its text.
TEXT_PADDING = 20
#: The urgency cell's sign and the space after it.
ICON_ROOM = 26


def share(
    natural: Mapping[int, int],
    least: Mapping[int, int],
    give_way: Sequence[int],
    available: int,
) -> dict[int, int]:
    """The widths of the columns in ``natural``, given ``available`` pixels for all of
    them: each at its natural width, and when they need more than there is, the columns
    of ``give_way``, first first, narrowed down to their ``least``."""
    widths = dict(natural)
    excess = sum(widths.values()) - available
    for column in give_way:
        if excess <= 0:
            break
        if column not in widths:
            continue
        room = max(0, widths[column] - least.get(column, widths[column]))
        taken = min(room, excess)
        widths[column] -= taken
        excess -= taken
    return widths


class ColumnFit(QObject):
    """Keeps ``table``'s columns fitted (see the module) as its rows and width change.

    ``most`` holds each fitted column's widest width; the procedure's column stretches.
    The texts are measured again only when the rows change, not at each resize.
    """

    def __init__(
        self, table: QTableView, model: WorklistTableModel, most: Mapping[int, int]
    ) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._most = dict(most)
        self._natural: dict[int, int] = {}
        self._by_hand: set[int] = set()
        self._fitting = False
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._rows_changed)
        model.dataChanged.connect(self._rows_changed)
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    @property
    def by_hand(self) -> frozenset[int]:
        """The columns the clerk has resized, which the fit leaves as they are."""
        return frozenset(self._by_hand)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _rows_changed(self) -> None:
        self._natural.clear()
        self.fit()

    def fit(self) -> None:
        """Fit the columns to the rows loaded and the table's width now."""
        table = self._table
        header = table.horizontalHeader()
        shown = [c for c in self._most if not header.isSectionHidden(c)]
        fitted = [c for c in shown if c not in self._by_hand]
        if not self._natural:
            self._natural = {c: self._measure(c) for c in MEASURED}
        natural = {c: self._natural.get(c, self._most[c]) for c in fitted}
        char = table.fontMetrics().averageCharWidth()
        least = {c: min(natural[c], LEAST_CHARS * char + TEXT_PADDING) for c in fitted}
        kept = sum(header.sectionSize(c) for c in shown if c in self._by_hand)
        procedure = PROCEDURE_LEAST_CHARS * char + TEXT_PADDING
        available = table.viewport().width() - kept - procedure
        widths = share(natural, least, GIVE_WAY, available)
        self._fitting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _measure(self, column: int) -> int:
        """The widest text ``column`` shows (its header's too), within its widest width."""
        model = self._model
        font = self._table.font()
        extra = TEXT_PADDING
        if column == URGENCY:  # bold, after the band's sign
            font = QFont(font)
            font.setBold(True)
            extra += ICON_ROOM
        metrics = QFontMetrics(font)
        longest = heapq.nlargest(LONGEST_MEASURED, model.column_texts(column), key=len)
        widest = max(map(metrics.horizontalAdvance, longest), default=0)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(title, str):
            heading = self._table.horizontalHeader().fontMetrics().horizontalAdvance(title)
            widest = max(widest + extra, heading + TEXT_PADDING)
        else:
            widest += extra
        return min(widest, self._most[column])

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._fitting or column == PROCEDURE:  # the procedure stretches by itself
            return
        if self._table.horizontalHeader().isSectionHidden(column):
            return
        self._by_hand.add(column)
