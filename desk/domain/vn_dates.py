"""Vietnamese wording of dates and times, shared by receipts, letters and screens.

Form 01 (Circular 03/2025/TT-VPCP, Annex I) states times as hour, minute and date:
"10 giờ 00 phút, ngày 06/03/2026". An administrative letter's place and date
follow Decree 30/2020/ND-CP, Appendix I: "Tân Phú, ngày 05 tháng 3 năm 2026",
where a day below 10 and the months 1 and 2 take a leading zero (so "tháng 02"
cannot be misread or altered by hand).

The ``*_text`` functions give the printed wording, always Vietnamese: receipts,
tickets and letters are Vietnamese documents whatever the screen speaks. The
``*_label`` functions give the same wording in the clerk's language, for a
screen or a message (in Vietnamese they are identical to the ``*_text`` ones).
"""

from __future__ import annotations

from datetime import date, datetime

from desk.domain.clock import to_vn
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

#: Marked labels: the value is the printed Vietnamese name; ``translated()`` shows it.
WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("Weekday", "Thứ Hai"),
    QT_TRANSLATE_NOOP("Weekday", "Thứ Ba"),
    QT_TRANSLATE_NOOP("Weekday", "Thứ Tư"),
    QT_TRANSLATE_NOOP("Weekday", "Thứ Năm"),
    QT_TRANSLATE_NOOP("Weekday", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("Weekday", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("Weekday", "Chủ nhật"),
)


def _day(moment: datetime | date) -> date:
    return to_vn(moment).date() if isinstance(moment, datetime) else moment


def weekday_name(moment: datetime | date) -> str:
    """The weekday as printed: "Thứ Hai" .. "Thứ Bảy", "Chủ nhật" (in Vietnam time).

    The value is a marked label (``translated(weekday_name(d))`` is :func:`weekday_label`).
    """
    return WEEKDAY_NAMES[_day(moment).weekday()]


def clock_text(moment: datetime) -> str:
    """Hour and minute, "10 giờ 00 phút", in Vietnam time (naive = Vietnam time)."""
    local = to_vn(moment)
    return f"{local.hour:02d} giờ {local.minute:02d} phút"  # untranslated: printed


def date_text(moment: datetime) -> str:
    """The date as printed: "ngày 06/03/2026"."""
    return f"ngày {to_vn(moment):%d/%m/%Y}"  # untranslated: printed


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


# --- the same wording for a screen, in the clerk's language ---------------------------


def weekday_label(moment: datetime | date) -> str:
    """:func:`weekday_name` in the clerk's language ("Monday" in English)."""
    return translated(weekday_name(moment))


def clock_label(moment: datetime) -> str:
    """:func:`clock_text` in the clerk's language ("10:00" in English)."""
    local = to_vn(moment)
    return translate("VnDates", "{hour} giờ {minute} phút").format(
        hour=f"{local.hour:02d}", minute=f"{local.minute:02d}"
    )


def date_label(moment: datetime) -> str:
    """:func:`date_text` in the clerk's language ("06/03/2026" in English)."""
    return translate("VnDates", "ngày {date}").format(date=f"{to_vn(moment):%d/%m/%Y}")


def time_and_date_label(moment: datetime) -> str:
    """:func:`time_and_date_text` in the clerk's language ("10:00, 06/03/2026")."""
    local = to_vn(moment)
    return translate("VnDates", "{hour} giờ {minute} phút, ngày {date}").format(
        hour=f"{local.hour:02d}", minute=f"{local.minute:02d}", date=f"{local:%d/%m/%Y}"
    )


def weekday_and_date_label(moment: datetime) -> str:
    """:func:`weekday_and_date_text` in the clerk's language ("Tuesday, 10/03/2026")."""
    return translate("VnDates", "{weekday}, ngày {date}").format(
        weekday=weekday_label(moment), date=f"{to_vn(moment):%d/%m/%Y}"
    )
