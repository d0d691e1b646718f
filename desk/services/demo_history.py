"""The made-up life of one demo dossier: transfer, maybe a supplement, a decision
(mostly in time, some late), the return, or a refusal; and the steps that tell it.

Proportions are those of a busy centre: about 3 in 100 dossiers open at any
time, 1 in 10 decisions late, some results never collected.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from desk.domain.calendar import WorkingCalendar
from desk.domain.dossier import DossierStatus, ResultDelivery
from desk.domain.lifecycle import ONE_STOP, StepKind, classify_result
from desk.domain.procedure import Channel, Procedure

DEPARTMENT_BY_FIELD = {
    "Hộ tịch": "Công chức Tư pháp - Hộ tịch",
    "Chứng thực": "Công chức Tư pháp - Hộ tịch",
    "Đất đai": "Văn phòng đăng ký đất đai",
    "Hoạt động xây dựng": "Công chức Địa chính - Xây dựng",
    "Đăng ký, quản lý cư trú": "Công an xã",
    "Bảo trợ xã hội": "Công chức Văn hóa - Xã hội",
    "Giảm nghèo": "Công chức Văn hóa - Xã hội",
}


def department_for(field: str) -> str:
    for prefix, name in DEPARTMENT_BY_FIELD.items():
        if field.startswith(prefix):
            return name
    return "Phòng Kinh tế"


def live(
    row: dict[str, Any],
    p: Procedure,
    cal: WorkingCalendar,
    now: datetime,
    rng: random.Random,
    department_ids: dict[str, int],
    clerk_id: int,
) -> list[dict[str, Any]]:
    """Fill the row's lifecycle columns; return its steps (the intake step first)."""
    received: datetime = row["received_at"]
    steps = [_step(row, received, StepKind.INTAKE, clerk_id, "", ONE_STOP)]
    row.update(due_at=row["appointment_at"], holder=ONE_STOP, assignee_id=clerk_id)

    def happened(at: datetime) -> bool:
        return at <= now

    roll = rng.random()
    if roll < 0.015:
        at = cal.next_working_start(received + timedelta(hours=rng.uniform(0.2, 30)))
        if happened(at):
            kind = StepKind.REFUSE if roll < 0.01 else StepKind.STOP
            reason = (
                "Hồ sơ không thuộc thẩm quyền giải quyết"
                if kind is StepKind.REFUSE
                else "Người nộp đề nghị rút hồ sơ"
            )
            row.update(
                status=(
                    DossierStatus.REFUSED if kind is StepKind.REFUSE else DossierStatus.STOPPED
                ).value,
                closed_at=at,
            )
            steps.append(_step(row, at, kind, clerk_id, ONE_STOP, ONE_STOP, reason))
        return steps

    start = received
    dept = department_for(p.field)
    transfer_at = cal.next_working_start(received + timedelta(minutes=rng.randint(10, 120)))
    if happened(transfer_at):
        row.update(
            status=DossierStatus.IN_PROGRESS.value, holder=dept, department_id=department_ids[dept]
        )
        steps.append(_step(row, transfer_at, StepKind.TRANSFER, clerk_id, ONE_STOP, dept))

    if rng.random() < 0.06:
        asked = cal.next_working_start(transfer_at + timedelta(hours=rng.uniform(2, 40)))
        if happened(asked):
            row.update(
                status=DossierStatus.WAITING_SUPPLEMENT.value, holder=ONE_STOP, supplement_round=1
            )
            missing = [p.papers[0].name] if p.papers else []
            steps.append(
                _step(
                    row,
                    asked,
                    StepKind.SUPPLEMENT_REQUEST,
                    clerk_id,
                    dept,
                    ONE_STOP,
                    "Tờ khai chưa ghi đủ thông tin",
                    {"missing": missing},
                )
            )
            back = cal.next_working_start(asked + timedelta(days=rng.uniform(1, 10)))
            if rng.random() > 0.1 and happened(back):
                start = back
                new_due = cal.appointment_for(back, p.limit_for(Channel(row["channel"])))
                row.update(
                    status=DossierStatus.RECEIVED.value,
                    comebacks=1,
                    appointment_at=new_due,
                    due_at=new_due,
                )
                steps.append(
                    _step(row, back, StepKind.SUPPLEMENT_RECEIVED, clerk_id, ONE_STOP, ONE_STOP)
                )
            else:
                return steps

    due: datetime = row["appointment_at"]
    span = max(due - start, timedelta(hours=1))
    if rng.random() < 0.1:
        decided = due + timedelta(hours=rng.uniform(1, 120))
    else:
        decided = start + span * rng.uniform(0.3, 0.98)
    decided = cal.next_working_start(decided)
    if not happened(decided) or rng.random() < 0.004:
        return steps  # still being decided (a few stragglers stay overdue)
    result = classify_result(decided, due)
    row.update(
        status=DossierStatus.RESULT_READY.value,
        decided_at=decided,
        result_class=result.value,
        holder=ONE_STOP,
    )
    steps.append(
        _step(
            row,
            decided,
            StepKind.RESULT_READY,
            clerk_id,
            row_holder(steps),
            ONE_STOP,
            result=result.value,
        )
    )
    returned = cal.next_working_start(decided + timedelta(hours=rng.uniform(1, 72)))
    if not happened(returned) or rng.random() < 0.02:
        return steps  # never collected, or not yet
    by_post = row["result_delivery"] == ResultDelivery.POST.value
    who = "" if by_post else row["applicant_name"]
    tracking = f"EB{rng.randrange(10**8, 10**9)}VN" if by_post else ""
    row.update(
        status=DossierStatus.RETURNED.value,
        returned_at=returned,
        closed_at=returned,
        return_method="post" if by_post else "counter",
        collected_by=who,
        tracking_number=tracking,
        holder=who or "Bưu điện",
    )
    steps.append(
        _step(
            row,
            returned,
            StepKind.RETURN,
            clerk_id,
            ONE_STOP,
            who or "Bưu điện",
            data={"tracking_number": tracking} if tracking else {},
        )
    )
    return steps


def row_holder(steps: list[dict[str, Any]]) -> str:
    return steps[-1]["to_holder"]


def _step(
    row: dict[str, Any],
    at: datetime,
    kind: StepKind,
    by: int,
    from_holder: str,
    to_holder: str,
    note: str = "",
    data: dict[str, Any] | None = None,
    result: str | None = None,
) -> dict[str, Any]:
    return {
        "dossier_id": row["id"],
        "at": at,
        "kind": kind.value,
        "by_user_id": by,
        "from_holder": from_holder,
        "to_holder": to_holder,
        "note": note,
        "result": result,
        "data": json.dumps(data or {}, ensure_ascii=False),
    }
