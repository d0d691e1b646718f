"""The office's own details, as printed on receipts and letters.

The name and the parent body head every receipt (form 01 of Circular 03/2025/TT-VPCP,
Annex I); the head of agency's title and name sign the letters (refusal,
apology); the agency code starts every new dossier code (Decree 118/2025 art. 28(2)), so changing it
changes the codes of dossiers received from then on, never of earlier ones.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk, Office
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate


class OfficeDialog(QDialog):
    """Edit the office information; "Lưu" saves it and closes."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        found: Office | None = None,
    ) -> None:
        """``found``: the office as ``read`` gave it (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.setWindowTitle(self.title())
        self.errors = FieldErrors()
        office = found if found is not None else self.read(db)
        self.name_edit = QLineEdit(office.name)
        self.parent_edit = QLineEdit(office.parent)
        self.code_edit = QLineEdit(office.code)
        self.address_edit = QLineEdit(office.address)
        self.hotline_edit = QLineEdit(office.hotline)
        self.head_title_edit = QLineEdit(office.head_title)
        self.head_title_edit.setPlaceholderText(
            translate("OfficeDialog", "Ví dụ: CHỦ TỊCH, KT. CHỦ TỊCH")
        )
        self.head_name_edit = QLineEdit(office.head_name)
        self.head_name_edit.setPlaceholderText(translate("OfficeDialog", "Ví dụ: Trần Thị Bình"))
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        code_hint = QLabel(
            translate(
                "OfficeDialog",
                "Mã cơ quan đứng đầu mã hồ sơ. Đổi mã chỉ áp dụng cho hồ sơ tiếp nhận từ nay; "
                "mã của hồ sơ đã nhận giữ nguyên.",
            )
        )
        code_hint.setWordWrap(True)
        code_hint.setStyleSheet("color: #455a64;")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("OfficeDialog", "Tên cơ quan:"),
            self.errors.wrap("office_name", self.name_edit),
        )
        form.addRow(
            translate("OfficeDialog", "Cơ quan cấp trên:"),
            self.errors.wrap("office_parent", self.parent_edit),
        )
        code_box = self.errors.wrap("office_code", self.code_edit)
        code_box.layout().addWidget(code_hint)
        form.addRow(translate("OfficeDialog", "Mã cơ quan:"), code_box)
        form.addRow(translate("OfficeDialog", "Địa chỉ:"), self.address_edit)
        form.addRow(translate("OfficeDialog", "Đường dây nóng:"), self.hotline_edit)
        form.addRow(translate("OfficeDialog", "Chức vụ người đứng đầu:"), self.head_title_edit)
        form.addRow(translate("OfficeDialog", "Họ tên người đứng đầu:"), self.head_name_edit)

        self.buttons = vietnamese_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        set_enter_button(self, self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.setMinimumWidth(640)
        if not clerk.is_admin:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.notice.show_error(
                translate("OfficeDialog", "Chỉ quản trị viên mới được sửa thông tin cơ quan.")
            )

    @staticmethod
    def title() -> str:
        return translate("OfficeDialog", "Thông tin cơ quan")

    @staticmethod
    def read(db: Database) -> Office:
        """What the dialog shows (it may wait on the server: read off the window's thread)."""
        return office_service.get_office(db)

    def office(self) -> Office:
        return Office(
            name=clean_text(self.name_edit),
            parent=clean_text(self.parent_edit),
            code=clean_text(self.code_edit),
            address=clean_text(self.address_edit),
            hotline=clean_text(self.hotline_edit),
            head_title=clean_text(self.head_title_edit),
            head_name=clean_text(self.head_name_edit),
        )

    def save(self) -> bool:
        """Save off the window's thread and close; on a problem show it under its field
        and keep the dialog. ``False`` when nothing was asked (not an admin, or a save
        already on its way)."""
        self.notice.clear_notice()
        if not self.clerk.is_admin:
            self.notice.show_error(
                translate("OfficeDialog", "Chỉ quản trị viên mới được sửa thông tin cơ quan.")
            )
            return False
        db, office = self.db, self.office()
        return self._saves.run(
            lambda: office_service.save_office(db, office), lambda _: self.accept(), self._refused
        )

    def _refused(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self.notice.show_error(" ".join(exc.errors[f] for f in unplaced))
            return
        self.errors.clear()
        self.notice.show_error(exc.message)

    def saving(self) -> bool:
        """Whether the office's details are being saved."""
        return self._saves.waiting()
