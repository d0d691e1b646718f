"""The accounts of the office's clerks: who may log in, and with which role.

Each dossier records the clerk who received it (form 01 names the receiving
official), so every clerk has an own account; only an admin adds accounts.
The role decides what the account may do (``desk.domain.roles``): a clerk
receives and moves dossiers, a supervisor also reassigns and corrects them and
sees everyone's work, an admin manages accounts, catalog, calendar and settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.roles import ROLE_LABELS, Role
from desk.domain.translation import translated
from desk.services import accounts
from desk.storage.database import Database
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    fill_table,
    read_only_table,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen


class ClerksDialog(QDialog):
    """Lists the accounts and adds one; ``clerk`` is the admin doing it."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: list[Clerk] | None = None,
    ) -> None:
        """``found``: the accounts as ``read`` gave them (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        #: The account added last (``add_clerk``), once saved.
        self.last_added: Clerk | None = None
        self.setWindowTitle(self.title())
        self.errors = FieldErrors()
        self.table = read_only_table(
            [
                translate("ClerksDialog", "Tên đăng nhập"),
                translate("ClerksDialog", "Họ và tên"),
                translate("ClerksDialog", "Vai trò"),
            ]
        )

        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(
            translate("ClerksDialog", "Chữ thường không dấu, ví dụ: lan.nt")
        )
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(translate("ClerksDialog", "Ví dụ: Nguyễn Thị Lan"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            translate("ClerksDialog", "Ít nhất 8 ký tự, có cả chữ và số")
        )
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role_combo")
        for role in Role:
            self.role_combo.addItem(translated(ROLE_LABELS[role]), role.value)
        self.role_combo.setToolTip(
            translate(
                "ClerksDialog",
                "Cán bộ tiếp nhận: tiếp nhận và xử lý hồ sơ. Lãnh đạo, giám sát: thêm giao lại, "
                "sửa thông tin hồ sơ, xem việc của mọi người. Quản trị: tài khoản, danh mục, "
                "lịch làm việc, cài đặt.",
            )
        )
        self.add_button = QPushButton(translate("ClerksDialog", "Thêm tài khoản"))
        self.add_button.clicked.connect(self.add_clerk)
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._add_group())
        layout.addWidget(self.notice)
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_enter_button(self, self.add_button)
        fit_to_screen(self, 720, 600)
        self.show_clerks(found if found is not None else self.read(db))
        if not clerk.is_admin:
            self._add_group_box.setEnabled(False)
            self.notice.show_error(
                translate("ClerksDialog", "Chỉ quản trị viên mới được thêm tài khoản.")
            )

    def _add_group(self) -> QGroupBox:
        self._add_group_box = box = QGroupBox(translate("ClerksDialog", "Thêm tài khoản mới"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("ClerksDialog", "Tên đăng nhập:"),
            self.errors.wrap("username", self.username_edit),
        )
        form.addRow(
            translate("ClerksDialog", "Họ và tên:"),
            self.errors.wrap("full_name", self.full_name_edit),
        )
        form.addRow(
            translate("ClerksDialog", "Mật khẩu:"), self.errors.wrap("password", self.password_edit)
        )
        form.addRow(
            translate("ClerksDialog", "Nhập lại mật khẩu:"),
            self.errors.wrap("password_confirm", self.confirm_edit),
        )
        form.addRow(translate("ClerksDialog", "Vai trò:"), self.role_combo)
        form.addRow("", self.add_button)
        return box

    @staticmethod
    def title() -> str:
        return translate("ClerksDialog", "Cán bộ tiếp nhận")

    @staticmethod
    def read(db: Database) -> list[Clerk]:
        """What the dialog shows (it may wait on the server: read off the window's thread)."""
        return accounts.list_clerks(db)

    def show_clerks(self, clerks: list[Clerk]) -> None:
        fill_table(
            self.table,
            [(c.username, c.full_name, self.role_label(c.role)) for c in clerks],
            [c.username for c in clerks],
        )

    def role_label(self, role: str) -> str:
        try:
            return translated(ROLE_LABELS[Role(role)])
        except ValueError:
            return role

    def set_role(self, role: Role) -> None:
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role.value), 0))

    def add_clerk(self) -> bool:
        """Add the account typed in the form, off the window's thread; on a problem show it
        under its field. ``False`` when the form says what to fix first (or a save is
        already on its way)."""
        self.notice.clear_notice()
        username, full_name = clean_text(self.username_edit), clean_text(self.full_name_edit)
        password = self.password_edit.text()
        errors = accounts.check_account(username, full_name, password)
        if self.confirm_edit.text() != password:
            errors["password_confirm"] = translate(
                "ClerksDialog", "Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp."
            )
        if errors:
            self.errors.show(errors)
            return False
        db, clerk, role = self.db, self.clerk, self.role_combo.currentData()

        def work() -> tuple[Clerk, list[Clerk]]:
            added = accounts.add_clerk(db, clerk, username, full_name, password, role=role)
            return added, accounts.list_clerks(db)

        return self._saves.run(work, self._added, self._refused)

    def _added(self, done: tuple[Clerk, list[Clerk]]) -> None:
        added, clerks = done
        self.last_added = added
        self.errors.clear()
        for edit in (
            self.username_edit,
            self.full_name_edit,
            self.password_edit,
            self.confirm_edit,
        ):
            edit.clear()
        self.role_combo.setCurrentIndex(0)
        self.show_clerks(clerks)
        self.notice.show_ok(
            translate("ClerksDialog", "Đã thêm tài khoản “{0}” ({1}).").format(
                added.username, added.full_name
            )
        )

    def _refused(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc.errors)
        elif exc.field in self.errors.fields():
            self.errors.show({str(exc.field): exc.message})
        else:
            self.errors.clear()
            self.notice.show_error(exc.message)

    def saving(self) -> bool:
        """Whether an account is being added."""
        return self._saves.waiting()
