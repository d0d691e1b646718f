"""Small Qt pieces the forms of the desk share (the wizard, the login, the admin and step dialogs).

A form here shows each service error right under the input it belongs to
(services name the input in ``ValidationError.errors`` / ``UserError.field``),
so ``FieldErrors`` keeps one red label per field name. Qt ships no Vietnamese
translation of its own buttons, so every standard button gets its text here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.text import nfc
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, OK_COLOUR, FieldError, translate

_CONTEXT = "AdminWidgets"


def button_texts() -> dict[QDialogButtonBox.StandardButton, str]:
    """Vietnamese texts for the standard buttons the dialogs use."""
    b = QDialogButtonBox.StandardButton
    return {
        b.Ok: translate("AdminWidgets", "Đồng ý"),
        b.Cancel: translate("AdminWidgets", "Hủy"),
        b.Close: translate("AdminWidgets", "Đóng"),
        b.Save: translate("AdminWidgets", "Lưu"),
        b.Yes: translate("AdminWidgets", "Có"),
        b.No: translate("AdminWidgets", "Không"),
        b.Apply: translate("AdminWidgets", "Áp dụng"),
    }


def vietnamese_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Give each standard button of ``box`` its Vietnamese text."""
    for standard, text in button_texts().items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)
    return box


def clean_text(widget: QLineEdit | QPlainTextEdit | QComboBox) -> str:
    """What the user typed, NFC-normalised and stripped (never for passwords).

    Some Vietnamese input methods type decomposed letters; the database and the
    printed receipt want the composed form.
    """
    if isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    else:
        text = widget.text()
    return nfc(text).strip()


def one_line(text: str) -> str:
    """Whitespace (line breaks included) collapsed to single spaces."""
    return " ".join(text.split())


class Notice(QLabel):
    """A one-line outcome under a form: green when done, red when not; in the text's own
    colour while it is on its way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.is_error = False
        self.hide()

    def show_ok(self, text: str) -> None:
        self.is_error = False
        self._show(text, OK_COLOUR)

    def show_error(self, text: str) -> None:
        self.is_error = True
        self._show(text, ERROR_COLOUR)

    def show_waiting(self, text: str) -> None:
        self.is_error = False
        self._show(text, None)

    def clear_notice(self) -> None:
        self.is_error = False
        self.setText("")
        self.hide()

    def _show(self, text: str, colour: str | None) -> None:
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """The error labels of one form, keyed by the field names the services use."""

    def __init__(self) -> None:
        self._labels: dict[str, FieldError] = {}
        self._inputs: dict[str, QWidget] = {}

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with its error label under it, ready for a form row.

        Typing into the input again hides its message: the clerk sees at once
        that the mistake is being fixed.
        """
        label = FieldError()
        label.setObjectName(f"error_{field}")
        self._labels[field] = label
        self._inputs[field] = widget
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(label.clear_message)
        elif isinstance(widget, QComboBox):  # a choice made: "Hãy chọn ..." goes
            widget.currentIndexChanged.connect(lambda _i: label.clear_message())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.textChanged.connect(label.clear_message)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(label.clear_message)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(label)
        return box

    def label(self, field: str) -> FieldError:
        return self._labels[field]

    def message(self, field: str) -> str:
        """The message shown under ``field`` ("" when hidden)."""
        label = self._labels[field]
        return label.text() if not label.isHidden() else ""

    def fields(self) -> set[str]:
        return set(self._labels)

    def show(self, errors: Mapping[str, str], *, focus: bool = True) -> list[str]:
        """Show each known field's message (clearing the others); focus the first.

        Returns the fields of ``errors`` this form has no label for, so the
        caller can show those elsewhere rather than drop them.
        """
        self.clear()
        for field, text in errors.items():
            if field in self._labels:
                self._labels[field].set_message(text)
        shown = [f for f in errors if f in self._labels]
        if focus and shown:
            self._inputs[shown[0]].setFocus(Qt.FocusReason.OtherFocusReason)
        return [f for f in errors if f not in self._labels]

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear_message()


def row_of(*widgets: QWidget) -> QWidget:
    """Widgets side by side, left-aligned, in one widget that fits a form row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return box


def list_rows(table: QTableView, wrap: bool = False) -> None:
    """``table`` as a list to read: one whole row selected at a time, no editing, no row
    numbers; long texts wrapped when ``wrap``. A column narrowed on a small screen shows
    its title's start and "…" (Qt's header cuts both ends of a centred title otherwise:
    "n bộ phụ trá")."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setWordWrap(wrap)


def read_only_table(headers: Sequence[str], parent: QWidget | None = None) -> QTableWidget:
    """A table for listing rows: whole-row selection, no editing, last column stretched."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    list_rows(table)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(
    table: QTableWidget, rows: Iterable[Sequence[str]], data: Sequence[Any] = ()
) -> None:
    """Replace the table's rows; ``data[i]`` is kept on row i's first cell (UserRole)."""
    from PySide6.QtWidgets import QTableWidgetItem

    rows = list(rows)
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if c == 0 and r < len(data):
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        # Resizing a stretched column by hand stops it filling the width.
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            table.resizeColumnToContents(column)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a table cell with a combo box of fixed choices.

    The cell keeps the choice's value in ``Qt.UserRole`` and shows its label,
    so the table reads back values (e.g. ``PaperForm``), never labels.
    """

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def label_for(self, value: Any) -> str:
        return next((label for v, label in self.choices if v == value), str(value))

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        at = editor.findData(index.data(Qt.ItemDataRole.UserRole))
        editor.setCurrentIndex(max(at, 0))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


def ask(
    parent: QWidget,
    title: str,
    text: str,
    yes_text: str,
    no_text: str,
    on_yes: Callable[[], None],
) -> QMessageBox:
    """Ask a yes/no question without blocking; ``on_yes`` runs if the user agrees.

    "No" is the default and the Esc button: the safe answer keeps the user's work.
    The box is returned (already open) so a caller or a test can answer it.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def answered(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box


def set_enter_button(dialog: QDialog, button: QPushButton | None) -> None:
    """Make Enter press ``button`` (``None``: nothing), never an unintended one.

    Left alone, a dialog makes the first push button in the tab order the
    default, so Enter in a search box could close the dialog or save a form.
    Call this once the buttons are inside the dialog's layout.
    """
    for other in dialog.findChildren(QPushButton):
        other.setAutoDefault(False)
        other.setDefault(False)
    if button is not None:
        button.setDefault(True)
