"""Where time goes: per procedure, the working time its legal limit allows against
the working time its decisions actually used.

The provincial directive asks offices to propose shorter limits where the
published ones are far longer than needed. For the dossiers decided in a
period, grouped by procedure and by the limit printed on their receipt (a
procedure may have one limit per channel), this gives the median working time
the appointments allowed, the median and the 90th percentile of the working
time used, and, where 9 in 10 decisions used well under the limit, a shorter
limit the office could propose (``desk.domain.statistics.proposed_limit``).

Working time counts only the office's sessions on working days
(``WorkingCalendar.working_time_between``, through ``WorkingClock`` for speed). It runs from the receipt, or from the day the missing papers arrived
when a supplement started the limit again (Decree 118/2025 art. 19(5)), to the
decision. Only the period's decided dossiers are read, streamed from one query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import DateTime, case, func, select, type_coerce

from desk.domain.calendar import WorkingCalendar
from desk.domain.lifecycle import StepKind
from desk.domain.procedure import Channel, Procedure
from desk.domain.statistics import Period, median, percentile, proposed_limit
from desk.domain.text import fold
from desk.domain.time_limit import TimeLimit
from desk.services import calendar, catalog
from desk.storage.database import Database
from desk.storage.tables import DossierRow, DossierStepRow

D = DossierRow
BATCH = 5000
#: Stored moments are naive UTC; Vietnam is UTC+7 all year.
UTC_OFFSET = timedelta(hours=7)


@dataclass(frozen=True)
class ProcedureTime:
    """One procedure (and limit): what the law allows and what its decisions used."""

    procedure_code: str
    procedure_name: str
    field: str
    limit_text: str  # as printed on the receipts, e.g. "03 ngày làm việc"
    limit: TimeLimit | None  # None when the catalog no longer has that limit
    decisions: int
    allowed: timedelta  # median working time from the (re)start to the appointment
    used_median: timedelta
    used_p90: timedelta
    proposal: TimeLimit | None

    @property
    def share_used(self) -> float | None:
        """The 90th percentile of the time used over the time allowed (1.0 = all of it)."""
        if self.allowed <= timedelta():
            return None
        return self.used_p90 / self.allowed


@dataclass(frozen=True)
class DecidedTimes:
    """One decided dossier's moments, naive Vietnam time; the restart of the limit
    replaces the receipt when there was one."""

    procedure_code: str
    procedure_name: str
    field: str
    channel: str
    limit_text: str
    started_at: datetime
    appointment_at: datetime
    decided_at: datetime


def restart_of_limit():  # noqa: ANN201
    """The last arrival of missing papers before the decision (only for dossiers that had one)."""
    last_arrival = (
        select(func.max(DossierStepRow.at))
        .where(
            DossierStepRow.dossier_id == D.id,
            DossierStepRow.kind == StepKind.SUPPLEMENT_RECEIVED.value,
            DossierStepRow.at <= D.decided_at,
        )
        .scalar_subquery()
    )
    return case((D.comebacks > 0, last_arrival), else_=None)


def _raw(column):  # noqa: ANN001, ANN202
    """The stored naive UTC value as it is: a hundred thousand rows skip the zone conversion."""
    return type_coerce(column, DateTime())


def decided_times(db: Database, period: Period) -> Iterator[DecidedTimes]:
    """The period's decided dossiers, streamed."""
    stmt = (
        select(
            D.procedure_code,
            D.procedure_name,
            D.field,
            D.channel,
            D.limit_text,
            _raw(D.received_at),
            _raw(restart_of_limit()),
            _raw(D.appointment_at),
            _raw(D.decided_at),
        )
        .where(D.decided_at >= period.start, D.decided_at < period.end)
        .execution_options(yield_per=BATCH)
    )
    with db.read() as s:
        for code, name, field, channel, limit, received, restart, due, decided in s.execute(stmt):
            yield DecidedTimes(
                code,
                name,
                field,
                channel,
                limit,
                (restart or received) + UTC_OFFSET,
                due + UTC_OFFSET,
                decided + UTC_OFFSET,
            )


class WorkingClock:
    """Working time elapsed since a fixed day, for naive Vietnam-time moments.

    The difference of two readings is ``WorkingCalendar.working_time_between``
    (a test proves it), at the cost of a dictionary lookup per moment: the
    working days before each day come from the calendar's yearly running totals.
    """

    def __init__(self, cal: WorkingCalendar, origin: date) -> None:
        self.cal = cal
        self.origin = origin
        self.sessions = [(_micros(a), _micros(b)) for a, b in cal.office_hours.sessions]
        self.day_micros = sum(b - a for a, b in self.sessions)
        self._before: dict[date, tuple[int, bool]] = {}

    def _day(self, day: date) -> tuple[int, bool]:
        known = self._before.get(day)
        if known is None:
            days = self.cal.working_days_between(self.origin, day) - self.cal.is_working_day(day)
            known = (days * self.day_micros, self.cal.is_working_day(day))
            self._before[day] = known
        return known

    def reading(self, moment: datetime) -> int:
        """Working microseconds from the origin's end to ``moment`` (naive Vietnam time)."""
        known = self._before.get(moment.date()) or self._day(moment.date())
        total = known[0]
        if not known[1]:
            return total
        clock = (
            (moment.hour * 60 + moment.minute) * 60 + moment.second
        ) * 1_000_000 + moment.microsecond
        for start, end in self.sessions:
            if clock > start:
                total += (end if clock > end else clock) - start
        return total

    def between(self, start: datetime, end: datetime) -> timedelta:
        return timedelta(microseconds=self.reading(end) - self.reading(start))


def _micros(moment: time) -> int:
    return (
        (moment.hour * 60 + moment.minute) * 60 + moment.second
    ) * 1_000_000 + moment.microsecond


def _limit_named(procedure: Procedure | None, channel: str, text: str) -> TimeLimit | None:
    """The catalog's limit that reads ``text`` (the receipt's wording), if it still has it."""
    if procedure is None:
        return None
    candidates = [
        procedure.limit_for(Channel(channel)),
        procedure.limit,
        *procedure.channel_limits.values(),
    ]
    return next((c for c in candidates if c.describe() == text), None)


def time_used(
    db: Database, period: Period, cal: WorkingCalendar | None = None
) -> list[ProcedureTime]:
    """Per procedure and limit, sorted by field and name."""
    cal = cal or calendar.working_calendar(db)
    procedures = {p.code: p for p in catalog.list_procedures(db, include_inactive=True)}
    clock = WorkingClock(cal, period.first)
    used: dict[tuple[str, str], list[timedelta]] = defaultdict(list)
    allowed: dict[tuple[str, str], list[timedelta]] = defaultdict(list)
    about: dict[tuple[str, str], DecidedTimes] = {}
    for d in decided_times(db, period):
        key = (d.procedure_code, d.limit_text)
        about.setdefault(key, d)
        used[key].append(clock.between(d.started_at, d.decided_at))
        allowed[key].append(clock.between(d.started_at, d.appointment_at))
    day = cal.office_hours.daily_duration
    out = []
    for key, spent in used.items():
        first = about[key]
        limit = _limit_named(procedures.get(first.procedure_code), first.channel, first.limit_text)
        allowed_median = median(allowed[key])
        p90 = percentile(spent, 0.9)
        out.append(
            ProcedureTime(
                procedure_code=first.procedure_code,
                procedure_name=first.procedure_name,
                field=first.field,
                limit_text=first.limit_text,
                limit=limit,
                decisions=len(spent),
                allowed=allowed_median,
                used_median=median(spent),
                used_p90=p90,
                proposal=(
                    proposed_limit(limit, allowed_median, p90, len(spent), day) if limit else None
                ),
            )
        )
    out.sort(key=lambda t: (fold(t.field), fold(t.procedure_name), t.limit_text))
    return out
