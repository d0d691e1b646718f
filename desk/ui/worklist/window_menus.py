"""The main window's bars: the scan box, the menus, the status bar.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`. The bars are built
with the window's frame, before the rest (``MainWindow.first``): on the first
screen the menus and the scan box wait, disabled, for ``complete``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from desk.domain.roles import ROLE_LABELS, Permission, Role, may
from desk.domain.translation import translated
from desk.ui.session.language_menu import LanguageMenu
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import ElidedLabel
from desk.ui.worklist.scan_box import ScanBox

if TYPE_CHECKING:
    from desk.domain.office import Clerk


class WindowMenus:
    """The bars of the main window, and the actions of its menus."""

    _clerk: Clerk

    def _build_scan_bar(self) -> None:
        bar = QToolBar(translate("MainWindow", "Mã hồ sơ"), self)
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
            action.setToolTip(translate("MainWindow", "Chỉ quản trị viên mới dùng được mục này."))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        dossiers = bar.addMenu(translate("MainWindow", "&Hồ sơ"))
        self.new_intake_action = self._action(
            translate("MainWindow", "Tiếp nhận mới"), self.new_intake, "Ctrl+N"
        )
        self.reprint_action = self._action(
            translate("MainWindow", "In lại phiếu..."), self.ask_reprint, "Ctrl+P"
        )
        self.quit_action = self._action(
            translate("MainWindow", "Thoát"), self.quit_program, "Ctrl+Q"
        )
        self.scan_action = self._action(
            translate("MainWindow", "Quét/nhập mã hồ sơ"), self.scan_box.focus_box, "F2"
        )
        # F2 works from every window of the program: the dossier pages are windows too.
        self.scan_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        dossiers.addActions([self.new_intake_action, self.scan_action, self.reprint_action])
        self.at_risk_action = self._action(
            translate("MainWindow", "Hồ sơ cần xin lỗi"), self.show_at_risk
        )
        self.counter_action = self._action(
            translate("MainWindow", "Quầy của máy này..."), self.ask_counter
        )
        # Every clerk chooses the receipt printer of the PC they sit at.
        self.pc_printer_action = self._action(
            translate("MainWindow", "Máy in phiếu của máy này..."), self.open_pc_printer
        )
        dossiers.addActions([self.at_risk_action, self.counter_action, self.pc_printer_action])
        dossiers.addSeparator()
        self.lock_action = self._action(
            translate("MainWindow", "Khóa màn hình"), self.lock_screen, "Ctrl+L"
        )
        self.switch_user_action = self._action(
            translate("MainWindow", "Đổi người dùng..."), self.switch_user
        )
        dossiers.addActions([self.lock_action, self.switch_user_action])
        dossiers.addSeparator()
        dossiers.addAction(self.quit_action)

        admin = self.admin_menu = bar.addMenu(translate("MainWindow", "&Quản trị"))
        self.admin_actions = {
            "clerks": self._action(
                translate("MainWindow", "Cán bộ..."), self.open_clerks, admin_only=True
            ),
            "procedures": self._action(
                translate("MainWindow", "Danh mục thủ tục..."),
                self.open_procedures,
                admin_only=True,
            ),
            "calendar": self._action(
                translate("MainWindow", "Lịch làm việc..."), self.open_calendar, admin_only=True
            ),
            # The office's printer, for the PCs without their own: the admin's.
            "printer": self._action(
                translate("MainWindow", "Máy in chung của cơ quan..."),
                self.open_printer,
                admin_only=True,
            ),
            "office": self._action(
                translate("MainWindow", "Thông tin cơ quan..."), self.open_office, admin_only=True
            ),
            "queue": self._action(
                translate("MainWindow", "Hàng đợi..."), self.open_queue, admin_only=True
            ),
            # Everyone may read the rules and their sources; only the admin changes them.
            "rules": self._action(translate("MainWindow", "Quy định áp dụng..."), self.open_rules),
        }
        admin.addActions(list(self.admin_actions.values()))
        self.departments_action = self._action(
            translate("MainWindow", "Phòng, ban giải quyết..."), self.open_departments
        )
        if not may(self._clerk.role, Permission.MANAGE):
            self.departments_action.setToolTip(
                translate("MainWindow", "Xem danh sách; chỉ quản trị viên mới sửa được.")
            )
        admin.addAction(self.departments_action)

        help_menu = self.help_menu = bar.addMenu(translate("MainWindow", "Trợ &giúp"))
        self.language_menu = LanguageMenu(help_menu, self)
        help_menu.addSeparator()
        self.about_action = self._action(translate("MainWindow", "Giới thiệu"), self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self, location: str) -> None:
        role = {
            Role.ADMIN: translate("MainWindow", "quản trị viên"),
            Role.CLERK: translate("MainWindow", "cán bộ"),
        }.get(
            Role(self._clerk.role),
            translated(ROLE_LABELS[Role(self._clerk.role)]).lower(),
        )
        self.clerk_label = ElidedLabel(
            translate("MainWindow", "Cán bộ: {name} ({username}, {role})").format(
                name=self._clerk.full_name, username=self._clerk.username, role=role
            ),
            self,
        )
        self.database_label = ElidedLabel(
            translate("MainWindow", "Dữ liệu: {where}").format(where=location), self
        )
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("ticket_label")
        self.ticket_label.setStyleSheet("color: #1b6e3a; font-weight: bold;")
        self.ticket_label.hide()
        for label in (self.ticket_label, self.clerk_label, self.database_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.ticket_label)
        self.statusBar().addPermanentWidget(self.clerk_label)
        self.statusBar().addPermanentWidget(self.database_label)
