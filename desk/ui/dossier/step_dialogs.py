"""One small dialog per step of a dossier's life (the rules are in the services).

Each dialog reads what the step needs, calls its service off the window's thread
(a server that holds the dossier locked, or a network that drops, makes it wait for
seconds, and the window keeps answering), and on a refusal shows the service's
message under the input it names (or under the form), keeping everything typed; on
success it closes with ``accept()``. What a step
prints afterwards (form 02, form 03, form 05, the new receipt) is done by the
dossier page, so the same dialog serves the page and the scan box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, to_vn
from desk.domain.dossier import (
    Dossier,
    ResultClass,
)
from desk.domain.errors import UserError, ValidationError
from desk.domain.lifecycle import STEP_LABELS, StepKind, SupplementRequest
from desk.domain.office import Clerk
from desk.domain.procedure import PAPER_FORM_LABELS, Channel
from desk.domain.text import fold
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services import calendar, catalog, departments, dossiers, office, steps
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.forms import FieldErrors, Notice, clean_text, set_enter_button
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import FRAME, free_area

log = logging.getLogger(__name__)

CONTEXT = "StepDialogs"
RESULT_COLOURS = {
    ResultClass.EARLY: "#1b5e20",
    ResultClass.ON_TIME: "#1565c0",
    ResultClass.LATE: "#b00020",
}


def when(moment) -> str:
    """A moment on screen, "10:30 ngày 27/11/2026": the date in the Vietnamese order in any language."""
    local = to_vn(moment)
    return translate("StepDialogs", "{time} ngày {date}").format(
        time=f"{local:%H:%M}", date=f"{local:%d/%m/%Y}"
    )


def text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class StepDialog(QDialog):
    """The frame every step shares: which dossier, the form, the buttons, the messages."""

    kind: StepKind
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Đồng ý")
    min_width = 560

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        code: str,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        found: Mapping[str, Any] | None = None,
    ) -> None:
        """The step's dialog for dossier ``code``, built from ``found`` (``read``, run by
        the caller off the window's thread); without it the dialog reads it here."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.clock = clock
        #: What the dialog shows, as read: the dossier and what the step offers.
        self.found: Mapping[str, Any] = found if found is not None else self.read(db, code)
        self.dossier: Dossier = self.found["dossier"]
        self.code = self.dossier.code
        self.outcome: Any = None
        self._submitting = False
        self.setObjectName(f"step_{self.kind.value}")
        self.setWindowTitle(
            translate("StepDialogs", "{step} — hồ sơ {code}").format(
                step=translated(STEP_LABELS[self.kind]), code=self.code
            )
        )
        self.errors = FieldErrors()
        self.notice = Notice()
        self.notice.setObjectName("step_notice")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        about = QLabel(
            translate("StepDialogs", "<b>{code}</b> — {name}<br>{procedure}").format(
                code=self.code,
                name=self.dossier.applicant.name,
                procedure=self.dossier.procedure_name,
            )
        )
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        self.ok_button = QPushButton(translated(self.ok_text))
        self.ok_button.setObjectName("step_ok")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(translate("StepDialogs", "Hủy"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        #: "Đang ghi nhận..." while the step waits on the database.
        self.progress = ProgressNote(self)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._first_input: QWidget | None = None
        self.build()
        if self._first_input is not None and self.focusWidget() is None:
            self._first_input.setFocus()  # the keyboard starts in the first field to fill
        set_enter_button(self, self.ok_button)
        self.setMinimumWidth(self.min_width)

    @classmethod
    def read(cls, db: Database, code: str) -> dict[str, Any]:
        """Everything the dialog shows: the dossier, and what ``read_more`` adds for the step
        (the departments to transfer to, the procedure's papers...); a ``UserError`` when it
        cannot be read."""
        dossier = dossiers.get_dossier(db, code)
        return {"dossier": dossier, **cls.read_more(db, dossier)}

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        """What this step's dialog reads besides the dossier."""
        return {}

    def add_row(self, label: str, field: str, widget: QWidget) -> None:
        """A labelled input (``label`` already in the clerk's language) with its error line."""
        if getattr(self, "_first_input", None) is None and widget.isEnabled():
            self._first_input = widget
        self.form.addRow(label, self.errors.wrap(field, widget))

    def add_note(self, text: str, colour: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if colour:
            label.setStyleSheet(f"color: {colour};")
        self.form.addRow(label)
        return label

    def build(self) -> None:
        """Add the step's inputs to ``self.form``."""

    def work(self) -> Callable[[], Any]:
        """The call of the step's service with what was typed (read here, on the window's
        thread); it runs off it and may raise ``UserError``."""
        raise NotImplementedError

    def local_errors(self) -> dict[str, str]:
        """Problems the form sees before asking the service."""
        return {}

    def submit(self) -> None:
        """Run the step off the window's thread; on a refusal show why and keep the input,
        on success close. While it runs the buttons wait, and the dialog cannot close."""
        if self._submitting:
            return
        self.notice.clear_notice()
        self.errors.clear()
        if errors := self.local_errors():
            self.show_errors(errors)
            return
        call = self.work()
        self._submitting = True
        for button in (self.ok_button, self.cancel_button):
            button.setEnabled(False)
        self.progress.start(translate("StepDialogs", "Đang ghi nhận..."))
        background.run_refusable(self, call, self._submitted, pool=background.device_pool())

    def submitting(self) -> bool:
        """Whether the step is being recorded."""
        return self._submitting

    def reject(self) -> None:
        if not self._submitting:  # a step on its way is not abandoned half-way
            super().reject()

    def _submitted(self, outcome: Any, refused: UserError | None, error: str | None) -> None:
        self._submitting = False
        self.progress.stop()
        for button in (self.ok_button, self.cancel_button):
            button.setEnabled(True)
        if isinstance(refused, ValidationError):
            self.show_errors(refused.errors)
            return
        if refused is not None:
            log.info("step %s on %s refused: %s", self.kind.value, self.code, refused.message)
            if refused.field and refused.field in self.errors.fields():
                self.show_errors({refused.field: refused.message})
            else:
                self.notice.show_error(refused.message)
                self.grow()
            return
        if error is not None:  # a bug: logged where it happened
            self.notice.show_error(error)
            self.grow()
            return
        self.outcome = outcome
        log.info("step %s on %s by %s", self.kind.value, self.code, self.clerk.username)
        self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        rest = self.errors.show(errors)
        if rest:
            self.notice.show_error(" ".join(errors[f] for f in rest))
        self.grow()

    def grow(self) -> None:
        """Make room for messages that just appeared (never shrink what the clerk sized)."""
        layout = self.layout()
        height = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if height > self.height():
            self.resize(self.width(), height)

    def message(self) -> str:
        """What the dialog says is wrong now: the notice, or the first field message."""
        if self.notice.text() and not self.notice.isHidden():
            return self.notice.text()
        for field in sorted(self.errors.fields()):
            if text := self.errors.message(field):
                return text
        return ""


class TransferDialog(StepDialog):
    """Hand the dossier to the department or agency that decides it."""

    kind = StepKind.TRANSFER
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Chuyển")

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        return {"departments": departments.list_departments(db)}

    def build(self) -> None:
        self.department_combo = QComboBox()
        self.department_combo.addItem(translate("StepDialogs", "— Chọn phòng, ban, cơ quan —"), "")
        for name in sorted(self.found["departments"], key=fold):
            self.department_combo.addItem(name, name)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(translate("StepDialogs", "Không bắt buộc"))
        self.add_row(translate("StepDialogs", "Chuyển đến:"), "department", self.department_combo)
        self.add_row(translate("StepDialogs", "Ghi chú:"), "note", self.note_edit)

    def local_errors(self) -> dict[str, str]:
        if not self.department_combo.currentData():
            return {"department": translate("StepDialogs", "Hãy chọn nơi nhận hồ sơ.")}
        return {}

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        department, note = self.department_combo.currentData(), clean_text(self.note_edit)
        return lambda: steps.transfer(db, clerk, code, department, clock, note=note)


class SupplementRequestDialog(StepDialog):
    """Form 02: everything missing, picked from the procedure's own list, in ONE request."""

    kind = StepKind.SUPPLEMENT_REQUEST
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Gửi yêu cầu và in phiếu")
    min_width = 760

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        return {
            "procedure": catalog.get_procedure(db, dossier.procedure_code),
            "hotline": office.get_office(db).hotline,
        }

    def build(self) -> None:
        self.add_note(
            translate(
                "StepDialogs",
                "Ghi đầy đủ MỘT LẦN mọi giấy tờ, nội dung cần bổ sung (Nghị định 118/2025/NĐ-CP, "
                "điều 16 khoản 3): sau đó không được yêu cầu thêm. Chỉ được yêu cầu giấy tờ có "
                "trong danh mục của thủ tục.",
            ),
            "#5d4037",
        )
        received = {p.name for p in self.dossier.papers}
        self.papers_list = QListWidget()
        self.papers_list.setObjectName("missing_papers")
        procedure = self.found["procedure"]
        for paper in procedure.papers:
            label = f"{paper.name} ({translated(PAPER_FORM_LABELS[paper.form]).lower()})"
            if paper.name in received:
                label += translate("StepDialogs", " — đã nhận")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, paper.name)
            item.setToolTip(paper.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.papers_list.addItem(item)
        # Published paper names are long: wrap them rather than cut them off, and scroll
        # by pixels, so that a tall last row is shown whole (``show_all_papers``).
        self.papers_list.setWordWrap(True)
        self.papers_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.papers_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.papers_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.papers_list.setSpacing(1)
        line = self.papers_list.fontMetrics().lineSpacing()
        rows = min(max(self.papers_list.count(), 3), 6)
        self.papers_list.setMinimumHeight(line * 2 * rows + 8)
        self.reason_edit = text_box(
            translate(
                "StepDialogs", "Ví dụ: tờ khai thiếu chữ ký người yêu cầu; bản sao chưa chứng thực"
            )
        )
        self.contact_edit = QLineEdit()
        hotline = self.found["hotline"]
        # The contact is printed on form 02, a Vietnamese paper whatever the screen speaks.
        contact = self.clerk.full_name + (
            f", điện thoại {hotline}" if hotline else ""  # untranslated: printed on form 02
        )
        self.contact_edit.setText(contact)
        self.add_row(translate("StepDialogs", "Giấy tờ cần bổ sung:"), "missing", self.papers_list)
        self.add_row(
            translate("StepDialogs", "Lý do, nội dung cần hoàn thiện:"), "reason", self.reason_edit
        )
        self.add_row(translate("StepDialogs", "Người cần liên hệ:"), "contact", self.contact_edit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self, self.show_all_papers)

    def show_all_papers(self) -> None:
        """Grow, up to the screen's free height, until every paper of the list shows
        without scrolling: the names wrap over two or three lines, more than the
        list's least height holds. On a short screen the list scrolls instead."""
        papers = self.papers_list
        room = free_area(self).height() - FRAME.height()
        for _ in range(3):  # a scroll bar gone leaves a wider list: its rows wrap anew
            papers.doItemsLayout()
            grow = min(papers.verticalScrollBar().maximum(), room - self.height())
            if grow <= 0:
                return
            papers.setMinimumHeight(papers.height() + grow)
            self.resize(self.width(), self.height() + grow)
            self.layout().activate()

    def set_missing(self, names: list[str]) -> None:
        for row in range(self.papers_list.count()):
            item = self.papers_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def missing(self) -> tuple[str, ...]:
        items = (self.papers_list.item(row) for row in range(self.papers_list.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        request = SupplementRequest(
            missing=self.missing(),
            reason=clean_text(self.reason_edit),
            contact=clean_text(self.contact_edit),
        )
        return lambda: steps.request_supplement(db, clerk, code, request, clock)


class ReceiveSupplementDialog(StepDialog):
    """The citizen brought the missing papers: the time limit starts again from zero."""

    kind = StepKind.SUPPLEMENT_RECEIVED
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Nhận bổ sung và in phiếu hẹn mới")

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        return {
            "procedure": catalog.get_procedure(db, dossier.procedure_code),
            "calendar": calendar.working_calendar(db),
            "timeline": steps.timeline(db, dossier.code),
        }

    def build(self) -> None:
        asked = self._last_request()
        if asked:
            self.add_note(translate("StepDialogs", "Đã yêu cầu bổ sung: {what}").format(what=asked))
        procedure, cal = self.found["procedure"], self.found["calendar"]
        self.new_appointment = cal.appointment_for(
            self.clock.now(), procedure.limit_for(Channel(self.dossier.channel))
        )
        self.add_note(
            translate(
                "StepDialogs",
                "Thời hạn giải quyết được tính lại từ đầu (Nghị định 118/2025/NĐ-CP, điều 19 "
                "khoản 5). "
                "Hẹn trả cũ: {old}. Hẹn trả mới: {new}. Một phiếu hẹn mới sẽ được in.",
            ).format(old=when(self.dossier.appointment_at), new=when(self.new_appointment)),
            "#1b5e20",
        )
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(translate("StepDialogs", "Không bắt buộc"))
        self.add_row(translate("StepDialogs", "Ghi chú:"), "note", self.note_edit)

    def _last_request(self) -> str:
        requests = [s for s in self.found["timeline"] if s.kind is StepKind.SUPPLEMENT_REQUEST]
        if not requests:
            return ""
        data = requests[-1].data
        parts = [str(m) for m in data.get("missing", []) or []]
        if data.get("reason"):
            parts.append(str(data["reason"]))
        return "; ".join(parts)

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        note = clean_text(self.note_edit)
        return lambda: steps.receive_supplement(db, clerk, code, clock, note=note)


class RefuseDialog(StepDialog):
    """Refuse with written reasons (form 03); the dossier ends here."""

    kind = StepKind.REFUSE
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Từ chối và in phiếu")

    def build(self) -> None:
        self.add_note(
            translate(
                "StepDialogs", "Hồ sơ sẽ kết thúc. Phiếu từ chối (mẫu 03) ghi rõ lý do được in ra."
            ),
            "#b00020",
        )
        self.reason_edit = text_box(
            translate(
                "StepDialogs", "Ví dụ: yêu cầu không thuộc thẩm quyền giải quyết của UBND xã"
            ),
            4,
        )
        self.add_row(translate("StepDialogs", "Lý do từ chối:"), "reason", self.reason_edit)

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        reason = clean_text(self.reason_edit)
        return lambda: steps.refuse(db, clerk, code, reason, clock)


class StopDialog(StepDialog):
    """Stop at the citizen's written request (Decree 118/2025 art. 21); the page then
    prints the stop notice (form 05) with the reason given here."""

    kind = StepKind.STOP
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Dừng và in thông báo")

    def build(self) -> None:
        self.add_note(
            translate(
                "StepDialogs",
                "Chỉ dừng khi người nộp có văn bản đề nghị, trước khi có quyết định giải quyết. "
                "Hồ sơ sẽ kết thúc. Thông báo dừng giải quyết hồ sơ (mẫu 05) ghi lý do này "
                "được in ra.",
            ),
            "#b00020",
        )
        self.reason_edit = text_box(
            translate("StepDialogs", "Ví dụ: người nộp có đơn xin rút hồ sơ ngày ...")
        )
        self.add_row(translate("StepDialogs", "Lý do:"), "reason", self.reason_edit)

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        reason = clean_text(self.reason_edit)
        return lambda: steps.stop(db, clerk, code, reason, clock)
