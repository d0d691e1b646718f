"""The steps of a dossier's life, each one transaction: check the move, change the
dossier, append the step to its timeline and the audit trail, tell other windows.

The rules live in ``desk.domain.lifecycle`` (which move is legal) and
``desk.domain.roles`` (who may make it); this module applies them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk.domain.clock import Clock
from desk.domain.dossier import ApplicantKind, DossierStatus, ResultClass, ReturnMethod
from desk.domain.errors import NotFound, UserError, ValidationError
from desk.domain.lifecycle import (
    ONE_STOP,
    Step,
    StepKind,
    SupplementRequest,
    check_move,
    check_supplement_request,
    classify_result,
)
from desk.domain.office import Clerk
from desk.domain.procedure import Channel
from desk.domain.roles import Permission, require
from desk.domain.step_offer import supplement_asked_this_round
from desk.domain.text import fold
from desk.domain.translation import translate
from desk.domain.validation import (
    check_cccd,
    check_email,
    check_phone,
    check_tax_code,
    check_texts,
    normalise_phone,
)
from desk.services import audit, calendar, catalog, changes, decision_times, office_rules, outbox
from desk.services.departments import find_department
from desk.services.dossiers import get_dossier
from desk.storage.database import Database
from desk.storage.tables import DossierRow, DossierStepRow, UserRow

#: Columns whose values the audit trail keeps before and after a step.
AUDITED = (
    "status",
    "holder",
    "appointment_at",
    "due_at",
    "decided_at",
    "result_class",
    "returned_at",
    "supplement_round",
    "comebacks",
    "assignee_id",
    "applicant_name",
    "id_number",
    "address",
    "phone",
    "email",
    "principal",
    "return_method",
    "tracking_number",
    "collected_by",
)

Change = Callable[[Session, DossierRow, datetime], dict[str, Any]]


def _check_texts(**values: str) -> None:
    """Refuse control characters and over-long texts (``desk.domain.validation``):
    what a step records is printed on its form and in the control slip."""
    if errors := check_texts(values):
        raise ValidationError(errors)


def _snapshot(row: DossierRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in AUDITED}


def _apply(
    db: Database,
    clerk: Clerk,
    code: str,
    kind: StepKind,
    clock: Clock,
    change: Change,
    *,
    permission: Permission = Permission.STEP,
    note: str = "",
) -> DossierRow:
    """Run one step; ``change`` mutates the row and returns extra data for the step."""
    require(clerk.role, permission)
    now = clock.now()
    with db.write() as s:
        # Two counters acting on one dossier: the second waits on the row lock
        # for the first's commit, then sees the new status, and check_move
        # refuses it if they conflict. (PostgreSQL: FOR NO KEY UPDATE, which
        # still lets other transactions insert rows that refer to the dossier;
        # SQLite ignores it, BEGIN IMMEDIATE already serialises the writers.)
        row = s.scalar(
            select(DossierRow)
            .where(DossierRow.code == code.strip())
            .with_for_update(key_share=True)
        )
        if row is None:
            raise NotFound(
                translate(
                    "Dossiers", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã trên phiếu hẹn."
                ).format(code=code)
            )
        before = _snapshot(row)
        from_holder = row.holder
        row.status = check_move(DossierStatus(row.status), kind).value
        data = change(s, row, now) or {}
        after = _snapshot(row)
        s.add(
            DossierStepRow(
                dossier_id=row.id,
                at=now,
                kind=kind.value,
                by_user_id=clerk.id,
                from_holder=from_holder,
                to_holder=row.holder,
                note=note.strip(),
                result=data.pop("result", None),
                data=json.dumps(data, ensure_ascii=False, default=str),
            )
        )
        outbox.write_for_step(s, row, kind, data, now)  # the step's messages, in its transaction
        audit.record(
            s,
            clerk,
            now,
            "dossier",
            row.code,
            kind.value,
            {k: v for k, v in before.items() if after[k] != v},
            {k: v for k, v in after.items() if before[k] != v} | ({"note": note} if note else {}),
        )
        changes.bump(s, changes.DOSSIERS)
        return row


def transfer(
    db: Database, clerk: Clerk, code: str, department: str, clock: Clock, note: str = ""
) -> None:
    """Hand the dossier to the department or agency that decides it."""
    _check_texts(note=note)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        found = find_department(s, department)
        row.department_id = found.id
        row.holder = found.name
        return {"department": found.name}

    _apply(db, clerk, code, StepKind.TRANSFER, clock, change, note=note)


def request_supplement(
    db: Database, clerk: Clerk, code: str, request: SupplementRequest, clock: Clock
) -> None:
    """One written request listing everything missing; the clock stops until it comes."""
    errors = check_texts({"reason": request.reason, "contact": request.contact})
    if errors := request.problems() | errors:
        raise ValidationError(errors)
    current = get_dossier(db, code)
    check_supplement_request(
        current.status,
        supplement_asked_this_round(current.status, current.supplement_round, current.comebacks),
    )
    listed = {p.name for p in catalog.get_procedure(db, current.procedure_code).papers}
    extra = [m for m in request.missing if m not in listed]
    if extra:
        raise ValidationError(
            {
                "missing": translate(
                    "Steps",
                    "Chỉ được yêu cầu bổ sung giấy tờ có trong danh mục của thủ tục: {papers}",
                ).format(papers="; ".join(extra))
            }
        )

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.supplement_round += 1
        row.holder = ONE_STOP
        return {
            "missing": list(request.missing),
            "reason": request.reason,
            "contact": request.contact,
        }

    _apply(db, clerk, code, StepKind.SUPPLEMENT_REQUEST, clock, change, note=request.reason)


def receive_supplement(db: Database, clerk: Clerk, code: str, clock: Clock, note: str = "") -> None:
    """The missing papers arrived: the time limit starts again from zero (Decree 118/2025
    art. 19(4)), with a new appointment; the caller prints a new receipt."""
    _check_texts(note=note)
    dossier = get_dossier(db, code)
    procedure = catalog.get_procedure(db, dossier.procedure_code)
    cal = calendar.working_calendar(db)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        old = row.appointment_at
        row.appointment_at = cal.appointment_for(now, procedure.limit_for(Channel(row.channel)))
        row.due_at = row.appointment_at
        row.comebacks += 1
        row.holder = ONE_STOP
        return {
            "old_appointment": old.isoformat(),
            "new_appointment": row.appointment_at.isoformat(),
        }

    _apply(db, clerk, code, StepKind.SUPPLEMENT_RECEIVED, clock, change, note=note)


def refuse(db: Database, clerk: Clerk, code: str, reasons: str, clock: Clock) -> None:
    """Refuse with written reasons (form 03); the dossier is closed."""
    if not reasons.strip():
        raise ValidationError(
            {"reason": translate("Steps", "Hãy ghi rõ lý do từ chối giải quyết hồ sơ.")}
        )
    _check_texts(reason=reasons)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.closed_at = now
        row.holder = ONE_STOP
        return {"reasons": reasons.strip()}

    _apply(db, clerk, code, StepKind.REFUSE, clock, change, note=reasons)


def mark_ready(db: Database, clerk: Clerk, code: str, clock: Clock, note: str = "") -> ResultClass:
    """The decision is made: record when, and classify it against the appointment
    (by default the one on the receipt: an apology's new date does not make a late
    dossier on time; an office setting, see ``desk.services.office_rules``)."""
    _check_texts(note=note)
    result: dict[str, ResultClass] = {}
    counting = office_rules.late_counting(db)
    cal = calendar.working_calendar(db)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.decided_at = now
        due = office_rules.decision_due(counting, row.appointment_at, row.due_at)
        row.result_class = classify_result(now, due).value
        row.holder = ONE_STOP
        result["class"] = ResultClass(row.result_class)
        decision_times.record(s, row, cal)  # the at-risk history's row, with the decision
        return {"result": row.result_class}

    _apply(db, clerk, code, StepKind.RESULT_READY, clock, change, note=note)
    return result["class"]


def return_result(
    db: Database,
    clerk: Clerk,
    code: str,
    clock: Clock,
    *,
    method: ReturnMethod = ReturnMethod.COUNTER,
    collected_by: str = "",
    tracking_number: str = "",
) -> None:
    """Hand the result over at the counter (who collected it) or send it by post
    (with the postal tracking number)."""
    _check_texts(collected_by=collected_by, tracking_number=tracking_number)
    if method is ReturnMethod.POST and not tracking_number.strip():
        raise ValidationError(
            {
                "tracking_number": translate(
                    "Steps", "Trả qua bưu chính: hãy nhập mã vận đơn bưu điện."
                )
            }
        )

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.returned_at = now
        row.closed_at = now
        row.return_method = method.value
        row.collected_by = " ".join(collected_by.split()) or (
            row.applicant_name if method is ReturnMethod.COUNTER else ""
        )
        row.tracking_number = tracking_number.strip()
        row.holder = (
            row.collected_by
            if method is ReturnMethod.COUNTER
            else "Bưu điện"  # untranslated: stored in the dossier as who holds it
        )
        return {
            "method": method.value,
            "collected_by": row.collected_by,
            "tracking_number": row.tracking_number,
        }

    _apply(db, clerk, code, StepKind.RETURN, clock, change)


def stop(db: Database, clerk: Clerk, code: str, reason: str, clock: Clock) -> None:
    """Stop at the citizen's written request (Decree 118/2025 art. 21)."""
    if not reason.strip():
        raise ValidationError(
            {"reason": translate("Steps", "Hãy ghi lý do người nộp đề nghị dừng giải quyết.")}
        )
    _check_texts(reason=reason)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.closed_at = now
        return {"reason": reason.strip()}

    _apply(db, clerk, code, StepKind.STOP, clock, change, note=reason)


def reassign(
    db: Database, clerk: Clerk, code: str, username: str, reason: str, clock: Clock
) -> None:
    """A supervisor gives the dossier to another clerk."""
    require(clerk.role, Permission.REASSIGN)
    if not reason.strip():
        raise ValidationError({"reason": translate("Steps", "Hãy ghi lý do giao lại hồ sơ.")})
    _check_texts(reason=reason)
    wanted = username.strip()

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        user = s.scalar(select(UserRow).where(UserRow.username == wanted, UserRow.active))
        if user is None:
            raise UserError(
                translate("Steps", "Không có tài khoản '{username}' đang hoạt động.").format(
                    username=wanted
                ),
                "username",
            )
        row.assignee_id = user.id
        return {"assignee": wanted}

    _apply(
        db,
        clerk,
        code,
        StepKind.REASSIGN,
        clock,
        change,
        permission=Permission.REASSIGN,
        note=reason,
    )


EDITABLE = ("applicant_name", "id_number", "address", "phone", "email", "principal")


def edit_dossier(
    db: Database, clerk: Clerk, code: str, values: dict[str, str], reason: str, clock: Clock
) -> None:
    """A supervisor corrects the applicant's data, with a reason; the audit keeps both."""
    require(clerk.role, Permission.EDIT_DOSSIER)
    errors = {}
    if not reason.strip():
        errors["reason"] = translate("Steps", "Hãy ghi lý do sửa thông tin hồ sơ.")
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    texts = {k: v for k, v in values.items() if k != "id_number"}
    errors |= check_texts(texts | {"reason": reason})
    if "phone" in values and "phone" not in errors and (msg := check_phone(values["phone"])):
        errors["phone"] = msg
    if "email" in values and "email" not in errors and (msg := check_email(values["email"])):
        errors["email"] = msg
    if "applicant_name" in values and not values["applicant_name"].strip():
        errors["applicant_name"] = translate("Steps", "Họ và tên người nộp không được để trống.")
    if errors:
        raise ValidationError(errors)

    def change(s: Session, row: DossierRow, now: datetime) -> dict[str, Any]:
        if "id_number" in values:
            check_id = check_cccd if row.applicant_kind == ApplicantKind.PERSON else check_tax_code
            if msg := check_id(values["id_number"]):
                raise ValidationError({"id_number": msg})
        for name, value in values.items():
            value = value.strip()
            setattr(row, name, normalise_phone(value) if name == "phone" and value else value)
        row.search_key = fold(f"{row.applicant_name} {row.code} {row.id_number} {row.phone}")
        return {"fields": sorted(values)}

    _apply(
        db,
        clerk,
        code,
        StepKind.EDIT,
        clock,
        change,
        permission=Permission.EDIT_DOSSIER,
        note=reason,
    )


def timeline(db: Database, code: str) -> list[Step]:
    """Every step of the dossier, oldest first: the dossier page and form 06 (the control slip)."""
    stmt = (
        select(DossierStepRow)
        .join(DossierRow, DossierRow.id == DossierStepRow.dossier_id)
        .where(DossierRow.code == code.strip())
        .options(selectinload(DossierStepRow.by_user))
        .order_by(DossierStepRow.at, DossierStepRow.id)
    )
    with db.read() as s:
        return [
            Step(
                kind=StepKind(r.kind),
                at=r.at,
                by=r.by_user.full_name if r.by_user else "",
                from_holder=r.from_holder,
                to_holder=r.to_holder,
                note=r.note,
                result=ResultClass(r.result) if r.result else None,
                data=json.loads(r.data),
            )
            for r in s.scalars(stmt)
        ]
