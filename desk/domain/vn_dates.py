"""Vietnamese wording of dates and times, shared by receipts, letters and screens.

Form 01 (Circular 01/2018/TT-VPCP art. 9) states times as hour, minute and date:
"10 giờ 00 phút, ngày 06/03/2026". An administrative letter's place and date
follow Decree 30/2020/ND-CP, Appendix I: "Tân Phú, ngày 05 tháng 3 năm 2026",
where a day below 10 and the months 1 and 2 take a leading zero (so "tháng 02"
cannot be misread or altered by hand).
"""

from __future__ import annotations

from datetime import date, datetime

from desk.domain.clock import to_vn

WEEKDAY_NAMES = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ nhật",
)


def weekday_name(moment: datetime | date) -> str:
    """The weekday as printed: "Thứ Hai" .. "Thứ Bảy", "Chủ nhật" (in Vietnam time)."""
    day = to_vn(moment).date() if isinstance(moment, datetime) else moment
    return WEEKDAY_NAMES[day.weekday()]


def clock_text(moment: datetime) -> str:
    """Hour and minute, "10 giờ 00 phút", in Vietnam time (naive = Vietnam time)."""
    local = to_vn(moment)
    return f"{local.hour:02d} giờ {local.minute:02d} phút"


def date_text(moment: datetime) -> str:
    """The date as printed: "ngày 06/03/2026"."""
    return f"ngày {to_vn(moment):%d/%m/%Y}"


def time_and_date_text(moment: datetime) -> str:
    """The wording of form 01: "10 giờ 00 phút, ngày 06/03/2026"."""
    return f"{clock_text(moment)}, {date_text(moment)}"


def weekday_and_date_text(moment: datetime) -> str:
    """The appointment day: "Thứ Ba, ngày 10/03/2026"."""
    return f"{weekday_name(moment)}, {date_text(moment)}"


def letter_date_parts(day: date) -> dict[str, str]:
    """Day, month and year as a letter's date line writes them (Decree 30/2020).

    A day below 10 and the months 1 and 2 get a leading zero: "05", "02"; the
    other months do not: "3", "12".
    """
    return {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}" if day.month < 3 else str(day.month),
        "year": str(day.year),
    }


def letter_date_text(day: date) -> str:
    """The date part of a letter's place and date: "ngày 05 tháng 3 năm 2026"."""
    parts = letter_date_parts(day)
    return f"ngày {parts['day']} tháng {parts['month']} năm {parts['year']}"
