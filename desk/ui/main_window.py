"""The main window: the intake form, the worklist, the scan box, the admin menu.

Opening must stay fast on an office's whole history (a million dossiers): the
worklist reads one page of 200 rows and more only as the clerk scrolls
(``WorklistTableModel``), and its counts are range counts on an index.

A receipt's code opens its dossier from any screen: F2 puts the cursor in the
scan box of the toolbar, where a keyboard-wedge scanner types the code and
Enter; a dossier whose result is ready goes straight to "Trả kết quả".
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desk import __version__, config
from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier import DossierStatus
from desk.domain.errors import UserError
from desk.domain.lifecycle import StepKind
from desk.domain.office import Clerk
from desk.domain.roles import ROLE_LABELS, Permission, Role, may
from desk.services import office, receipts
from desk.storage.database import Database
from desk.storage.engine import sqlite_path
from desk.ui.dossier_page import DossierPage
from desk.ui.intake_window import IntakeWindow
from desk.ui.qt_helpers import busy_cursor, show_message, tr
from desk.ui.receipt_preview import ReceiptPreviewDialog
from desk.ui.scan_box import ScanBox
from desk.ui.worklist_view import WorklistView

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
        self.pages: dict[str, DossierPage] = {}

        self.intake = IntakeWindow(db, clerk, self._clock, self)
        self.worklist = WorklistView(db, clerk, self._clock, self)
        self.dossier_model = self.worklist.model
        self.dossier_view = self.worklist.table
        self.reprint_button = self.worklist.reprint_button
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.intake, tr(CONTEXT, "Tiếp nhận hồ sơ"))
        self.tabs.addTab(self.worklist, tr(CONTEXT, "Danh sách hồ sơ"))
        self.setCentralWidget(self.tabs)
        self._build_scan_bar()
        self._build_menus()
        self._build_status_bar()
        self.intake.dossier_saved.connect(self._on_dossier_saved)
        self.worklist.open_requested.connect(self.open_dossier)
        self.worklist.reloaded.connect(self._refresh_pages)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.refresh_title()
        self.resize(1280, 760)

    # -- building --------------------------------------------------------------

    def _build_scan_bar(self) -> None:
        bar = QToolBar(tr(CONTEXT, "Mã hồ sơ"), self)
        bar.setObjectName("scan_bar")
        bar.setMovable(False)
        self.scan_box = ScanBox(bar)
        bar.addWidget(self.scan_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.scan_box.submitted.connect(self.open_scanned)

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
        self.scan_action = self._action(
            tr(CONTEXT, "Quét/nhập mã hồ sơ"), self.scan_box.focus_box, "F2"
        )
        # F2 works from every window of the program: the dossier pages are windows too.
        self.scan_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        dossiers.addActions([self.new_intake_action, self.scan_action, self.reprint_action])
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
        self.departments_action = self._action(
            tr(CONTEXT, "Phòng, ban giải quyết..."), self.open_departments
        )
        if not may(self._clerk.role, Permission.MANAGE):
            self.departments_action.setToolTip(
                tr(CONTEXT, "Xem danh sách; chỉ quản trị viên mới sửa được.")
            )
        admin.addAction(self.departments_action)

        help_menu = bar.addMenu(tr(CONTEXT, "Trợ &giúp"))
        self.about_action = self._action(tr(CONTEXT, "Giới thiệu"), self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        role = {
            Role.ADMIN: tr(CONTEXT, "quản trị viên"),
            Role.CLERK: tr(CONTEXT, "cán bộ"),
        }.get(Role(self._clerk.role), tr(CONTEXT, ROLE_LABELS[Role(self._clerk.role)]).lower())
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
        self.worklist.refresh()

    def _on_dossier_saved(self, code: str) -> None:
        self.refresh_dossiers()
        self.statusBar().showMessage(tr(CONTEXT, "Đã lưu hồ sơ {code}.").format(code=code), 10_000)

    def new_intake(self) -> None:
        self.tabs.setCurrentIndex(INTAKE_TAB)
        self.intake.focus_search()

    # -- the dossier pages ----------------------------------------------------------

    def open_dossier(self, code: str) -> DossierPage | None:
        """Show the dossier's page (the one already open, brought forward and re-read)."""
        page = self.pages.get(code)
        try:
            if page is not None:
                page.reload()
            else:
                page = DossierPage(self._db, self._clerk, code, self._clock, parent=self)
        except UserError as exc:
            show_message(self, tr(CONTEXT, "Mở hồ sơ"), exc.message)
            return None
        if code not in self.pages:
            self.pages[page.code] = page
            page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            page.destroyed.connect(lambda *_, c=page.code: self.pages.pop(c, None))
            page.changed.connect(lambda _code: self.refresh_dossiers())
        page.show()
        page.raise_()
        page.activateWindow()
        return page

    def open_scanned(self, code: str) -> DossierPage | None:
        """A scanned or typed code: its page, and "Trả kết quả" at once when the result is ready."""
        page = self.open_dossier(code)
        if page is None:
            self.scan_box.failed()
            return None
        self.scan_box.done()
        busy = page.last_dialog is not None and page.last_dialog.isVisible()
        if page.dossier.status is DossierStatus.RESULT_READY and not busy:
            page.open_step(StepKind.RETURN)
        return page

    def _refresh_pages(self) -> None:
        for page in list(self.pages.values()):
            try:
                page.reload()
            except UserError as exc:
                log.warning("dossier page %s not refreshed: %s", page.code, exc.message)

    # -- reprinting --------------------------------------------------------------

    def selected_code(self) -> str | None:
        return self.worklist.selected_code()

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
        self.worklist.fill_choices()

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

    def open_departments(self) -> QDialog:
        from desk.ui.admin.departments_dialog import DepartmentsDialog

        return self._open_dialog(DepartmentsDialog(self._db, self._clerk, parent=self))

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
