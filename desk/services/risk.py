"""The at-risk list: running dossiers that will miss their due date unless someone acts.

The rules and the explanations are in ``desk.domain.risk``. Built for a million
dossiers: the history is one query over the last year's decisions (on the
``decided_at`` index), grouped per department and procedure and kept for the
day; the dossiers examined are only the running ones due before the horizon
(on the ``(status, due_at)`` index).
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.dossier import RUNNING_STATUSES
from desk.domain.risk import (
    DecidedDossier,
    History,
    RiskItem,
    RunningDossier,
    WorkingTimeline,
    assess,
    build_history,
    history_window,
    horizon,
)
from desk.services import calendar
from desk.storage.database import Database
from desk.storage.tables import ApologyRow, DepartmentRow, DossierRow

_RUNNING = sorted(s.value for s in RUNNING_STATUSES)

#: db url -> (day computed for, history); a day's decisions barely move a year's medians.
_cache: dict[str, tuple[date, History]] = {}
_lock = threading.Lock()


def history(db: Database, now: datetime, cal: WorkingCalendar | None = None) -> History:
    """The last year's medians, computed once a day per database (``refresh_history``
    forgets them, e.g. after the calendar changed)."""
    day = to_vn(now).date()
    with _lock:
        cached = _cache.get(db.url)
    if cached is not None and cached[0] == day:
        return cached[1]
    result = compute_history(db, now, cal or calendar.working_calendar(db))
    with _lock:
        _cache[db.url] = (day, result)
    return result


def refresh_history(db: Database) -> None:
    with _lock:
        _cache.pop(db.url, None)


def compute_history(db: Database, now: datetime, cal: WorkingCalendar) -> History:
    """One query over the window's decided dossiers, grouped per department and procedure."""
    start, end = history_window(now)
    stmt = (
        select(
            DossierRow.department_id,
            DossierRow.procedure_code,
            DossierRow.received_at,
            DossierRow.decided_at,
        )
        .where(DossierRow.decided_at >= start, DossierRow.decided_at <= end)
        .order_by(DossierRow.received_at)
    )
    with db.read() as s:
        rows = s.execute(stmt).all()
    if not rows:
        return History()
    first = min(to_vn(r.received_at).date() for r in rows)
    timeline = WorkingTimeline(cal, first, to_vn(end).date() + timedelta(days=1))
    return build_history(
        (
            DecidedDossier(r.department_id, r.procedure_code, r.received_at, r.decided_at)
            for r in rows
        ),
        timeline,
    )


def _running_before(db: Database, limit: datetime) -> list[RunningDossier]:
    stmt = (
        select(
            DossierRow.code,
            DossierRow.applicant_name,
            DossierRow.procedure_code,
            DossierRow.procedure_name,
            DossierRow.due_at,
            DossierRow.department_id,
            DepartmentRow.name.label("department"),
            ApologyRow.id.label("apology_id"),
        )
        .outerjoin(DepartmentRow, DepartmentRow.id == DossierRow.department_id)
        .outerjoin(ApologyRow, ApologyRow.dossier_id == DossierRow.id)
        .where(DossierRow.status.in_(_RUNNING), DossierRow.due_at <= limit)
        .order_by(DossierRow.due_at, DossierRow.id)
    )
    with db.read() as s:
        return [
            RunningDossier(
                code=r.code,
                applicant=r.applicant_name,
                procedure_code=r.procedure_code,
                procedure_name=r.procedure_name,
                due_at=r.due_at,
                department_id=r.department_id,
                department=r.department or "",
                rescheduled=r.apology_id is not None,
            )
            for r in s.execute(stmt)
        ]


def at_risk(db: Database, now: datetime) -> list[RiskItem]:
    """Running dossiers at risk of being late, most urgent first, each with its reason."""
    cal = calendar.working_calendar(db)
    known = history(db, now, cal)
    limit = horizon(now, cal, known)
    candidates = _running_before(db, limit)
    timeline = WorkingTimeline(cal, to_vn(now).date(), limit.date())
    return [item for d in candidates if (item := assess(d, now, cal, known, timeline)) is not None]


def at_risk_count(db: Database, now: datetime) -> int:
    """How many dossiers ``at_risk`` lists (for a badge on the main window)."""
    return len(at_risk(db, now))
