"""The two steps only a supervisor makes: give a dossier to another clerk, and
correct a received dossier's data. Both need a reason, which the audit trail
keeps with the values before and after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from desk.domain.dossier import ApplicantKind, Dossier
from desk.domain.lifecycle import StepKind
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services import steps, worklist
from desk.storage.database import Database
from desk.ui.dossier.step_dialogs import StepDialog, text_box
from desk.ui.widgets.forms import clean_text
from desk.ui.widgets.qt_helpers import translate


class ReassignDialog(StepDialog):
    """A supervisor gives the dossier to another clerk."""

    kind = StepKind.REASSIGN
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Giao lại")

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        return {"assignees": worklist.choices(db).assignees}

    def build(self) -> None:
        self.user_combo = QComboBox()
        self.user_combo.addItem(translate("StepDialogs", "— Chọn cán bộ —"), "")
        for username, full_name in self.found["assignees"]:
            self.user_combo.addItem(f"{full_name} ({username})", username)
        self.reason_edit = text_box(
            translate("StepDialogs", "Ví dụ: cán bộ phụ trách nghỉ phép"), 2
        )
        self.add_row(translate("StepDialogs", "Giao cho:"), "username", self.user_combo)
        self.add_row(translate("StepDialogs", "Lý do:"), "reason", self.reason_edit)

    def set_user(self, username: str) -> None:
        self.user_combo.setCurrentIndex(max(self.user_combo.findData(username), 0))

    def local_errors(self) -> dict[str, str]:
        if not self.user_combo.currentData() and self.clerk.is_supervisor:
            return {"username": translate("StepDialogs", "Hãy chọn cán bộ nhận hồ sơ.")}
        return {}

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        username, reason = self.user_combo.currentData() or "", clean_text(self.reason_edit)
        return lambda: steps.reassign(db, clerk, code, username, reason, clock)


FIELD_LABELS = {
    "applicant_name": QT_TRANSLATE_NOOP("StepDialogs", "Họ và tên người nộp:"),
    "id_number": QT_TRANSLATE_NOOP("StepDialogs", "Số CCCD / mã số thuế:"),
    "address": QT_TRANSLATE_NOOP("StepDialogs", "Địa chỉ:"),
    "phone": QT_TRANSLATE_NOOP("StepDialogs", "Điện thoại:"),
    "email": QT_TRANSLATE_NOOP("StepDialogs", "Thư điện tử:"),
    "principal": QT_TRANSLATE_NOOP("StepDialogs", "Nộp thay cho (ủy quyền):"),
}


class EditDossierDialog(StepDialog):
    """A supervisor corrects the applicant's data; only changed values are sent."""

    kind = StepKind.EDIT
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Lưu thay đổi")

    def build(self) -> None:
        applicant = self.dossier.applicant
        self.original = {
            "applicant_name": applicant.name,
            "id_number": applicant.id_number,
            "address": applicant.address,
            "phone": applicant.phone,
            "email": applicant.email,
            "principal": applicant.principal,
        }
        self.edits: dict[str, QLineEdit] = {}
        for name in steps.EDITABLE:
            edit = QLineEdit(self.original[name])
            edit.setObjectName(f"edit_{name}")
            self.edits[name] = edit
            label = translated(FIELD_LABELS[name])
            if name == "id_number" and applicant.kind is ApplicantKind.ORGANISATION:
                label = translate("StepDialogs", "Mã số thuế / mã doanh nghiệp:")
            self.add_row(label, name, edit)
        self.reason_edit = text_box(
            translate("StepDialogs", "Ví dụ: ghi sai số CCCD khi tiếp nhận"), 2
        )
        self.add_row(translate("StepDialogs", "Lý do sửa:"), "reason", self.reason_edit)

    def changed_values(self) -> dict[str, str]:
        values = {name: clean_text(edit) for name, edit in self.edits.items()}
        return {k: v for k, v in values.items() if v != self.original[k]}

    def local_errors(self) -> dict[str, str]:
        if not self.changed_values() and self.clerk.is_supervisor:
            return {"reason": translate("StepDialogs", "Chưa có thông tin nào được sửa.")}
        return {}

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        changed, reason = self.changed_values(), clean_text(self.reason_edit)
        return lambda: steps.edit_dossier(db, clerk, code, changed, reason, clock)
