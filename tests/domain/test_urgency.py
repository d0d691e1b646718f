from __future__ import annotations

from datetime import datetime

import pytest

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ
from desk.domain.urgency import Band, band_bounds, band_for

CAL = WorkingCalendar()
NOW = datetime(2026, 3, 12, 9, 0, tzinfo=VN_TZ)  # Thursday


def at(*args):
    return datetime(*args, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    "due, band",
    [
        (at(2026, 3, 12, 8, 59), Band.OVERDUE),
        (at(2026, 3, 12, 9, 0), Band.TODAY),
        (at(2026, 3, 12, 17, 0), Band.TODAY),
        (at(2026, 3, 13, 10, 0), Band.NEXT_DAY),  # Friday
        (at(2026, 3, 16, 10, 0), Band.SOON),  # Monday: 2nd working day
        (at(2026, 3, 17, 17, 0), Band.SOON),  # Tuesday: 3rd working day
        (at(2026, 3, 18, 8, 0), Band.WITHIN),
    ],
)
def test_bands(due, band):
    assert band_for(due, NOW, CAL) is band


def test_next_working_day_skips_tet():
    before_tet = at(2026, 2, 13, 9, 0)  # Friday before Tết 2026
    assert band_for(at(2026, 2, 23, 10, 0), before_tet, CAL) is Band.NEXT_DAY


def test_bounds_are_contiguous():
    bounds = list(band_bounds(NOW, CAL).values())
    for (_, end), (start, _) in zip(bounds, bounds[1:]):
        assert end == start
