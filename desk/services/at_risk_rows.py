"""The at-risk list from the rows its two statements read, whoever runs them.

``desk.services.risk`` runs the statements through SQLAlchemy's pool; the
window's first screen runs the same statements, compiled into the statement
book, on the bare driver before SQLAlchemy has loaded
(``desk.services.first_screen``). Both turn the rows into the list here, so the
two lists are the same (``tests/services/test_first_screen.py``). Nothing here
imports SQLAlchemy.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.dossier import RUNNING_STATUSES
from desk.domain.risk import (
    History,
    RiskItem,
    RunningDossier,
    Typical,
    WorkingTimeline,
    assess,
    horizon,
)
from desk.domain.scope import Scope
from desk.storage.moments import moment

RUNNING = sorted(s.value for s in RUNNING_STATUSES)


def history_from(batches: Iterable[list[tuple]]) -> History:
    """The last year's median working time per department and procedure, and per
    procedure, from the rows ``(procedure, department, working µs)`` in batches."""
    # A year of a large office is a hundred thousand decisions: kept as compact
    # arrays of integers, never all at once as rows.
    per_department: dict[tuple[int | None, str], array[int]] = defaultdict(lambda: array("q"))
    per_procedure: dict[str, array[int]] = defaultdict(lambda: array("q"))
    for batch in batches:
        for procedure, department, used in batch:
            per_department[(department, procedure)].append(used)
            per_procedure[procedure].append(used)
    return History(
        by_department={k: _typical(v) for k, v in per_department.items()},
        by_procedure={k: _typical(v, whole=True) for k, v in per_procedure.items()},
    )


def history_from_medians(found: Iterable[tuple]) -> History:
    """The ``History`` of the server's median rows ``(procedure, department, whole, median
    working µs, count)`` (``desk.services.decision_times.MEDIANS``)."""
    by_department: dict[tuple[int | None, str], Typical] = {}
    by_procedure: dict[str, Typical] = {}
    for procedure, department, whole, middle, count in found:
        typical = Typical(timedelta(microseconds=middle), count, whole_procedure=bool(whole))
        if whole:
            by_procedure[procedure] = typical
        else:
            by_department[(department, procedure)] = typical
    return History(by_department=by_department, by_procedure=by_procedure)


def _typical(values: array[int], whole: bool = False) -> Typical:
    return Typical(timedelta(microseconds=_median(values)), len(values), whole_procedure=whole)


def _median(values: array[int]) -> float:
    """The middle value, or halfway between the two middle ones (``statistics.median``,
    whose module and the fractions it imports the window would load for this alone)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def running_values(limit: Any, scope: Scope) -> dict[str, Any]:
    """The values of the statement of the running dossiers due before ``limit`` (as
    stored): the running statuses, the limit, and the clerk of a scope of one clerk."""
    values: dict[str, Any] = {f"status{n}": s for n, s in enumerate(RUNNING)}
    values["limit"] = limit
    if not scope.is_office:
        values["clerk"] = scope.clerk_id
    return values


def running_from(found: Iterable[tuple]) -> list[RunningDossier]:
    return [
        RunningDossier(
            code=code,
            applicant=applicant,
            procedure_code=procedure_code,
            procedure_name=procedure_name,
            due_at=moment(due),
            department_id=department_id,
            department=department or "",
            rescheduled=bool(apologised),
        )
        for code, applicant, procedure_code, procedure_name, due, department_id, department, apologised in found
    ]


def at_risk_of(
    now: datetime,
    cal: WorkingCalendar,
    known: History,
    running_before: Callable[[datetime], list[RunningDossier]],
) -> list[RiskItem]:
    """The running dossiers at risk of being late, most urgent first, each with its reason;
    ``running_before(limit)`` reads the candidates."""
    limit = horizon(now, cal, known)
    candidates = running_before(limit)
    timeline = WorkingTimeline(cal, to_vn(now).date(), limit.date())
    return [item for d in candidates if (item := assess(d, now, cal, known, timeline)) is not None]
