"""Dates as letters write them (Decree 30/2020: leading zeros for days < 10 and months 1-2)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.vn_dates import letter_date_parts, time_and_date_text


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (date(2026, 2, 14), "ngày 14 tháng 02 năm 2026"),
        (date(2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
        (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
        (date(2026, 10, 9), "ngày 09 tháng 10 năm 2026"),
    ],
)
def test_letter_dates(day, text):
    parts = letter_date_parts(day)
    assert f"ngày {parts['day']} tháng {parts['month']} năm {parts['year']}" == text


def test_a_utc_moment_is_worded_in_vietnam_time():
    from datetime import UTC

    moment = datetime(2026, 3, 9, 17, 30, tzinfo=UTC)  # 00:30 on the 10th in Vietnam
    assert time_and_date_text(moment) == "00 giờ 30 phút, ngày 10/03/2026"
    assert time_and_date_text(moment.astimezone(VN_TZ)) == "00 giờ 30 phút, ngày 10/03/2026"
