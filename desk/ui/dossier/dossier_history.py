"""A dossier's history as table rows in the clerk's language: its timeline (the hand-overs
of the control slip, form 06) and its audit trail (every change, before and
after, for supervisors)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from desk.domain.clock import to_vn
from desk.domain.dossier import (
    RESULT_CLASS_LABELS,
    STATUS_LABELS,
    DossierStatus,
    ResultClass,
    ReturnMethod,
)
from desk.domain.lifecycle import STEP_LABELS, Step, StepKind, holder_label
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services.audit import AuditEntry
from desk.ui.widgets.qt_helpers import translate

CONTEXT = "DossierHistory"

#: The audited columns, as a clerk names them.
COLUMN_LABELS = {
    "status": QT_TRANSLATE_NOOP("DossierHistory", "Trạng thái"),
    "holder": QT_TRANSLATE_NOOP("DossierHistory", "Nơi giữ hồ sơ"),
    "appointment_at": QT_TRANSLATE_NOOP("DossierHistory", "Hẹn trả"),
    "due_at": QT_TRANSLATE_NOOP("DossierHistory", "Hạn xử lý"),
    "decided_at": QT_TRANSLATE_NOOP("DossierHistory", "Có kết quả lúc"),
    "result_class": QT_TRANSLATE_NOOP("DossierHistory", "Kết quả"),
    "returned_at": QT_TRANSLATE_NOOP("DossierHistory", "Trả kết quả lúc"),
    "supplement_round": QT_TRANSLATE_NOOP("DossierHistory", "Số lần yêu cầu bổ sung"),
    "comebacks": QT_TRANSLATE_NOOP("DossierHistory", "Số lần bổ sung"),
    "assignee_id": QT_TRANSLATE_NOOP("DossierHistory", "Cán bộ phụ trách"),
    "applicant_name": QT_TRANSLATE_NOOP("DossierHistory", "Họ và tên"),
    "id_number": QT_TRANSLATE_NOOP("DossierHistory", "Số giấy tờ"),
    "address": QT_TRANSLATE_NOOP("DossierHistory", "Địa chỉ"),
    "phone": QT_TRANSLATE_NOOP("DossierHistory", "Điện thoại"),
    "email": QT_TRANSLATE_NOOP("DossierHistory", "Thư điện tử"),
    "principal": QT_TRANSLATE_NOOP("DossierHistory", "Nộp thay cho"),
    "return_method": QT_TRANSLATE_NOOP("DossierHistory", "Hình thức trả"),
    "tracking_number": QT_TRANSLATE_NOOP("DossierHistory", "Mã vận đơn"),
    "collected_by": QT_TRANSLATE_NOOP("DossierHistory", "Người nhận kết quả"),
    "note": QT_TRANSLATE_NOOP("DossierHistory", "Ghi chú"),
    "printer": QT_TRANSLATE_NOOP("DossierHistory", "Máy in"),
}
#: Audited actions that are not steps, as a clerk names them.
ACTION_LABELS = {
    "receipt_printed": QT_TRANSLATE_NOOP("DossierHistory", "In phiếu hẹn"),
    "receipt_reprinted": QT_TRANSLATE_NOOP("DossierHistory", "In lại phiếu hẹn"),
}
RETURN_METHOD_LABELS = {
    ReturnMethod.COUNTER: QT_TRANSLATE_NOOP("DossierHistory", "Tại quầy"),
    ReturnMethod.POST: QT_TRANSLATE_NOOP("DossierHistory", "Qua bưu chính"),
}


def stamp(moment: datetime) -> str:
    return f"{to_vn(moment):%d/%m/%Y %H:%M}"


def _value(column: str, value: Any, people: Mapping[int, str]) -> str:
    """One audited value as a clerk reads it."""
    if value is None or value == "":
        return "—"
    if column == "assignee_id" and isinstance(value, int):
        return people.get(value, str(value))
    if column == "status" and value in DossierStatus._value2member_map_:
        return translated(STATUS_LABELS[DossierStatus(value)])
    if column == "result_class" and value in ResultClass._value2member_map_:
        return translated(RESULT_CLASS_LABELS[ResultClass(value)])
    if column == "return_method" and value in ReturnMethod._value2member_map_:
        return translated(RETURN_METHOD_LABELS[ReturnMethod(value)])
    if column.endswith("_at") and isinstance(value, str):
        try:
            return stamp(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def describe_changes(values: dict[str, Any], people: Mapping[int, str] | None = None) -> str:
    """``values`` in the order of ``COLUMN_LABELS`` (the reason last), each named as a clerk names it."""
    order = list(COLUMN_LABELS)
    keys = sorted(values, key=lambda k: order.index(k) if k in order else len(order))
    return "; ".join(
        f"{translated(COLUMN_LABELS.get(k, k))}: {_value(k, values[k], people or {})}" for k in keys
    )


def step_details(step: Step, names: Mapping[str, str] | None = None) -> str:
    """What one step did, in a line: where it went, what was missing, who collected it."""
    data = step.data
    parts: list[str] = []
    if step.kind is StepKind.SUPPLEMENT_REQUEST:
        missing = [str(m) for m in data.get("missing", []) or []]
        if missing:
            parts.append(
                translate("DossierHistory", "Cần bổ sung: {what}").format(what="; ".join(missing))
            )
        if data.get("reason"):
            parts.append(translate("DossierHistory", "Lý do: {why}").format(why=data["reason"]))
    elif step.kind is StepKind.SUPPLEMENT_RECEIVED and data.get("new_appointment"):
        new = datetime.fromisoformat(str(data["new_appointment"]))
        parts.append(translate("DossierHistory", "Hẹn trả mới: {at}").format(at=stamp(new)))
    elif step.kind is StepKind.RETURN:
        if data.get("method") == ReturnMethod.POST.value:
            parts.append(
                translate("DossierHistory", "Gửi qua bưu chính, mã vận đơn {number}").format(
                    number=data.get("tracking_number", "")
                )
            )
        else:
            parts.append(
                translate("DossierHistory", "Người nhận: {who}").format(
                    who=data.get("collected_by", "")
                )
            )
    elif step.kind is StepKind.REASSIGN and data.get("assignee"):
        username = str(data["assignee"])
        who = (names or {}).get(username, username)
        parts.append(translate("DossierHistory", "Giao cho: {who}").format(who=who))
    elif step.kind is StepKind.EDIT and data.get("fields"):
        names = [translated(COLUMN_LABELS.get(str(f), str(f))) for f in data["fields"]]
        parts.append(translate("DossierHistory", "Sửa: {what}").format(what=", ".join(names)))
    if step.note and step.kind is not StepKind.SUPPLEMENT_REQUEST:
        parts.append(step.note)
    return ". ".join(parts)


def timeline_rows(
    timeline: Iterable[Step], names: Mapping[str, str] | None = None
) -> list[tuple[str, ...]]:
    """Time, step, from, to, who, result (early/on time/late), details: as on form 06.

    ``names`` maps usernames to full names for the steps that name an account."""
    return [
        (
            stamp(s.at),
            translated(STEP_LABELS[s.kind]),
            holder_label(s.from_holder) if s.from_holder else s.from_holder,
            holder_label(s.to_holder) if s.to_holder else s.to_holder,
            s.by,
            translated(RESULT_CLASS_LABELS[s.result]) if s.result is not None else "",
            step_details(s, names),
        )
        for s in timeline
    ]


def audit_rows(
    entries: Iterable[AuditEntry], people: Mapping[int, str] | None = None
) -> list[tuple[str, ...]]:
    """Time, who, what, before, after; ``people`` maps account ids to full names."""
    rows = []
    for e in entries:
        if e.action in StepKind._value2member_map_:
            action = translated(STEP_LABELS[StepKind(e.action)])
        else:
            action = translated(ACTION_LABELS.get(e.action, e.action))
        rows.append(
            (
                stamp(e.at),
                e.by,
                action,
                describe_changes(e.before, people),
                describe_changes(e.after, people),
            )
        )
    return rows
