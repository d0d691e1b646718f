"""The working-day calendar (lịch làm việc) and the appointment rule (ngày hẹn trả kết quả).

Working time is Monday-Friday within the office hours, minus public holidays
(Labour Code 2019 art. 112) and the days off of the yearly civil-servant
schedule, plus the Saturdays declared make-up working days (ngày làm bù).

A year whose official civil-servant schedule has been entered is *confirmed*:
its days off and make-up days are exactly the office's special days
(``CalendarDay``), each carrying the text it comes from, and nothing else is
consulted. ``resources/calendar/vn-days.csv`` ships the confirmed years the desk
knows (every public holiday and swap, with its source); ``load_special_days``
reads such a file and an admin imports the next year's the same way.

A year not yet confirmed (2027 until its schedule is imported) is still
computed: the ``holidays`` package (country VN) gives the public holidays of the
Labour Code 2019 art. 112 with their lunar dates, and the office's own special
days win over it. Appointments that reach such a year are marked as possibly
moving (``WorkingCalendar.certainty``).

A day whose legal footing is only proposed (``DayStatus.PROPOSED``, e.g. 24/11 as
Vietnamese Culture Day before the Labour Code says so) changes nothing until the
admin confirms it; a rejected one changes nothing at all.

Counting follows the Civil Code 2015 art. 147-148 as the desk applies it; see
``WorkingCalendar.appointment_for``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desk.domain.calendar_days import (  # noqa: F401 (the calendar's terms, read from here too)
    DAY_KIND_LABELS,
    DAY_STATUS_LABELS,
    SATURDAY,
    CalendarDay,
    DayKind,
    DayStatus,
    day_kind,
    day_status,
    index_special_days,
    load_special_days,
    unsettled_dates,
    years_confirmed_by,
)
from desk.domain.clock import VN_TZ, to_vn
from desk.domain.errors import UserError
from desk.domain.office_hours import OfficeHours
from desk.domain.public_holidays import public_year
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import translate

_ONE_DAY = timedelta(days=1)

#: The years the calendar answers for: from the first year of the public holidays
#: written out ahead (``public_holidays_table``) to the last whose lunar dates the
#: ``holidays`` package knows (it has no Tết after 2100). A year typed outside them
#: is a typo (26 for 2026), not a year to count in.
FIRST_YEAR = 1990
LAST_YEAR = 2100


def check_year(year: int) -> int:
    """``year`` when the calendar knows it; otherwise a ``UserError`` that says which
    years it knows."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(
            translate(
                "Calendar",
                "Năm {year} nằm ngoài lịch của desk: chỉ nhận các năm từ {first} đến {last}.",
            ).format(year=year, first=FIRST_YEAR, last=LAST_YEAR)
        )
    return year


@dataclass(frozen=True)
class CalendarCertainty:
    """Whether an appointment rests on a confirmed calendar, and why not.

    ``unconfirmed_from``: the first day of the period that lies in a year whose
    official schedule has not been entered; ``proposed``: the proposed days
    inside the period, which would move the appointment if confirmed.
    """

    unconfirmed_from: date | None = None
    proposed: tuple[CalendarDay, ...] = ()

    @property
    def confirmed(self) -> bool:
        return self.unconfirmed_from is None and not self.proposed

    def warning(self) -> str:
        """One sentence for the clerk ("" when confirmed), in the clerk's language."""
        parts = []
        if self.unconfirmed_from is not None:
            parts.append(
                translate(
                    "Calendar",
                    "lịch nghỉ chính thức từ ngày {date} chưa được nhập vào desk",
                ).format(date=f"{self.unconfirmed_from:%d/%m/%Y}")
            )
        if self.proposed:
            days = ", ".join(f"{d.day:%d/%m/%Y}" for d in self.proposed)
            parts.append(
                translate("Calendar", "ngày {days} mới là đề xuất nghỉ, chưa được xác nhận").format(
                    days=days
                )
            )
        if not parts:
            return ""
        return translate(
            "Calendar", "Ngày hẹn có thể thay đổi: {reasons}. Hãy báo người nộp hồ sơ."
        ).format(reasons="; ".join(parts))


class WorkingCalendar:
    """Which days and hours an office works, and the appointment a limit gives.

    Precedence for a day: the office's own special day, when it applies
    (``DayStatus.CONFIRMED``), first; then, in a confirmed year
    (``confirmed_years``), Monday-Friday, since a confirmed year's special days
    list every day off and make-up day of its official schedule; otherwise, when
    ``public_holidays`` is on, a public holiday (off) or a make-up day the
    ``holidays`` package knows (working), then Monday-Friday. A proposed or
    rejected day is never taken from the package either: the package does not
    decide what the office has not.
    """

    def __init__(
        self,
        office_hours: OfficeHours | None = None,
        special_days: Iterable[CalendarDay] = (),
        public_holidays: bool = True,
        confirmed_years: Iterable[int] = (),
    ) -> None:
        self.office_hours = office_hours if office_hours is not None else OfficeHours()
        self.public_holidays = public_holidays
        self._special = index_special_days(special_days)
        self.confirmed_years = frozenset(confirmed_years)
        self._unsettled = unsettled_dates(self._special.values())
        self._running_counts: dict[int, list[int]] = {}

    @property
    def special_days(self) -> tuple[CalendarDay, ...]:
        return tuple(sorted(self._special.values(), key=lambda entry: entry.day))

    # --- days -------------------------------------------------------------

    def _package_decides(self, day: date) -> bool:
        """Whether the ``holidays`` package is consulted for ``day``."""
        return (
            self.public_holidays
            and day.year not in self.confirmed_years
            and day not in self._special
            and (day.month, day.day) not in self._unsettled
        )

    def is_working_day(self, day: date) -> bool:
        special = self._special.get(day)
        if special is not None and special.applies:
            return special.kind is DayKind.MAKEUP
        if self._package_decides(day):
            public = public_year(day.year)
            if day in public.holidays:
                return False
            if day in public.makeup_days:
                return True
        return day.weekday() < SATURDAY

    @property
    def confirmed_until(self) -> date | None:
        """The last day up to which the calendar is confirmed without a gap.

        Counted from the earliest confirmed year; ``None`` when no year is confirmed.
        """
        if not self.confirmed_years:
            return None
        year = min(self.confirmed_years)
        while year + 1 in self.confirmed_years:
            year += 1
        return date(year, 12, 31)

    def certainty(self, start: date, end: date) -> CalendarCertainty:
        """How settled the days in (start, end] are: the span an appointment counts over."""
        unconfirmed = None
        for year in range(start.year, end.year + 1):
            if year not in self.confirmed_years:
                unconfirmed = max(start + _ONE_DAY, date(year, 1, 1))
                break
        proposed = tuple(
            d for d in self.special_days if d.status is DayStatus.PROPOSED and start < d.day <= end
        )
        return CalendarCertainty(unconfirmed, proposed)

    def day_note(self, day: date) -> str:
        """Why the day is special, in Vietnamese ("" for an ordinary day).

        The office's own note or the holiday's name as it is; a day without one gives
        its ``DAY_KIND_LABELS`` label, which a screen shows with ``translated()``.
        """
        special = self._special.get(day)
        if special is not None and special.applies:
            return special.note or DAY_KIND_LABELS[special.kind]
        if self._package_decides(day):
            public = public_year(day.year)
            if day in public.holidays:
                return public.holidays[day]
            if day in public.makeup_days:
                return DAY_KIND_LABELS[DayKind.MAKEUP]
        return ""

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        day -= _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (before it when n < 0; ``day`` when n = 0).

        ``day`` itself is never counted (Civil Code art. 147: the day of the
        event that starts a period is not counted).
        """
        step = self.next_working_day if n >= 0 else self.previous_working_day
        for _ in range(abs(n)):
            day = step(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative, counted the same way, when end < start.

        So ``add_working_days(start, working_days_between(start, end)) == end``
        whenever ``end`` is a working day. Counted from per-year running totals,
        so a dossier overdue for years costs no more than one due tomorrow.
        """
        if end < start:
            return -self.working_days_between(end, start)
        if start.year == end.year:
            return self._through(end) - self._through(start)
        total = self._year_counts(start.year)[-1] - self._through(start)
        for year in range(start.year + 1, end.year):
            total += self._year_counts(year)[-1]
        return total + self._through(end)

    def _year_counts(self, year: int) -> list[int]:
        """Index i: the working days from 1 January through the i-th day of the year."""
        counts = self._running_counts.get(year)
        if counts is None:
            counts, n, day = [0], 0, date(year, 1, 1)
            while day.year == year:
                n += self.is_working_day(day)
                counts.append(n)
                day += _ONE_DAY
            self._running_counts[year] = counts
        return counts

    def _through(self, day: date) -> int:
        return self._year_counts(day.year)[day.timetuple().tm_yday]

    # --- hours ------------------------------------------------------------

    def _at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=VN_TZ)

    def is_working_time(self, moment: datetime) -> bool:
        """Inside a session of a working day, both ends of the session included."""
        moment = to_vn(moment)
        return self.is_working_day(moment.date()) and self.office_hours.contains(moment.time())

    def next_working_start(self, moment: datetime) -> datetime:
        """``moment`` itself when it is working time, else the next session's start."""
        moment = to_vn(moment)
        day, clock = moment.date(), moment.time()
        if self.is_working_day(day):
            for start, end in self.office_hours.sessions:
                if clock < start:
                    return self._at(day, start)
                if clock <= end:
                    return moment
        return self._at(self.next_working_day(day), self.office_hours.opening)

    def end_of_working_day(self, day: date) -> datetime:
        """The end of the last session of a working day."""
        if not self.is_working_day(day):
            raise ValueError(
                translate("Calendar", "Ngày {date} không phải ngày làm việc.").format(
                    date=f"{day:%d/%m/%Y}"
                )
            )
        return self._at(day, self.office_hours.closing)

    def add_working_time(self, moment: datetime, amount: timedelta) -> datetime:
        """The moment when ``amount`` of working time has passed after ``moment``.

        Lunch, evenings, weekends and holidays do not count. A result that falls
        exactly on the end of a session stays there (11:30), not at the start of
        the next session (13:30): the time is used up before the break.
        """
        if amount < timedelta():
            raise ValueError(translate("Calendar", "Thời lượng làm việc cần cộng không được âm."))
        moment = self.next_working_start(moment)
        remaining = amount
        day = moment.date()
        while True:
            for start, end in self.office_hours.sessions:
                begin = max(moment, self._at(day, start))
                available = self._at(day, end) - begin
                if available < timedelta():
                    continue
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            day = self.next_working_day(day)
            moment = self._at(day, self.office_hours.opening)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from ``start`` to ``end``; negative when end < start.

        Used for urgency and statistics: the part of [start, end] that lies in
        sessions of working days.
        """
        start, end = to_vn(start), to_vn(end)
        if end < start:
            return -self.working_time_between(end, start)
        total = timedelta()
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for open_at, close_at in self.office_hours.sessions:
                    overlap = min(end, self._at(day, close_at)) - max(start, self._at(day, open_at))
                    if overlap > timedelta():
                        total += overlap
            day += _ONE_DAY
        return total

    # --- the appointment ------------------------------------------------------

    def effective_receipt(self, received: datetime) -> datetime:
        """When a dossier counts as received: outside working time, the next session's start.

        The date of this moment is "the day of receipt" for every limit.
        """
        return self.next_working_start(received)

    def appointment_for(self, received: datetime, limit: TimeLimit) -> datetime:
        """The appointment (ngày hẹn trả kết quả) for a dossier received at ``received``.

        The desk's rule (Civil Code 2015 art. 147-148: the day of receipt is not
        counted; see docs/legal.md for the one-stop texts and what is unconfirmed):

        - A receipt outside working time counts from the start of the next working
          session, and that session's day is the day of receipt. A session includes
          its ends, so a receipt at 11:30 or 17:00 sharp counts at that very time.
        - N working days: the same clock time (of the effective receipt) on the
          N-th working day after the day of receipt. The rule says the same clock
          time, so it is kept even when it falls on a session's end, at lunch or
          after hours (a receipt at 11:30 sharp is due at 11:30); it is not moved
          to a session start.
        - N working hours: N hours of working time later; a result exactly on the
          end of a session stays there.
        - In the day: the end of the day of receipt (end of its last session), or
          of the next working day when the effective receipt is after the
          procedure's cut-off (strictly after: 15:00 sharp is not after 15:00;
          Decree 23/2015 art. 7).
        - N calendar days: the period ends at the close of its last day, N days
          after the day of receipt (Civil Code 2015 art. 148(1)); when that day is
          not a working day, at the close of the next working day (art. 148(5)).
          "The close" is the end of the office's last session: the result is
          handed over at the counter.

        ``received`` may be naive (taken as Vietnam time); the result is
        Vietnam-time aware, with seconds kept as received, not rounded.
        """
        start = self.effective_receipt(received)
        day, clock = start.date(), start.time()
        if limit.kind is LimitKind.WORKING_DAYS:
            return self._at(self.add_working_days(day, limit.amount), clock)
        if limit.kind is LimitKind.WORKING_HOURS:
            return self.add_working_time(start, timedelta(hours=limit.amount))
        if limit.kind is LimitKind.SAME_DAY:
            if limit.cutoff is not None and clock > limit.cutoff:
                day = self.next_working_day(day)
            return self.end_of_working_day(day)
        if limit.kind is LimitKind.CALENDAR_DAYS:
            last_day = day + timedelta(days=limit.amount)
            if not self.is_working_day(last_day):
                last_day = self.next_working_day(last_day)
            return self.end_of_working_day(last_day)
        raise ValueError(
            translate("Calendar", "Không biết cách tính thời hạn loại “{kind}”.").format(
                kind=limit.kind
            )
        )
