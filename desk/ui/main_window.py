"""The main window: the intake form, the list of dossiers, the admin menu.

Opening must stay fast on an office's whole history (a million dossiers): the
list reads one page of 200 rows and more only as the clerk scrolls
(``DossierTableModel``); nothing here counts or loads every row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk import __version__, config
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import office, receipts
from desk.storage.database import Database
from desk.storage.engine import sqlite_path
from desk.ui.dossier_table_model import (
    APPLICANT,
    APPOINTMENT,
    CODE,
    PROCEDURE,
    RECEIVED,
    STATUS,
    DossierTableModel,
)
from desk.ui.intake_window import IntakeWindow
from desk.ui.qt_helpers import busy_cursor, show_message, tr
from desk.ui.receipt_preview import ReceiptPreviewDialog

log = logging.getLogger(__name__)

CONTEXT = "MainWindow"
INTAKE_TAB, DOSSIERS_TAB = 0, 1


def database_location(db: Database) -> str:
    """The database file for SQLite, else the URL without its password."""
    path = sqlite_path(db.url)
    if path is not None:
        return str(path)
    return db.engine.url.render_as_string(hide_password=True)


class MainWindow(QMainWindow):
    def __init__(
        self, db: Database, clerk: Clerk, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self._clock: Clock = clock or SystemClock()
        self._dialogs: list[QDialog] = []
        self.setObjectName("main_window")
        self.last_preview: ReceiptPreviewDialog | None = None

        self.intake = IntakeWindow(db, clerk, self._clock, self)
        self.dossier_model = DossierTableModel(db, self._clock, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.intake, tr(CONTEXT, "Tiếp nhận hồ sơ"))
        self.tabs.addTab(self._build_dossier_tab(), tr(CONTEXT, "Hồ sơ đang giải quyết"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()
        self.intake.dossier_saved.connect(self._on_dossier_saved)
        self.refresh_title()
        self.dossier_model.fetchMore()
        self.resize(1280, 760)

    # -- building --------------------------------------------------------------

    def _build_dossier_tab(self) -> QWidget:
        page = QWidget(self)
        self.dossier_view = QTableView(page)
        self.dossier_view.setObjectName("dossier_view")
        self.dossier_view.setModel(self.dossier_model)
        self.dossier_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dossier_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dossier_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dossier_view.setAlternatingRowColors(True)
        self.dossier_view.setWordWrap(False)
        self.dossier_view.verticalHeader().setVisible(False)
        self.dossier_view.verticalHeader().setDefaultSectionSize(26)
        header = self.dossier_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Stretch)
        metrics = self.dossier_view.fontMetrics()
        stamp = metrics.horizontalAdvance("00/00/0000 00:00") + 24
        widths = {
            CODE: metrics.horizontalAdvance("H36.41-000000-0000") + 40,
            APPLICANT: 200,
            RECEIVED: stamp,
            APPOINTMENT: stamp,
            STATUS: metrics.horizontalAdvance("Đã tiếp nhận (quá hạn)") + 24,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.dossier_view.doubleClicked.connect(self._on_double_click)
        self.reprint_button = QPushButton(tr(CONTEXT, "In lại phiếu"), page)
        self.reprint_button.clicked.connect(self.reprint_selected)
        refresh = QPushButton(tr(CONTEXT, "Làm mới danh sách"), page)
        refresh.clicked.connect(self.refresh_dossiers)
        hint = QLabel(
            tr(
                CONTEXT,
                "Hồ sơ chưa trả kết quả xếp trước, hẹn trả sớm nhất ở trên cùng; "
                "nhấp đúp để in lại phiếu.",
            ),
            page,
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(self.reprint_button)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.dossier_view, 1)
        return page

    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        shortcut: QKeySequence | str | None = None,
        admin_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if admin_only and not self._clerk.is_admin:
            action.setEnabled(False)
            action.setToolTip(tr(CONTEXT, "Chỉ quản trị viên mới dùng được mục này."))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        dossiers = bar.addMenu(tr(CONTEXT, "&Hồ sơ"))
        self.new_intake_action = self._action(
            tr(CONTEXT, "Tiếp nhận mới"), self.new_intake, "Ctrl+N"
        )
        self.reprint_action = self._action(
            tr(CONTEXT, "In lại phiếu..."), self.ask_reprint, "Ctrl+P"
        )
        self.quit_action = self._action(tr(CONTEXT, "Thoát"), self.close, "Ctrl+Q")
        dossiers.addActions([self.new_intake_action, self.reprint_action])
        dossiers.addSeparator()
        dossiers.addAction(self.quit_action)

        admin = bar.addMenu(tr(CONTEXT, "&Quản trị"))
        self.admin_actions = {
            "clerks": self._action(tr(CONTEXT, "Cán bộ..."), self.open_clerks, admin_only=True),
            "procedures": self._action(
                tr(CONTEXT, "Danh mục thủ tục..."), self.open_procedures, admin_only=True
            ),
            "calendar": self._action(
                tr(CONTEXT, "Lịch làm việc..."), self.open_calendar, admin_only=True
            ),
            # Every clerk may fix the printer of the counter they sit at.
            "printer": self._action(tr(CONTEXT, "Máy in..."), self.open_printer),
            "office": self._action(
                tr(CONTEXT, "Thông tin cơ quan..."), self.open_office, admin_only=True
            ),
        }
        admin.addActions(list(self.admin_actions.values()))

        help_menu = bar.addMenu(tr(CONTEXT, "Trợ &giúp"))
        self.about_action = self._action(tr(CONTEXT, "Giới thiệu"), self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        role = tr(CONTEXT, "quản trị viên") if self._clerk.is_admin else tr(CONTEXT, "cán bộ")
        self.clerk_label = QLabel(
            tr(CONTEXT, "Cán bộ: {name} ({username}, {role})").format(
                name=self._clerk.full_name, username=self._clerk.username, role=role
            ),
            self,
        )
        self.database_label = QLabel(
            tr(CONTEXT, "Dữ liệu: {where}").format(where=database_location(self._db)), self
        )
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.clerk_label, self.database_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.clerk_label)
        self.statusBar().addPermanentWidget(self.database_label)

    # -- state -----------------------------------------------------------------

    def refresh_title(self) -> None:
        try:
            name = office.get_office(self._db).name
        except UserError:
            name = tr(CONTEXT, "chưa thiết lập cơ quan")
        self.setWindowTitle(f"desk — {name}")

    def refresh_dossiers(self) -> None:
        self.dossier_model.reload()

    def _on_dossier_saved(self, code: str) -> None:
        self.refresh_dossiers()
        self.statusBar().showMessage(tr(CONTEXT, "Đã lưu hồ sơ {code}.").format(code=code), 10_000)

    def new_intake(self) -> None:
        self.tabs.setCurrentIndex(INTAKE_TAB)
        self.intake.focus_search()

    # -- reprinting --------------------------------------------------------------

    def selected_code(self) -> str | None:
        rows = self.dossier_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.dossier_model.code_at(rows[0].row())

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.reprint(self.dossier_model.code_at(index.row()))

    def reprint_selected(self) -> None:
        code = self.selected_code()
        if code is None:
            show_message(
                self,
                tr(CONTEXT, "In lại phiếu"),
                tr(CONTEXT, "Hãy chọn một hồ sơ trong danh sách trước."),
                QMessageBox.Icon.Information,
            )
            return
        self.reprint(code)

    def ask_reprint(self) -> None:
        """Ask for a dossier code to reprint, offering the selected (or last saved) one."""
        suggestion = ""
        if self.tabs.currentIndex() == DOSSIERS_TAB:
            suggestion = self.selected_code() or ""
        if not suggestion and self.intake.last_dossier is not None:
            suggestion = self.intake.last_dossier.code
        dialog = QInputDialog(self)
        dialog.setObjectName("reprint_code_dialog")
        dialog.setWindowTitle(tr(CONTEXT, "In lại phiếu"))
        dialog.setLabelText(tr(CONTEXT, "Mã hồ sơ (ví dụ H36.41-260310-0001):"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(suggestion)
        dialog.setOkButtonText(tr(CONTEXT, "In lại"))
        dialog.setCancelButtonText(tr(CONTEXT, "Hủy"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda text: self.reprint(text.strip()) if text.strip() else None
        )
        dialog.open()

    def reprint(self, code: str) -> ReceiptPreviewDialog | None:
        """Print a saved dossier's receipt again and show it, with the outcome."""
        error: str | None = None
        try:
            with busy_cursor():
                image = receipts.print_receipt(self._db, code)
        except UserError as exc:
            error = exc.message
            try:
                image = receipts.receipt_image(self._db, code)
            except UserError as again:  # no such dossier, or the database is unreadable
                show_message(self, tr(CONTEXT, "In lại phiếu"), again.message)
                return None
        dialog = ReceiptPreviewDialog(image, code, self._db, print_error=error, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_preview = dialog
        dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
        dialog.open()
        return dialog

    def _forget_preview(self, dialog: ReceiptPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None

    # -- the admin dialogs (other modules; imported when first used) --------------

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        """Show an admin dialog; when it closes, re-read what it may have changed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._after_admin_dialog(dialog))
        dialog.open()
        return dialog

    def _after_admin_dialog(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        self.refresh_title()
        self.intake.reload_catalog()

    def open_clerks(self) -> QDialog:
        from desk.ui.admin.clerks_dialog import ClerksDialog

        return self._open_dialog(ClerksDialog(self._db, self._clerk, parent=self))

    def open_procedures(self) -> QDialog:
        from desk.ui.admin.procedures_dialog import ProceduresDialog

        return self._open_dialog(ProceduresDialog(self._db, self._clerk, parent=self))

    def open_calendar(self) -> QDialog:
        from desk.ui.admin.calendar_dialog import CalendarDialog

        return self._open_dialog(
            CalendarDialog(self._db, self._clerk, parent=self, clock=self._clock)
        )

    def open_printer(self) -> QDialog:
        from desk.ui.admin.printer_dialog import PrinterSettingsDialog

        return self._open_dialog(
            PrinterSettingsDialog(self._db, self._clerk, parent=self, clock=self._clock)
        )

    def open_office(self) -> QDialog:
        from desk.ui.admin.office_dialog import OfficeDialog

        return self._open_dialog(OfficeDialog(self._db, self._clerk, parent=self))

    def show_about(self) -> QMessageBox:
        text = tr(
            CONTEXT,
            "desk {version}\nBàn tiếp nhận hồ sơ của Bộ phận Một cửa: tiếp nhận, hẹn trả kết quả, "
            "in phiếu.\n\nTệp dữ liệu: {database}\nThư mục nhật ký: {logs}",
        ).format(version=__version__, database=database_location(self._db), logs=config.log_dir())
        box = show_message(self, tr(CONTEXT, "Giới thiệu desk"), text, QMessageBox.Icon.Information)
        box.setObjectName("about_box")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        log.info("main window closed by %s", self._clerk.username)
        super().closeEvent(event)
