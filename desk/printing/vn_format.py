"""Vietnamese wording of times and dates as printed on a receipt.

Form 01 (Circular 01/2018/TT-VPCP art. 9) states the time of receipt and the
appointment as hour, minute and date: "10 giờ 00 phút, ngày 06/03/2026". The
receipt also names the weekday of the appointment so a citizen does not come
back on the wrong day.
"""

from __future__ import annotations

from datetime import datetime

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


def weekday_name(moment: datetime) -> str:
    """The weekday as printed: "Thứ Hai" .. "Thứ Bảy", "Chủ nhật" (in Vietnam time)."""
    return WEEKDAY_NAMES[to_vn(moment).weekday()]


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
