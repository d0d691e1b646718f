"""The procedure catalog (danh mục thủ tục hành chính): search, edit, import, export.

The catalog is the law's list for the counter (Decree 118/2025 art. 16(1); art. 5(1)(đ) forbids asking for more): intake
offers only active procedures and, for each, only its published papers. Offices
receive their list as a spreadsheet, so it comes in and goes out as CSV or XLSX;
an import saves the good rows and reports each bad one by its Excel row number.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.procedure import Procedure
from desk.services import catalog
from desk.services.catalog import ImportReport
from desk.storage.database import Database
from desk.ui.admin.procedure_editor import ProcedureEditor
from desk.ui.widgets import background
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    Notice,
    ask,
    fill_table,
    read_only_table,
    row_of,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen


class ImportReportDialog(QDialog):
    """What an import did: how many procedures were added or updated, and each bad row."""

    def __init__(self, report: ImportReport, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportReportDialog", "Kết quả nhập danh mục"))
        summary = translate(
            "ImportReportDialog", "Tệp {0}: đã thêm {1} thủ tục, cập nhật {2} thủ tục."
        ).format(path.name, report.added, report.updated)
        if report.errors:
            summary += " " + translate(
                "ImportReportDialog",
                "{0} dòng có lỗi nên chưa được nhập; sửa các dòng dưới đây trong tệp rồi nhập lại:",
            ).format(len(report.errors))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.errors_list = QListWidget()
        self.errors_list.setWordWrap(True)
        self.errors_list.addItems(report.errors)
        self.errors_list.setVisible(bool(report.errors))
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors_list, 1)
        layout.addWidget(buttons)
        self.resize(720, 420 if report.errors else 160)

    def messages(self) -> list[str]:
        return [self.errors_list.item(i).text() for i in range(self.errors_list.count())]


class ProceduresDialog(QDialog):
    """The catalog list on the left, the selected procedure's editor on the right."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: list[Procedure] | None = None,
    ) -> None:
        """``found``: the active procedures as ``read`` gave them (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.report_dialog: ImportReportDialog | None = None
        #: How many procedures the last export wrote (None while one runs or after a failure).
        self.last_export_count: int | None = None
        self.last_import: ImportReport | None = None
        self._procedures: list[Procedure] = []
        self.setWindowTitle(self.title())
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate(
                "ProceduresDialog", "Tìm thủ tục: gõ không dấu cũng được (ví dụ: dang ky ket hon)"
            )
        )
        self.search_edit.setClearButtonEnabled(True)
        self.inactive_check = QCheckBox(
            translate("ProceduresDialog", "Hiện cả thủ tục ngừng áp dụng")
        )
        self.table = read_only_table(
            [
                translate("ProceduresDialog", "Mã thủ tục"),
                translate("ProceduresDialog", "Tên thủ tục"),
                translate("ProceduresDialog", "Lĩnh vực"),
                translate("ProceduresDialog", "Thời hạn"),
            ]
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.question: QMessageBox | None = None
        self._editing_code: str | None = None
        self.count_label = QLabel()
        self.editor = ProcedureEditor()
        self.new_button = QPushButton(translate("ProceduresDialog", "Thêm thủ tục mới"))
        self.save_button = QPushButton(translate("ProceduresDialog", "Lưu thủ tục"))
        self.import_button = QPushButton(translate("ProceduresDialog", "Nhập từ tệp CSV/Excel..."))
        self.export_button = QPushButton(translate("ProceduresDialog", "Xuất ra tệp CSV/Excel..."))
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        #: The procedure saved last, once saved.
        self.last_saved: Procedure | None = None

        #: The searches typed: each is read off the window's thread, the newest one shown.
        self._searches = background.NewestRead(self)
        self.search_edit.textChanged.connect(lambda: self.search())
        self.inactive_check.toggled.connect(lambda: self.search())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.new_button.clicked.connect(self.new_procedure)
        self.save_button.clicked.connect(self.save)
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button.clicked.connect(self.choose_export_file)
        self._lay_out()
        set_enter_button(self, None)
        for button in (self.new_button, self.save_button, self.import_button):
            button.setEnabled(clerk.is_admin)
        if not clerk.is_admin:
            self.notice.show_error(
                translate("ProceduresDialog", "Chỉ quản trị viên mới được sửa danh mục thủ tục.")
            )
        self.show_procedures(found if found is not None else self.read(db))
        if self.table.rowCount():
            self.table.selectRow(0)

    @staticmethod
    def title() -> str:
        return translate("ProceduresDialog", "Danh mục thủ tục hành chính")

    @staticmethod
    def read(db: Database) -> list[Procedure]:
        """The list the dialog opens on: the active procedures (it may wait on the server:
        read off the window's thread)."""
        return catalog.list_procedures(db, "", include_inactive=False)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(row_of(self.count_label, self.inactive_check))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(row_of(self.new_button, self.save_button))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 640])
        close = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        fit_to_screen(self, 1260, 720)

    # --- the list ---------------------------------------------------------------

    def search(self) -> None:
        """Read the list for the search text off the window's thread (a read per key typed
        on a slow server would hold the window); the newest search is the one shown."""
        db, text, inactive = self.db, self.search_edit.text(), self.inactive_check.isChecked()

        def done(found: list[Procedure] | None, error: str | None) -> None:
            if found is None:
                self.notice.show_error(error or "")
                return
            self.show_procedures(found)

        self._searches.run(
            lambda: catalog.list_procedures(db, text, include_inactive=inactive), done
        )

    def searching(self) -> bool:
        """Whether a search typed is being read."""
        return self._searches.waiting()

    def _listing(self) -> Callable[[Database], list[Procedure]]:
        """The list as the search and the check box ask for it now, to read off the
        window's thread (after a save or an import)."""
        text, inactive = self.search_edit.text(), self.inactive_check.isChecked()
        return lambda db: catalog.list_procedures(db, text, include_inactive=inactive)

    def _show_listed(self, procedures: list[Procedure], select_code: str | None = None) -> None:
        self._searches.forget()  # a search still on its way would show the list before
        self.show_procedures(procedures, select_code)

    def show_procedures(self, procedures: list[Procedure], select_code: str | None = None) -> None:
        """List ``procedures``; keep (or move to) the selected procedure."""
        keep = select_code or self._editing_code
        self._procedures = procedures
        self.table.blockSignals(True)
        fill_table(
            self.table,
            [(p.code, p.name, p.field, p.limit.label()) for p in self._procedures],
            [p.code for p in self._procedures],
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((2, 140), (3, 140)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.blockSignals(False)
        self.count_label.setText(
            translate("ProceduresDialog", "{0} thủ tục").format(len(self._procedures))
        )
        self.editor.set_fields(sorted({p.field for p in self._procedures}))
        if keep:
            self._mark(keep)

    def select_code(self, code: str) -> bool:
        """Select a procedure in the list (which opens it, as a click would)."""
        for row, procedure in enumerate(self._procedures):
            if procedure.code == code:
                self.table.selectRow(row)
                return True
        return False

    def _mark(self, code: str | None) -> None:
        """Highlight ``code`` in the list (if listed) without opening anything."""
        self.table.blockSignals(True)
        self.table.clearSelection()
        if code is not None:
            self.select_code(code)
        self.table.blockSignals(False)

    def current_code(self) -> str | None:
        """The code of the procedure selected in the list, if any."""
        selected = self.table.selectionModel().selectedRows()
        if not selected or not 0 <= selected[0].row() < len(self._procedures):
            return None
        return self._procedures[selected[0].row()].code

    def _show_selected(self) -> None:
        code = self.current_code()
        if code is None or code == self._editing_code:
            return
        self._mark(self._editing_code)
        self._unless_unsaved(lambda: self._open(code))

    def _open(self, code: str | None) -> None:
        """Load ``code`` (``None``: a blank new procedure) into the editor."""
        procedure = next((p for p in self._procedures if p.code == code), None)
        if code is not None and procedure is None:
            procedure = catalog.get_procedure(self.db, code)
        self._editing_code = code
        self._mark(code)
        self.editor.load(procedure)

    def _unless_unsaved(self, then: Callable[[], None]) -> None:
        """Run ``then`` now, or after the admin agrees to drop unsaved edits."""
        if not self.editor.has_changes():
            then()
            return
        self.question = ask(
            self,
            translate("ProceduresDialog", "Chưa lưu thủ tục"),
            translate(
                "ProceduresDialog",
                "Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?",
            ),
            translate("ProceduresDialog", "Bỏ thay đổi"),
            translate("ProceduresDialog", "Tiếp tục sửa"),
            then,
        )

    def reject(self) -> None:
        """Closing asks first when the editor holds unsaved edits."""
        self._unless_unsaved(super().reject)

    # --- editing ----------------------------------------------------------------

    def new_procedure(self) -> None:
        def blank() -> None:
            self._open(None)
            self.notice.clear_notice()
            self.editor.code_edit.setFocus()

        self._unless_unsaved(blank)

    def save(self) -> bool:
        """Save the procedure in the editor off the window's thread (``last_saved`` once
        saved); on a problem show it under its field. ``False`` when the editor says what
        to fix first, or a save is already on its way."""
        self.notice.clear_notice()
        procedure, errors = self.editor.read()
        errors = {**catalog.check_procedure(procedure), **errors}
        db, clerk, is_new = self.db, self.clerk, self.editor.is_new
        if errors and not is_new:  # nothing to read to say it all
            self._show_errors(errors)
            return False
        if not errors and not procedure.active:  # kept in the list it is saved into
            self.inactive_check.blockSignals(True)
            self.inactive_check.setChecked(True)
            self.inactive_check.blockSignals(False)
        listing = self._listing()

        def work() -> tuple[Procedure, list[Procedure]]:
            problems = dict(errors)  # a new code already taken is said with the rest
            if is_new and "code" not in problems and _code_taken(db, procedure.code):
                problems["code"] = translate(
                    "ProceduresDialog",
                    "Mã thủ tục {0} đã có trong danh mục: hãy chọn thủ tục đó trong danh sách "
                    "để sửa.",
                ).format(procedure.code)
            if problems:
                raise ValidationError(problems)
            return catalog.save_procedure(db, clerk, procedure), listing(db)

        def saved(done: tuple[Procedure, list[Procedure]]) -> None:
            procedure, listed = done
            self.last_saved = procedure
            self.editor.errors.clear()
            self._show_listed(listed, procedure.code)
            self._editing_code = procedure.code
            self.editor.load(procedure)
            self.notice.show_ok(
                translate("ProceduresDialog", "Đã lưu thủ tục {0}.").format(procedure.code)
            )

        def refused(exc: UserError) -> None:
            if isinstance(exc, ValidationError):
                self._show_errors(exc.errors)
            else:
                self.notice.show_error(exc.message)

        return self._saves.run(work, saved, refused)

    def saving(self) -> bool:
        """Whether the procedure is being saved."""
        return self._saves.waiting()

    def _show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.editor.errors.show(errors)
        if unplaced:
            self.notice.show_error(" ".join(errors[f] for f in unplaced))
        else:
            self.notice.show_error(
                translate("ProceduresDialog", "Chưa lưu được: hãy sửa các mục ghi màu đỏ.")
            )

    # --- files ------------------------------------------------------------------

    def _file_filter(self) -> str:
        return translate(
            "ProceduresDialog", "Danh mục thủ tục (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"
        )

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ProceduresDialog", "Chọn tệp danh mục thủ tục"),
            "",
            self._file_filter(),
        )
        if path:
            self.import_from(Path(path))

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("ProceduresDialog", "Lưu danh mục thủ tục"),
            "danh-muc-thu-tuc.xlsx",
            self._file_filter(),
        )
        if path:
            self.export_to(Path(path))

    def import_from(self, path: Path) -> background.Job:
        """Import a CSV/XLSX catalog off the window's thread (hundreds of rows written,
        on a server too), then show the report (each bad row with its message);
        ``last_import`` holds it, ``None`` when the file could not be imported."""
        self.notice.clear_notice()
        db, clerk, path = self.db, self.clerk, Path(path)

        listing = self._listing()

        def read() -> tuple[ImportReport, list[Procedure]]:  # on a pool thread
            try:
                return catalog.import_catalog(db, clerk, path), listing(db)
            except OSError as exc:
                raise UserError(
                    translate(
                        "ProceduresDialog",
                        "Không đọc được tệp {0}: {1}. Hãy kiểm tra tệp rồi thử lại.",
                    ).format(path, exc.strerror or exc)
                ) from exc

        def imported(done: tuple[ImportReport, list[Procedure]]) -> None:
            report, listed = done
            self.last_import = report
            self._show_listed(listed)
            self.report_dialog = ImportReportDialog(report, path, self)
            self.report_dialog.open()
            message = translate(
                "ProceduresDialog", "Đã nhập tệp {0}: thêm {1}, cập nhật {2}, {3} dòng lỗi."
            ).format(path.name, report.added, report.updated, len(report.errors))
            if report.errors:
                self.notice.show_error(message)
            else:
                self.notice.show_ok(message)

        self.last_import = None
        return background.run_in_background(
            self,
            read,
            imported,
            self.notice.show_error,
            translate("ProceduresDialog", "Đang nhập danh mục thủ tục..."),
            buttons=[self.import_button, self.export_button],
        )

    def export_to(self, path: Path) -> background.Job:
        """Write the whole catalog (inactive procedures too) to a .csv or .xlsx file, in
        the background (a network folder or a USB stick may be slow); the notice says
        how many procedures went where, or what to fix."""
        self.notice.clear_notice()
        db, path = self.db, Path(path)

        def write() -> int:  # on a pool thread
            try:
                return catalog.export_catalog(db, path)
            except OSError as exc:
                raise UserError(
                    translate(
                        "ProceduresDialog",
                        "Không ghi được tệp {0}: {1}. Hãy chọn thư mục khác hoặc đóng tệp "
                        "đang mở trong Excel rồi thử lại.",
                    ).format(path, exc.strerror or exc)
                ) from exc

        def written(count: int) -> None:
            self.last_export_count = count
            self.notice.show_ok(
                translate("ProceduresDialog", "Đã xuất {0} thủ tục ra tệp {1}.").format(count, path)
            )

        self.last_export_count = None
        return background.run_in_background(
            self,
            write,
            written,
            self.notice.show_error,
            translate("ProceduresDialog", "Đang xuất danh mục thủ tục..."),
            buttons=[self.export_button],
        )


def _code_taken(db: Database, code: str) -> bool:
    """Whether the catalog has a procedure ``code`` already (on a pool thread)."""
    try:
        catalog.get_procedure(db, code)
    except UserError:
        return False
    return True
