"""Everything about one dossier: the applicant, the papers, the appointment, where
it is now, its timeline (every hand-over: when, from whom, to whom, with what
result) and, for supervisors, the audit trail; with a button for each step.

A button is enabled only when the law allows the step from the dossier's status
(``desk.domain.lifecycle.MOVES``) and the clerk's role allows it
(``desk.domain.roles.may``); a disabled button's tooltip says why. The services
check the same rules again, so a step raced by another counter is refused with
the same message.

"Xin lỗi và hẹn lại..." opens the apology (Decree 118/2025/NĐ-CP art. 19(6)):
offered once, for a running dossier; afterwards the facts show the original
appointment and the new date under "Hẹn lại".

A step that produces a form writes it right after it is recorded and opens it
to print: the supplement request (form 02), the refusal (form 03), the stop
notice (form 05, art. 21) of Circular 03/2025/TT-VPCP, Annex I; the footer
writes each again, and the control slip (form 06). Forms are written off the
window's thread (``form_documents.FormWriter``); the notice says when one is
ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock
from desk.domain.dossier import (
    RESULT_CLASS_LABELS,
    RESULT_DELIVERY_LABELS,
    RUNNING_STATUSES,
    STATUS_LABELS,
    ApplicantKind,
    Dossier,
    DossierStatus,
    ResultClass,
)
from desk.domain.lifecycle import (
    STEP_LABELS,
    Step,
    StepKind,
    holder_label,
)
from desk.domain.office import Clerk
from desk.domain.procedure import CHANNEL_LABELS, PAPER_FORM_LABELS
from desk.domain.step_offer import step_allowed, why_not
from desk.domain.time_limit import stored_limit_label
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.domain.urgency import BAND_LABELS, band_for
from desk.storage.database import Database
from desk.ui.dossier import form_documents
from desk.ui.dossier.dossier_history import audit_rows
from desk.ui.dossier.dossier_messages import PageMessages
from desk.ui.dossier.dossier_scans import PageScans
from desk.ui.dossier.page_data import PageData, read_page
from desk.ui.dossier.page_printing import PagePrinting
from desk.ui.dossier.page_steps import BUTTON_TEXTS, DIALOGS, PAGE_STEPS
from desk.ui.dossier.step_dialogs import (
    RESULT_COLOURS,
    StepDialog,
    when,
)
from desk.ui.intake.receipt_preview import ReceiptPreviewDialog
from desk.ui.widgets import background
from desk.ui.widgets.band_style import BAND_STYLES
from desk.ui.widgets.forms import Notice, fill_table, read_only_table
from desk.ui.widgets.qt_helpers import show_message, translate
from desk.ui.widgets.screen_fit import fit_to_screen
from desk.ui.widgets.table_fit import set_column_widths, wrap_rows
from desk.ui.worklist.at_risk_apology import PageApology

if TYPE_CHECKING:
    from desk.ui.dossier.consent_dialog import ConsentRead

log = logging.getLogger(__name__)

CONTEXT = "DossierPage"

STATUS_COLOURS = {
    DossierStatus.RECEIVED: "#1565c0",
    DossierStatus.IN_PROGRESS: "#1565c0",
    DossierStatus.WAITING_SUPPLEMENT: "#9a6700",
    DossierStatus.RESULT_READY: "#1b5e20",
    DossierStatus.RETURNED: "#546e7a",
    DossierStatus.REFUSED: "#b00020",
    DossierStatus.STOPPED: "#546e7a",
}


#: Column widths in average characters; the last column takes the rest, wrapped.
TIMELINE_WIDTHS = (16, 20, 24, 24, 18, 10)
AUDIT_WIDTHS = (16, 18, 22, 50)


class DossierPage(PagePrinting, QDialog):
    """One dossier, read from the database; ``changed(code)`` after each step made here."""

    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        code: str,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        data: PageData | None = None,
    ) -> None:
        """The page of dossier ``code``, shown with ``data`` (read off the window's thread
        by the caller, ``read_page``); without it the page reads it here."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.clock = clock
        if data is None:
            data = read_page(db, code, clerk.is_supervisor)
        self.dossier: Dossier = data.dossier
        self.code = self.dossier.code
        self.timeline: list[Step] = []
        #: The page's reads (only the newest is shown), and what waits on them.
        self._reads = background.NewestRead(self)
        self._after_read: list[Callable[[], object]] = []
        #: The reads of a step's dialog being opened.
        self._step_reads = background.NewestRead(self)
        self.last_dialog: StepDialog | None = None
        self.last_preview: ReceiptPreviewDialog | None = None
        self.last_consent_dialog: QDialog | None = None
        self.setObjectName("dossier_page")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(translate("DossierPage", "Hồ sơ {code}").format(code=self.code))

        self.heading = QLabel()
        self.heading.setObjectName("dossier_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.notice = Notice()
        self.notice.setObjectName("page_notice")
        self.facts: dict[str, QLabel] = {}
        self._fact_forms: list[QFormLayout] = []
        self.step_buttons: dict[StepKind, QPushButton] = {}
        self.forms = form_documents.PageForms(self, db, self.code, self.notice)
        self.messages = PageMessages(db, self.code, self)  # to the applicant: SMS, e-mail, Zalo
        self.apology_part = PageApology(self, db, clerk, self.code, clock)
        self.apology_part.made.connect(self._after_apology)
        self.apology_button = self.apology_part.button
        self.apology_form_button = self.apology_part.form_button
        self.apology_form_button.clicked.connect(lambda: self._write_form(form_documents.APOLOGY))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.messages.row)
        self.messages.consent_button.clicked.connect(self.change_consent)
        layout.addWidget(self._build_facts())
        layout.addWidget(self._build_tabs(), 1)
        layout.addWidget(self._build_step_buttons())
        layout.addWidget(self.notice)
        layout.addLayout(self._build_footer())
        self._show(data)
        fit_to_screen(self, 1240, 780)

    # -- building ------------------------------------------------------------------

    def _fact_group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(translated(title))
        form = QFormLayout(box)
        self._fact_forms.append(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in rows:
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            form.addRow(translated(label), value)
        return box

    def _build_facts(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        groups = (
            (
                QT_TRANSLATE_NOOP("DossierPage", "Người nộp"),
                [
                    ("name", QT_TRANSLATE_NOOP("DossierPage", "Họ và tên:")),
                    ("id_number", QT_TRANSLATE_NOOP("DossierPage", "Số giấy tờ:")),
                    ("address", QT_TRANSLATE_NOOP("DossierPage", "Địa chỉ:")),
                    ("phone", QT_TRANSLATE_NOOP("DossierPage", "Điện thoại:")),
                    ("email", QT_TRANSLATE_NOOP("DossierPage", "Thư điện tử:")),
                    ("principal", QT_TRANSLATE_NOOP("DossierPage", "Nộp thay cho:")),
                ],
            ),
            (
                QT_TRANSLATE_NOOP("DossierPage", "Yêu cầu và thời hạn"),
                [
                    ("procedure", QT_TRANSLATE_NOOP("DossierPage", "Thủ tục:")),
                    ("channel", QT_TRANSLATE_NOOP("DossierPage", "Hình thức nộp:")),
                    ("delivery", QT_TRANSLATE_NOOP("DossierPage", "Nhận kết quả:")),
                    ("limit", QT_TRANSLATE_NOOP("DossierPage", "Thời hạn:")),
                    ("received", QT_TRANSLATE_NOOP("DossierPage", "Tiếp nhận lúc:")),
                    ("appointment", QT_TRANSLATE_NOOP("DossierPage", "Hẹn trả:")),
                    ("rescheduled", QT_TRANSLATE_NOOP("DossierPage", "Hẹn lại:")),
                ],
            ),
            (
                QT_TRANSLATE_NOOP("DossierPage", "Đang xử lý"),
                [
                    ("holder", QT_TRANSLATE_NOOP("DossierPage", "Đang ở:")),
                    ("assignee", QT_TRANSLATE_NOOP("DossierPage", "Cán bộ phụ trách:")),
                    ("clerk", QT_TRANSLATE_NOOP("DossierPage", "Cán bộ tiếp nhận:")),
                    ("comebacks", QT_TRANSLATE_NOOP("DossierPage", "Số lần bổ sung:")),
                    ("result", QT_TRANSLATE_NOOP("DossierPage", "Kết quả:")),
                ],
            ),
        )
        for title, rows in groups:
            row.addWidget(self._fact_group(title, rows), 1)
        return box

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.timeline_table = read_only_table(
            [
                translate("DossierPage", "Thời gian"),
                translate("DossierPage", "Bước"),
                translate("DossierPage", "Bên giao"),
                translate("DossierPage", "Bên nhận"),
                translate("DossierPage", "Người thực hiện"),
                translate("DossierPage", "Kết quả"),
                translate("DossierPage", "Chi tiết"),
            ]
        )
        self.timeline_table.setObjectName("timeline_table")
        wrap_rows(self.timeline_table)
        self.papers_table = read_only_table(
            [
                translate("DossierPage", "Giấy tờ"),
                translate("DossierPage", "Hình thức"),
                translate("DossierPage", "Số lượng"),
            ]
        )
        self.papers_table.setObjectName("papers_table")
        self.tabs.addTab(self.timeline_table, translate("DossierPage", "Quá trình xử lý"))
        self.tabs.addTab(self.papers_table, translate("DossierPage", "Giấy tờ đã nhận"))
        self.scans_tab = PageScans(self.db, self.clerk, self.code, self.clock)  # digitised papers
        self.scans_tab.changed.connect(lambda: (self.reload(), self.changed.emit(self.code)))
        self.tabs.addTab(self.scans_tab, translate("DossierPage", "Bản số hóa"))
        self.audit_table = None
        if self.clerk.is_supervisor:
            self.audit_table = read_only_table(
                [
                    translate("DossierPage", "Thời gian"),
                    translate("DossierPage", "Người thực hiện"),
                    translate("DossierPage", "Thao tác"),
                    translate("DossierPage", "Trước"),
                    translate("DossierPage", "Sau"),
                ]
            )
            self.audit_table.setObjectName("audit_table")
            wrap_rows(self.audit_table)
            self.tabs.addTab(self.audit_table, translate("DossierPage", "Nhật ký thay đổi"))
        return self.tabs

    def _build_step_buttons(self) -> QGroupBox:
        box = QGroupBox(translate("DossierPage", "Bước xử lý"))
        grid = QGridLayout(box)
        for number, kind in enumerate(PAGE_STEPS):
            button = QPushButton(translated(BUTTON_TEXTS[kind]))
            button.setObjectName(f"do_{kind.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.open_step(k))
            self.step_buttons[kind] = button
            grid.addWidget(button, number // 5, number % 5)
        grid.addWidget(self.apology_button, len(PAGE_STEPS) // 5, len(PAGE_STEPS) % 5)
        return box

    def change_consent(self) -> None:
        """The applicant agrees to a channel or withdraws their consent (their request
        noted): the dialog opens once what it shows is read, off the window's thread."""
        from desk.ui.dossier.consent_dialog import ConsentDialog

        if self._step_reads.waiting():
            return
        db, code, applicant = self.db, self.code, self.dossier.applicant

        def done(found: ConsentRead | None, error: str | None) -> None:
            if found is None:
                show_message(self, translate("DossierPage", "Nhận tin nhắn"), error or "")
                return
            dialog = ConsentDialog(
                self.db, self.clerk, self.clock, code, applicant, self, found=found
            )
            self.last_consent_dialog = dialog
            dialog.accepted.connect(lambda: self._consent_changed(dialog.stopped))
            dialog.open()

        self._step_reads.run(lambda: ConsentDialog.read(db, code), done)

    def _consent_changed(self, stopped: int) -> None:
        self.reload()
        text = translate("DossierPage", "Đã ghi nhận đồng ý nhận tin nhắn của người nộp.")
        if stopped:
            text += " " + translate(
                "DossierPage", "{n} tin nhắn chưa gửi qua kênh đã rút đồng ý sẽ không gửi nữa."
            ).format(n=stopped)
        self.notice.show_ok(text)

    # -- showing the dossier ---------------------------------------------------------

    def reload(self, then: Callable[[], object] | None = None, *, quiet: bool = False) -> None:
        """Read the dossier, its timeline and its audit trail again, off the window's
        thread; ``then()`` once they are shown. A read asked later makes this one late
        (its ``then`` follows the later one). A read that fails is said on the page, or
        only logged when ``quiet`` (a re-read nobody at this page asked for)."""
        if then is not None:
            self._after_read.append(then)
        db, code, trail = self.db, self.code, self.audit_table is not None

        def done(data: PageData | None, error: str | None) -> None:
            waiting, self._after_read = self._after_read, []
            if error is not None or data is None:
                if quiet:
                    log.warning("dossier page %s not refreshed: %s", code, error)
                else:
                    self.notice.show_error(error or "")
                return
            self._show(data)
            for follow in waiting:
                follow()

        self._reads.run(lambda: read_page(db, code, trail), done)

    def reading(self) -> bool:
        """Whether a read of the page is on its way."""
        return self._reads.waiting()

    def _show(self, data: PageData) -> None:
        self.dossier = data.dossier
        self.apology_part.take(data.apology)
        self.timeline = data.timeline
        self._show_heading(data)
        self._show_facts(data)
        clerks = data.clerks
        names = {c.username: c.full_name for c in clerks}
        # steps and messages
        self.messages.fill(self.timeline_table, self.timeline, names, data.messages, data.agreed)
        set_column_widths(self.timeline_table, TIMELINE_WIDTHS)
        fill_table(
            self.papers_table,
            [
                (p.name, translated(PAPER_FORM_LABELS[p.form]), str(p.count))
                for p in self.dossier.papers
            ],
        )
        self.scans_tab.reload(self.dossier, data.scans)
        if self.audit_table is not None and data.trail is not None:
            people = {c.id: c.full_name for c in clerks}
            fill_table(self.audit_table, audit_rows(data.trail, people))
            set_column_widths(self.audit_table, AUDIT_WIDTHS)
        self._enable_steps()

    def _show_heading(self, data: PageData) -> None:
        d = self.dossier
        urgency = ""
        if d.status in RUNNING_STATUSES:
            band = band_for(d.effective_due(), self.clock.now(), data.calendar)
            urgency = (
                f' &nbsp; <span style="color:{BAND_STYLES[band].colour}; font-weight:bold">'
                f"{translated(BAND_LABELS[band])}</span>"
            )
        if self.apology_part.apology is not None and d.status in RUNNING_STATUSES:
            urgency += f" &nbsp; <i>{translate('DossierPage', 'Đã hẹn lại')}</i>"
        self.heading.setText(
            f'<span style="font-size:15pt; font-weight:bold">{d.code}</span> &nbsp; '
            f'<span style="color:{STATUS_COLOURS[d.status]}; font-weight:bold">'
            f"{translated(STATUS_LABELS[d.status])}</span>{urgency}<br>"
            f"{escape(d.applicant.name)} — {escape(d.procedure_name)}"
        )

    def _show_facts(self, data: PageData) -> None:
        d = self.dossier
        a = d.applicant
        kind = (
            translate("DossierPage", "mã số thuế")
            if a.kind is ApplicantKind.ORGANISATION
            else translate("DossierPage", "CCCD")
        )
        rescheduled = self.apology_part.rescheduled_text(d)
        result = ""
        if d.result_class is not None and d.decided_at is not None:
            result = translate("DossierPage", "{label}, có kết quả lúc {at}").format(
                label=translated(RESULT_CLASS_LABELS[d.result_class]),
                at=when(d.decided_at),
            )
        if d.returned_at is not None:
            result += translate("DossierPage", "; đã trả lúc {at}").format(at=when(d.returned_at))
        values = {
            "name": a.name,
            "id_number": f"{a.id_number} ({kind})" if a.id_number else "",
            "address": a.address,
            "phone": a.phone,
            "email": a.email,
            "principal": a.principal,
            "procedure": f"{d.procedure_name} ({d.procedure_code})",
            "channel": translated(CHANNEL_LABELS[d.channel]),
            "delivery": translated(RESULT_DELIVERY_LABELS[d.result_delivery])
            + (f": {d.delivery_address}" if d.delivery_address else ""),
            "limit": stored_limit_label(d.limit_text),
            "received": when(d.received_at),
            "appointment": when(d.appointment_at),
            "rescheduled": rescheduled,
            "holder": holder_label(d.holder),
            "assignee": data.assignee,
            "clerk": d.clerk_name,
            "comebacks": str(d.comebacks),
            "result": result.lstrip("; "),
        }
        for key, value in values.items():
            self.facts[key].setText(value or "—")
        if d.result_class is not None:
            self.facts["result"].setStyleSheet(f"color: {RESULT_COLOURS[d.result_class]};")
        for form in self._fact_forms:
            if form.indexOf(self.facts["rescheduled"]) >= 0:
                form.setRowVisible(self.facts["rescheduled"], bool(rescheduled))

    def _enable_steps(self) -> None:
        role = self.clerk.role
        for kind, button in self.step_buttons.items():
            allowed = step_allowed(kind, self.dossier, role)
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else why_not(kind, self.dossier, role))
        self.supplement_form_button.setEnabled(self.dossier.supplement_round > 0)
        self.refusal_form_button.setEnabled(self.dossier.status is DossierStatus.REFUSED)
        self.stop_form_button.setEnabled(self.dossier.status is DossierStatus.STOPPED)
        self.apology_part.enable(self.dossier)

    def allowed_steps(self) -> list[StepKind]:
        return [k for k, b in self.step_buttons.items() if b.isEnabled()]

    # -- steps -------------------------------------------------------------------------

    def open_step(self, kind: StepKind) -> None:
        """Open the dialog of ``kind`` over the page once what it shows is read (off the
        window's thread); what it prints follows its success. A second click while it is
        read opens nothing more."""
        if self._step_reads.waiting():
            return
        self.notice.clear_notice()
        dialog_class, db, code = DIALOGS[kind], self.db, self.code

        def done(found: dict[str, Any] | None, error: str | None) -> None:
            if error is not None or found is None:  # the dossier vanished, a lock...
                show_message(self, translated(STEP_LABELS[kind]), error or "")
                return
            dialog = dialog_class(self.db, self.clerk, code, self.clock, self, found=found)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._after_step(kind, dialog))
            dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
            self.last_dialog = dialog
            dialog.open()

        self._step_reads.run(lambda: dialog_class.read(db, code), done)

    def opening_step(self) -> bool:
        """Whether a step's dialog is being read to be opened."""
        return self._step_reads.waiting()

    def _after_apology(self) -> None:
        self.changed.emit(self.code)
        self.reload(lambda: self.notice.show_ok(self.apology_part.done_text()))

    def _forget_dialog(self, dialog: StepDialog) -> None:
        if self.last_dialog is dialog:
            self.last_dialog = None

    def _after_step(self, kind: StepKind, dialog: StepDialog) -> None:
        """The step is recorded: say so at once, and once the page is read again say what
        it changed and print what follows it."""
        self.changed.emit(self.code)
        self.notice.show_ok(
            translate("DossierPage", "Đã ghi nhận: {step}.").format(
                step=translated(STEP_LABELS[kind])
            )
        )
        outcome = dialog.outcome
        self.reload(lambda: self._step_shown(kind, outcome))

    def _step_shown(self, kind: StepKind, outcome: object) -> None:
        done = translate("DossierPage", "Đã ghi nhận: {step}.").format(
            step=translated(STEP_LABELS[kind])
        )
        if kind is StepKind.RESULT_READY and isinstance(outcome, ResultClass):
            done = translate("DossierPage", "Đã ghi nhận có kết quả: {label}.").format(
                label=translated(RESULT_CLASS_LABELS[outcome])
            )
        elif kind is StepKind.SUPPLEMENT_RECEIVED:
            done = translate("DossierPage", "Đã nhận bổ sung. Hẹn trả mới: {at}.").format(
                at=when(self.dossier.appointment_at)
            )
        self.notice.show_ok(done)
        after: dict[StepKind, Callable[[], object]] = {
            StepKind.SUPPLEMENT_REQUEST: lambda: self._write_form(
                form_documents.SUPPLEMENT_REQUEST, done
            ),
            StepKind.REFUSE: lambda: self._write_form(form_documents.REFUSAL, done),
            StepKind.STOP: lambda: self._write_form(form_documents.STOP_NOTICE, done),
            StepKind.SUPPLEMENT_RECEIVED: self.print_receipt,
        }
        if kind in after:
            after[kind]()
