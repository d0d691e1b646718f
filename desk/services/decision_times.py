"""The working time each decision took, kept as decisions happen (``decision_times``).

The at-risk list compares a running dossier's time left with the median
working time its department (or every department) needed for the procedure
over the last year. Working that out from a year of dossiers (a hundred
thousand on a large office) at every first window of the day took seconds;
instead each decision writes its working time, from receipt to decision, in
the same transaction that records it (``record``), and the medians are read
from one range of the table's covering index (``history``).

The working time depends on the calendar and the office hours at the time it
is computed. When an admin changes a day, the decisions that can span it (made
on or after that day) are worked out again; when the office hours change,
every one of the last year (``recompute``). Bulk writers (the demo office)
use ``rows_for`` with the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from sqlalchemy import Float, bindparam, delete, func, insert, literal_column, select, tuple_
from sqlalchemy.orm import Session

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ, to_vn
from desk.domain.risk import HISTORY_DAYS, History, WorkingTimeline, history_window
from desk.services.at_risk_rows import history_from, history_from_medians
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import DecisionTimeRow, DossierRow

T = DecisionTimeRow
_MICROSECOND = timedelta(microseconds=1)
BATCH = 5000


def working_us(cal: WorkingCalendar, received: datetime, decided: datetime) -> int:
    """Working microseconds from receipt to decision (the office's sessions, working days)."""
    return cal.working_time_between(received, decided) // _MICROSECOND


def record(s: Session, row: DossierRow, cal: WorkingCalendar) -> None:
    """Write (or write again) the decided dossier ``row``'s working time, in the caller's
    transaction (the one that records the decision)."""
    assert row.decided_at is not None
    s.execute(delete(T).where(T.dossier_id == row.id))
    s.add(
        T(
            dossier_id=row.id,
            decided_at=row.decided_at,
            received_at=row.received_at,
            procedure_code=row.procedure_code,
            department_id=row.department_id,
            working_us=working_us(cal, row.received_at, row.decided_at),
        )
    )


def rows_for(dossiers: Iterable[dict], cal: WorkingCalendar) -> list[dict]:
    """The ``decision_times`` rows of bulk-written dossier rows (those decided)."""
    decided = [d for d in dossiers if d.get("decided_at") is not None]
    if not decided:
        return []
    timeline = WorkingTimeline(
        cal,
        min(to_vn(d["received_at"]).date() for d in decided),
        max(to_vn(d["decided_at"]).date() for d in decided),
    )
    return [
        {
            "dossier_id": d["id"],
            "decided_at": d["decided_at"],
            "received_at": d["received_at"],
            "procedure_code": d["procedure_code"],
            "department_id": d.get("department_id"),
            "working_us": timeline.between(d["received_at"], d["decided_at"]) // _MICROSECOND,
        }
        for d in decided
    ]


def recompute(db: Database, cal: WorkingCalendar, since: date) -> int:
    """Work out again, with ``cal``, the decisions made on or after ``since`` (after the
    calendar changed: only they can span the changed day); how many."""
    start = datetime.combine(since, time(0), VN_TZ)
    done = 0
    with db.write() as s:
        found = s.execute(
            select(T.dossier_id, T.received_at, T.decided_at).where(T.decided_at >= start)
        ).all()
        if not found:
            return 0
        timeline = WorkingTimeline(
            cal,
            min(to_vn(r.received_at).date() for r in found),
            max(to_vn(r.decided_at).date() for r in found),
        )
        update = (
            T.__table__.update()
            .where(T.dossier_id == bindparam("id"))
            .values(working_us=bindparam("us"))
        )
        for first in range(0, len(found), BATCH):
            batch = found[first : first + BATCH]
            s.execute(
                update,
                [
                    {
                        "id": r.dossier_id,
                        "us": timeline.between(r.received_at, r.decided_at) // _MICROSECOND,
                    }
                    for r in batch
                ],
            )
            done += len(batch)
    return done


def window_start(today: date) -> date:
    """The first day whose decisions the at-risk history can still read."""
    return today - timedelta(days=HISTORY_DAYS + 1)


def add_rows(s: Session, found: list[dict]) -> None:
    if found:
        s.execute(insert(T), found)


# -- the medians ------------------------------------------------------------------------------

#: The working times of the decisions in a window (``history``; also read by the
#: window's first screen, on the bare driver).
WINDOW = rows.Statement(
    lambda _dialect: select(T.procedure_code, T.department_id, T.working_us).where(
        T.decided_at >= bindparam("start"), T.decided_at <= bindparam("end")
    )
)


#: PostgreSQL's own medians of the decisions in a window (``percentile_cont(0.5)``: the
#: middle value, or halfway between the two middle ones, as ``statistics.median``) and
#: their counts, per department and procedure (``whole`` 0) and per procedure (``whole``
#: 1), in one pass: the server sends a few dozen rows instead of a year of decisions (a
#: hundred thousand on a large office, some 12 MiB over the office's network), in half
#: the time. SQLite has no median: its reader takes ``WINDOW`` and Python's (in process,
#: there is no network to spare). Also read by the window's first screen.
MEDIANS = rows.Statement(
    lambda _dialect: (
        select(
            T.procedure_code,
            T.department_id,
            func.grouping(T.department_id).label("whole"),
            func.percentile_cont(literal_column("0.5", Float))
            .within_group(T.working_us)
            .label("middle"),
            func.count().label("total"),
        )
        .where(T.decided_at >= bindparam("start"), T.decided_at <= bindparam("end"))
        .group_by(
            func.grouping_sets(tuple_(T.procedure_code, T.department_id), tuple_(T.procedure_code))
        )
    ),
    engines=("postgresql",),
)


def history(db: Database, now: datetime) -> History:
    """The last year's median working time per department and procedure, and per procedure."""
    start, end = history_window(now)
    with rows.reading(db) as reader:
        window = {"start": reader.moment(start), "end": reader.moment(end)}
        if reader.dialect.name == "postgresql":
            return history_from_medians(reader.rows(MEDIANS, window))
        return history_from(reader.stream(WINDOW, window))
