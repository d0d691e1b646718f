"""The office's calendar from what the database stores: two settings' text and the
special days' rows.

No SQL here: ``desk.services.calendar`` reads them through SQLAlchemy and a command
on the bare driver (``desk.services.quick_list``) reads the same statements
compiled ahead of time; both build the calendar here, so both get the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desk.domain.calendar import CalendarDay, WorkingCalendar, day_kind, day_status
from desk.domain.office_hours import OfficeHours
from desk.domain.office_settings import OFFICE_HOURS, setting_or_default

#: Setting: the years whose official schedule is entered, e.g. "2025,2026".
CONFIRMED_YEARS = "calendar_confirmed_years"


def stored_day(
    day: date | str, kind: str, note: str, source: str | None, status: str | None
) -> CalendarDay:
    """A special day from its row (SQLite's driver gives the date as text)."""
    return CalendarDay(
        date.fromisoformat(day) if isinstance(day, str) else day,
        day_kind(kind),
        note,
        source or "",
        day_status(status or "confirmed"),
    )


def years_of(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.replace(" ", "").split(",") if part.isdigit())


def calendar_from(
    hours: str | None, confirmed_years: str | None, days: Iterable[CalendarDay]
) -> WorkingCalendar:
    """The calendar of the stored settings (``None``: not set, the default) and days."""
    return WorkingCalendar(
        office_hours=OfficeHours.parse(setting_or_default(OFFICE_HOURS, hours)),
        special_days=tuple(days),
        confirmed_years=years_of(setting_or_default(CONFIRMED_YEARS, confirmed_years)),
    )
