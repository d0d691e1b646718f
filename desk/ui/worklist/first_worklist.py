"""The window's first screen: the first page of the clerk's worklist, while the rest loads.

At start-up the window shows the list a clerk opens the program for before the
database layer has loaded (``desk.services.first_screen``): the same rows, in
the same table, as the worklist screen then shows in its place with its bands,
views and filters (``MainWindow.complete``). Until then the list is read-only:
nothing here opens a dossier or reads more rows, and the tab of the intake form
says it is on its way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.domain.office import Clerk
from desk.domain.scope import scope_for
from desk.services.first_screen import FirstPage
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate
from desk.ui.worklist.worklist_table import worklist_table
from desk.ui.worklist.worklist_table_model import WorklistTableModel


def _loading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("loading_note")
    label.setStyleSheet("color: #555;")
    return label


class FirstWorklist(QWidget):
    """The first page of ``clerk``'s worklist, shown as the worklist screen shows it."""

    def __init__(self, clerk: Clerk, page: FirstPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_worklist")
        scope = scope_for(clerk)
        heading = QLabel(f"<b>{scope.heading}:</b>", self)
        self.note = _loading_label(
            translate("FirstWorklist", "Đang mở số đếm, bộ lọc và tìm kiếm…"), self
        )
        self.model = WorklistTableModel.first(page, self)
        self.table = worklist_table(self.model, self)
        self._scope = scope
        self.at_risk_label = QLabel(self)
        self.at_risk_label.setObjectName("first_at_risk")
        self.at_risk_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.at_risk_label)
        layout.addWidget(self.table, 1)

    def show_at_risk_count(self, count: int) -> None:
        """How many dossiers of the clerk's scope need an apology, as the at-risk tab says
        it once the list screen is built."""
        if count:
            self.at_risk_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.at_risk_label.setText(
            translate("FirstWorklist", "Cần xin lỗi - {scope} ({n})").format(
                scope=self._scope.label, n=count
            )
        )
        self.at_risk_label.show()


class StartingTab(QWidget):
    """The intake form's place until it is built."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = _loading_label(translate("FirstWorklist", "Đang mở mẫu tiếp nhận hồ sơ…"), self)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignCenter)
