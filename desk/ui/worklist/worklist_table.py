"""The worklist's table as the clerk sees it: its columns, their widths, one row per dossier.

The widths below are each column's widest; the columns then fit the rows shown and
the table's width (``desk.ui.worklist.column_fit``).

One look for the list, whether the whole worklist screen shows it
(``desk.ui.worklist.worklist_view``) or the window's first screen does, before
the rest has loaded (``desk.ui.worklist.first_worklist``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desk.domain.dossier import STATUS_LABELS, DossierStatus
from desk.domain.translation import translated
from desk.ui.widgets.forms import list_rows
from desk.ui.widgets.qt_helpers import translate
from desk.ui.worklist.column_fit import ColumnFit
from desk.ui.worklist.worklist_table_model import (
    APPLICANT,
    ASSIGNEE,
    CODE,
    DUE,
    HOLDER,
    PROCEDURE,
    RECEIVED,
    STATUS,
    URGENCY,
    WorklistTableModel,
)

#: Texts never shown: they only set how wide a column is.
WIDTH_SAMPLES = {
    "name": "Nguyễn Thị Thu Trang",  # untranslated: width sample
    "holder": "Công chức Tư pháp - Hộ tịch",  # untranslated: width sample
    "assignee": "Võ Thị Thu Trang",  # untranslated: width sample
}


def worklist_table(model: WorklistTableModel, parent: QWidget) -> QTableView:
    """A read-only table of ``model``, one row selected at a time."""
    table = QTableView(parent)
    table.setObjectName("worklist_table")
    table.setModel(model)
    list_rows(table)
    table.setAlternatingRowColors(True)
    table.setIconSize(QSize(18, 18))
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    metrics = table.fontMetrics()
    stamp = metrics.horizontalAdvance("00/00/0000 00:00") + 24
    urgency = translate("WorklistTableModel", "Còn {n} ngày làm việc").format(n=9)
    urgency += translate("WorklistTableModel", " · Đã hẹn lại")
    status = translated(STATUS_LABELS[DossierStatus.RESULT_READY])
    widths = {
        URGENCY: metrics.horizontalAdvance(urgency) + 48,
        CODE: metrics.horizontalAdvance("H36.41-000000-0000") + 24,
        APPLICANT: metrics.horizontalAdvance(WIDTH_SAMPLES["name"]) + 24,
        DUE: stamp,
        STATUS: metrics.horizontalAdvance(status) + 24,
        HOLDER: metrics.horizontalAdvance(WIDTH_SAMPLES["holder"]) + 16,
        ASSIGNEE: metrics.horizontalAdvance(WIDTH_SAMPLES["assignee"]) + 24,
        RECEIVED: stamp,
    }
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setMinimumSectionSize(60)
    # The date of receipt is in the tooltip of the appointment: room for the procedure.
    table.setColumnHidden(RECEIVED, True)
    ColumnFit(table, model, widths)
    return table
