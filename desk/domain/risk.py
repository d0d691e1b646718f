"""Dossiers at risk of being late (hồ sơ có nguy cơ trễ hạn), flagged before they are.

The apology must reach the citizen at the latest one day before the due date
(Decree 118/2025 art. 19(6)), so the office needs to know in time which dossiers will
not make it. A running dossier (the clock is running, no result yet) is at risk:

- when it is already overdue, or due within one working day: whoever holds it
  must decide now, or the agency must write the apology now;
- when the department holding it has, over the last year, typically needed
  longer for that procedure than the working time the dossier has left. The
  estimate is the median working time from receipt to decision of the decided
  dossiers of that department and procedure (at least ``MIN_SAMPLES`` of them;
  else of that procedure in every department), a number a clerk can check.

Every flag carries its explanation, in the clerk's language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ, to_vn
from desk.domain.translation import translate
from desk.domain.urgency import is_overdue
from desk.domain.vn_dates import time_and_date_label

#: Fewer decided dossiers than this say too little to estimate from.
MIN_SAMPLES = 5
#: How far back decided dossiers are looked at.
HISTORY_DAYS = 365

_ONE_DAY = timedelta(days=1)


class RiskKind(StrEnum):
    OVERDUE = "overdue"  # quá hạn, chưa có kết quả
    DUE_SOON = "due_soon"  # đến hạn trong một ngày làm việc
    SLOW_HISTORY = "slow_history"  # thường cần lâu hơn thời gian còn lại


@dataclass(frozen=True)
class RiskItem:
    code: str
    applicant: str
    procedure: str
    due_at: datetime
    reason_text: str
    kind: RiskKind = RiskKind.DUE_SOON
    department: str = ""
    rescheduled: bool = False  # already has its one apology: no other can be made


@dataclass(frozen=True)
class RiskCounts:
    """What the at-risk list holds, in the figures the other screens count too.

    ``overdue`` are the dossiers of the worklist's band "Quá hạn" and of the report's
    "Đang giải quyết quá hạn"; ``overdue_without_apology`` those of "Quá hạn chưa xin
    lỗi (đang giải quyết)": past the receipt's appointment, and no letter yet (a
    dossier with no letter is due at its appointment).
    """

    at_risk: int = 0
    overdue: int = 0
    overdue_without_apology: int = 0

    @classmethod
    def of(cls, items: Iterable[RiskItem]) -> RiskCounts:
        items = list(items)
        overdue = [i for i in items if i.kind is RiskKind.OVERDUE]
        return cls(len(items), len(overdue), sum(1 for i in overdue if not i.rescheduled))


@dataclass(frozen=True)
class RunningDossier:
    """What the estimate needs to know of one running dossier."""

    code: str
    applicant: str
    procedure_code: str
    procedure_name: str
    due_at: datetime
    department_id: int | None = None
    department: str = ""
    rescheduled: bool = False  # already has its one apology


@dataclass(frozen=True)
class DecidedDossier:
    """One past decision: who held it, which procedure, received and decided when."""

    department_id: int | None
    procedure_code: str
    received_at: datetime
    decided_at: datetime


@dataclass(frozen=True)
class Typical:
    """The median working time from receipt to decision, and how many it rests on."""

    median: timedelta
    samples: int
    whole_procedure: bool = False  # from every department, not only the holder


@dataclass(frozen=True)
class History:
    by_department: dict[tuple[int | None, str], Typical] = field(default_factory=dict)
    by_procedure: dict[str, Typical] = field(default_factory=dict)

    def typical_for(self, department_id: int | None, procedure_code: str) -> Typical | None:
        """The holder's own history when it has enough of it, else the procedure's."""
        own = self.by_department.get((department_id, procedure_code))
        if own is not None and own.samples >= MIN_SAMPLES:
            return own
        whole = self.by_procedure.get(procedure_code)
        if whole is not None and whole.samples >= MIN_SAMPLES:
            return whole
        return None

    def longest(self) -> timedelta:
        """The longest usable median: no dossier with more time left than this is at risk."""
        medians = [t.median for t in self.by_department.values() if t.samples >= MIN_SAMPLES]
        medians += [t.median for t in self.by_procedure.values() if t.samples >= MIN_SAMPLES]
        return max(medians, default=timedelta())


class WorkingTimeline:
    """Working time between two moments in constant time, for many pairs at once.

    Gives the same answer as ``WorkingCalendar.working_time_between`` (a test
    proves it) but precomputes, for each day of a range, the working time from
    the range's start to that day's midnight, so a year of decided dossiers
    costs a dictionary lookup each instead of a walk over their days.
    """

    def __init__(self, calendar: WorkingCalendar, first: date, last: date) -> None:
        self.calendar = calendar
        self.first, self.last = first, last
        #: the sessions in microseconds after midnight, for arithmetic without datetimes
        self._sessions = [(_micros(s), _micros(e)) for s, e in calendar.office_hours.sessions]
        self._before: dict[date, int] = {}  # working microseconds before each day
        self._working: dict[date, bool] = {}
        total = 0
        day = first
        while day <= last:
            self._before[day] = total
            self._working[day] = calendar.is_working_day(day)
            total += self._within(day, _micros(time.max))
            day += _ONE_DAY

    def _within(self, day: date, until: int) -> int:
        """Working microseconds on ``day`` from midnight to ``until`` microseconds."""
        if not self._working[day]:
            return 0
        return sum(max(0, min(until, end) - start) for start, end in self._sessions)

    def between(self, start: datetime, end: datetime) -> timedelta:
        start, end = to_vn(start), to_vn(end)
        a, b = start.date(), end.date()
        if a not in self._before or b not in self._before:
            return self.calendar.working_time_between(start, end)
        at_end = self._before[b] + self._within(b, _micros(end.time()))
        at_start = self._before[a] + self._within(a, _micros(start.time()))
        return timedelta(microseconds=at_end - at_start)


def _micros(moment: time) -> int:
    return (
        (moment.hour * 60 + moment.minute) * 60 + moment.second
    ) * 1_000_000 + moment.microsecond


def build_history(decided: Iterable[DecidedDossier], timeline: WorkingTimeline) -> History:
    """Median working time per (department, procedure) and per procedure."""
    per_department: dict[tuple[int | None, str], list[timedelta]] = defaultdict(list)
    per_procedure: dict[str, list[timedelta]] = defaultdict(list)
    for d in decided:
        spent = timeline.between(d.received_at, d.decided_at)
        per_department[(d.department_id, d.procedure_code)].append(spent)
        per_procedure[d.procedure_code].append(spent)
    return History(
        by_department={k: Typical(_median(v), len(v)) for k, v in per_department.items()},
        by_procedure={
            k: Typical(_median(v), len(v), whole_procedure=True) for k, v in per_procedure.items()
        },
    )


def _median(spans: list[timedelta]) -> timedelta:
    """``statistics.median`` of working times (whose types admit numbers only): the middle
    one, or halfway between the two middle ones."""
    ordered = sorted(spans)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def history_window(now: datetime) -> tuple[datetime, datetime]:
    """The decisions looked at: those of the last ``HISTORY_DAYS`` days."""
    now = to_vn(now)
    start = datetime.combine(now.date() - timedelta(days=HISTORY_DAYS), time(0), VN_TZ)
    return start, now


def horizon(now: datetime, calendar: WorkingCalendar, history: History) -> datetime:
    """A due date after which no running dossier can be at risk (for an index range).

    One working day, or the longest median if longer, of working time after
    now; moved to the next session's start when it lands on a session's end, so
    a due date at lunch with the same working time left is not cut off.
    """
    span = max(calendar.office_hours.daily_duration, history.longest())
    reach = calendar.add_working_time(to_vn(now), span)
    return calendar.next_working_start(reach + timedelta(seconds=1))


def assess(
    dossier: RunningDossier,
    now: datetime,
    calendar: WorkingCalendar,
    history: History,
    timeline: WorkingTimeline | None = None,
) -> RiskItem | None:
    """The dossier's risk with its explanation, or None when it looks on course.

    ``timeline`` (covering now to the horizon) makes the working time left a
    lookup when many dossiers are assessed at once.
    """
    now, due = to_vn(now), to_vn(dossier.due_at)
    due_text = time_and_date_label(due)
    left = timedelta()
    if due > now:
        left = timeline.between(now, due) if timeline else calendar.working_time_between(now, due)
    if is_overdue(due, now):
        kind = RiskKind.OVERDUE
        text = translate("Risk", "Đã quá hạn từ {due}, chưa có kết quả.").format(due=due_text)
    elif left <= calendar.office_hours.daily_duration:
        kind = RiskKind.DUE_SOON
        text = translate("Risk", "Chỉ còn {left} đến hạn ({due}), chưa có kết quả.").format(
            left=working_time_text(left, calendar), due=due_text
        )
    else:
        typical = history.typical_for(dossier.department_id, dossier.procedure_code)
        if typical is None or typical.median <= left:
            return None
        kind = RiskKind.SLOW_HISTORY
        text = _slow_text(dossier, typical, left, due_text, calendar)
    if dossier.rescheduled:
        text += " " + translate("Risk", "Hồ sơ đã được hẹn lại một lần: không thể hẹn lại nữa.")
    return RiskItem(
        code=dossier.code,
        applicant=dossier.applicant,
        procedure=dossier.procedure_name,
        due_at=due,
        reason_text=text,
        kind=kind,
        department=dossier.department,
        rescheduled=dossier.rescheduled,
    )


def _slow_text(
    dossier: RunningDossier,
    typical: Typical,
    left: timedelta,
    due_text: str,
    calendar: WorkingCalendar,
) -> str:
    """Why a dossier whose holder is usually slower than its time left is at risk."""
    values = {
        "need": working_time_text(typical.median, calendar),
        "samples": typical.samples,
        "left": working_time_text(left, calendar),
        "due": due_text,
    }
    if typical.whole_procedure or not dossier.department:
        return translate(
            "Risk",
            "Thủ tục này thường cần khoảng {need} (trung vị của {samples} hồ sơ đã giải quyết "
            "trong 12 tháng qua), nhưng hồ sơ chỉ còn {left} đến hạn ({due}).",
        ).format(**values)
    return translate(
        "Risk",
        "{department} thường cần khoảng {need} cho thủ tục này (trung vị của {samples} hồ sơ "
        "đã giải quyết trong 12 tháng qua), nhưng hồ sơ chỉ còn {left} đến hạn ({due}).",
    ).format(department=dossier.department, **values)


def working_time_text(amount: timedelta, calendar: WorkingCalendar) -> str:
    """Working time as a clerk reads it: "2,5 ngày làm việc", "3 giờ 15 phút làm việc"
    (in the clerk's language).

    Whole and half working days from one full working day up (a working day is
    the office's daily hours, 7 h 30 min by default), hours and minutes below.
    """
    minutes = max(0, round(amount.total_seconds() / 60))
    day_minutes = calendar.office_hours.daily_duration.total_seconds() / 60
    if minutes >= day_minutes:
        days = round(minutes / day_minutes * 2) / 2
        if days == 1:
            return translate("Risk", "1 ngày làm việc")
        number = f"{days:.1f}".removesuffix(".0").replace(".", ",")
        return translate("Risk", "{days} ngày làm việc").format(days=number)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return translate("Risk", "{hours} giờ {minutes} phút làm việc").format(
            hours=hours, minutes=f"{rest:02d}"
        )
    if hours:
        return translate("Risk", "{hours} giờ làm việc").format(hours=hours)
    return translate("Risk", "{minutes} phút làm việc").format(minutes=rest)
