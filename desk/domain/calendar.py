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

import csv
import importlib.util
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from os import PathLike
from pathlib import Path

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


class DayStatus(StrEnum):
    """How settled a special day's legal footing is."""

    CONFIRMED = "confirmed"  # in an official text: applied
    PROPOSED = "proposed"  # announced, not yet law: not applied until the admin confirms it
    REJECTED = "rejected"  # the admin decided it does not apply this year


DAY_STATUS_LABELS = {
    DayStatus.CONFIRMED: QT_TRANSLATE_NOOP("DayStatus", "Đã xác nhận"),
    DayStatus.PROPOSED: QT_TRANSLATE_NOOP("DayStatus", "Đề xuất, chờ quyết định"),
    DayStatus.REJECTED: QT_TRANSLATE_NOOP("DayStatus", "Không áp dụng"),
}


@dataclass(frozen=True)
class CalendarDay:
    """One day the office declared off, or declared a working day.

    ``source`` names the text it comes from (e.g. "Văn bản 12729/VPCP-KGVX ngày
    25/12/2025"); ``status`` says whether it applies (``DayStatus``).
    """

    day: date
    kind: DayKind
    note: str = ""
    source: str = ""
    status: DayStatus = DayStatus.CONFIRMED

    @property
    def applies(self) -> bool:
        return self.status is DayStatus.CONFIRMED

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", day_kind(self.kind))
        object.__setattr__(self, "status", day_status(self.status))
        object.__setattr__(self, "note", unicodedata.normalize("NFC", self.note.strip()))
        object.__setattr__(self, "source", unicodedata.normalize("NFC", self.source.strip()))


def day_kind(text: str) -> DayKind:
    """The kind a file or the database writes ("off", " Makeup "); ``ValueError`` saying
    what to write for any other."""
    try:
        return DayKind(str(text).strip().lower())
    except ValueError:
        raise ValueError(
            translate(
                "Calendar",
                "Loại ngày “{kind}” không hợp lệ: ghi “off” (ngày nghỉ) "
                "hoặc “makeup” (ngày làm bù).",
            ).format(kind=text)
        ) from None


def day_status(text: str) -> DayStatus:
    """The status a file or the database writes, confirmed when empty; ``ValueError``
    saying what to write for any other."""
    try:
        return DayStatus(str(text or DayStatus.CONFIRMED).strip().lower())
    except ValueError:
        raise ValueError(
            translate(
                "Calendar",
                "Trạng thái “{status}” không hợp lệ: ghi “confirmed” (đã xác nhận), "
                "“proposed” (đề xuất) hoặc “rejected” (không áp dụng).",
            ).format(status=text)
        ) from None


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
    """Read a ``date,kind,note[,source,status]`` CSV file (UTF-8, with or without a BOM).

    The service layer passes the path (the shipped ``resources/calendar/vn-days.csv``
    or an office's own file); the domain knows no paths. Blank rows are skipped.
    Raises ValueError, in the clerk's language, naming the line to fix.
    """
    source = Path(path)
    try:
        return _read_special_days(source)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValueError(
            translate(
                "Calendar",
                "Không đọc được tệp lịch {file}: cần một tệp CSV mã hóa UTF-8 có các cột "
                "date,kind,note,source,status ({error}).",
            ).format(file=source.name, error=error.__class__.__name__)
        ) from None


def _read_special_days(source: Path) -> list[CalendarDay]:
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
                    CalendarDay(
                        _parse_day(values["date"]),
                        day_kind(values["kind"]),
                        values.get("note", ""),
                        values.get("source", ""),
                        day_status(values.get("status", "")),
                    )
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


def years_confirmed_by(days: Iterable[CalendarDay]) -> frozenset[int]:
    """The years an official schedule file confirms: those with a confirmed day in it.

    A year's official schedule always has some (Tết, 30/4, 2/9), and a file of
    proposed days alone confirms nothing.
    """
    return frozenset(d.day.year for d in days if d.applies)


def _unsettled_dates(days: Iterable[CalendarDay]) -> frozenset[tuple[int, int]]:
    """(month, day) of the days off that are only proposed or were rejected.

    The ``holidays`` package may already list such a day for every year (it lists
    24/11 from 2026): until the office has confirmed that date in some year, the
    package's word on it is not taken in the years not yet confirmed either.
    """
    confirmed = {(d.day.month, d.day.day) for d in days if d.applies and d.kind is DayKind.OFF}
    return frozenset(
        (d.day.month, d.day.day)
        for d in days
        if not d.applies and d.kind is DayKind.OFF and (d.day.month, d.day.day) not in confirmed
    )


@dataclass(frozen=True)
class _PublicYear:
    """What the ``holidays`` package says about one year."""

    holidays: Mapping[date, str]
    makeup_days: frozenset[date]


@lru_cache(maxsize=1)
def _vietnam() -> type:
    """The ``holidays`` package's Vietnam, loaded when a year not confirmed is first
    asked about, and alone: its module is read by itself, not through
    ``holidays.countries``, whose ``__init__`` imports every country of the world
    (twice the time and the memory). A build that keeps the package in an archive
    (no file to read) imports it the ordinary way.
    """
    import holidays

    path = Path(holidays.__file__).parent / "countries" / "vietnam.py"
    spec = importlib.util.spec_from_file_location("desk_holidays_vietnam", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module.Vietnam
        except (OSError, ImportError, AttributeError):
            pass
    from holidays.countries.vietnam import Vietnam

    return Vietnam


_TABLE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _table():  # noqa: ANN202
    """One table of the package's days, grown a year at a time (a table per year asked
    for, with its neighbours, made each year three times over)."""
    return _vietnam()(years=(), language="vi")


@lru_cache(maxsize=64)
def _public_year(year: int) -> _PublicYear:
    """Vietnamese public holidays and make-up days of one year, computed once.

    The neighbouring years are loaded too, because the package files a swap
    under the year of the day off, which may differ from the make-up day's year
    (e.g. 2015-01-02 off against Saturday 2014-12-27).
    """
    with _TABLE_LOCK:
        table = _table()
        for neighbour in (year - 1, year, year + 1):
            if neighbour not in table.years:
                table.update(_vietnam()(years=neighbour, language="vi"))
        in_year = {day: str(name) for day, name in table.items() if day.year == year}
    makeup = frozenset(
        day
        for day in getattr(table, "weekend_workdays", ())
        if day.year == year and day.weekday() >= _SATURDAY and day not in in_year
    )
    return _PublicYear(in_year, makeup)


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
        self._special = _index_special_days(special_days)
        self.confirmed_years = frozenset(confirmed_years)
        self._unsettled = _unsettled_dates(self._special.values())
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
            public = _public_year(day.year)
            if day in public.holidays:
                return False
            if day in public.makeup_days:
                return True
        return day.weekday() < _SATURDAY

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
