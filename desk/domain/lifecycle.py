"""The steps of a dossier's life and the moves the law allows.

After intake a dossier is transferred to the department that decides it,
may go back to the citizen ONCE per round for missing papers (Decree 118/2025
art. 16(3) and 11(2)(c): one written request listing everything, "một lần đầy đủ"), may be refused
with written reasons, is decided (its result classified against the
appointment, ``classify_result``), and is returned at the counter or by
post. The citizen may also ask to stop it (Decree 118/2025 art. 21).

``check_move`` refuses every other move with a message (in the clerk's
language) that says why and what can be done instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from desk.domain.clock import to_vn
from desk.domain.dossier import STATUS_LABELS, DossierStatus, ResultClass
from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

#: The holder of a dossier while it is at the one-stop desk itself. Stored as it is
#: (Vietnamese) in the dossier and its steps; a screen shows :func:`holder_label`.
ONE_STOP = QT_TRANSLATE_NOOP("Lifecycle", "Bộ phận Một cửa")


class StepKind(StrEnum):
    INTAKE = "intake"  # tiếp nhận
    TRANSFER = "transfer"  # chuyển xử lý
    SUPPLEMENT_REQUEST = "supplement_request"  # yêu cầu bổ sung
    SUPPLEMENT_RECEIVED = "supplement_received"  # nhận bổ sung, tính lại thời hạn
    REFUSE = "refuse"  # từ chối
    RESULT_READY = "result_ready"  # có kết quả
    RETURN = "return"  # trả kết quả
    STOP = "stop"  # dừng theo đề nghị của người nộp
    EDIT = "edit"  # sửa thông tin (supervisor, with a reason)
    REASSIGN = "reassign"  # giao lại cho cán bộ khác (supervisor)
    APOLOGY = "apology"  # xin lỗi và hẹn lại (once only, Decree 118/2025 art. 19(6))


STEP_LABELS = {
    StepKind.INTAKE: QT_TRANSLATE_NOOP("StepKind", "Tiếp nhận hồ sơ"),
    StepKind.TRANSFER: QT_TRANSLATE_NOOP("StepKind", "Chuyển xử lý"),
    StepKind.SUPPLEMENT_REQUEST: QT_TRANSLATE_NOOP("StepKind", "Yêu cầu bổ sung hồ sơ"),
    StepKind.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("StepKind", "Nhận hồ sơ bổ sung"),
    StepKind.REFUSE: QT_TRANSLATE_NOOP("StepKind", "Từ chối giải quyết"),
    StepKind.RESULT_READY: QT_TRANSLATE_NOOP("StepKind", "Có kết quả giải quyết"),
    StepKind.RETURN: QT_TRANSLATE_NOOP("StepKind", "Trả kết quả"),
    StepKind.STOP: QT_TRANSLATE_NOOP("StepKind", "Dừng giải quyết theo đề nghị"),
    StepKind.EDIT: QT_TRANSLATE_NOOP("StepKind", "Sửa thông tin hồ sơ"),
    StepKind.REASSIGN: QT_TRANSLATE_NOOP("StepKind", "Giao lại cán bộ phụ trách"),
    StepKind.APOLOGY: QT_TRANSLATE_NOOP("StepKind", "Xin lỗi và hẹn lại"),
}

S = DossierStatus

#: step -> (statuses it may start from, status it leads to; None = unchanged)
MOVES: dict[StepKind, tuple[frozenset[DossierStatus], DossierStatus | None]] = {
    StepKind.TRANSFER: (frozenset({S.RECEIVED, S.IN_PROGRESS}), S.IN_PROGRESS),
    StepKind.SUPPLEMENT_REQUEST: (frozenset({S.RECEIVED, S.IN_PROGRESS}), S.WAITING_SUPPLEMENT),
    StepKind.SUPPLEMENT_RECEIVED: (frozenset({S.WAITING_SUPPLEMENT}), S.RECEIVED),
    StepKind.REFUSE: (
        frozenset({S.RECEIVED, S.IN_PROGRESS, S.WAITING_SUPPLEMENT}),
        S.REFUSED,
    ),
    StepKind.RESULT_READY: (frozenset({S.RECEIVED, S.IN_PROGRESS}), S.RESULT_READY),
    StepKind.RETURN: (frozenset({S.RESULT_READY}), S.RETURNED),
    StepKind.STOP: (
        frozenset({S.RECEIVED, S.IN_PROGRESS, S.WAITING_SUPPLEMENT}),
        S.STOPPED,
    ),
    StepKind.EDIT: (frozenset(DossierStatus), None),
    StepKind.REASSIGN: (frozenset(DossierStatus), None),
    StepKind.APOLOGY: (frozenset({S.RECEIVED, S.IN_PROGRESS}), None),
}

_WHY_NOT = {
    StepKind.RETURN: QT_TRANSLATE_NOOP(
        "Lifecycle", "Hồ sơ chưa có kết quả nên chưa thể trả: hãy ghi nhận 'Có kết quả' trước."
    ),
    StepKind.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP(
        "Lifecycle", "Hồ sơ không ở trạng thái chờ bổ sung nên không có gì để nhận bổ sung."
    ),
    StepKind.RESULT_READY: QT_TRANSLATE_NOOP(
        "Lifecycle", "Chỉ ghi nhận kết quả cho hồ sơ đang giải quyết."
    ),
}


def holder_label(holder: str) -> str:
    """Who holds a dossier, for a screen: the one-stop desk in the clerk's language,
    a department by its own name."""
    return translated(ONE_STOP) if holder == ONE_STOP else holder


def check_move(status: DossierStatus, step: StepKind) -> DossierStatus:
    """The status after ``step``; a ``UserError`` when the law does not allow it now."""
    allowed, after = MOVES[step]
    if status not in allowed:
        message = translate(
            "Lifecycle", "Không thể thực hiện '{step}' khi hồ sơ đang ở trạng thái '{status}'."
        ).format(step=translated(STEP_LABELS[step]), status=translated(STATUS_LABELS[status]))
        reason = _WHY_NOT.get(step)
        raise UserError(message + (f" {translated(reason)}" if reason else ""))
    return status if after is None else after


def check_supplement_request(status: DossierStatus, already_requested_this_round: bool) -> None:
    """One request per round, listing everything missing at once (Decree 118/2025 art. 16(3))."""
    if already_requested_this_round:
        raise UserError(
            translate(
                "Lifecycle",
                "Hồ sơ này đã có một yêu cầu bổ sung trong lượt tiếp nhận này. Theo quy định, "
                "yêu cầu bổ sung phải nêu đầy đủ một lần: không được yêu cầu thêm lần nữa.",
            )
        )
    check_move(status, StepKind.SUPPLEMENT_REQUEST)


def classify_result(decided_at: datetime, appointment_at: datetime) -> ResultClass:
    """Early: decided on a date before the appointment's date. On time: on that date, at
    or before its time. Late: after it (the desk's rule; no text in force defines it, see docs/legal.md)."""
    decided, due = to_vn(decided_at), to_vn(appointment_at)
    if decided.date() < due.date():
        return ResultClass.EARLY
    if decided <= due:
        return ResultClass.ON_TIME
    return ResultClass.LATE


@dataclass(frozen=True)
class SupplementRequest:
    """Form 02: what the citizen must complete, all of it, with the reason."""

    missing: tuple[str, ...]
    reason: str
    contact: str = ""  # who to ask, and the phone

    def problems(self) -> dict[str, str]:
        errors = {}
        if not self.missing and not self.reason.strip():
            errors["missing"] = translate(
                "Lifecycle",
                "Hãy đánh dấu giấy tờ cần bổ sung, hoặc ghi rõ nội dung cần hoàn thiện.",
            )
        if not self.reason.strip():
            errors["reason"] = translate(
                "Lifecycle", "Hãy ghi lý do yêu cầu bổ sung (ví dụ: tờ khai thiếu chữ ký)."
            )
        return errors


@dataclass(frozen=True)
class Step:
    """One line of a dossier's timeline (and of the control slip, form 05)."""

    kind: StepKind
    at: datetime
    by: str  # full name of who did it
    from_holder: str = ""
    to_holder: str = ""
    note: str = ""
    result: ResultClass | None = None
    data: dict[str, object] = field(default_factory=dict)
