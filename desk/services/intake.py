"""Intake (tiếp nhận hồ sơ): check the form, compute the appointment, save.

The dossier is saved before anything is printed (a printer that is off never
loses a dossier), and its code is unique even when two counters save at the
same moment: the day's sequence is bumped in the saving transaction, which
holds its row lock until commit, so a number is never given twice nor lost.

Every intake of the office waits for that lock (on PostgreSQL a row lock; on
SQLite the whole write is one at a time anyway), so it is taken as late as the
transaction allows: the dossier, its papers and its first step are written
under a provisional code first; then the number is taken, the code written,
and only what needs the code follows (its messages, the audit entry, the
change counter) before the commit. ``benchmarks/bench_load.py`` reports how
long each intake holds it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from desk.domain.clock import Clock, to_vn
from desk.domain.dossier import Dossier, DossierStatus, IntakeDraft
from desk.domain.dossier_code import format_dossier_code
from desk.domain.errors import NotFound, ValidationError
from desk.domain.lifecycle import ONE_STOP, StepKind
from desk.domain.office import Clerk
from desk.domain.procedure import Channel, Procedure
from desk.domain.text import fold
from desk.domain.translation import translate
from desk.domain.validation import normalise_phone, validate_intake
from desk.services import audit, calendar, catalog, changes, office, outbox, scan_reuse
from desk.storage.counters import next_value
from desk.storage.database import Database
from desk.storage.tables import DaySequenceRow, DossierPaperRow, DossierRow, DossierStepRow


@dataclass(frozen=True)
class AppointmentPreview:
    appointment: datetime
    limit_text: str
    #: "" when the calendar of the whole period is confirmed; else why the date may move
    calendar_warning: str = ""


def preview_appointment(
    db: Database, procedure: Procedure, channel: Channel, received_at: datetime
) -> AppointmentPreview:
    limit = procedure.limit_for(channel)
    cal = calendar.working_calendar(db)
    received = to_vn(received_at)
    due = cal.appointment_for(received, limit)
    certainty = cal.certainty(cal.effective_receipt(received).date(), due.date())
    return AppointmentPreview(due, limit.describe(), certainty.warning())


def _check_papers(draft: IntakeDraft, procedure: Procedure) -> dict[str, str]:
    listed = {p.name for p in procedure.papers}
    extra = [p.name for p in draft.papers if p.name not in listed]
    extra += [name for name in draft.reused if name not in listed]
    if extra:
        return {
            "papers": translate(
                "Intake", "Không được nhận giấy tờ ngoài danh mục của thủ tục: {papers}"
            ).format(papers="; ".join(extra))
        }
    return {}


def online_only_notice() -> str:
    """What the clerk is told when an online-only procedure is picked at the counter."""
    return translate(
        "Intake",
        "Thủ tục này chỉ tiếp nhận trực tuyến từ 01/10/2025 (Chỉ thị 24/CT-TTg). Hãy hướng "
        "dẫn người dân nộp trên Cổng Dịch vụ công quốc gia.",
    )


def _check_online_only(draft: IntakeDraft, procedure: Procedure, confirmed: bool) -> dict[str, str]:
    """An online-only procedure is received at the counter or by post only when the
    clerk confirms a special case (the law still lets an office receive it then)."""
    if not procedure.online_only or draft.channel is Channel.ONLINE or confirmed:
        return {}
    return {
        "procedure": translate(
            "Intake",
            "{notice} Nếu vẫn tiếp nhận tại quầy (trường hợp đặc biệt), hãy đánh dấu "
            "“Vẫn tiếp nhận tại quầy” rồi lưu lại.",
        ).format(notice=online_only_notice())
    }


def record_intake(
    db: Database,
    draft: IntakeDraft,
    clerk: Clerk,
    clock: Clock,
    *,
    accept_online_only: bool = False,
) -> Dossier:
    """Validate, compute the appointment and save; returns the saved dossier.

    A procedure accepted online only (Directive 24/CT-TTg) is saved from the
    counter or the post only with ``accept_online_only`` (the clerk confirmed a
    special case); the audit trail keeps that confirmation.
    """
    now = clock.now()
    procedure: Procedure | None = None
    if draft.procedure_code:
        try:
            procedure = catalog.get_procedure(db, draft.procedure_code)
        except NotFound:
            procedure = None
    errors = validate_intake(draft, now.date(), procedure_known=procedure is not None)
    if procedure is not None:
        errors.update(_check_papers(draft, procedure))
        errors.update(_check_online_only(draft, procedure, accept_online_only))
        if "papers" not in errors:  # papers already digitised, not asked for again
            errors.update(scan_reuse.check(db, draft, procedure, now.date()))
    if errors:
        raise ValidationError(errors)
    assert procedure is not None
    preview = preview_appointment(db, procedure, draft.channel, now)
    agency = office.get_office(db).code
    with db.write() as s:
        # Everything that does not need the code first, under a provisional one...
        row = _new_row(draft, procedure, clerk, _provisional_code(), now, preview)
        s.add(row)
        s.flush()
        scan_reuse.link_reused(s, row, draft, procedure, clerk, now)
        dossier_id = row.id
        s.add(
            DossierStepRow(
                dossier_id=row.id,
                at=now,
                kind=StepKind.INTAKE.value,
                by_user_id=clerk.id,
                from_holder="",
                to_holder=ONE_STOP,
                note="",
                data="{}",
            )
        )
        s.flush()
        # ...then the day's number, as late as possible: its lock is held until commit.
        code = format_dossier_code(agency, now.date(), next_sequence(s, agency, now.date()))
        row.code = code
        row.search_key = _search_key(row)
        outbox.write_for_step(s, row, StepKind.INTAKE, {}, now)
        audit.record(
            s,
            clerk,
            now,
            "dossier",
            code,
            StepKind.INTAKE.value,
            {},
            {
                "status": row.status,
                "appointment_at": row.appointment_at,
                **_online_only_override(draft, procedure),
            },
        )
        changes.bump(s, changes.DOSSIERS)
    from desk.services.dossiers import get_dossier

    dossier = get_dossier(db, code)
    assert dossier.id == dossier_id
    return dossier


def _online_only_override(draft: IntakeDraft, procedure: Procedure) -> dict[str, bool]:
    """Marks in the audit trail an online-only dossier received at the counter anyway."""
    if procedure.online_only and draft.channel is not Channel.ONLINE:
        return {"online_only_received_at_counter": True}
    return {}


def next_sequence(s: Session, agency: str, day: date) -> int:
    """Bump and return the agency's dossier number for the day (its lock held until commit)."""
    return next_value(s, DaySequenceRow.last, agency=agency, day=day)


def _provisional_code() -> str:
    """A unique stand-in for the code while the dossier is written, replaced before commit."""
    return f"~{uuid.uuid4().hex}"


def _search_key(row: DossierRow) -> str:
    return fold(f"{row.applicant_name} {row.code} {row.id_number} {row.phone}")


def _new_row(
    draft: IntakeDraft,
    procedure: Procedure,
    clerk: Clerk,
    code: str,
    now: datetime,
    preview: AppointmentPreview,
) -> DossierRow:
    a = draft.applicant
    phone = normalise_phone(a.phone) if a.phone.strip() else ""
    return DossierRow(
        code=code,
        procedure_id=procedure.id,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        field=procedure.field,
        applicant_kind=a.kind.value,
        applicant_name=" ".join(a.name.split()),
        search_key=fold(f"{a.name} {code} {a.id_number} {phone}"),
        id_number=a.id_number.strip(),
        birth_date=a.birth_date,
        address=a.address.strip(),
        phone=phone,
        email=a.email.strip(),
        **outbox.consent_columns(draft.consent),
        principal=a.principal.strip(),
        channel=draft.channel.value,
        result_delivery=draft.result_delivery.value,
        delivery_address=draft.delivery_address.strip(),
        sets=draft.sets,
        note=draft.note.strip(),
        fee=procedure.fee,
        limit_text=preview.limit_text,
        received_at=now,
        appointment_at=preview.appointment,
        due_at=preview.appointment,
        status=DossierStatus.RECEIVED.value,
        clerk_id=clerk.id,
        assignee_id=clerk.id,
        holder=ONE_STOP,
        created_at=now,
        papers=[
            DossierPaperRow(position=i, name=p.name, form=p.form.value, count=p.count)
            for i, p in enumerate((p for p in draft.papers if p.count > 0), start=1)
        ],
    )
