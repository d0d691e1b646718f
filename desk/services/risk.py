"""The at-risk list: running dossiers that will miss their due date unless someone acts.

The rules and the explanations are in ``desk.domain.risk``. Built for a million
dossiers: the history is the last year's medians, read from the working times
each decision wrote (``desk.services.decision_times``, one covering index
range) and kept for the day and calendar; the dossiers examined are only the
running ones due before the horizon (on the ``(status, due_at)`` index).
"""

from __future__ import annotations

import threading
from datetime import date, datetime

from sqlalchemy import bindparam, select

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.risk import History, RiskCounts, RiskItem, RunningDossier
from desk.domain.scope import Scope
from desk.services import calendar, decision_times
from desk.services.at_risk_rows import RUNNING, at_risk_of, running_from, running_values
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import ApologyRow, DepartmentRow, DossierRow

#: db url -> (day computed for, calendar, history); a day's decisions barely move a
#: year's medians, and a new calendar (its working times worked out again) makes new ones.
_cache: dict[str, tuple[date, WorkingCalendar, History]] = {}
_lock = threading.Lock()


def history(db: Database, now: datetime, cal: WorkingCalendar | None = None) -> History:
    """The last year's medians, read once a day per database and calendar
    (``refresh_history`` forgets them)."""
    day = to_vn(now).date()
    cal = cal or calendar.working_calendar(db)
    with _lock:
        cached = _cache.get(db.url)
    if cached is not None and cached[0] == day and cached[1] is cal:
        return cached[2]
    result = decision_times.history(db, now)
    with _lock:
        _cache[db.url] = (day, cal, result)
    return result


def keep_history(db: Database, now: datetime, cal: WorkingCalendar, known: History) -> None:
    """Keep ``known``, read for ``cal`` another way (the window's first screen), as the
    history of ``now``'s day."""
    with _lock:
        _cache[db.url] = (to_vn(now).date(), cal, known)


def refresh_history(db: Database) -> None:
    with _lock:
        _cache.pop(db.url, None)


def _running_statement(own: bool):  # noqa: ANN202
    """The statement, of the whole office or (``own``) of the clerk ``:clerk`` in charge."""

    def build(_dialect: str):  # noqa: ANN202
        department = select(DepartmentRow.name).where(DepartmentRow.id == DossierRow.department_id)
        apology = select(ApologyRow.id).where(ApologyRow.dossier_id == DossierRow.id)
        conditions = [
            DossierRow.status.in_([bindparam(f"status{n}") for n in range(len(RUNNING))]),
            DossierRow.due_at <= bindparam("limit"),
        ]
        if own:  # as the worklist's own list: the dossiers in the clerk's charge
            conditions.append(DossierRow.assignee_id == bindparam("clerk"))
        return (
            select(
                DossierRow.code,
                DossierRow.applicant_name,
                DossierRow.procedure_code,
                DossierRow.procedure_name,
                DossierRow.due_at,
                DossierRow.department_id,
                department.scalar_subquery(),
                apology.exists(),
            )
            .where(*conditions)
            .order_by(DossierRow.due_at, DossierRow.id)
        )

    return build


#: The running dossiers due before a moment, with their department and whether an
#: apology already moved them (looked up per dossier found, not joined to the table):
#: of the whole office, and of one clerk.
_RUNNING_BEFORE = rows.Statement(_running_statement(own=False))
_OWN_RUNNING_BEFORE = rows.Statement(_running_statement(own=True))


def running_statement(scope: Scope) -> rows.Statement:
    """The statement of the running dossiers due before ``:limit`` in ``scope``."""
    return _RUNNING_BEFORE if scope.is_office else _OWN_RUNNING_BEFORE


def _running_before(db: Database, limit: datetime, scope: Scope) -> list[RunningDossier]:
    with rows.reading(db) as reader:
        found = reader.rows(running_statement(scope), running_values(reader.moment(limit), scope))
    return running_from(found)


def at_risk(db: Database, now: datetime, scope: Scope | None = None) -> list[RiskItem]:
    """Running dossiers at risk of being late, most urgent first, each with its reason:
    of the whole office, or of the clerk ``scope`` names (the history stays the office's)."""
    cal = calendar.working_calendar(db)
    known = history(db, now, cal)
    return at_risk_of(
        now, cal, known, lambda limit: _running_before(db, limit, scope or Scope.office())
    )


def at_risk_counts(db: Database, now: datetime, scope: Scope | None = None) -> RiskCounts:
    """The list's figures: at risk, overdue, overdue without an apology (``RiskCounts``)."""
    return RiskCounts.of(at_risk(db, now, scope))
