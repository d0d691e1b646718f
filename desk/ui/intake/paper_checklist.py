"""The checklist of papers received, limited to the chosen procedure's published list.

Decree 118/2025 art. 16(1) and art. 5(1)(đ): the clerk may ask only for the papers the procedure
lists, so this table shows exactly ``Procedure.papers`` and nothing can be
added. Each row is ticked when the paper is handed in, with its form (original,
copy, only shown) and the number of copies.

Keyboard: Tab enters and leaves the table (one stop), arrows move, Space ticks
the row, typing on the form or count cell (or F2) opens its editor.

The last column says what the desk holds of each paper in digitised form
(pages scanned here, or "đã có bản số hóa"); files dropped on a row are that
paper's pages (``files_dropped(row, paths)``, see ``desk.ui.intake.intake_scans``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desk.domain.dossier import ReceivedPaper
from desk.domain.procedure import PAPER_FORM_LABELS, PaperForm, RequiredPaper
from desk.domain.translation import translated
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "PaperChecklist"
NAME, FORM, COUNT, SCAN = range(4)
MAX_COPIES = 99
_ROLE_NAME = Qt.ItemDataRole.UserRole
_ROLE_FORM = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class _FormDelegate(QStyledItemDelegate):
    """Edits the form cell with a combo box of the three published forms."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for form in PaperForm:
            box.addItem(translated(PAPER_FORM_LABELS[form]), form.value)
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(_ROLE_FORM))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        form = PaperForm(editor.currentData())
        model.setData(index, form.value, _ROLE_FORM)
        model.setData(index, translated(PAPER_FORM_LABELS[form]), Qt.ItemDataRole.DisplayRole)


class _CountDelegate(QStyledItemDelegate):
    """Edits the number of copies with a spin box (1 to 99)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:  # noqa: N802
        box = QSpinBox(parent)
        box.setRange(1, MAX_COPIES)
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class PaperChecklist(QTableWidget):
    """One row per published paper: tick, form, number of copies. ``changed`` on any edit."""

    changed = Signal()
    files_dropped = Signal(int, list)  # row, the paths of the files dropped on it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("paper_checklist")
        self.setHorizontalHeaderLabels(
            [
                translate("PaperChecklist", "Giấy tờ (đánh dấu bằng phím cách)"),
                translate("PaperChecklist", "Hình thức"),
                translate("PaperChecklist", "Số bản"),
                translate("PaperChecklist", "Bản số hóa"),
            ]
        )
        self.setAcceptDrops(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FORM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCAN, QHeaderView.ResizeMode.ResizeToContents)
        # Rows as tall as their wrapped names at the columns' new widths: fitted once the
        # header has laid out every column (at the signal, the other widths are old).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.setItemDelegateForColumn(FORM, _FormDelegate(self))
        self.setItemDelegateForColumn(COUNT, _CountDelegate(self))
        self.setAccessibleName(translate("PaperChecklist", "Giấy tờ đã nhận"))
        # Room for several long paper names even on a 768-pixel-high screen.
        self.setMinimumHeight(self.fontMetrics().height() * 11)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_papers(self, papers: list[RequiredPaper]) -> None:
        """Show a procedure's papers, none ticked, each with its published form and count."""
        self.blockSignals(True)
        try:
            self.setRowCount(0)
            self.setRowCount(len(papers))
            for row, paper in enumerate(papers):
                self._fill_row(row, paper)
        finally:
            self.blockSignals(False)
        self.resizeRowsToContents()
        if papers:
            self.setCurrentCell(0, NAME)
        self.changed.emit()

    def _fill_row(self, row: int, paper: RequiredPaper) -> None:
        label = paper.name
        if paper.optional:
            label += translate("PaperChecklist", " (tùy trường hợp)")
        name = QTableWidgetItem(label)
        name.setData(_ROLE_NAME, paper.name)
        name.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        name.setCheckState(Qt.CheckState.Unchecked)
        name.setToolTip(paper.name)
        if paper.optional:
            font = QFont(name.font())
            font.setItalic(True)
            name.setFont(font)
            name.setForeground(QBrush(QColor("#555555")))
        form = QTableWidgetItem(translated(PAPER_FORM_LABELS[paper.form]))
        form.setData(_ROLE_FORM, paper.form.value)
        count = QTableWidgetItem()
        count.setData(Qt.ItemDataRole.EditRole, max(1, paper.count))
        count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        scan = QTableWidgetItem("")
        scan.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, NAME, name)
        self.setItem(row, FORM, form)
        self.setItem(row, COUNT, count)
        self.setItem(row, SCAN, scan)

    # -- reading and setting ----------------------------------------------

    def received(self) -> list[ReceivedPaper]:
        """The ticked papers, in the published order, as the dossier records them."""
        return [
            ReceivedPaper(self.paper_name(row), self.form(row), self.count(row))
            for row in range(self.rowCount())
            if self.is_ticked(row)
        ]

    def paper_name(self, row: int) -> str:
        return str(self.item(row, NAME).data(_ROLE_NAME))

    def form(self, row: int) -> PaperForm:
        return PaperForm(self.item(row, FORM).data(_ROLE_FORM))

    def set_form(self, row: int, form: PaperForm) -> None:
        item = self.item(row, FORM)
        item.setData(_ROLE_FORM, form.value)
        item.setText(translated(PAPER_FORM_LABELS[form]))

    def count(self, row: int) -> int:
        return int(self.item(row, COUNT).data(Qt.ItemDataRole.EditRole))

    def set_count(self, row: int, count: int) -> None:
        self.item(row, COUNT).setData(Qt.ItemDataRole.EditRole, max(1, min(MAX_COPIES, count)))

    def is_ticked(self, row: int) -> bool:
        return self.item(row, NAME).checkState() == Qt.CheckState.Checked

    def set_ticked(self, row: int, ticked: bool) -> None:
        self.item(row, NAME).setCheckState(
            Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        )

    def toggle(self, row: int) -> None:
        self.set_ticked(row, not self.is_ticked(row))

    def is_dirty(self) -> bool:
        return any(self.is_ticked(row) for row in range(self.rowCount()))

    def set_scan_note(self, row: int, text: str) -> None:
        """What the desk holds of this paper digitised ("" for nothing)."""
        item = self.item(row, SCAN)
        if item is not None:
            item.setText(text)

    def row_of(self, name: str) -> int:
        return next((r for r in range(self.rowCount()) if self.paper_name(r) == name), -1)

    # -- files dropped on a paper ---------------------------------------------

    def _files(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        urls = mime.urls() if mime.hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        if event.mimeData().hasUrls() and self.rowAt(event.position().toPoint().y()) >= 0:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        row = self.rowAt(event.position().toPoint().y())
        files = self._files(event)
        if files and row >= 0:
            event.acceptProposedAction()
            self.setCurrentCell(row, NAME)
            self.files_dropped.emit(row, files)
            return
        super().dropEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_rows.start()

    # -- keyboard -----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Space ticks the current row whichever cell is current; Enter goes to the window."""
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        if key == Qt.Key.Key_Space and not editing and self.currentRow() >= 0:
            self.toggle(self.currentRow())
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            event.ignore()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        if self.currentRow() < 0 and self.rowCount():
            self.setCurrentCell(0, NAME)
        super().focusInEvent(event)
