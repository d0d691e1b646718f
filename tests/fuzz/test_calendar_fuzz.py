"""Any receipt moment in 2025-2027 and any limit: the appointment keeps the rules.

It is never before the receipt, falls on a working day, and inside office hours
(``is_working_time`` includes a session's ends). One rule case may sit outside
a session: N working days keep the clock time of the (effective) receipt, which
can be at 11:30 or 17:00 sharp, i.e. on a session's end, so it still counts as
working time. For N working days the appointment's clock time must equal the
effective receipt's, as the rule says.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ
from desk.domain.time_limit import LimitKind, TimeLimit

CALENDAR = WorkingCalendar()
moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31, 23, 59))
cutoffs = st.none() | st.times(min_value=time(7, 0), max_value=time(18, 0))


@st.composite
def limits(draw) -> TimeLimit:
    kind = draw(st.sampled_from(list(LimitKind)))
    if kind is LimitKind.SAME_DAY:
        return TimeLimit.same_day(draw(cutoffs))
    return TimeLimit(kind, draw(st.integers(1, 60)))


@settings(max_examples=200, deadline=None)
@given(moments, limits())
def test_the_appointment_is_after_the_receipt_on_a_working_day_in_office_hours(moment, limit):
    received = moment.replace(tzinfo=VN_TZ)
    due = CALENDAR.appointment_for(received, limit)
    assert due >= received
    assert CALENDAR.is_working_day(due.date())
    assert CALENDAR.is_working_time(due)
    start = CALENDAR.effective_receipt(received)
    if limit.kind is LimitKind.WORKING_DAYS:
        assert due.time() == start.time()
        assert CALENDAR.working_days_between(start.date(), due.date()) >= 1
    if limit.kind is LimitKind.CALENDAR_DAYS:
        assert due.date() >= start.date() + timedelta(days=limit.amount)
