"""The departments and agencies a dossier can be transferred to (chuyển xử lý).

An admin adds names and retires those no longer used; a retired name leaves
the transfer list but stays on the dossiers that went there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, may
from desk.domain.text import fold
from desk.services import departments
from desk.storage.database import Database
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    ask,
    clean_text,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen


class DepartmentsDialog(QDialog):
    """The transfer list; ``clerk`` must be an admin to change it."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: list[str] | None = None,
    ) -> None:
        """``found``: the departments as ``read`` gave them (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.last_question: QMessageBox | None = None
        self.setWindowTitle(self.title())
        self.errors = FieldErrors()
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        self.list = QListWidget()
        self.list.setObjectName("departments_list")
        self.list.currentRowChanged.connect(lambda _row: self._follow_selection())
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            translate("DepartmentsDialog", "Ví dụ: Công chức Tài chính - Kế toán")
        )
        self.add_button = QPushButton(translate("DepartmentsDialog", "Thêm"))
        self.add_button.clicked.connect(self.add_department)
        self.retire_button = QPushButton(translate("DepartmentsDialog", "Ngừng sử dụng"))
        self.retire_button.clicked.connect(self.ask_retire)

        add_box = self._edit_box = QGroupBox(translate("DepartmentsDialog", "Thêm vào danh sách"))
        row = QHBoxLayout(add_box)
        row.addWidget(self.errors.wrap("department", self.name_edit), 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        retire_row = QHBoxLayout()
        retire_row.addStretch(1)
        retire_row.addWidget(self.retire_button)
        layout.addLayout(retire_row)
        layout.addWidget(add_box)
        layout.addWidget(self.notice)
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_enter_button(self, self.add_button)
        fit_to_screen(self, 520, 480)
        self.show_names(found if found is not None else self.read(db))
        if not may(clerk.role, Permission.MANAGE):
            add_box.setEnabled(False)
            self.retire_button.setEnabled(False)
            self.notice.show_error(
                translate("DepartmentsDialog", "Chỉ quản trị viên mới được sửa danh sách này.")
            )

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    @staticmethod
    def title() -> str:
        return translate("DepartmentsDialog", "Phòng, ban và cơ quan giải quyết")

    @staticmethod
    def read(db: Database) -> list[str]:
        """What the dialog shows (it may wait on the server: read off the window's thread)."""
        return departments.list_departments(db)

    def show_names(self, names: list[str]) -> None:
        self.list.clear()
        self.list.addItems(sorted(names, key=fold))
        self._follow_selection()

    def _follow_selection(self) -> None:
        self.retire_button.setEnabled(
            self.list.currentItem() is not None and may(self.clerk.role, Permission.MANAGE)
        )

    def add_department(self) -> bool:
        """Add the name typed, off the window's thread; a problem is said under the name.
        ``False`` when a save is already on its way."""
        self.notice.clear_notice()
        name = " ".join(clean_text(self.name_edit).split())
        db, clerk = self.db, self.clerk

        def work() -> list[str]:
            departments.add_department(db, clerk, name)
            return departments.list_departments(db)

        def added(names: list[str]) -> None:
            self.errors.clear()
            self.name_edit.clear()
            self.show_names(names)
            matches = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
            if matches:
                self.list.setCurrentItem(matches[0])
            self.notice.show_ok(translate("DepartmentsDialog", "Đã thêm “{0}”.").format(name))

        def refused(exc: UserError) -> None:
            if exc.field == "department":
                self.errors.show({"department": exc.message})
            else:
                self.errors.clear()
                self.notice.show_error(exc.message)

        return self._saves.run(work, added, refused)

    def ask_retire(self) -> QMessageBox | None:
        item = self.list.currentItem()
        if item is None:
            return None
        name = item.text()
        self.last_question = ask(
            self,
            translate("DepartmentsDialog", "Ngừng sử dụng"),
            translate(
                "DepartmentsDialog",
                "Bỏ “{0}” khỏi danh sách chuyển xử lý? Hồ sơ đã chuyển đến đây vẫn giữ tên này.",
            ).format(name),
            translate("DepartmentsDialog", "Ngừng sử dụng"),
            translate("DepartmentsDialog", "Không"),
            lambda: self.retire(name),
        )
        return self.last_question

    def retire(self, name: str) -> bool:
        """Take ``name`` off the list, off the window's thread. ``False`` when a save is
        already on its way."""
        self.notice.clear_notice()
        db, clerk = self.db, self.clerk

        def work() -> list[str]:
            departments.retire_department(db, clerk, name)
            return departments.list_departments(db)

        def retired(names: list[str]) -> None:
            self.show_names(names)
            self.notice.show_ok(
                translate("DepartmentsDialog", "Đã bỏ “{0}” khỏi danh sách.").format(name)
            )

        return self._saves.run(work, retired, lambda exc: self.notice.show_error(exc.message))

    def saving(self) -> bool:
        """Whether a change of the list is being saved."""
        return self._saves.waiting()
