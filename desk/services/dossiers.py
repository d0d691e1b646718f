"""Reading dossiers back: one by code, or a list, most urgent first."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desk.domain.dossier import OPEN_STATUSES as DOMAIN_OPEN
from desk.domain.dossier import (
    Applicant,
    ApplicantKind,
    Dossier,
    DossierStatus,
    ReceivedPaper,
    ResultClass,
    ResultDelivery,
)
from desk.domain.errors import NotFound
from desk.domain.procedure import Channel, PaperForm
from desk.domain.translation import translate
from desk.storage.database import Database
from desk.storage.tables import DossierRow, UserRow

OPEN_STATUSES = tuple(s.value for s in DOMAIN_OPEN)


def to_dossier(row: DossierRow) -> Dossier:
    return Dossier(
        id=row.id,
        code=row.code,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        field=row.field,
        applicant=Applicant(
            name=row.applicant_name,
            kind=ApplicantKind(row.applicant_kind),
            id_number=row.id_number,
            birth_date=row.birth_date,
            address=row.address,
            phone=row.phone,
            email=row.email,
            principal=row.principal,
        ),
        papers=[
            ReceivedPaper(p.name, PaperForm(p.form), p.count, p.reused_from) for p in row.papers
        ],
        channel=Channel(row.channel),
        result_delivery=ResultDelivery(row.result_delivery),
        delivery_address=row.delivery_address,
        sets=row.sets,
        note=row.note,
        fee=row.fee,
        received_at=row.received_at,
        appointment_at=row.appointment_at,
        limit_text=row.limit_text,
        clerk_username=row.clerk.username,
        clerk_name=row.clerk.full_name,
        status=DossierStatus(row.status),
        due_at=row.due_at,
        holder=row.holder,
        decided_at=row.decided_at,
        result_class=ResultClass(row.result_class) if row.result_class else None,
        returned_at=row.returned_at,
        supplement_round=row.supplement_round,
        comebacks=row.comebacks,
    )


def _with_details():
    return select(DossierRow).options(
        selectinload(DossierRow.papers), selectinload(DossierRow.clerk)
    )


def get_dossier(db: Database, code: str) -> Dossier:
    with db.read() as s:
        row = s.scalar(_with_details().where(DossierRow.code == code.strip()))
        if row is None:
            raise NotFound(
                translate(
                    "Dossiers", "Không tìm thấy hồ sơ mã '{code}'. Kiểm tra lại mã trên phiếu hẹn."
                ).format(code=code)
            )
        return to_dossier(row)


def list_dossiers(
    db: Database, *, pending: bool = False, limit: int | None = None, assignee: str = ""
) -> list[Dossier]:
    """Dossiers newest first; with ``pending``, only open ones, earliest appointment first;
    with ``assignee`` (a user name), only the dossiers that clerk is in charge of."""
    stmt = _with_details()
    if assignee:
        stmt = stmt.where(
            DossierRow.assignee_id.in_(select(UserRow.id).where(UserRow.username == assignee))
        )
    if pending:
        stmt = stmt.where(DossierRow.status.in_(OPEN_STATUSES)).order_by(
            DossierRow.due_at, DossierRow.id
        )
    else:
        stmt = stmt.order_by(DossierRow.received_at.desc(), DossierRow.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        return [to_dossier(r) for r in s.scalars(stmt)]


def count_dossiers(db: Database) -> int:
    from sqlalchemy import func

    with db.read() as s:
        return s.scalar(select(func.count()).select_from(DossierRow)) or 0


def assignee_name(db: Database, code: str) -> str:
    """The full name of the clerk in charge of the dossier ("" when nobody is)."""
    with db.read() as s:
        row = s.scalar(
            select(DossierRow)
            .options(selectinload(DossierRow.assignee))
            .where(DossierRow.code == code.strip())
        )
        return row.assignee.full_name if row is not None and row.assignee is not None else ""
