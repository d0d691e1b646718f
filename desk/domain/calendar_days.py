"""The office's special days: days off and make-up working days, each with the text it
comes from and whether it applies (proposed, confirmed, rejected).

``resources/calendar/vn-days.csv`` ships the confirmed years the desk knows;
``load_special_days`` reads such a file, and an admin imports the next year's the
same way. ``desk.domain.calendar.WorkingCalendar`` counts working time with them.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from os import PathLike
from pathlib import Path

from desk.domain.translation import QT_TRANSLATE_NOOP, translate

#: ``date.weekday()`` of Saturday: days from it on are the weekend.
SATURDAY = 5


class DayKind(StrEnum):
    """How an office's own special day departs from the ordinary week."""

    OFF = "off"  # a weekday off: a swapped day, an extra Tết day, a local holiday
    MAKEUP = "makeup"  # a Saturday or Sunday declared a working day (ngày làm bù)


DAY_KIND_LABELS = {
    DayKind.OFF: QT_TRANSLATE_NOOP("DayKind", "Ngày nghỉ"),
    DayKind.MAKEUP: QT_TRANSLATE_NOOP("DayKind", "Ngày làm bù"),
}


class DayStatus(StrEnum):
    """How settled a special day's legal footing is."""

    CONFIRMED = "confirmed"  # in an official text: applied
    PROPOSED = "proposed"  # announced, not yet law: not applied until the admin confirms it
    REJECTED = "rejected"  # the admin decided it does not apply this year


DAY_STATUS_LABELS = {
    DayStatus.CONFIRMED: QT_TRANSLATE_NOOP("DayStatus", "Đã xác nhận"),
    DayStatus.PROPOSED: QT_TRANSLATE_NOOP("DayStatus", "Đề xuất, chờ quyết định"),
    DayStatus.REJECTED: QT_TRANSLATE_NOOP("DayStatus", "Không áp dụng"),
}


@dataclass(frozen=True)
class CalendarDay:
    """One day the office declared off, or declared a working day.

    ``source`` names the text it comes from (e.g. "Văn bản 12729/VPCP-KGVX ngày
    25/12/2025"); ``status`` says whether it applies (``DayStatus``).
    """

    day: date
    kind: DayKind
    note: str = ""
    source: str = ""
    status: DayStatus = DayStatus.CONFIRMED

    @property
    def applies(self) -> bool:
        return self.status is DayStatus.CONFIRMED

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", day_kind(self.kind))
        object.__setattr__(self, "status", day_status(self.status))
        object.__setattr__(self, "note", unicodedata.normalize("NFC", self.note.strip()))
        object.__setattr__(self, "source", unicodedata.normalize("NFC", self.source.strip()))


def day_kind(text: str) -> DayKind:
    """The kind a file or the database writes ("off", " Makeup "); ``ValueError`` saying
    what to write for any other."""
    try:
        return DayKind(str(text).strip().lower())
    except ValueError:
        raise ValueError(
            translate(
                "Calendar",
                "Loại ngày “{kind}” không hợp lệ: ghi “off” (ngày nghỉ) "
                "hoặc “makeup” (ngày làm bù).",
            ).format(kind=text)
        ) from None


def day_status(text: str) -> DayStatus:
    """The status a file or the database writes, confirmed when empty; ``ValueError``
    saying what to write for any other."""
    try:
        return DayStatus(str(text or DayStatus.CONFIRMED).strip().lower())
    except ValueError:
        raise ValueError(
            translate(
                "Calendar",
                "Trạng thái “{status}” không hợp lệ: ghi “confirmed” (đã xác nhận), "
                "“proposed” (đề xuất) hoặc “rejected” (không áp dụng).",
            ).format(status=text)
        ) from None


def _parse_day(text: str) -> date:
    """A date as 2025-01-27 (ISO) or 27/01/2025 (as typed in Vietnam)."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            translate(
                "Calendar", "Ngày “{text}” không hợp lệ: ghi dạng 2025-01-27 hoặc 27/01/2025."
            ).format(text=text)
        ) from None


def load_special_days(path: str | PathLike[str]) -> list[CalendarDay]:
    """Read a ``date,kind,note[,source,status]`` CSV file (UTF-8, with or without a BOM).

    The service layer passes the path (the shipped ``resources/calendar/vn-days.csv``
    or an office's own file); the domain knows no paths. Blank rows are skipped.
    Raises ValueError, in the clerk's language, naming the line to fix.
    """
    source = Path(path)
    try:
        return _read_special_days(source)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValueError(
            translate(
                "Calendar",
                "Không đọc được tệp lịch {file}: cần một tệp CSV mã hóa UTF-8 có các cột "
                "date,kind,note,source,status ({error}).",
            ).format(file=source.name, error=error.__class__.__name__)
        ) from None


def _read_special_days(source: Path) -> list[CalendarDay]:
    days: list[CalendarDay] = []
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        if "date" not in header or "kind" not in header:
            raise ValueError(
                translate("Calendar", "Tệp {file} phải có dòng tiêu đề “date,kind,note”.").format(
                    file=source.name
                )
            )
        reader.fieldnames = header
        for row in reader:
            values = {key: (value or "").strip() for key, value in row.items() if key}
            if not any(values.values()):
                continue
            try:
                days.append(
                    CalendarDay(
                        _parse_day(values["date"]),
                        day_kind(values["kind"]),
                        values.get("note", ""),
                        values.get("source", ""),
                        day_status(values.get("status", "")),
                    )
                )
            except ValueError as error:
                raise ValueError(
                    translate("Calendar", "Tệp {file}, dòng {line}: {error}").format(
                        file=source.name, line=reader.line_num, error=error
                    )
                ) from None
    index_special_days(days)
    return days


def index_special_days(days: Iterable[CalendarDay]) -> dict[date, CalendarDay]:
    """One entry per date; the same date declared both off and worked is a mistake."""
    index: dict[date, CalendarDay] = {}
    for entry in days:
        known = index.get(entry.day)
        if known is not None and known.kind is not entry.kind:
            raise ValueError(
                translate(
                    "Calendar", "Ngày {date} vừa được khai là ngày nghỉ vừa là ngày làm bù."
                ).format(date=f"{entry.day:%d/%m/%Y}")
            )
        index.setdefault(entry.day, entry)
    return index


def years_confirmed_by(days: Iterable[CalendarDay]) -> frozenset[int]:
    """The years an official schedule file confirms: those with a confirmed day in it.

    A year's official schedule always has some (Tết, 30/4, 2/9), and a file of
    proposed days alone confirms nothing.
    """
    return frozenset(d.day.year for d in days if d.applies)


def unsettled_dates(days: Iterable[CalendarDay]) -> frozenset[tuple[int, int]]:
    """(month, day) of the days off that are only proposed or were rejected.

    The ``holidays`` package may already list such a day for every year (it lists
    24/11 from 2026): until the office has confirmed that date in some year, the
    package's word on it is not taken in the years not yet confirmed either.
    """
    confirmed = {(d.day.month, d.day.day) for d in days if d.applies and d.kind is DayKind.OFF}
    return frozenset(
        (d.day.month, d.day.day)
        for d in days
        if not d.applies and d.kind is DayKind.OFF and (d.day.month, d.day.day) not in confirmed
    )
