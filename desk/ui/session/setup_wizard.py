"""First start: the office this desk serves, then its first administrator.

Nothing can be received before the office exists: its agency code starts every
dossier code (Decree 118/2025 art. 28(2), ``H36.41-260310-0001``), and its
name heads every receipt. Finishing calls ``office.set_up_office``, which also
loads the shipped procedure catalog, calendar and departments, all in one
transaction. An office a cut-short first start of an older version left behind
is taken up where it stopped: its saved details fill page 1, and an office that
has its admin already is completed at start with a message
(``complete_unfinished_setup``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier_code import format_dossier_code, is_valid_agency_code
from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk, Office
from desk.services import accounts
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.widgets.forms import FieldErrors, Notice, clean_text
from desk.ui.widgets.qt_helpers import message_box, translate

OFFICE_FIELDS = ("office_name", "office_parent", "office_code")
ACCOUNT_FIELDS = ("username", "full_name", "password", "password_confirm")


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(320)
    return edit


class OfficePage(QWizardPage):
    """Page 1, "Thông tin cơ quan": who receives, and the agency code of dossier codes."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setTitle(translate("OfficePage", "Thông tin cơ quan"))
        self.setSubTitle(
            translate(
                "OfficePage",
                "Tên cơ quan và mã cơ quan được in trên mọi phiếu tiếp nhận và mã hồ sơ.",
            )
        )
        self.errors = FieldErrors()
        self._saved: Office | None = None
        self.name_edit = _line(translate("OfficePage", "Ví dụ: UBND xã Tân Phú"))
        self.parent_edit = _line(translate("OfficePage", "Ví dụ: UBND tỉnh Đồng Nai"))
        self.code_edit = _line(translate("OfficePage", "Ví dụ: H36.41"))
        self.address_edit = _line(
            translate("OfficePage", "Ví dụ: Số 1 đường Hùng Vương, xã Tân Phú")
        )
        self.hotline_edit = _line(translate("OfficePage", "Ví dụ: 0251 3822 123"))
        self.code_example = QLabel()
        self.code_example.setObjectName("code_example")
        self.code_example.setStyleSheet("color: #455a64;")
        self.code_edit.textChanged.connect(self._update_example)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("OfficePage", "Tên cơ quan:"), self.errors.wrap("office_name", self.name_edit)
        )
        form.addRow(
            translate("OfficePage", "Cơ quan cấp trên:"),
            self.errors.wrap("office_parent", self.parent_edit),
        )
        code_box = self.errors.wrap("office_code", self.code_edit)
        code_box.layout().addWidget(self.code_example)
        form.addRow(translate("OfficePage", "Mã cơ quan:"), code_box)
        form.addRow(translate("OfficePage", "Địa chỉ:"), self.address_edit)
        form.addRow(translate("OfficePage", "Đường dây nóng:"), self.hotline_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self._update_example()

    def fill(self, office: Office) -> None:
        """Show an office already saved (by a first start cut short)."""
        self.name_edit.setText(office.name)
        self.parent_edit.setText(office.parent)
        self.code_edit.setText(office.code)
        self.address_edit.setText(office.address)
        self.hotline_edit.setText(office.hotline)
        self._saved = office

    def office(self) -> Office:
        saved = self._saved
        if saved is not None:  # what page 1 does not show is kept as it was
            return Office(
                name=clean_text(self.name_edit),
                parent=clean_text(self.parent_edit),
                code=clean_text(self.code_edit),
                address=clean_text(self.address_edit),
                hotline=clean_text(self.hotline_edit),
                head_title=saved.head_title,
                head_name=saved.head_name,
            )
        return Office(
            name=clean_text(self.name_edit),
            parent=clean_text(self.parent_edit),
            code=clean_text(self.code_edit),
            address=clean_text(self.address_edit),
            hotline=clean_text(self.hotline_edit),
        )

    def _update_example(self) -> None:
        """Show live what a dossier code will look like with the code typed."""
        code = self.code_edit.text().strip()
        today = self._clock.now().date()
        if code and is_valid_agency_code(code):
            example = format_dossier_code(code, today, 1)
        else:
            example = format_dossier_code("H36.41", today, 1).replace(
                "H36.41", translate("OfficePage", "[mã cơ quan]"), 1
            )
        self.code_example.setText(
            translate("OfficePage", "Mã hồ sơ sẽ có dạng: {code}").format(code=example)
        )

    def validatePage(self) -> bool:
        """Checked before page 2, so a mistake here is fixed here."""
        errors = office_service.check_office(self.office())
        self.errors.show(errors)
        return not errors


class AdminPage(QWizardPage):
    """Page 2, "Tài khoản quản trị": the first account, which can add the others."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("AdminPage", "Tài khoản quản trị"))
        self.setSubTitle(
            translate(
                "AdminPage",
                "Tài khoản quản trị dùng để thêm cán bộ, sửa danh mục thủ tục, lịch làm việc "
                "và cài đặt máy in.",
            )
        )
        self.errors = FieldErrors()
        self.username_edit = _line(translate("AdminPage", "Ví dụ: admin"))
        self.full_name_edit = _line(translate("AdminPage", "Ví dụ: Nguyễn Văn An"))
        self.password_edit = _line(translate("AdminPage", "Ít nhất 8 ký tự, có cả chữ và số"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = _line()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.notice = Notice()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("AdminPage", "Tên đăng nhập:"),
            self.errors.wrap("username", self.username_edit),
        )
        form.addRow(
            translate("AdminPage", "Họ và tên:"), self.errors.wrap("full_name", self.full_name_edit)
        )
        form.addRow(
            translate("AdminPage", "Mật khẩu:"), self.errors.wrap("password", self.password_edit)
        )
        form.addRow(
            translate("AdminPage", "Nhập lại mật khẩu:"),
            self.errors.wrap("password_confirm", self.confirm_edit),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def account(self) -> tuple[str, str, str]:
        """Username, full name and password as typed (the password untouched)."""
        return (
            clean_text(self.username_edit),
            clean_text(self.full_name_edit),
            self.password_edit.text(),
        )

    def local_errors(self) -> dict[str, str]:
        username, full_name, password = self.account()
        errors = accounts.check_account(username, full_name, password)
        if self.confirm_edit.text() != password:
            errors["password_confirm"] = translate(
                "AdminPage", "Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp."
            )
        return errors

    def validatePage(self) -> bool:
        errors = self.local_errors()
        if errors:
            self.errors.show(errors)
            return False
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard.finish_setup()


class SetupWizard(QWizard):
    """The first-start wizard; after it is accepted, ``clerk`` is the new admin."""

    def __init__(
        self, db: Database, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clerk: Clerk | None = None
        self.setWindowTitle(translate("SetupWizard", "Thiết lập lần đầu"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.office_page = OfficePage(clock or SystemClock())
        self.admin_page = AdminPage()
        saved = office_service.find_office(db)
        if saved is not None:
            self.office_page.fill(saved)
        self.office_page_id = self.addPage(self.office_page)
        self.admin_page_id = self.addPage(self.admin_page)
        buttons = QWizard.WizardButton
        self.setButtonText(buttons.NextButton, translate("SetupWizard", "Tiếp tục"))
        self.setButtonText(buttons.BackButton, translate("SetupWizard", "Quay lại"))
        self.setButtonText(buttons.FinishButton, translate("SetupWizard", "Hoàn tất"))
        self.setButtonText(buttons.CancelButton, translate("SetupWizard", "Hủy"))
        self.setButtonText(buttons.CommitButton, translate("SetupWizard", "Tiếp tục"))
        self.setButtonText(buttons.HelpButton, translate("SetupWizard", "Trợ giúp"))
        self.setMinimumWidth(640)

    def finish_setup(self) -> bool:
        """Create the office and the admin; on a problem show it and keep every input."""
        office = self.office_page.office()
        username, full_name, password = self.admin_page.account()
        self.admin_page.notice.clear_notice()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.clerk = office_service.set_up_office(
                self.db, office, username, full_name, password
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except UserError as exc:
            self.show_errors({exc.field or "": exc.message})
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field, on its page; go back to page 1 for office fields."""
        office_errors = {f: m for f, m in errors.items() if f in OFFICE_FIELDS}
        other = {f: m for f, m in errors.items() if f not in OFFICE_FIELDS}
        unplaced = self.admin_page.errors.show(other, focus=not office_errors)
        if unplaced:
            self.admin_page.notice.show_error(" ".join(other[f] for f in unplaced))
        if office_errors:
            if self.currentId() == self.admin_page_id:
                self.back()
            self.office_page.errors.show(office_errors)


def complete_unfinished_setup(db: Database, parent: QWidget | None = None) -> QMessageBox | None:
    """At start: add what a cut-short first start left out; the message box that
    says so, not shown yet (``None`` when nothing was missing)."""
    added = office_service.complete_setup(db)
    if not added:
        return None
    box = message_box(
        parent,
        translate("SetupWizard", "Hoàn tất thiết lập"),
        translate(
            "SetupWizard",
            "Lần thiết lập trước chưa xong (có thể máy bị tắt giữa chừng). desk đã bổ sung: "
            "{parts}. Quản trị viên hãy kiểm tra lại trong mục Quản trị.",
        ).format(parts=", ".join(added)),
        QMessageBox.Icon.Information,
    )
    box.setObjectName("setup_completed_box")
    return box
