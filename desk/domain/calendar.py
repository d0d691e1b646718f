"""The working-day calendar (lịch làm việc) and the appointment rule (ngày hẹn trả kết quả).

Working time is Monday-Friday within the office hours, minus public holidays
(Labour Code 2019 art. 112) and the days off of the yearly civil-servant
schedule, plus the Saturdays declared make-up working days (ngày làm bù).

Public holidays come from the ``holidays`` package (country VN), which computes
the lunar dates and knows some of the yearly swaps; it lags behind each year's
notice, so the office keeps its own list of special days (``CalendarDay``),
which always wins over the package. ``resources/calendar/vn-days.csv`` ships the
published schedules the desk knows; ``load_special_days`` reads such a file.

Counting follows the Civil Code 2015 art. 147-148 as the desk applies it; see
``WorkingCalendar.appointment_for``.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from os import PathLike
from pathlib import Path

import holidays

from desk.domain.clock import VN_TZ, to_vn
from desk.domain.office_hours import OfficeHours
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import QT_TRANSLATE_NOOP, translate

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


class DayKind(StrEnum):
    """How an office's own special day departs from the ordinary week."""

    OFF = "off"  # a weekday off: a swapped day, an extra Tết day, a local holiday
    MAKEUP = "makeup"  # a Saturday or Sunday declared a working day (ngày làm bù)


DAY_KIND_LABELS = {
    DayKind.OFF: QT_TRANSLATE_NOOP("DayKind", "Ngày nghỉ"),
    DayKind.MAKEUP: QT_TRANSLATE_NOOP("DayKind", "Ngày làm bù"),
}


@dataclass(frozen=True)
class CalendarDay:
    """One day the office declared off, or declared a working day."""

    day: date
    kind: DayKind
    note: str = ""

    def __post_init__(self) -> None:
        try:
            kind = DayKind(str(self.kind).strip().lower())
        except ValueError:
            raise ValueError(
                translate(
                    "Calendar",
                    "Loại ngày “{kind}” không hợp lệ: ghi “off” (ngày nghỉ) "
                    "hoặc “makeup” (ngày làm bù).",
                ).format(kind=self.kind)
            ) from None
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "note", unicodedata.normalize("NFC", self.note.strip()))


def _parse_day(text: str) -> date:
    """A date as 2025-01-27 (ISO) or 27/01/2025 (as typed in Vietnam)."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            translate(
                "Calendar", "Ngày “{text}” không hợp lệ: ghi dạng 2025-01-27 hoặc 27/01/2025."
            ).format(text=text)
        ) from None


def load_special_days(path: str | PathLike[str]) -> list[CalendarDay]:
    """Read a ``date,kind,note`` CSV file (UTF-8, with or without a BOM).

    The service layer passes the path (the shipped ``resources/calendar/vn-days.csv``
    or an office's own file); the domain knows no paths. Blank rows are skipped.
    Raises ValueError, in the clerk's language, naming the line to fix.
    """
    source = Path(path)
    days: list[CalendarDay] = []
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        if "date" not in header or "kind" not in header:
            raise ValueError(
                translate("Calendar", "Tệp {file} phải có dòng tiêu đề “date,kind,note”.").format(
                    file=source.name
                )
            )
        reader.fieldnames = header
        for row in reader:
            values = {key: (value or "").strip() for key, value in row.items() if key}
            if not any(values.values()):
                continue
            try:
                days.append(
                    CalendarDay(_parse_day(values["date"]), values["kind"], values.get("note", ""))
                )
            except ValueError as error:
                raise ValueError(
                    translate("Calendar", "Tệp {file}, dòng {line}: {error}").format(
                        file=source.name, line=reader.line_num, error=error
                    )
                ) from None
    _index_special_days(days)
    return days


def _index_special_days(days: Iterable[CalendarDay]) -> dict[date, CalendarDay]:
    """One entry per date; the same date declared both off and worked is a mistake."""
    index: dict[date, CalendarDay] = {}
    for entry in days:
        known = index.get(entry.day)
        if known is not None and known.kind is not entry.kind:
            raise ValueError(
                translate(
                    "Calendar", "Ngày {date} vừa được khai là ngày nghỉ vừa là ngày làm bù."
                ).format(date=f"{entry.day:%d/%m/%Y}")
            )
        index.setdefault(entry.day, entry)
    return index


@dataclass(frozen=True)
class _PublicYear:
    """What the ``holidays`` package says about one year."""

    holidays: Mapping[date, str]
    makeup_days: frozenset[date]


@lru_cache(maxsize=64)
def _public_year(year: int) -> _PublicYear:
    """Vietnamese public holidays and make-up days of one year, computed once.

    The neighbouring years are loaded too, because the package files a swap
    under the year of the day off, which may differ from the make-up day's year
    (e.g. 2015-01-02 off against Saturday 2014-12-27).
    """
    table = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    in_year = {day: str(name) for day, name in table.items() if day.year == year}
    makeup = frozenset(
        day
        for day in getattr(table, "weekend_workdays", ())
        if day.year == year and day.weekday() >= _SATURDAY and day not in in_year
    )
    return _PublicYear(in_year, makeup)


class WorkingCalendar:
    """Which days and hours an office works, and the appointment a limit gives.

    Precedence for a day: the office's own special day (off or make-up) first;
    then, when ``public_holidays`` is on, a public holiday (off) or a make-up day
    the ``holidays`` package knows (working); then Monday-Friday.
    """

    def __init__(
        self,
        office_hours: OfficeHours | None = None,
        special_days: Iterable[CalendarDay] = (),
        public_holidays: bool = True,
    ) -> None:
        self.office_hours = office_hours if office_hours is not None else OfficeHours()
        self.public_holidays = public_holidays
        self._special = _index_special_days(special_days)
        self._running_counts: dict[int, list[int]] = {}

    @property
    def special_days(self) -> tuple[CalendarDay, ...]:
        return tuple(sorted(self._special.values(), key=lambda entry: entry.day))

    # --- days -------------------------------------------------------------

    def is_public_holiday(self, day: date) -> bool:
        """A Vietnamese public holiday per the ``holidays`` package (office days aside)."""
        return self.public_holidays and day in _public_year(day.year).holidays

    def is_working_day(self, day: date) -> bool:
        special = self._special.get(day)
        if special is not None:
            return special.kind is DayKind.MAKEUP
        if self.public_holidays:
            public = _public_year(day.year)
            if day in public.holidays:
                return False
            if day in public.makeup_days:
                return True
        return day.weekday() < _SATURDAY

    def day_note(self, day: date) -> str:
        """Why the day is special, in Vietnamese ("" for an ordinary day).

        The office's own note or the holiday's name as it is; a day without one gives
        its ``DAY_KIND_LABELS`` label, which a screen shows with ``translated()``.
        """
        special = self._special.get(day)
        if special is not None:
            return special.note or DAY_KIND_LABELS[special.kind]
        if self.public_holidays:
            public = _public_year(day.year)
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
        counted; Decree 61/2018 on the one-stop mechanism):

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
        - N calendar days: the same clock time N days after the day of receipt;
          when that day is not a working day, the end of the next working day
          (Civil Code art. 148(5)).

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
            if self.is_working_day(last_day):
                return self._at(last_day, clock)
            return self.end_of_working_day(self.next_working_day(last_day))
        raise ValueError(
            translate("Calendar", "Không biết cách tính thời hạn loại “{kind}”.").format(
                kind=limit.kind
            )
        )
