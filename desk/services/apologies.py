"""The apology for a late dossier: record it once, with its number and new date.

Decree 118/2025/NĐ-CP art. 19(6): for a dossier expected to be late, at the
latest one day before the due date, the agency apologises in writing, stating
the reason and the extended date, and the date may be moved "không quá một lần".
The decree names no signatory: the head of the agency from the office's details
signs. How an extended dossier counts is not settled in the texts in force (an
office setting, ``late_counting``: see docs/legal.md); the dossier keeps its
legal ``appointment_at`` and the new date goes to ``due_at``, which the worklist
sorts by. A letter made less than one working day before the appointment is
still made, and recorded as late.
The letter is form 04 of Circular 03/2025/TT-VPCP, Annex I (one version: an
office that had chosen the older form gets this one).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.domain.apology import (
    Apology,
    NotifyMethod,
    check_can_apologise,
    check_new_date,
    check_reason,
    is_late_notice,
    propose_new_date,
)
from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import Clock, to_vn
from desk.domain.dossier import DossierStatus
from desk.domain.errors import NotFound, UserError, ValidationError
from desk.domain.lifecycle import StepKind, check_move
from desk.domain.office import Clerk
from desk.domain.procedure import Channel
from desk.domain.roles import Permission, require
from desk.domain.text import nfc
from desk.domain.translation import translate
from desk.services import audit, calendar, catalog, changes, office, outbox
from desk.services.dossiers import get_dossier
from desk.storage.counters import next_value
from desk.storage.database import Database
from desk.storage.tables import ApologyRow, ApologySequenceRow, DossierRow, DossierStepRow, UserRow


def _to_apology(row: ApologyRow, code: str, made_by: str) -> Apology:
    return Apology(
        dossier_code=code,
        year=row.year,
        number=row.number,
        reason=row.reason,
        old_due_at=row.old_due_at,
        new_due_at=row.new_due_at,
        signer_title=row.signer_title,
        signer_name=row.signer_name,
        notify_method=NotifyMethod(row.notify_method),
        made_at=row.made_at,
        made_by=made_by,
        late=row.late,
    )


def _find(s: Session, dossier_id: int, code: str) -> Apology | None:
    found = s.execute(
        select(ApologyRow, UserRow.full_name)
        .join(UserRow, UserRow.id == ApologyRow.made_by_id)
        .where(ApologyRow.dossier_id == dossier_id)
    ).first()
    return None if found is None else _to_apology(found[0], code, found[1])


def get_apology(db: Database, code: str) -> Apology | None:
    """The dossier's apology, or None when it has none; ``NotFound`` for an unknown code."""
    with db.read() as s:
        dossier_id = s.scalar(select(DossierRow.id).where(DossierRow.code == code.strip()))
        if dossier_id is None:
            raise NotFound(
                translate(
                    "Dossiers", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã trên phiếu hẹn."
                ).format(code=code)
            )
        return _find(s, dossier_id, code.strip())


def proposed_new_date(db: Database, code: str, clock: Clock) -> datetime:
    """The new date to offer: the procedure's limit once more after the old appointment."""
    dossier = get_dossier(db, code)
    try:
        limit = catalog.get_procedure(db, dossier.procedure_code).limit_for(
            Channel(dossier.channel)
        )
    except NotFound:
        limit = None
    return propose_new_date(
        dossier.effective_due(), calendar.working_calendar(db), limit, clock.now()
    )


def _signer(db: Database) -> tuple[str, str]:
    """Who signs: Decree 118 art. 19(6) names no signatory, so the head of the agency
    named in the office's details signs."""
    the_office = office.get_office(db)
    if not the_office.head_name.strip() or not the_office.head_title.strip():
        raise UserError(
            translate(
                "Apologies",
                "Chưa có chức vụ và họ tên người đứng đầu cơ quan để ký phiếu xin lỗi: "
                "vào Quản trị > Thông tin cơ quan để nhập, rồi lập lại phiếu.",
            )
        )
    return nfc(the_office.head_title.strip()), nfc(the_office.head_name.strip())


def _next_number(s: Session, year: int) -> int:
    """Numbered from 1 each year, from a row-locked counter (as dossier codes are),
    so two counters apologising at once on a server never take the same number;
    never below a letter already on file (one brought back after a restore)."""
    number = next_value(s, ApologySequenceRow.last, year=year)
    last = s.scalar(select(func.max(ApologyRow.number)).where(ApologyRow.year == year)) or 0
    return max(number, last + 1)


def _check(
    s: Session, row: DossierRow, reason: str, new_due: datetime, cal: WorkingCalendar, now: datetime
) -> None:
    """Once only, running dossiers only; then the reason and the date, both reported at once."""
    status = DossierStatus(row.status)
    check_can_apologise(status, _find(s, row.id, row.code))
    check_move(status, StepKind.APOLOGY)
    errors = check_reason(reason)
    try:
        check_new_date(row.due_at, new_due, cal, now)
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)


def _log(s: Session, clerk: Clerk, row: DossierRow, apology: Apology) -> None:
    """The step on the dossier's timeline, the audit entry, and the signal to other windows."""
    facts = {
        "number": apology.number_text,
        "old_due": apology.old_due_at.isoformat(),
        "new_due": apology.new_due_at.isoformat(),
        "notify_method": apology.notify_method.value,
        "late": apology.late,
    }
    s.add(
        DossierStepRow(
            dossier_id=row.id,
            at=apology.made_at,
            kind=StepKind.APOLOGY.value,
            by_user_id=clerk.id,
            from_holder=row.holder,
            to_holder=row.holder,
            note=apology.reason,
            data=json.dumps(facts, ensure_ascii=False),
        )
    )
    audit.record(
        s,
        clerk,
        apology.made_at,
        "dossier",
        row.code,
        StepKind.APOLOGY.value,
        {"due_at": apology.old_due_at},
        {"due_at": apology.new_due_at, "reason": apology.reason} | facts,
    )
    changes.bump(s, changes.DOSSIERS)


def make_apology(
    db: Database,
    clerk: Clerk,
    code: str,
    reason: str,
    new_due: datetime,
    notify_method: NotifyMethod | str,
    clock: Clock,
) -> Apology:
    """Record the apology and move ``due_at`` to the new date, in one transaction.

    Refuses (``UserError``) a second apology or a dossier not running; refuses
    (``ValidationError`` on ``reason`` / ``new_due``) an empty reason and a new
    date not after the old appointment, past, or outside working time.
    """
    require(clerk.role, Permission.STEP)
    reason = " ".join(nfc(reason).split())
    method = NotifyMethod(notify_method)
    new_due = to_vn(new_due)
    signer_title, signer_name = _signer(db)
    cal = calendar.working_calendar(db)
    now = clock.now()
    with db.write() as s:
        row = s.scalar(
            select(DossierRow)
            .where(DossierRow.code == code.strip())
            .with_for_update(key_share=True)  # one apology at a time per dossier
        )
        if row is None:
            raise NotFound(
                translate(
                    "Dossiers", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã trên phiếu hẹn."
                ).format(code=code)
            )
        _check(s, row, reason, new_due, cal, now)
        apology_row = ApologyRow(
            dossier_id=row.id,
            year=now.year,
            number=_next_number(s, now.year),
            reason=reason,
            old_due_at=row.due_at,
            new_due_at=new_due,
            signer_title=signer_title,
            signer_name=signer_name,
            notify_method=method.value,
            made_at=now,
            made_by_id=clerk.id,
            late=is_late_notice(now, row.due_at, cal),
        )
        s.add(apology_row)
        apology = _to_apology(apology_row, row.code, clerk.full_name)
        row.due_at = new_due
        _log(s, clerk, row, apology)
        outbox.write_for_step(
            s,
            row,
            StepKind.APOLOGY,
            {"reason": reason, "new_due": new_due.isoformat(), "number": apology.number_text},
            now,
        )
    return apology
