"""The editor of one procedure (thủ tục hành chính): its facts, limits and papers.

The papers table is the law's list for the counter: intake shows exactly these
papers as its checklist and the clerk may ask for nothing else. A procedure may
publish one time limit per channel (first land registration: 27 working days
at the counter, 17 online, 20 by post); as in the catalog file, a channel's
limit shares the general limit's kind and cut-off and only its amount differs.

The level is one of three (central, province, commune: there is no district
level since 01/07/2025), or not stated. "Chỉ tiếp nhận trực tuyến" marks a
service accepted online only (Directive 24/CT-TTg): intake then warns the clerk
and offers the printed guide to the national portal.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.procedure import (
    LEVEL_LABELS,
    PAPER_FORM_LABELS,
    Channel,
    Level,
    PaperForm,
    Procedure,
    RequiredPaper,
)
from desk.domain.text import nfc
from desk.domain.time_limit import LIMIT_KIND_LABELS, LimitKind, TimeLimit
from desk.domain.translation import translated
from desk.ui.widgets.forms import ChoiceDelegate, FieldErrors, clean_text, one_line, row_of
from desk.ui.widgets.qt_helpers import translate

MAX_AMOUNT = 999
MAX_COPIES = 99


def limit_kind_label(kind: LimitKind) -> str:
    """The kind's label on screen, capitalised for a combo box ("Ngày làm việc")."""
    label = translated(LIMIT_KIND_LABELS[kind])
    return label[:1].upper() + label[1:]


class _CountDelegate(QStyledItemDelegate):
    """Edits a paper's number of copies with a spin box from 1."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, MAX_COPIES)
        return spin


class PapersTable(QTableWidget):
    """The procedure's papers, one row each: name, form, copies, needed only in some cases."""

    NAME, FORM, COUNT, OPTIONAL = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                translate("PapersTable", "Tên giấy tờ"),
                translate("PapersTable", "Hình thức"),
                translate("PapersTable", "Số bản"),
                translate("PapersTable", "Tùy trường hợp"),
            ]
        )
        self.form_delegate = ChoiceDelegate(
            [(form, translated(PAPER_FORM_LABELS[form])) for form in PaperForm], self
        )
        self.setItemDelegateForColumn(self.FORM, self.form_delegate)
        self.setItemDelegateForColumn(self.COUNT, _CountDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.FORM, self.COUNT, self.OPTIONAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(150)

    def set_papers(self, papers: list[RequiredPaper]) -> None:
        self.setRowCount(0)
        for paper in papers:
            self._insert(self.rowCount(), paper)

    def _insert(self, row: int, paper: RequiredPaper) -> None:
        self.insertRow(row)
        self.setItem(row, self.NAME, QTableWidgetItem(paper.name))
        form = QTableWidgetItem(translated(PAPER_FORM_LABELS[paper.form]))
        form.setData(Qt.ItemDataRole.UserRole, paper.form)
        self.setItem(row, self.FORM, form)
        count = QTableWidgetItem()
        count.setData(Qt.ItemDataRole.DisplayRole, paper.count)
        count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItem(row, self.COUNT, count)
        optional = QTableWidgetItem()
        optional.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        optional.setCheckState(Qt.CheckState.Checked if paper.optional else Qt.CheckState.Unchecked)
        self.setItem(row, self.OPTIONAL, optional)

    def add_paper(self, paper: RequiredPaper | None = None) -> int:
        """Insert a row under the current one (or at the end) and start typing its name."""
        row = self.currentRow() + 1 if self.currentRow() >= 0 else self.rowCount()
        self._insert(row, paper or RequiredPaper(""))
        self.setCurrentCell(row, self.NAME)
        if paper is None:
            self.editItem(self.item(row, self.NAME))
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.setCurrentCell(min(row, self.rowCount() - 1), self.NAME)

    def move_current(self, delta: int) -> None:
        """Move the current paper up (-1) or down (+1): the order is the printed order."""
        row = self.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.rowCount():
            return
        for column in range(self.columnCount()):
            here, there = self.takeItem(row, column), self.takeItem(target, column)
            self.setItem(row, column, there)
            self.setItem(target, column, here)
        self.setCurrentCell(target, self.currentColumn())

    def papers(self) -> tuple[list[RequiredPaper], str]:
        """The papers as listed, and a message about the first row that cannot be saved."""
        papers: list[RequiredPaper] = []
        for row in range(self.rowCount()):
            name = one_line(nfc(self._text(row, self.NAME)))
            if not name:
                return papers, translate(
                    "PapersTable", "Giấy tờ ở dòng {0} chưa có tên: hãy nhập tên hoặc xóa dòng đó."
                ).format(row + 1)
            if "|" in name:
                return papers, translate(
                    "PapersTable", "Tên giấy tờ ở dòng {0} không được chứa dấu “|”."
                ).format(row + 1)
            form = self._value(row, self.FORM, PaperForm.ORIGINAL)
            count = int(self._value(row, self.COUNT, 1, Qt.ItemDataRole.DisplayRole) or 1)
            optional_item = self.item(row, self.OPTIONAL)
            optional = (
                optional_item is not None and optional_item.checkState() == Qt.CheckState.Checked
            )
            papers.append(RequiredPaper(name, PaperForm(form), max(count, 1), optional))
        return papers, ""

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _value(
        self, row: int, column: int, default: Any, role: Qt.ItemDataRole = Qt.ItemDataRole.UserRole
    ) -> Any:
        item = self.item(row, column)
        value = item.data(role) if item is not None else None
        return default if value is None else value


class ProcedureEditor(QWidget):
    """Edits one ``Procedure``; ``read()`` gives back what is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self.errors = FieldErrors()
        self._build_inputs()
        self.papers_table = PapersTable()
        self.add_paper_button = QPushButton(translate("ProcedureEditor", "Thêm giấy tờ"))
        self.remove_paper_button = QPushButton(translate("ProcedureEditor", "Xóa giấy tờ"))
        self.up_button = QPushButton(translate("ProcedureEditor", "Lên"))
        self.down_button = QPushButton(translate("ProcedureEditor", "Xuống"))
        self.add_paper_button.clicked.connect(lambda: self.papers_table.add_paper())
        self.remove_paper_button.clicked.connect(self.papers_table.remove_current)
        self.up_button.clicked.connect(lambda: self.papers_table.move_current(-1))
        self.down_button.clicked.connect(lambda: self.papers_table.move_current(1))
        self.kind_combo.currentIndexChanged.connect(self._sync_limit_inputs)
        self.cutoff_check.toggled.connect(self.cutoff_edit.setEnabled)
        self._lay_out()
        self.load(None)

    def _build_inputs(self) -> None:
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(
            translate("ProcedureEditor", "Mã trên Cổng dịch vụ công, ví dụ: 1.001193")
        )
        self.name_edit = QPlainTextEdit()
        self.name_edit.setTabChangesFocus(True)
        self.name_edit.setFixedHeight(64)
        self.field_combo = QComboBox()
        self.field_combo.setEditable(True)
        self.field_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.level_combo = QComboBox()
        self.level_combo.addItem(translate("ProcedureEditor", "(không ghi)"), "")
        for level in Level:
            self.level_combo.addItem(translated(LEVEL_LABELS[level]), level.value)
        self.kind_combo = QComboBox()
        for kind in LimitKind:
            self.kind_combo.addItem(limit_kind_label(kind), kind)
        self.amount_spin = QSpinBox()
        self.amount_spin.setRange(1, MAX_AMOUNT)
        self.cutoff_check = QCheckBox(
            translate("ProcedureEditor", "Nhận sau giờ chốt thì tính từ ngày làm việc sau:")
        )
        self.cutoff_edit = QTimeEdit()
        self.cutoff_edit.setDisplayFormat("HH:mm")
        self.online_spin = self._channel_spin()
        self.post_spin = self._channel_spin()
        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText(translate("ProcedureEditor", "Ví dụ: Miễn lệ phí"))
        self.legal_edit = QPlainTextEdit()
        self.legal_edit.setTabChangesFocus(True)
        self.legal_edit.setFixedHeight(56)
        self.active_check = QCheckBox(
            translate("ProcedureEditor", "Đang áp dụng (hiện khi tiếp nhận hồ sơ)")
        )
        self.online_only_check = QCheckBox(
            translate("ProcedureEditor", "Chỉ tiếp nhận trực tuyến (Chỉ thị 24/CT-TTg)")
        )
        self.online_only_check.setToolTip(
            translate(
                "ProcedureEditor",
                "Khi tiếp nhận tại quầy, màn hình nhắc cán bộ hướng dẫn người dân nộp trên "
                "Cổng Dịch vụ công quốc gia và cho in phiếu hướng dẫn.",
            )
        )

    def _channel_spin(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_AMOUNT)
        spin.setSpecialValueText(translate("ProcedureEditor", "như tại quầy"))
        spin.setMinimumWidth(130)
        return spin

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("ProcedureEditor", "Mã thủ tục:"), self.errors.wrap("code", self.code_edit)
        )
        form.addRow(
            translate("ProcedureEditor", "Tên thủ tục:"), self.errors.wrap("name", self.name_edit)
        )
        form.addRow(
            translate("ProcedureEditor", "Lĩnh vực:"), self.errors.wrap("field", self.field_combo)
        )
        form.addRow(translate("ProcedureEditor", "Cấp thực hiện:"), self.level_combo)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.amount_spin)
        limit_row.addWidget(self.kind_combo, 1)
        limit_box = QWidget()
        limit_box.setLayout(limit_row)
        limit_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(
            translate("ProcedureEditor", "Thời hạn giải quyết:"),
            self.errors.wrap("limit", limit_box),
        )
        form.addRow("", row_of(self.cutoff_check, self.cutoff_edit))
        form.addRow(
            translate("ProcedureEditor", "Thời hạn khác theo kênh:"),
            row_of(
                QLabel(translate("ProcedureEditor", "Trực tuyến")),
                self.online_spin,
                QLabel(translate("ProcedureEditor", "Bưu chính")),
                self.post_spin,
            ),
        )
        form.addRow(translate("ProcedureEditor", "Phí, lệ phí:"), self.fee_edit)
        form.addRow(translate("ProcedureEditor", "Căn cứ pháp lý:"), self.legal_edit)
        form.addRow("", self.active_check)
        form.addRow("", self.online_only_check)
        papers_buttons = row_of(
            self.add_paper_button, self.remove_paper_button, self.up_button, self.down_button
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(translate("ProcedureEditor", "Thành phần hồ sơ (đúng danh mục đã công bố):"))
        )
        layout.addWidget(self.errors.wrap("papers", self.papers_table), 1)
        layout.addWidget(papers_buttons)

    @property
    def is_new(self) -> bool:
        return self._id is None

    def set_fields(self, fields: list[str]) -> None:
        """The fields (lĩnh vực) already in the catalog, offered in the combo box."""
        current = self.field_combo.currentText()
        self.field_combo.clear()
        self.field_combo.addItems(fields)
        self.field_combo.setCurrentText(current)

    def load(self, procedure: Procedure | None) -> None:
        """Show a procedure, or a blank form for a new one (``None``)."""
        self.errors.clear()
        p = procedure or Procedure(code="", name="", field="", limit=TimeLimit.working_days(1))
        self._id = p.id if procedure is not None else None
        self.code_edit.setText(p.code)
        self.code_edit.setReadOnly(procedure is not None)
        self.code_edit.setToolTip(
            translate(
                "ProcedureEditor",
                "Mã của thủ tục đã có không sửa được; muốn đổi mã, hãy thêm thủ tục mới.",
            )
            if procedure is not None
            else ""
        )
        self.name_edit.setPlainText(p.name)
        self.field_combo.setCurrentText(p.field)
        self.level_combo.setCurrentIndex(
            self.level_combo.findData(p.level.value if p.level is not None else "")
        )
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(p.limit.kind))
        self.amount_spin.setValue(max(p.limit.amount, 1))
        self.cutoff_check.setChecked(p.limit.cutoff is not None)
        self.cutoff_edit.setEnabled(p.limit.cutoff is not None)
        cutoff = p.limit.cutoff or time(15, 0)
        self.cutoff_edit.setTime(QTime(cutoff.hour, cutoff.minute))
        for channel, spin in ((Channel.ONLINE, self.online_spin), (Channel.POST, self.post_spin)):
            own = p.channel_limits.get(channel)
            spin.setValue(own.amount if own is not None else 0)
        self.fee_edit.setText(p.fee)
        self.legal_edit.setPlainText(p.legal_basis)
        self.active_check.setChecked(p.active)
        self.online_only_check.setChecked(p.online_only)
        self.papers_table.set_papers(p.papers)
        self._sync_limit_inputs()
        for edit in (self.code_edit, self.fee_edit):
            edit.setCursorPosition(0)
        self._snapshot = self.read()

    def kind(self) -> LimitKind:
        """The limit kind chosen (Qt hands the combo's data back as plain text)."""
        return LimitKind(self.kind_combo.currentData())

    def level(self) -> Level | None:
        """The level chosen, ``None`` for "(không ghi)"."""
        value = self.level_combo.currentData()
        return Level(value) if value else None

    def has_changes(self) -> bool:
        """Whether anything on screen differs from what was loaded."""
        return self.read() != self._snapshot

    def _sync_limit_inputs(self) -> None:
        """A same-day limit has no amount, so neither it nor the channels take one."""
        counted = self.kind() is not LimitKind.SAME_DAY
        for spin in (self.amount_spin, self.online_spin, self.post_spin):
            spin.setEnabled(counted)

    def read(self) -> tuple[Procedure, dict[str, str]]:
        """The procedure on screen, and the problems only the form can see (by field).

        A papers row that cannot be saved is left out of the procedure and
        reported under "papers", so the other checks still run on the rest.
        """
        kind = self.kind()
        cutoff = None
        if self.cutoff_check.isChecked():
            chosen = self.cutoff_edit.time()
            cutoff = time(chosen.hour(), chosen.minute())
        amount = 0 if kind is LimitKind.SAME_DAY else self.amount_spin.value()
        channel_limits: dict[Channel, TimeLimit] = {}
        if kind is not LimitKind.SAME_DAY:
            for channel, spin in (
                (Channel.ONLINE, self.online_spin),
                (Channel.POST, self.post_spin),
            ):
                if spin.value() > 0:
                    channel_limits[channel] = TimeLimit(kind, spin.value(), cutoff)
        papers, problem = self.papers_table.papers()
        procedure = Procedure(
            id=self._id,
            code=clean_text(self.code_edit),
            name=one_line(clean_text(self.name_edit)),
            field=one_line(clean_text(self.field_combo)),
            level=self.level(),
            limit=TimeLimit(kind, amount, cutoff),
            fee=clean_text(self.fee_edit),
            legal_basis=clean_text(self.legal_edit),
            active=self.active_check.isChecked(),
            online_only=self.online_only_check.isChecked(),
            papers=papers,
            channel_limits=channel_limits,
        )
        return procedure, ({"papers": problem} if problem else {})
