"""The appointment (ngày hẹn trả kết quả): worked examples, the yearly holidays, edge cases,
and a comparison with a minute-by-minute reference model on random receipts."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from reference_calendar import ReferenceCalendar

from desk.config import resource
from desk.domain.calendar import (
    CalendarDay,
    DayStatus,
    WorkingCalendar,
    load_special_days,
    years_confirmed_by,
)
from desk.domain.clock import VN_TZ
from desk.domain.office_hours import OfficeHours
from desk.domain.time_limit import LimitKind, TimeLimit


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


WD = TimeLimit.working_days
WH = TimeLimit.working_hours
CD = TimeLimit.calendar_days
SAME_DAY = TimeLimit.same_day()
SAME_DAY_15 = TimeLimit.same_day(time(15, 0))


def shipped_calendar(hours: OfficeHours | None = None) -> WorkingCalendar:
    """The calendar a new office gets: the shipped days, and the years they confirm."""
    days = load_special_days(resource("calendar", "vn-days.csv"))
    return WorkingCalendar(hours, special_days=days, confirmed_years=years_confirmed_by(days))


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return shipped_calendar()


def check(cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime) -> None:
    appointment = cal.appointment_for(received, limit)
    assert appointment == due
    assert appointment.utcoffset() == timedelta(hours=7)


# --- the four worked examples, verbatim ----------------------------------------------


def test_example_friday_two_working_days(cal: WorkingCalendar) -> None:
    """Received Friday 2026-03-06 10:00, 2 working days: Tuesday 2026-03-10 10:00."""
    check(cal, vn(2026, 3, 6, 10, 0), WD(2), vn(2026, 3, 10, 10, 0))


def test_example_after_hours_one_working_day(cal: WorkingCalendar) -> None:
    """Received Tuesday 2026-03-10 18:00, 1 working day: counts from Wednesday 07:30,
    so Wednesday is the day of receipt: Thursday 2026-03-12 07:30."""
    check(cal, vn(2026, 3, 10, 18, 0), WD(1), vn(2026, 3, 12, 7, 30))


def test_example_three_working_hours_across_lunch(cal: WorkingCalendar) -> None:
    """Received Tuesday 2026-03-10 11:00, 3 working hours: 0.5 h before lunch,
    2.5 h after: Tuesday 16:00."""
    check(cal, vn(2026, 3, 10, 11, 0), WH(3), vn(2026, 3, 10, 16, 0))


def test_example_same_day_after_cutoff(cal: WorkingCalendar) -> None:
    """In the day with a 15:00 cut-off, received Tuesday 2026-03-10 15:30:
    Wednesday 2026-03-11 17:00."""
    check(cal, vn(2026, 3, 10, 15, 30), SAME_DAY_15, vn(2026, 3, 11, 17, 0))


# --- the yearly holidays ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        # Tết 2025: Saturday 25/1 to Sunday 2/2 off.
        (vn(2025, 1, 24, 9, 0), WD(1), vn(2025, 2, 3, 9, 0)),
        (vn(2025, 1, 23, 9, 0), WD(2), vn(2025, 2, 3, 9, 0)),
        (vn(2025, 1, 29, 10, 0), WD(1), vn(2025, 2, 4, 7, 30)),
        (vn(2025, 1, 24, 16, 0), WH(8), vn(2025, 2, 3, 16, 30)),
        (vn(2025, 1, 24, 15, 30), SAME_DAY_15, vn(2025, 2, 3, 17, 0)),
        # Tết 2026: Saturday 14/2 to Sunday 22/2 off.
        (vn(2026, 2, 13, 10, 0), WD(1), vn(2026, 2, 23, 10, 0)),
        (vn(2026, 2, 13, 15, 0), WH(16), vn(2026, 2, 24, 16, 0)),
        (vn(2026, 2, 13, 16, 0), SAME_DAY_15, vn(2026, 2, 23, 17, 0)),
        (vn(2026, 2, 5, 9, 0), CD(10), vn(2026, 2, 23, 17, 0)),
    ],
)
def test_tet(cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime) -> None:
    check(cal, received, limit, due)


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        # Friday 25/4/2025, 1 working day: the make-up Saturday 26/4 is that day.
        (vn(2025, 4, 25, 10, 0), WD(1), vn(2025, 4, 26, 10, 0)),
        (vn(2025, 4, 25, 10, 0), WD(2), vn(2025, 4, 28, 10, 0)),
        (vn(2025, 4, 25, 10, 0), WD(4), vn(2025, 5, 5, 10, 0)),
        # 30/4, 1/5 and the swapped 2/5 are off.
        (vn(2025, 4, 29, 14, 0), WD(1), vn(2025, 5, 5, 14, 0)),
        # Received on the make-up Saturday itself: a working day like any other.
        (vn(2025, 4, 26, 9, 0), WD(1), vn(2025, 4, 28, 9, 0)),
        (vn(2025, 4, 25, 16, 0), WH(2), vn(2025, 4, 26, 8, 30)),
        (vn(2025, 4, 25, 17, 30), SAME_DAY, vn(2025, 4, 26, 17, 0)),
        # Received 23/4/2025 + 9 days = Friday 2/5, a day off: end of Monday 5/5.
        (vn(2025, 4, 23, 10, 0), CD(9), vn(2025, 5, 5, 17, 0)),
    ],
)
def test_reunification_and_labour_day_2025(
    cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime
) -> None:
    check(cal, received, limit, due)


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        # 2025: Monday 1/9 and Tuesday 2/9 off.
        (vn(2025, 8, 29, 15, 0), WD(1), vn(2025, 9, 3, 15, 0)),
        (vn(2025, 8, 29, 16, 0), WH(3), vn(2025, 9, 3, 9, 30)),
        # 2026: Saturday 22/8 worked; Monday 31/8, 1/9 and 2/9 off.
        (vn(2026, 8, 21, 9, 0), WD(1), vn(2026, 8, 22, 9, 0)),
        (vn(2026, 8, 22, 10, 0), WD(1), vn(2026, 8, 24, 10, 0)),
        (vn(2026, 8, 28, 9, 0), WD(1), vn(2026, 9, 3, 9, 0)),
        (vn(2026, 8, 28, 9, 0), CD(3), vn(2026, 9, 3, 17, 0)),
        (vn(2026, 8, 15, 9, 0), CD(7), vn(2026, 8, 24, 17, 0)),  # Saturday: from Monday 17/8
        (vn(2026, 8, 14, 10, 0), CD(8), vn(2026, 8, 22, 17, 0)),  # ends on the make-up Saturday
    ],
)
def test_national_day(
    cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime
) -> None:
    check(cal, received, limit, due)


def test_hung_kings_2026_observed_monday(cal: WorkingCalendar) -> None:
    check(cal, vn(2026, 4, 24, 10, 0), WD(1), vn(2026, 4, 28, 10, 0))


def test_vietnam_culture_day_2026_is_only_proposed(cal: WorkingCalendar) -> None:
    """24/11 is shipped as a proposed day: a working day until the admin confirms it."""
    check(cal, vn(2026, 11, 23, 10, 0), WD(1), vn(2026, 11, 24, 10, 0))
    check(cal, vn(2026, 11, 24, 9, 0), SAME_DAY, vn(2026, 11, 24, 17, 0))
    days = [
        CalendarDay(d.day, d.kind, d.note, d.source, DayStatus.CONFIRMED)
        if d.day == date(2026, 11, 24)
        else d
        for d in cal.special_days
    ]
    confirmed = WorkingCalendar(special_days=days, confirmed_years=cal.confirmed_years)
    check(confirmed, vn(2026, 11, 23, 10, 0), WD(1), vn(2026, 11, 25, 10, 0))
    check(confirmed, vn(2026, 11, 23, 16, 0), WH(2), vn(2026, 11, 25, 8, 30))
    check(confirmed, vn(2026, 11, 24, 9, 0), SAME_DAY, vn(2026, 11, 25, 17, 0))


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        # Văn bản 12729/VPCP-KGVX: off Thursday 01/01 to Sunday 04/01/2026, Friday 02/01
        # worked on Saturday 10/01.
        (vn(2025, 12, 31, 10, 0), WD(1), vn(2026, 1, 5, 10, 0)),
        (vn(2025, 12, 31, 10, 0), WD(2), vn(2026, 1, 6, 10, 0)),
        (vn(2025, 12, 31, 16, 0), WH(3), vn(2026, 1, 5, 9, 30)),
        (vn(2026, 1, 2, 9, 0), SAME_DAY, vn(2026, 1, 5, 17, 0)),
        (vn(2026, 1, 9, 10, 0), WD(1), vn(2026, 1, 10, 10, 0)),  # the make-up Saturday
        (vn(2026, 1, 9, 10, 0), WD(2), vn(2026, 1, 12, 10, 0)),
        (vn(2026, 1, 10, 8, 0), SAME_DAY, vn(2026, 1, 10, 17, 0)),  # received on it
        (vn(2026, 1, 9, 16, 0), WH(2), vn(2026, 1, 10, 8, 30)),
        (vn(2025, 12, 29, 10, 0), CD(4), vn(2026, 1, 5, 17, 0)),  # ends on 02/01: off
        (vn(2026, 1, 6, 10, 0), CD(4), vn(2026, 1, 10, 17, 0)),  # ends on the make-up day
    ],
)
def test_new_year_2026_swap(
    cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime
) -> None:
    check(cal, received, limit, due)


# --- when the dossier arrives outside working time ---------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (vn(2026, 3, 10, 6, 45), vn(2026, 3, 11, 7, 30)),  # before opening
        (vn(2026, 3, 10, 12, 0), vn(2026, 3, 11, 13, 30)),  # at lunch
        (vn(2026, 3, 10, 17, 1), vn(2026, 3, 12, 7, 30)),  # just after closing
        (vn(2026, 3, 6, 19, 0), vn(2026, 3, 10, 7, 30)),  # Friday evening
        (vn(2026, 3, 7, 9, 0), vn(2026, 3, 10, 7, 30)),  # Saturday
        (vn(2026, 3, 8, 23, 59), vn(2026, 3, 10, 7, 30)),  # Sunday night
        (vn(2026, 4, 30, 9, 0), vn(2026, 5, 5, 7, 30)),  # holiday, then 1/5 and a weekend
    ],
)
def test_receipt_outside_working_time(
    cal: WorkingCalendar, received: datetime, due: datetime
) -> None:
    check(cal, received, WD(1), due)


def test_receipt_at_the_end_of_a_session_keeps_its_clock_time(cal: WorkingCalendar) -> None:
    """11:30 and 17:00 sharp are inside their session; N working days keep that time."""
    check(cal, vn(2026, 3, 10, 11, 30), WD(1), vn(2026, 3, 11, 11, 30))
    check(cal, vn(2026, 3, 10, 17, 0), WD(1), vn(2026, 3, 11, 17, 0))
    check(cal, vn(2026, 3, 10, 11, 30), WH(1), vn(2026, 3, 10, 14, 30))
    check(cal, vn(2026, 3, 10, 17, 0), WH(1), vn(2026, 3, 11, 8, 30))


def test_seconds_are_kept_not_rounded(cal: WorkingCalendar) -> None:
    received = datetime(2026, 3, 10, 10, 0, 45, 123000, tzinfo=VN_TZ)
    assert cal.appointment_for(received, WD(1)) == received + timedelta(days=1)
    assert cal.appointment_for(received, WH(1)) == received + timedelta(hours=1)
    assert cal.appointment_for(received, CD(7)) == vn(2026, 3, 17, 17, 0)  # end of the day
    assert cal.appointment_for(received, SAME_DAY) == vn(2026, 3, 10, 17, 0)


def test_naive_and_foreign_zone_receipts(cal: WorkingCalendar) -> None:
    due = vn(2026, 3, 10, 10, 0)
    naive = cal.appointment_for(datetime(2026, 3, 6, 10, 0), WD(2))
    utc = cal.appointment_for(datetime(2026, 3, 6, 3, 0, tzinfo=UTC), WD(2))
    assert naive == due and naive.tzinfo is VN_TZ
    assert utc == due and utc.tzinfo is VN_TZ
    # 23:30 UTC on Thursday is 06:30 on Friday in Vietnam: before opening on Friday.
    early = cal.appointment_for(datetime(2026, 3, 5, 23, 30, tzinfo=UTC), WD(1))
    assert early == vn(2026, 3, 9, 7, 30)


# --- working hours ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "hours", "due"),
    [
        (vn(2026, 3, 10, 16, 0), 2, vn(2026, 3, 11, 8, 30)),  # overnight
        (vn(2026, 3, 6, 16, 30), 4, vn(2026, 3, 9, 11, 0)),  # over the weekend
        (vn(2026, 3, 10, 9, 30), 2, vn(2026, 3, 10, 11, 30)),  # ends on lunch: stays 11:30
        (vn(2026, 3, 10, 14, 0), 3, vn(2026, 3, 10, 17, 0)),  # ends on closing: stays 17:00
        (vn(2026, 3, 10, 7, 30), 8, vn(2026, 3, 11, 8, 0)),  # a full day and a half hour
        (vn(2026, 3, 10, 12, 0), 1, vn(2026, 3, 10, 14, 30)),  # received at lunch
        (vn(2026, 3, 7, 10, 0), 4, vn(2026, 3, 9, 11, 30)),  # received on Saturday
        (vn(2026, 3, 10, 8, 0), 24, vn(2026, 3, 13, 9, 30)),  # three days and more
    ],
)
def test_working_hours(cal: WorkingCalendar, received: datetime, hours: int, due: datetime) -> None:
    check(cal, received, WH(hours), due)


def test_working_hours_use_exactly_the_limit(cal: WorkingCalendar) -> None:
    received = vn(2026, 2, 12, 14, 10)
    due = cal.appointment_for(received, WH(20))
    assert cal.working_time_between(received, due) == timedelta(hours=20)


# --- in the day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "limit", "due"),
    [
        (vn(2026, 3, 10, 15, 30), SAME_DAY, vn(2026, 3, 10, 17, 0)),  # no cut-off
        (vn(2026, 3, 10, 16, 59), SAME_DAY, vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 10, 14, 59), SAME_DAY_15, vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 10, 15, 0), SAME_DAY_15, vn(2026, 3, 10, 17, 0)),  # 15:00 is not after
        (vn(2026, 3, 10, 15, 1), SAME_DAY_15, vn(2026, 3, 11, 17, 0)),
        (vn(2026, 3, 10, 18, 0), SAME_DAY_15, vn(2026, 3, 11, 17, 0)),  # counts from 07:30
        (vn(2026, 3, 10, 6, 0), SAME_DAY_15, vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 6, 16, 0), SAME_DAY_15, vn(2026, 3, 9, 17, 0)),  # Friday: Monday
        (vn(2026, 3, 7, 16, 0), SAME_DAY_15, vn(2026, 3, 9, 17, 0)),  # Saturday: Monday
        (vn(2026, 3, 10, 12, 0), TimeLimit.same_day(time(11, 0)), vn(2026, 3, 11, 17, 0)),
    ],
)
def test_same_day(
    cal: WorkingCalendar, received: datetime, limit: TimeLimit, due: datetime
) -> None:
    check(cal, received, limit, due)


def test_same_day_one_second_after_the_cutoff(cal: WorkingCalendar) -> None:
    received = datetime(2026, 3, 10, 15, 0, 1, tzinfo=VN_TZ)
    check(cal, received, SAME_DAY_15, vn(2026, 3, 11, 17, 0))


# --- calendar days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # Civil Code art. 148(1): the period ends at the close of its last day;
        # art. 148(5): on a day off, at the close of the next working day.
        (vn(2026, 3, 3, 10, 0), 7, vn(2026, 3, 10, 17, 0)),  # lands on a Tuesday
        (vn(2026, 3, 3, 10, 0), 5, vn(2026, 3, 9, 17, 0)),  # Sunday: end of Monday
        (vn(2026, 3, 3, 10, 0), 4, vn(2026, 3, 9, 17, 0)),  # Saturday: end of Monday
        (vn(2026, 4, 20, 10, 0), 10, vn(2026, 5, 4, 17, 0)),  # 30/4 holiday, 1/5, weekend
        (vn(2026, 3, 6, 9, 0), 20, vn(2026, 3, 26, 17, 0)),  # a construction permit
        (vn(2026, 3, 7, 9, 0), 1, vn(2026, 3, 10, 17, 0)),  # Saturday receipt: from Monday
        (vn(2026, 2, 6, 9, 0), 10, vn(2026, 2, 23, 17, 0)),  # ends 16/02, Tết: Monday 23/02
        (vn(2026, 8, 21, 9, 0), 10, vn(2026, 9, 3, 17, 0)),  # ends 31/08, swapped: 03/09
    ],
)
def test_calendar_days(cal: WorkingCalendar, received: datetime, days: int, due: datetime) -> None:
    check(cal, received, CD(days), due)


# --- other office hours ----------------------------------------------------------------


def test_other_office_hours() -> None:
    cal = WorkingCalendar(OfficeHours.parse("08:00-12:00, 13:00-16:30"))
    check(cal, vn(2026, 3, 10, 7, 45), WD(1), vn(2026, 3, 11, 8, 0))
    check(cal, vn(2026, 3, 10, 11, 0), WH(3), vn(2026, 3, 10, 15, 0))
    check(cal, vn(2026, 3, 10, 14, 0), SAME_DAY, vn(2026, 3, 10, 16, 30))
    check(cal, vn(2026, 3, 10, 16, 45), WD(1), vn(2026, 3, 12, 8, 0))


# --- against the reference model -----------------------------------------------------

BOUNDARY_TIMES = [
    time(0, 0), time(7, 29), time(7, 30), time(7, 31), time(11, 29), time(11, 30),
    time(11, 31), time(13, 29), time(13, 30), time(14, 59), time(15, 0), time(15, 1),
    time(16, 59), time(17, 0), time(17, 1), time(23, 59),
]  # fmt: skip
FIRST_DAY = date(2025, 1, 1)
DAYS_IN_RANGE = (date(2026, 12, 31) - FIRST_DAY).days + 1


def random_receipt(rng: random.Random) -> datetime:
    """A minute in 2025-2026; one time in three on or next to a boundary."""
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS_IN_RANGE))
    if rng.random() < 1 / 3:
        clock = rng.choice(BOUNDARY_TIMES)
    else:
        clock = time(rng.randrange(24), rng.randrange(60))
    return datetime.combine(day, clock, tzinfo=VN_TZ)


def expected(ref: ReferenceCalendar, received: datetime, limit: TimeLimit) -> datetime:
    if limit.kind is LimitKind.WORKING_DAYS:
        return ref.working_days(received, limit.amount)
    if limit.kind is LimitKind.WORKING_HOURS:
        return ref.working_hours(received, limit.amount)
    if limit.kind is LimitKind.CALENDAR_DAYS:
        return ref.calendar_days(received, limit.amount)
    return ref.same_day(received, limit.cutoff)


def random_limits(rng: random.Random) -> list[TimeLimit]:
    """Every kind with every amount 1..30 (several times), and same-day limits."""
    limits = [
        TimeLimit(kind, amount)
        for kind in (LimitKind.WORKING_DAYS, LimitKind.WORKING_HOURS, LimitKind.CALENDAR_DAYS)
        for amount in range(1, 31)
        for _ in range(30)
    ]
    cutoffs = [None, time(15, 0), time(11, 30), time(7, 30), time(17, 0)]
    limits += [TimeLimit.same_day(rng.choice(cutoffs)) for _ in range(500)]
    limits += [
        TimeLimit.same_day(time(rng.randrange(6, 18), rng.randrange(60))) for _ in range(300)
    ]
    return limits


def test_appointment_matches_the_reference_model(cal: WorkingCalendar) -> None:
    ref = ReferenceCalendar(OfficeHours().sessions)
    rng = random.Random(20250101)
    mismatches = []
    limits = random_limits(rng)
    for limit in limits:
        received = random_receipt(rng)
        got, want = cal.appointment_for(received, limit), expected(ref, received, limit)
        if got != want:
            mismatches.append((received, limit, got, want))
    assert len(limits) == 3500
    assert mismatches == []


def test_other_office_hours_match_the_reference_model() -> None:
    hours = OfficeHours.parse("07:00-11:00, 13:00-16:30, 18:00-20:00")
    cal = shipped_calendar(hours)
    ref = ReferenceCalendar(hours.sessions)
    rng = random.Random(7)
    mismatches = []
    for _ in range(400):
        kind = rng.choice(list(LimitKind))
        if kind is LimitKind.SAME_DAY:
            limit = TimeLimit.same_day(rng.choice([None, time(15, 0), time(18, 30)]))
        else:
            limit = TimeLimit(kind, rng.randint(1, 30))
        received = random_receipt(rng)
        if cal.appointment_for(received, limit) != expected(ref, received, limit):
            mismatches.append((received, limit))
    assert mismatches == []


def test_every_day_of_2025_and_2026_matches_the_published_schedule(
    cal: WorkingCalendar,
) -> None:
    ref = ReferenceCalendar(OfficeHours().sessions)
    days = [FIRST_DAY + timedelta(days=i) for i in range(DAYS_IN_RANGE)]
    differing = [day for day in days if cal.is_working_day(day) != ref.is_working_day(day)]
    assert differing == []
    assert sum(cal.is_working_day(day) for day in days) == sum(
        ref.is_working_day(day) for day in days
    )


def test_working_time_between_matches_the_reference_model(cal: WorkingCalendar) -> None:
    ref = ReferenceCalendar(OfficeHours().sessions)
    rng = random.Random(99)
    for _ in range(150):
        start = random_receipt(rng)
        end = start + timedelta(minutes=rng.randrange(-8000, 8000))
        if end >= start:
            minutes = ref.working_minutes_between(start, end)
        else:
            minutes = -ref.working_minutes_between(end, start)
        assert cal.working_time_between(start, end) == timedelta(minutes=minutes), (start, end)
