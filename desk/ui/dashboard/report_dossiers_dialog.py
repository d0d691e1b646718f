"""The dossiers behind a figure of the dashboard, in a list a supervisor can open.

The list is what ``desk.services.reports.dossiers_behind`` returns: the very
dossiers the figure counts, oldest receipt first. A long list is cut (the
dialog says how many there are in all); a double-click or Enter asks to open
the dossier (``open_requested``), which the main window answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.services.reports import ReportDossier
from desk.ui.dashboard.report_tables import ReportTableModel, dossier_columns, number_text
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen

CONTEXT = "ReportDossiersDialog"


class ReportDossiersDialog(QDialog):
    """``open_requested(code)`` when a dossier is opened from the list."""

    open_requested = Signal(str)

    def __init__(
        self,
        title: str,
        dossiers: Sequence[ReportDossier],
        total: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = ReportTableModel(dossier_columns(), self)
        self.model.set_rows(dossiers)
        self.summary = QLabel(self._summary(len(dossiers), total))
        self.summary.setWordWrap(True)
        heading = QLabel(f"<b>{title}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 320))
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(
            translate("ReportDossiersDialog", "Đóng"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 560)

    @staticmethod
    def _summary(shown: int, total: int) -> str:
        if total == 0:
            return translate("ReportDossiersDialog", "Không có hồ sơ nào.")
        if shown < total:
            return translate(
                "ReportDossiersDialog",
                "Hiển thị {shown} hồ sơ đầu tiên trên tổng số {total} hồ sơ.",
            ).format(shown=number_text(shown), total=number_text(total))
        return translate(
            "ReportDossiersDialog", "{total} hồ sơ. Bấm đúp vào một hồ sơ để mở."
        ).format(total=number_text(total))

    def codes(self) -> list[str]:
        return [d.code for d in self.model.items()]

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.item(index.row()).code)
