"""The apology for a dossier that will be late ("Xin lỗi và hẹn lại").

Decree 118/2025 art. 19(6): the letter states the reason and the one new date
(form 04 of Circular 03/2025 is signed by the head of the agency); the date may be moved once only. The
dialog proposes a new date (the clerk may change it within the working
calendar), shows who signs and asks how the citizen is told; "Tạo phiếu xin
lỗi" records the apology, writes the letter as a PDF in the desk's documents
folder (in the background, a moving bar meanwhile) and opens it; the dialog
closes once the letter is open. Refusals are shown at the field they concern.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.config import data_dir
from desk.domain.apology import (
    NOTIFY_LABELS,
    Apology,
    NotifyMethod,
    check_can_apologise,
    is_late_notice,
)
from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.dossier import RUNNING_STATUSES
from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.translation import translated
from desk.domain.vn_dates import time_and_date_label, weekday_label
from desk.services import apologies, calendar, dossiers, office
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.forms import FieldErrors, Notice, clean_text, vietnamese_buttons
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import translate


def documents_dir() -> Path:
    """Where the desk keeps the letters it writes."""
    return data_dir() / "documents"


def write_letter(db: Database, code: str, path: Path) -> Path:
    """Write the apology letter of ``code`` at ``path`` (on a pool thread: no widget)."""
    from desk.services import form_documents  # reportlab: only when a letter is written

    return form_documents.apology_pdf(db, code, path)


def _to_qdatetime(moment: datetime) -> QDateTime:
    local = to_vn(moment)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return to_vn(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))


class ApologyDialog(QDialog):
    """Make the one apology of dossier ``code`` and open its letter."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        code: str,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        found: Mapping[str, Any] | None = None,
    ) -> None:
        """The dialog of dossier ``code``, built from ``found`` (``read``, run by the caller
        off the window's thread); without it the dialog reads it here."""
        super().__init__(parent)
        self.db, self.clerk, self.clock = db, clerk, clock or SystemClock()
        self.found = found if found is not None else self.read(db, code, self.clock)
        self.dossier = self.found["dossier"]
        self.code = self.dossier.code
        #: The apology made (or found) and the letter written, once there is one.
        self.apology: Apology | None = self.found["apology"]
        self._creating = False
        self.pdf_path: Path | None = None
        self.setWindowTitle(
            translate("ApologyDialog", "Xin lỗi và hẹn lại: {code}").format(code=self.code)
        )
        self.errors = FieldErrors()
        self.notice = Notice()
        self.progress = ProgressNote()
        self._build()
        self._show_state()

    @staticmethod
    def read(db: Database, code: str, clock: Clock) -> dict[str, Any]:
        """What the dialog shows: the dossier, its apology, the office (who signs), the
        calendar and the proposed new date (when an apology can still be made)."""
        dossier = dossiers.get_dossier(db, code)
        apology = apologies.get_apology(db, dossier.code)
        proposal = None
        if apology is None and dossier.status in RUNNING_STATUSES:
            proposal = apologies.proposed_new_date(db, dossier.code, clock)
        return {
            "dossier": dossier,
            "apology": apology,
            "office": office.get_office(db),
            "calendar": calendar.working_calendar(db),
            "proposal": proposal,
        }

    # --- building ---------------------------------------------------------------

    def _build(self) -> None:
        d = self.dossier
        old_due = d.effective_due()
        facts = QLabel(
            f"{d.code} — {d.applicant.name}\n{d.procedure_name}\n"
            + translate("ApologyDialog", "Ngày hẹn trả: {when} ({weekday})").format(
                when=time_and_date_label(old_due), weekday=weekday_label(old_due)
            )
        )
        facts.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            translate(
                "ApologyDialog",
                "Ví dụ: Hồ sơ cần xác minh thêm nguồn gốc đất với cơ quan liên quan.",
            )
        )
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(90)
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.new_due_edit = QDateTimeEdit()
        self.new_due_edit.setCalendarPopup(True)
        self.new_due_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.new_due_edit.setMinimumDate(_to_qdatetime(old_due).date())
        self.new_due_edit.dateTimeChanged.connect(self._new_due_changed)
        self.proposal_hint = QLabel()
        self.proposal_hint.setStyleSheet("color: #455a64;")
        self.proposal_hint.setWordWrap(True)
        self.signer_label = QLabel()
        self.signer_label.setWordWrap(True)
        self.notify_combo = QComboBox()
        for method in NotifyMethod:
            self.notify_combo.addItem(translated(NOTIFY_LABELS[method]), method.value)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("ApologyDialog", "Hồ sơ:"), facts)
        form.addRow(
            translate("ApologyDialog", "Lý do chậm trả:"),
            self.errors.wrap("reason", self.reason_edit),
        )
        due_box = self.errors.wrap("new_due", self.new_due_edit)
        due_box.layout().addWidget(self.proposal_hint)
        form.addRow(translate("ApologyDialog", "Ngày hẹn mới:"), due_box)
        form.addRow(translate("ApologyDialog", "Người ký:"), self.signer_label)
        form.addRow(translate("ApologyDialog", "Báo cho người nộp:"), self.notify_combo)

        self.buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.create_button = QPushButton(translate("ApologyDialog", "Tạo phiếu xin lỗi"))
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = QPushButton(translate("ApologyDialog", "Mở phiếu đã lập"))
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.clicked.connect(self.create)
        self.open_button.clicked.connect(lambda: self.open_letter())
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _show_state(self) -> None:
        """Fill the proposal and the signer, or say why no apology can be made now."""
        the_office = self.found["office"]
        signer = f"{the_office.head_title} {the_office.head_name}".strip()
        self.signer_label.setText(
            signer
            or translate(
                "ApologyDialog",
                "Chưa có người ký: vào Quản trị > Thông tin cơ quan để nhập người đứng đầu.",
            )
        )
        if self.apology is not None or self.dossier.status not in RUNNING_STATUSES:
            self._lock(self._why_not())
            return
        self.open_button.hide()
        proposal = self.found["proposal"]
        self.new_due_edit.setDateTime(_to_qdatetime(proposal))
        self.proposal_hint.setText(
            translate(
                "ApologyDialog",
                "Đề xuất: {when} ({weekday}); có thể sửa, miễn là giờ làm việc sau ngày hẹn cũ.",
            ).format(when=time_and_date_label(proposal), weekday=weekday_label(proposal))
        )
        cal = self.found["calendar"]
        if is_late_notice(self.clock.now(), self.dossier.effective_due(), cal):
            self.notice.show_error(
                translate(
                    "ApologyDialog",
                    "Lưu ý: quy định yêu cầu gửi phiếu chậm nhất một ngày làm việc trước ngày "
                    "hẹn. Phiếu lập bây giờ vẫn được lập, nhưng được ghi nhận là lập muộn.",
                )
            )

    def _why_not(self) -> str:
        try:
            check_can_apologise(self.dossier.status, self.apology)
        except UserError as exc:
            return exc.message
        return ""

    def _lock(self, message: str) -> None:
        """No (further) apology possible: show why, offer the letter already made."""
        for widget in (self.reason_edit, self.new_due_edit, self.notify_combo):
            widget.setEnabled(False)
        self.create_button.setEnabled(False)
        self.open_button.setVisible(self.apology is not None)
        if self.apology is not None:
            self.reason_edit.setPlainText(self.apology.reason)
            self.new_due_edit.setDateTime(_to_qdatetime(self.apology.new_due_at))
            index = self.notify_combo.findData(self.apology.notify_method.value)
            self.notify_combo.setCurrentIndex(max(index, 0))
        self.notice.show_error(message)

    def _reason_changed(self) -> None:
        self.errors.label("reason").clear_message()

    def _new_due_changed(self, _value: QDateTime) -> None:
        self.errors.label("new_due").clear_message()

    # --- actions ----------------------------------------------------------------

    def new_due(self) -> datetime:
        return _from_qdatetime(self.new_due_edit.dateTime())

    def create(self) -> None:
        """Record the apology off the window's thread, then write and open its letter in
        the background (the dialog closes once it is open); on a refusal the dialog stays,
        saying why at the field. A second click while it is recorded records nothing."""
        if self._creating:
            return
        self.notice.clear_notice()
        self.errors.clear()
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        reason, new_due = clean_text(self.reason_edit), self.new_due()
        method = NotifyMethod(self.notify_combo.currentData())
        self._creating = True
        self.create_button.setEnabled(False)
        self.progress.start(translate("ApologyDialog", "Đang ghi nhận..."))
        background.run_refusable(
            self,
            lambda: apologies.make_apology(db, clerk, code, reason, new_due, method, clock),
            self._created,
        )

    def creating(self) -> bool:
        """Whether the apology is being recorded."""
        return self._creating

    def _created(self, apology: Apology | None, refusal: UserError | None, error: str | None):
        self._creating = False
        self.progress.stop()
        if apology is None:
            self.create_button.setEnabled(True)
            if isinstance(refusal, ValidationError):
                unplaced = self.errors.show(refusal.errors)
                if unplaced:
                    self.notice.show_error(" ".join(refusal.errors[f] for f in unplaced))
            elif refusal is not None and refusal.field in self.errors.fields():
                self.errors.show({refusal.field: refusal.message})
            else:
                self.notice.show_error(refusal.message if refusal is not None else error or "")
            return
        self.apology = apology
        for widget in (self.reason_edit, self.new_due_edit, self.notify_combo):
            widget.setEnabled(False)  # recorded: what it says is what the letter says
        self.open_letter(close=True)

    def reject(self) -> None:
        """Esc or "Hủy": not while the apology is being recorded (it would be half-told)."""
        if self._creating:
            return
        super().reject()

    def open_letter(self, close: bool = False) -> background.Job | None:
        """Write the letter of the recorded apology in the background, then open it in
        the PDF viewer (and close the dialog, with ``close``)."""
        if self.apology is None:
            return None
        path = documents_dir() / f"{self.code}-PXL-{self.apology.year}-{self.apology.number}.pdf"
        db, code = self.db, self.code
        return background.run_in_background(
            self,
            lambda: write_letter(db, code, path),
            lambda written: self._letter_written(written, close),
            self._letter_failed,
            translate("ApologyDialog", "Đang ghi phiếu xin lỗi..."),
            buttons=[self.create_button, self.open_button],
            note=self.progress,
        )

    def _letter_written(self, path: Path, close: bool) -> None:
        self.pdf_path = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if close:
            self.accept()

    def _letter_failed(self, message: str) -> None:
        """The apology is recorded: the dialog offers the letter again, and says why not."""
        self._lock(
            translate(
                "ApologyDialog", "Đã ghi nhận lời xin lỗi nhưng chưa ghi được phiếu: {error}"
            ).format(error=message)
        )
