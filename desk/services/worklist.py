"""The worklist: open dossiers, most urgent first, with filters, bands and search.

Built for a million dossiers: every query filters on status first (an index on
``(status, due_at)``), pages by key (``due_at, id``) instead of by offset, and
counts bands with a range on ``due_at``. The text search compares accent-free
keys (``search_key``) so "nguyen van an" finds "Nguyễn Văn An".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from desk.domain.dossier import (
    CLOSED_STATUSES,
    RUNNING_STATUSES,
    DossierStatus,
)
from desk.domain.text import fold
from desk.domain.translation import QT_TRANSLATE_NOOP
from desk.domain.urgency import Band, band_bounds, band_for
from desk.services import calendar
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, DossierRow, ProcedureRow, UserRow


class View(StrEnum):
    URGENT = "urgent"  # running dossiers, by urgency band
    WAITING = "waiting"  # chờ bổ sung: the clock is stopped
    READY = "ready"  # có kết quả, chờ trả
    CLOSED = "closed"  # returned, refused, stopped
    ALL_OPEN = "all_open"


VIEW_LABELS = {
    View.URGENT: QT_TRANSLATE_NOOP("Worklist", "Đang giải quyết"),
    View.WAITING: QT_TRANSLATE_NOOP("Worklist", "Chờ người nộp bổ sung"),
    View.READY: QT_TRANSLATE_NOOP("Worklist", "Có kết quả, chờ trả"),
    View.CLOSED: QT_TRANSLATE_NOOP("Worklist", "Đã kết thúc"),
    View.ALL_OPEN: QT_TRANSLATE_NOOP("Worklist", "Tất cả hồ sơ chưa xong"),
}

_VIEW_STATUSES: dict[View, frozenset[DossierStatus]] = {
    View.URGENT: RUNNING_STATUSES,
    View.WAITING: frozenset({DossierStatus.WAITING_SUPPLEMENT}),
    View.READY: frozenset({DossierStatus.RESULT_READY}),
    View.CLOSED: CLOSED_STATUSES,
    View.ALL_OPEN: RUNNING_STATUSES
    | {DossierStatus.WAITING_SUPPLEMENT, DossierStatus.RESULT_READY},
}


def statuses_of(view: View) -> frozenset[DossierStatus]:
    return _VIEW_STATUSES[view]


@dataclass(frozen=True)
class WorklistFilter:
    view: View = View.URGENT
    band: Band | None = None
    field: str = ""
    procedure_code: str = ""
    status: DossierStatus | None = None
    channel: str = ""
    department: str = ""
    assignee: str = ""  # username
    search: str = ""


@dataclass(frozen=True)
class WorklistItem:
    id: int
    code: str
    applicant_name: str
    procedure_name: str
    field: str
    received_at: datetime
    appointment_at: datetime
    due_at: datetime
    status: DossierStatus
    holder: str
    channel: str
    assignee: str
    phone: str
    comebacks: int
    band: Band | None  # for running dossiers only
    #: Moved once by an apology (Decree 118/2025 art. 19(6)): ``due_at`` is the new date,
    #: ``appointment_at`` stays the legal one the statistics count against.
    rescheduled: bool = False


@dataclass(frozen=True)
class Choices:
    """What the filter boxes offer."""

    fields: list[str]
    procedures: list[tuple[str, str]]  # (code, name)
    departments: list[str]
    assignees: list[tuple[str, str]]  # (username, full name)


Assignee = aliased(UserRow)


def _conditions(flt: WorklistFilter, now: datetime, cal) -> list:
    """The WHERE clauses of a filter, on the dossiers table alone (counts need no join)."""
    statuses = _VIEW_STATUSES[flt.view]
    if flt.status is not None:
        statuses = statuses & {flt.status}
    wanted = sorted(s.value for s in statuses)
    if flt.view is View.CLOSED:
        # Nearly every dossier is closed: compare through lower() so the planner
        # does not use the status index (and then sort a million rows) but walks
        # the primary key backwards and stops after one page.
        conds = [func.lower(DossierRow.status).in_(wanted)]
    else:
        conds = [DossierRow.status.in_(wanted)]
    if flt.field:
        conds.append(DossierRow.field == flt.field)
    if flt.procedure_code:
        conds.append(DossierRow.procedure_code == flt.procedure_code)
    if flt.channel:
        conds.append(DossierRow.channel == flt.channel)
    if flt.department:
        conds.append(
            DossierRow.department_id.in_(
                select(DepartmentRow.id).where(DepartmentRow.name == flt.department)
            )
        )
    if flt.assignee:
        conds.append(
            DossierRow.assignee_id.in_(select(UserRow.id).where(UserRow.username == flt.assignee))
        )
    for word in fold(flt.search).split():
        conds.append(DossierRow.search_key.contains(word, autoescape=True))
    if flt.band is not None and flt.view is View.URGENT:
        start, end = band_bounds(now, cal)[flt.band]
        if start is not None:
            conds.append(DossierRow.due_at >= start)
        if end is not None:
            conds.append(DossierRow.due_at < end)
    return conds


def _base(flt: WorklistFilter, now: datetime, cal) -> Select:
    return (
        select(
            DossierRow.id,
            DossierRow.code,
            DossierRow.applicant_name,
            DossierRow.procedure_name,
            DossierRow.field,
            DossierRow.received_at,
            DossierRow.appointment_at,
            DossierRow.due_at,
            DossierRow.status,
            DossierRow.holder,
            DossierRow.channel,
            func.coalesce(Assignee.full_name, "").label("assignee"),
            DossierRow.phone,
            DossierRow.comebacks,
        )
        .outerjoin(Assignee, Assignee.id == DossierRow.assignee_id)
        .where(*_conditions(flt, now, cal))
    )


def _descending(flt: WorklistFilter) -> bool:
    return flt.view is View.CLOSED  # the newest closed first; open ones most urgent first


def fetch_page(
    db: Database,
    flt: WorklistFilter,
    now: datetime,
    *,
    after: tuple[datetime, int] | None = None,
    size: int = 200,
) -> list[WorklistItem]:
    """The next ``size`` dossiers after the key ``(due_at, id)`` of the last one shown."""
    cal = calendar.working_calendar(db)
    stmt = _base(flt, now, cal)
    if _descending(flt):
        # Closed dossiers (nearly all of a million) newest first by id: the primary
        # key walks backwards and stops after one page, where sorting by due date
        # across three statuses would sort them all.
        if after is not None:
            stmt = stmt.where(DossierRow.id < after[1])
        stmt = stmt.order_by(DossierRow.id.desc())
    else:
        if after is not None:
            stmt = stmt.where(
                or_(
                    DossierRow.due_at > after[0],
                    and_(DossierRow.due_at == after[0], DossierRow.id > after[1]),
                )
            )
        stmt = stmt.order_by(DossierRow.due_at, DossierRow.id)
    with db.read() as s:
        rows = s.execute(stmt.limit(size)).all()
    return [
        WorklistItem(
            id=r.id,
            code=r.code,
            applicant_name=r.applicant_name,
            procedure_name=r.procedure_name,
            field=r.field,
            received_at=r.received_at,
            appointment_at=r.appointment_at,
            due_at=r.due_at,
            status=DossierStatus(r.status),
            holder=r.holder,
            channel=r.channel,
            assignee=r.assignee,
            phone=r.phone,
            comebacks=r.comebacks,
            band=band_for(r.due_at, now, cal)
            if DossierStatus(r.status) in RUNNING_STATUSES
            else None,
            rescheduled=r.appointment_at != r.due_at,
        )
        for r in rows
    ]


def count(db: Database, flt: WorklistFilter, now: datetime) -> int:
    cal = calendar.working_calendar(db)
    stmt = select(func.count()).select_from(DossierRow).where(*_conditions(flt, now, cal))
    with db.read() as s:
        return s.scalar(stmt) or 0


def band_counts(db: Database, flt: WorklistFilter, now: datetime) -> dict[Band, int]:
    """How many running dossiers fall in each band, under the other filters."""
    cal = calendar.working_calendar(db)
    base = replace(flt, view=View.URGENT, band=None, status=flt.status)
    bounds = band_bounds(now, cal)
    cols = []
    for band, (start, end) in bounds.items():
        cond = []
        if start is not None:
            cond.append(DossierRow.due_at >= start)
        if end is not None:
            cond.append(DossierRow.due_at < end)
        cols.append(func.count().filter(and_(*cond)).label(band.value))
    stmt = select(*cols).select_from(DossierRow).where(*_conditions(base, now, cal))
    with db.read() as s:
        row = s.execute(stmt).one()
    return {band: getattr(row, band.value) or 0 for band in Band}


def view_counts(db: Database, flt: WorklistFilter, now: datetime) -> dict[View, int]:
    """Dossiers in each view under the same filters (for the view tabs)."""
    return {
        v: count(db, replace(flt, view=v, band=None), now)
        for v in (View.URGENT, View.WAITING, View.READY)
    }


def choices(db: Database) -> Choices:
    with db.read() as s:
        fields = list(s.scalars(select(ProcedureRow.field).distinct().order_by(ProcedureRow.field)))
        procedures = [
            (c, n)
            for c, n in s.execute(
                select(ProcedureRow.code, ProcedureRow.name).order_by(ProcedureRow.name)
            )
        ]
        departments = list(s.scalars(select(DepartmentRow.name).order_by(DepartmentRow.name)))
        assignees = [
            (u, n)
            for u, n in s.execute(
                select(UserRow.username, UserRow.full_name)
                .where(UserRow.active)
                .order_by(UserRow.full_name)
            )
        ]
    return Choices(fields, procedures, departments, assignees)
