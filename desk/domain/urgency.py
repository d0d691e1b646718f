"""Urgency bands of the worklist: how soon a running dossier is due.

Most urgent first, by working time left until the due date (the appointment,
or the one new date an apology gave). Since working time left only grows with
the due date, the bands are ranges of due dates, which a database index serves.

- overdue (quá hạn): due before now;
- today (đến hạn hôm nay): due later today;
- next working day (đến hạn ngày làm việc tới);
- within 3 working days (trong 3 ngày làm việc);
- within time (còn hạn): later.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ, to_vn
from desk.domain.translation import QT_TRANSLATE_NOOP


class Band(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    NEXT_DAY = "next_day"
    SOON = "soon"
    WITHIN = "within"


BAND_LABELS = {
    Band.OVERDUE: QT_TRANSLATE_NOOP("Band", "Quá hạn"),
    Band.TODAY: QT_TRANSLATE_NOOP("Band", "Đến hạn hôm nay"),
    Band.NEXT_DAY: QT_TRANSLATE_NOOP("Band", "Đến hạn ngày làm việc tới"),
    Band.SOON: QT_TRANSLATE_NOOP("Band", "Trong 3 ngày làm việc"),
    Band.WITHIN: QT_TRANSLATE_NOOP("Band", "Còn hạn"),
}

SOON_WORKING_DAYS = 3


def _midnight_after(d: date) -> datetime:
    return datetime.combine(d + timedelta(days=1), time(0), VN_TZ)


def day_edges(today: date, calendar: WorkingCalendar) -> tuple[datetime, datetime, datetime]:
    """The band edges that depend on the day alone (a list computes them once, not per
    row): the end of today, of the next working day, and of the third working day."""
    end_today = _midnight_after(today)
    end_next = _midnight_after(calendar.next_working_day(today))
    end_soon = _midnight_after(calendar.add_working_days(today, SOON_WORKING_DAYS))
    return end_today, end_next, max(end_soon, end_next)


def is_overdue(due: datetime, now: datetime) -> bool:
    """Quá hạn: the date owed (the appointment, or an apology's new date) is before now.

    The one rule every count of overdue dossiers follows (the worklist's band, the
    at-risk list, the report and the dashboard, whose queries compare the same way):
    a dossier due at this very minute is not late yet (on the appointment date and
    no later than its time is on time: the desk's definition, as no text in force
    defines it; see docs/legal.md and ``desk.domain.lifecycle``).
    """
    return to_vn(due) < to_vn(now)


def band_bounds(
    now: datetime,
    calendar: WorkingCalendar,
    edges: tuple[datetime, datetime, datetime] | None = None,
) -> dict[Band, tuple[datetime | None, datetime | None]]:
    """Each band as a half-open range ``[start, end)`` of due dates (``None`` = open end).

    ``edges`` are ``day_edges`` of now's day, when the caller already has them.
    """
    now = to_vn(now)
    end_today, end_next, end_soon = edges or day_edges(now.date(), calendar)
    return {
        Band.OVERDUE: (None, now),
        Band.TODAY: (now, end_today),
        Band.NEXT_DAY: (end_today, end_next),
        Band.SOON: (end_next, end_soon),
        Band.WITHIN: (end_soon, None),
    }


#: The bands in the order of their ranges: ``BANDS[i]`` ends where ``BANDS[i + 1]`` starts.
BANDS = tuple(Band)


def band_for(due: datetime, now: datetime, calendar: WorkingCalendar) -> Band:
    due = to_vn(due)
    for band, (start, end) in band_bounds(now, calendar).items():
        if (start is None or due >= start) and (end is None or due < end):
            return band
    raise AssertionError("the bands cover every date")
