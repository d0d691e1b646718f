from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desk.domain.clock import VN_TZ
from desk.printing.vn_format import (
    clock_text,
    time_and_date_text,
    weekday_and_date_text,
    weekday_name,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (9, "Thứ Hai"),
        (10, "Thứ Ba"),
        (11, "Thứ Tư"),
        (12, "Thứ Năm"),
        (13, "Thứ Sáu"),
        (14, "Thứ Bảy"),
        (15, "Chủ nhật"),
    ],
)
def test_weekday_names(day: int, name: str) -> None:
    assert weekday_name(datetime(2026, 3, day, 9, 0, tzinfo=VN_TZ)) == name


def test_form_01_wording() -> None:
    moment = datetime(2026, 3, 6, 7, 5, tzinfo=VN_TZ)
    assert clock_text(moment) == "07 giờ 05 phút"
    assert time_and_date_text(moment) == "07 giờ 05 phút, ngày 06/03/2026"


def test_times_are_printed_in_vietnam_time() -> None:
    # 20:30 UTC on Monday 9 March is 03:30 on Tuesday 10 March in Vietnam.
    moment = datetime(2026, 3, 9, 20, 30, tzinfo=UTC)
    assert weekday_and_date_text(moment) == "Thứ Ba, ngày 10/03/2026"
    assert clock_text(moment) == "03 giờ 30 phút"
    assert clock_text(datetime(2026, 3, 10, 8, 0, tzinfo=timezone(timedelta(hours=9)))) == (
        "06 giờ 00 phút"
    )
