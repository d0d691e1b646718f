"""The intake form (tiếp nhận hồ sơ): procedure, papers, applicant, delivery, save and print.

The clerk picks the procedure, ticks the papers from its published list only,
records who submits, and hands over a receipt with the dossier code and the
appointment. The appointment is shown live before saving, as it will be printed.

A procedure accepted online only (Directive 24/CT-TTg, from 01/10/2025) shows a
notice under the search, with a printed guide to the National Public Service Portal
(``desk.ui.intake.online_only``). Such a dossier is still saved at the counter when
the clerk ticks "Vẫn tiếp nhận tại quầy": an office may receive it in a special case,
and the audit trail says so.

Keys: Enter saves from any field (in the search line it picks the procedure),
Ctrl+S saves, Ctrl+F goes to the search, Esc starts over: at once on an empty
form, after a yes/no question when something has been typed, and never while
a save is running. Nothing typed is lost on a refused save: each message
appears under its field and the first field at fault gets the cursor.

The dossier is saved off the window's thread (a server that holds the day's counter
locked or a network that drops makes a save wait for seconds); its receipt is
printed only once it is saved, and in the background too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier import Dossier, IntakeDraft
from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.procedure import Channel, Procedure
from desk.domain.scan_text import CccdCard
from desk.domain.validation import validate_intake
from desk.services import intake
from desk.storage.database import Database
from desk.ui.intake.applicant_form import ApplicantForm, DeliveryForm, parse_birth_date
from desk.ui.intake.appointment_line import AppointmentLine, appointment_text
from desk.ui.intake.guide_printer import GuidePrinter
from desk.ui.intake.intake_scans import IntakeScans
from desk.ui.intake.online_only import OnlineGuide, OnlineOnlyNotice
from desk.ui.intake.paper_checklist import PaperChecklist
from desk.ui.intake.procedure_picker import ProcedurePicker
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import DELAY_MS, ProgressNote
from desk.ui.widgets.qt_helpers import FieldError, confirm, show_message, translate

if TYPE_CHECKING:  # a receipt's or a guide's picture: loaded with the printing
    from PIL import Image

    from desk.ui.intake.receipt_preview import ReceiptPreviewDialog

__all__ = ["IntakeWindow", "appointment_text", "parse_birth_date"]

log = logging.getLogger(__name__)

CONTEXT = "IntakeWindow"
FIELD_ORDER = (
    "procedure",
    "papers",
    "name",
    "id_number",
    "birth_date",
    "address",
    "phone",
    "email",
    "principal",
    "delivery_address",
    "sets",
    "note",
)


class IntakeWindow(OnlineGuide, QWidget):
    """The whole intake form; ``dossier_saved(code)`` after each saved dossier,
    ``guide_printed(code)`` after each guide to submitting online."""

    dossier_saved = Signal(str)
    guide_printed = Signal(str)

    def __init__(
        self, db: Database, clerk: Clerk, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self._clock: Clock = clock or SystemClock()
        self._saving = False
        #: What a long save made read-only, to enable again after it.
        self._held: list[QWidget] = []
        self._focus_before: QWidget | None = None
        self._procedure: Procedure | None = None
        self.last_dossier: Dossier | None = None
        self.last_preview: ReceiptPreviewDialog | None = None
        self._previewing = False
        self.last_guide: Image.Image | None = None
        self.guide_printer = GuidePrinter(db, clerk, self._clock, self)
        self.setObjectName("intake_window")
        self.setWindowTitle(translate("IntakeWindow", "Tiếp nhận hồ sơ"))

        self.applicant_form = ApplicantForm(self)
        self.delivery_form = DeliveryForm(self)
        self._alias_inputs()
        columns = QHBoxLayout()
        self._procedure_box = self._build_procedure_box()
        columns.addWidget(self._procedure_box, 3)
        right = QVBoxLayout()
        right.addWidget(self.applicant_form)
        right.addWidget(self.delivery_form)
        right.addStretch(1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_footer())
        self.errors: dict[str, FieldError] = {
            "procedure": self.picker.error,
            "papers": self.papers_error,
            **self.applicant_form.errors,
            **self.delivery_form.errors,
        }

        self._connect()
        chain = [
            self.picker.search,
            self.papers,
            *self.applicant_form.tab_chain(),
            *self.delivery_form.tab_chain(),
            self.save_button,
            self.clear_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(DELAY_MS)
        self._hold_timer.timeout.connect(self._hold_form)
        self.clear_form()

    # -- building ------------------------------------------------------------

    def _alias_inputs(self) -> None:
        """The inputs by name, as tests and the main window reach them."""
        a, d = self.applicant_form, self.delivery_form
        self.person_radio, self.organisation_radio = a.person_radio, a.organisation_radio
        self.name_label, self.id_label = a.name_label, a.id_label
        self.name_edit, self.id_edit, self.birth_edit = a.name_edit, a.id_edit, a.birth_edit
        self.address_edit, self.phone_edit = a.address_edit, a.phone_edit
        self.email_edit, self.principal_edit = a.email_edit, a.principal_edit
        self.channel_combo, self.counter_radio, self.post_radio = (
            d.channel_combo,
            d.counter_radio,
            d.post_radio,
        )
        self.delivery_address_edit, self.sets_spin, self.note_edit = (
            d.delivery_address_edit,
            d.sets_spin,
            d.note_edit,
        )

    def _build_procedure_box(self) -> QGroupBox:
        box = QGroupBox(translate("IntakeWindow", "Thủ tục hành chính và giấy tờ đã nhận"), self)
        self.picker = ProcedurePicker(self._db, box, self._clock)
        self.picker.error.setObjectName("error_procedure")
        self.online_notice = OnlineOnlyNotice(box)
        self.papers = PaperChecklist(box)
        self.papers_error = FieldError(box)
        self.papers_error.setObjectName("error_papers")
        layout = QVBoxLayout(box)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.online_notice)
        layout.addWidget(
            QLabel(
                translate("IntakeWindow", "Giấy tờ đã nhận (chỉ những giấy tờ thủ tục quy định):"),
                box,
            )
        )
        layout.addWidget(self.papers, 2)
        layout.addWidget(self.papers_error)
        self.scans = IntakeScans(
            self._db, self._clerk, self._clock, self.papers, self.id_edit, self
        )
        layout.addWidget(self.scans.bar)  # pages scanned now, and papers digitised before
        layout.addWidget(self.scans.reuse)
        return box

    def _build_footer(self) -> QHBoxLayout:
        self.appointment = AppointmentLine(
            self._db, self._clock, lambda: (self._procedure, self.channel()), self
        )
        self.appointment_label = self.appointment.label
        self.calendar_note = self.appointment.calendar_note
        self.clear_button = QPushButton(translate("IntakeWindow", "Làm mới (Esc)"), self)
        self.save_button = QPushButton(translate("IntakeWindow", "Lưu và in phiếu (Enter)"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        for button in (self.clear_button, self.save_button):
            button.setAutoDefault(True)  # Enter on a focused button presses that button
        self.save_button.setMinimumHeight(36)
        footer = QHBoxLayout()
        appointment = QVBoxLayout()
        appointment.addWidget(self.appointment)
        #: "Đang lưu hồ sơ..." while a save waits on the database.
        self.save_note = ProgressNote(self)
        appointment.addWidget(self.save_note)
        footer.addLayout(appointment, 1)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.save_button)
        return footer

    def _connect(self) -> None:
        self.picker.procedure_chosen.connect(self._on_procedure_chosen)
        self.papers.changed.connect(self.papers_error.clear_message)
        self.delivery_form.channel_changed.connect(self.refresh_appointment)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.request_clear)
        self.online_notice.print_button.clicked.connect(self.print_guide)
        self.online_notice.accept_check.toggled.connect(self._on_accept_toggled)
        self.guide_printer.printed.connect(self._guide_printed)
        self.guide_printer.failed.connect(self._guide_failed)
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+F", self.focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def line_edits(self) -> dict[str, QLineEdit]:
        """Every text input that has an error line, by field name."""
        return {**self.applicant_form.line_edits(), **self.delivery_form.line_edits()}

    # -- reactions -----------------------------------------------------------

    def _on_procedure_chosen(self, procedure: Procedure | None) -> None:
        same = (
            procedure is not None
            and self._procedure is not None
            and procedure.code == self._procedure.code
        )
        self._procedure = procedure
        if not same:
            self.papers.set_papers(procedure.papers if procedure else [])
            self.online_notice.show_for(procedure)
            self.scans.set_procedure(procedure)
        self.refresh_appointment()
        if procedure is not None and self.picker.search.hasFocus():
            self.papers.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_search(self) -> None:
        self.picker.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.picker.search.selectAll()

    def channel(self) -> Channel:
        return self.delivery_form.channel()

    def set_channel(self, channel: Channel) -> None:
        self.delivery_form.set_channel(channel)

    def refresh_appointment(self) -> None:
        """Work out the appointment for the chosen procedure and channel again, as of now
        (off the window's thread: ``AppointmentLine``)."""
        self.appointment.refresh()

    def appointment_pending(self) -> bool:
        """Whether the appointment shown is being worked out again."""
        return self.appointment.pending()

    # -- reading the form ----------------------------------------------------

    def read_draft(self) -> tuple[IntakeDraft, dict[str, str]]:
        """The form as a draft, and the problems only the form can see (a date it cannot read)."""
        applicant, local = self.applicant_form.applicant()
        d = self.delivery_form
        draft = IntakeDraft(
            procedure_code=self._procedure.code if self._procedure else "",
            applicant=applicant,
            papers=self.papers.received(),
            channel=d.channel(),
            result_delivery=d.result_delivery(),
            delivery_address=d.delivery_address(),
            sets=self.sets_spin.value(),
            note=self.note_edit.text(),
            consent=self.applicant_form.consent_box.consent(),
            reused=self.scans.reused(),
        )
        return draft, local

    def is_dirty(self) -> bool:
        """True when something has been typed, ticked or chosen since the form was cleared."""
        return (
            self._procedure is not None
            or bool(self.picker.search.text().strip())
            or self.applicant_form.is_dirty()
            or self.delivery_form.is_dirty()
            or self.papers.is_dirty()
            or self.scans.is_dirty()
        )

    # -- saving --------------------------------------------------------------

    def save(self) -> None:
        """Save the dossier, then print its receipt, show it, and clear the form for the
        next citizen (``dossier_saved`` and ``last_dossier`` then say which).

        The saving runs off the window's thread: a server that holds the day's counter
        locked, or a network that drops, makes it wait for seconds, and the window keeps
        answering meanwhile. A second Enter saves nothing more; a save that takes longer
        than ``DELAY_MS`` shows "Đang lưu hồ sơ..." over a form that cannot be changed
        until the outcome is known. A form that cannot be saved stays as it was typed.
        """
        if self._saving:
            return
        draft, local = self.read_draft()
        self.clear_errors()
        # What the form alone can tell is told at once; the rest (the catalog's papers,
        # a paper digitised before, an online-only procedure) when the service checks.
        # An unreadable date is the form's own: the service would save without it.
        errors = validate_intake(draft, self._clock.now().date())
        errors.update(local)
        if errors:
            self.show_errors(errors)
            return
        db, clerk, clock = self._db, self._clerk, self._clock
        accept = self.online_notice.accept_check.isChecked()

        self._hold(True)
        background.run_refusable(
            self,
            lambda: intake.record_intake(db, draft, clerk, clock, accept_online_only=accept),
            self._after_saving,
            failure=translate(
                "IntakeWindow", "Chưa lưu được hồ sơ: lỗi của chương trình, xem nhật ký."
            ),
            pool=background.device_pool(),
        )

    def saving(self) -> bool:
        """Whether a dossier is being saved."""
        return self._saving

    def _hold(self, saving: bool) -> None:
        """While saving: no second save, and after ``DELAY_MS`` a form that cannot change."""
        self._saving = saving
        if saving:
            self._focus_before = QApplication.focusWidget()
            self.save_note.start(translate("IntakeWindow", "Đang lưu hồ sơ..."))
            self._hold_timer.start()
            return
        self._hold_timer.stop()
        self.save_note.stop()
        for part in self._held:
            part.setEnabled(True)
        if self._held and self._focus_before is not None and shiboken6.isValid(self._focus_before):
            self._focus_before.setFocus()  # where the clerk was (a field at fault takes it next)
        self._held = []
        self._focus_before = None

    def _hold_form(self) -> None:
        if not self._saving:
            return
        parts = (self._procedure_box, self.applicant_form, self.delivery_form)
        self._held = [w for w in (*parts, self.save_button, self.clear_button) if w.isEnabled()]
        for part in self._held:
            part.setEnabled(False)

    def _after_saving(
        self, dossier: Dossier | None, refused: UserError | None, error: str | None
    ) -> None:
        self._hold(False)
        if isinstance(refused, ValidationError):
            self.show_errors(refused.errors)
            return
        if refused is not None:
            log.warning("intake not saved: %s", refused.message)
            if refused.field in self.errors:
                self.show_errors({refused.field: refused.message})
            else:  # the database is locked, the disk is full...: the form stays as it is
                show_message(
                    self, translate("IntakeWindow", "Chưa lưu được hồ sơ"), refused.message
                )
            return
        if error is not None or dossier is None:  # a bug: logged where it happened
            show_message(self, translate("IntakeWindow", "Chưa lưu được hồ sơ"), error or "")
            return
        log.info("dossier %s saved by %s", dossier.code, self._clerk.username)
        self.last_dossier = dossier
        self.dossier_saved.emit(dossier.code)
        self.scans.after_save(dossier.code)  # its PDFs, in the background
        self.clear_form()
        self._print_and_preview(dossier.code)

    def _print_and_preview(self, code: str) -> None:
        """The receipt on screen at once, printed in the background (the dossier is saved)."""
        from desk.ui.intake import receipt_preview  # with the printing: at the first receipt

        def shown(dialog: ReceiptPreviewDialog | None) -> None:
            self._previewing = False
            if dialog is None:
                return
            dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))
            dialog.finished.connect(lambda _result: self._back_from_preview())
            self.last_preview = dialog

        self._previewing = True
        receipt_preview.open_printing(
            self._db,
            code,
            self,
            translate("IntakeWindow", "Không in được phiếu"),
            self._clerk,
            self._clock,
            shown,
        )

    def previewing(self) -> bool:
        """Whether the receipt of the dossier just saved is being drawn to be shown."""
        return self._previewing

    def _back_from_preview(self) -> None:
        self.window().activateWindow()
        self.focus_search()

    def _forget_preview(self, dialog: ReceiptPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; the first field at fault gets the focus."""
        for key, message in errors.items():
            label = self.errors.get(key)
            if label is None:  # a field this form does not show: say it anyway
                label = self.errors["procedure"]
            label.set_message(message)
        first = next((k for k in FIELD_ORDER if k in errors), None)
        widget = self._widget_for(first) if first else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _widget_for(self, key: str) -> QWidget | None:
        widgets: dict[str, QWidget] = {
            "procedure": self.picker.search,
            "papers": self.papers,
            "sets": self.sets_spin,
            **self.line_edits(),
        }
        return widgets.get(key)

    def error_text(self, key: str) -> str:
        """The message shown under a field ('' when none)."""
        return self.errors[key].message()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()

    # -- starting over -------------------------------------------------------

    def request_clear(self) -> None:
        """Esc or "Làm mới": clear at once if nothing was typed, else ask first."""
        if self._saving:
            return
        if not self.is_dirty():
            self.clear_form()
            return
        confirm(
            self,
            translate("IntakeWindow", "Làm mới biểu mẫu"),
            translate("IntakeWindow", "Xóa toàn bộ thông tin đang nhập để tiếp nhận hồ sơ mới?"),
            translate("IntakeWindow", "Xóa và làm mới"),
            translate("IntakeWindow", "Không, giữ lại"),
            self.clear_form,
        )

    def clear_form(self) -> None:
        """An empty form for the next citizen, the cursor in the procedure search."""
        self.picker.clear()
        self._procedure = None
        self.papers.set_papers([])
        self.online_notice.show_for(None)
        self.scans.clear()
        self.applicant_form.clear()
        self.applicant_form.consent_box.offer_later(self._db)  # the channels the office has on
        self.delivery_form.clear()
        self.clear_errors()
        self.refresh_appointment()
        self.focus_search()

    def fill_applicant(self, card: CccdCard) -> None:
        """A CCCD QR was scanned: the applicant is the card's holder; the cursor goes on."""
        self.applicant_form.fill_from_card(card)
        self.applicant_form.phone_edit.setFocus()

    def reload_catalog(self) -> None:
        """After an admin edits the catalog or the calendar."""
        self.picker.reload()
        self.refresh_appointment()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter and Esc that no field used: Enter saves, Esc starts over."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.save()
            return
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.request_clear()
            return
        super().keyPressEvent(event)
