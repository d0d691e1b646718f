"""A slow, obviously correct model of the appointment rule, to check the real one against.

Time is counted in whole minutes. A minute is a working minute when its day is
a working day and it starts inside a session (sessions are half-open minute
ranges here: 07:30-11:30 holds the minutes 07:30 ... 11:29). A moment is "inside
working time" when its minute is a working minute or it is the closing instant
of a session (the minute before it is a working minute). Everything else is a
literal reading of the desk's appointment rule, stepping a minute or a day at a time.

Working days of 2025 and 2026 come from the published civil-servant schedules
written out below (not from the ``holidays`` package); other years, which the
appointments only reach at the end of 2026, fall back to the package, without
24/11 (Vietnamese Culture Day is only proposed as a day off). A period in
calendar days ends at the end of its last working day (Civil Code art. 148).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import holidays

from desk.domain.clock import VN_TZ

PUBLISHED_YEARS = (2025, 2026)

# Weekdays off in the published civil-servant schedules of 2025 and 2026.
PUBLISHED_WEEKDAYS_OFF = frozenset(
    [
        date(2025, 1, 1),
        *(date(2025, 1, day) for day in range(27, 32)),
        date(2025, 4, 7),
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 5, 2),
        date(2025, 9, 1),
        date(2025, 9, 2),
        date(2026, 1, 1),
        date(2026, 1, 2),  # Văn bản 12729/VPCP-KGVX: swapped against Saturday 10/01
        *(date(2026, 2, day) for day in range(16, 21)),
        date(2026, 4, 27),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
    ]
)

# Saturdays declared working days in the same schedules.
PUBLISHED_MAKEUP_DAYS = frozenset([date(2025, 4, 26), date(2026, 1, 10), date(2026, 8, 22)])

EPOCH = datetime(2000, 1, 1, tzinfo=VN_TZ)
DAY = 24 * 60


def to_minute(moment: datetime) -> int:
    """Whole minutes since 2000-01-01 00:00 Vietnam time."""
    return (moment - EPOCH) // timedelta(minutes=1)


def from_minute(minute: int) -> datetime:
    return EPOCH + timedelta(minutes=minute)


def _minute_of_day(clock: time) -> int:
    return clock.hour * 60 + clock.minute


class ReferenceCalendar:
    """The rule, minute by minute; ``sessions`` are (start, end) clock times."""

    def __init__(self, sessions: tuple[tuple[time, time], ...]) -> None:
        ranges = [(_minute_of_day(s), _minute_of_day(e)) for s, e in sessions]
        self.session_minutes = frozenset(m for s, e in ranges for m in range(s, e))
        self._package = holidays.country_holidays("VN", years=range(2024, 2029))
        self._days: dict[int, bool] = {}

    def is_working_day(self, day: date) -> bool:
        if day.year in PUBLISHED_YEARS:
            if day in PUBLISHED_MAKEUP_DAYS:
                return True
            return day.weekday() < 5 and day not in PUBLISHED_WEEKDAYS_OFF
        if (day.month, day.day) == (11, 24):  # proposed only: not a day off yet
            return day.weekday() < 5
        return day.weekday() < 5 and day not in self._package

    def is_working_minute(self, minute: int) -> bool:
        """Minute numbers as from ``to_minute``."""
        if minute % DAY not in self.session_minutes:
            return False
        day_number = minute // DAY
        if day_number not in self._days:
            self._days[day_number] = self.is_working_day(from_minute(minute).date())
        return self._days[day_number]

    def is_inside(self, minute: int) -> bool:
        return self.is_working_minute(minute) or self.is_working_minute(minute - 1)

    def effective(self, received: datetime) -> datetime:
        minute = to_minute(received)
        while not self.is_inside(minute):
            minute += 1
        return from_minute(minute)

    def next_working_day(self, day: date) -> date:
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def end_of_day(self, day: date) -> datetime:
        """One minute after the day's last working minute."""
        minute = to_minute(datetime.combine(day, time(23, 59), tzinfo=VN_TZ))
        while not self.is_working_minute(minute):
            minute -= 1
        return from_minute(minute + 1)

    def working_days(self, received: datetime, n: int) -> datetime:
        start = self.effective(received)
        day, counted = start.date(), 0
        while counted < n:
            day += timedelta(days=1)
            counted += self.is_working_day(day)
        return datetime.combine(day, start.time(), tzinfo=VN_TZ)

    def working_hours(self, received: datetime, n: int) -> datetime:
        minute, remaining = to_minute(self.effective(received)), n * 60
        while remaining:
            if self.is_working_minute(minute):
                remaining -= 1
            minute += 1
        return from_minute(minute)

    def same_day(self, received: datetime, cutoff: time | None) -> datetime:
        start = self.effective(received)
        day = start.date()
        if cutoff is not None and start.time() > cutoff:
            day = self.next_working_day(day)
        return self.end_of_day(day)

    def calendar_days(self, received: datetime, n: int) -> datetime:
        start = self.effective(received)
        last_day = start.date() + timedelta(days=n)
        if self.is_working_day(last_day):
            return self.end_of_day(last_day)
        return self.end_of_day(self.next_working_day(last_day))

    def working_minutes_between(self, start: datetime, end: datetime) -> int:
        return sum(
            self.is_working_minute(minute) for minute in range(to_minute(start), to_minute(end))
        )
