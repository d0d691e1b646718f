"""The two steps at the end of a dossier's life: the result is ready (classified
against the appointment, ``desk.domain.lifecycle.classify_result``), and it is returned at the
counter or sent by post."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from desk.config import machine_settings
from desk.domain.dossier import (
    RESULT_CLASS_LABELS,
    Dossier,
    ResultClass,
    ResultDelivery,
    ReturnMethod,
)
from desk.domain.errors import UserError
from desk.domain.lifecycle import StepKind, classify_result
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services import office_rules, ratings, steps
from desk.storage.database import Database
from desk.ui.dossier.step_dialogs import RESULT_COLOURS, StepDialog, when
from desk.ui.widgets.forms import clean_text
from desk.ui.widgets.qt_helpers import translate


class ResultReadyDialog(StepDialog):
    """The decision is made: classified against the appointment (``desk.domain.lifecycle.classify_result``)."""

    kind = StepKind.RESULT_READY
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Ghi nhận có kết quả")

    @classmethod
    def read_more(cls, db: Database, dossier: Dossier) -> dict[str, Any]:
        return {"late_counting": office_rules.late_counting(db)}

    def build(self) -> None:
        counting = self.found["late_counting"]
        due = office_rules.decision_due(
            counting, self.dossier.appointment_at, self.dossier.effective_due()
        )
        expected = classify_result(self.clock.now(), due)
        self.expected = expected
        self.add_note(
            translate(
                "StepDialogs", "Hẹn trả: {due}. Ghi nhận lúc này, kết quả được tính là: {label}."
            ).format(
                due=when(due),
                label=translated(RESULT_CLASS_LABELS[expected]).upper(),
            ),
            RESULT_COLOURS[expected],
        )
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            translate("StepDialogs", "Ví dụ: số giấy chứng nhận đã cấp")
        )
        self.add_row(translate("StepDialogs", "Ghi chú:"), "note", self.note_edit)

    def work(self) -> Callable[[], ResultClass]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        note = clean_text(self.note_edit)
        return lambda: steps.mark_ready(db, clerk, code, clock, note=note)


class ReturnDialog(StepDialog):
    """Hand the result over at the counter (who collected it) or send it by post."""

    kind = StepKind.RETURN
    ok_text = QT_TRANSLATE_NOOP("StepDialogs", "Trả kết quả")

    def build(self) -> None:
        self.counter_radio = QRadioButton(translate("StepDialogs", "Tại quầy"))
        self.post_radio = QRadioButton(translate("StepDialogs", "Qua dịch vụ bưu chính"))
        self.method_group = QButtonGroup(self)
        self.method_group.addButton(self.counter_radio)
        self.method_group.addButton(self.post_radio)
        by_post = self.dossier.result_delivery is ResultDelivery.POST
        (self.post_radio if by_post else self.counter_radio).setChecked(True)
        methods = QWidget()
        row = QHBoxLayout(methods)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.counter_radio)
        row.addWidget(self.post_radio)
        row.addStretch(1)
        self.collected_edit = QLineEdit(self.dossier.applicant.name)
        self.tracking_edit = QLineEdit()
        self.tracking_edit.setPlaceholderText(translate("StepDialogs", "Ví dụ: EL123456789VN"))
        self.add_row(translate("StepDialogs", "Hình thức trả:"), "method", methods)
        self.add_row(
            translate("StepDialogs", "Người nhận kết quả:"), "collected_by", self.collected_edit
        )
        self.add_row(
            translate("StepDialogs", "Mã vận đơn bưu điện:"), "tracking_number", self.tracking_edit
        )
        self.method_group.buttonToggled.connect(lambda *_: self._follow_method())
        self._follow_method()

    def method(self) -> ReturnMethod:
        return ReturnMethod.POST if self.post_radio.isChecked() else ReturnMethod.COUNTER

    def set_method(self, method: ReturnMethod) -> None:
        (self.post_radio if method is ReturnMethod.POST else self.counter_radio).setChecked(True)

    def _follow_method(self) -> None:
        post = self.method() is ReturnMethod.POST
        self.tracking_edit.setEnabled(post)
        self.collected_edit.setEnabled(not post)
        (self.tracking_edit if post else self.collected_edit).setFocus()

    def work(self) -> Callable[[], None]:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock
        method = self.method()
        post = method is ReturnMethod.POST
        collected_by = "" if post else clean_text(self.collected_edit)
        tracking_number = clean_text(self.tracking_edit) if post else ""
        counter = None if post else machine_settings().get("counter")

        def work() -> None:
            steps.return_result(
                db,
                clerk,
                code,
                clock,
                method=method,
                collected_by=collected_by,
                tracking_number=tracking_number,
            )
            if post:
                return
            try:  # the citizen is at the counter: ask how the service was
                ratings.request_rating(
                    db,
                    clerk,
                    clock,
                    dossier_code=code,
                    counter_number=counter if isinstance(counter, int) else None,
                )
            except UserError:
                pass  # a courtesy: the result is returned whatever happens here

        return work
