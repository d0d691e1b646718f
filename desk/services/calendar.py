"""The office's working calendar: its hours, its special days, and how settled they are.

A year is *confirmed* when its official civil-servant schedule has been entered:
the shipped ``resources/calendar/vn-days.csv`` confirms the years it covers on
first run, and an admin imports the next year's schedule from a CSV file of the
same form (``import_schedule``; ``desk calendar import``). Each special day
carries its source. A day whose legal footing is only proposed is shipped as
``proposed``: it changes no appointment until an admin confirms it, and the
supervisor sees a notice until it is decided (``pending_proposals``). Every
change an admin makes here is audited.

``working_calendar`` is asked for by every page of the worklist (its bands are
working days): it reads the calendar's stamp (one statement: the ``calendar``
change counter, which every change of a day bumps, the number of days, the
confirmed years and the office hours) and builds the calendar again only when
the stamp moved.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desk.config import resource
from desk.domain.calendar import (
    CalendarCertainty,
    CalendarDay,
    DayKind,
    DayStatus,
    WorkingCalendar,
    load_special_days,
    years_confirmed_by,
)
from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.office_hours import OfficeHours
from desk.domain.translation import QT_TRANSLATE_NOOP, translate
from desk.services import audit, changes, decision_times, settings
from desk.services.calendar_build import CONFIRMED_YEARS, calendar_from, stored_day, years_of
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import CalendarDayRow, ChangeCounterRow, SettingRow

KINDS = {
    "off": QT_TRANSLATE_NOOP("Calendar", "Ngày nghỉ"),
    "makeup": QT_TRANSLATE_NOOP("Calendar", "Ngày làm bù"),
}


_AUDIT_ENTITY = "calendar_day"


def office_hours(db: Database) -> OfficeHours:
    return OfficeHours.parse(settings.get_setting(db, settings.OFFICE_HOURS))


def set_office_hours(db: Database, by: Clerk, text: str, clock: Clock | None = None) -> OfficeHours:
    if not by.is_admin:
        raise UserError(translate("Calendar", "Chỉ quản trị viên mới được đổi giờ làm việc."))
    try:
        hours = OfficeHours.parse(text)
    except ValueError as exc:
        raise UserError(str(exc), "office_hours") from exc
    settings.set_setting(db, settings.OFFICE_HOURS, str(hours))
    _rework_decisions(db, date.min, (clock or SystemClock()).now())
    return hours


def _day_of(row: CalendarDayRow) -> CalendarDay:
    return stored_day(row.day, row.kind, row.note, row.source, row.status)


def _days_statement(_dialect: str):  # noqa: ANN202
    c = CalendarDayRow
    return select(c.day, c.kind, c.note, c.source, c.status).order_by(c.day)


#: The special days, in order, as ``stored_day`` takes them.
SPECIAL_DAYS = rows.Statement(_days_statement)


def special_days(db: Database) -> list[CalendarDay]:
    with rows.reading(db) as reader:
        return [stored_day(*r) for r in reader.rows(SPECIAL_DAYS, {})]


def confirmed_years(db: Database) -> frozenset[int]:
    return years_of(settings.get_setting(db, CONFIRMED_YEARS))


def _rework_decisions(db: Database, since: date, now: datetime) -> None:
    """The decisions that may span a changed day (made on or after it; every one for
    new office hours) take their working time again, for the at-risk history. Only
    those its window of a year can still read: older ones are never read again."""
    today = to_vn(now).date()
    decision_times.recompute(
        db, working_calendar(db), max(since, decision_times.window_start(today))
    )


def _set_confirmed_years(db: Database, years: frozenset[int]) -> None:
    settings.set_setting(db, CONFIRMED_YEARS, ",".join(str(y) for y in sorted(years)))


def _stamp_statement(_dialect: str):  # noqa: ANN202
    def setting(key: str):  # noqa: ANN202
        return select(SettingRow.value).where(SettingRow.key == key).scalar_subquery()

    return select(
        select(ChangeCounterRow.version)
        .where(ChangeCounterRow.topic == bindparam("topic"))
        .scalar_subquery(),
        select(func.count()).select_from(CalendarDayRow).scalar_subquery(),
        setting(CONFIRMED_YEARS),
        setting(settings.OFFICE_HOURS),
    )


#: What the calendar is built from, in one row: when it moves, the calendar is read again.
STAMP = rows.Statement(_stamp_statement)
#: database -> (stamp, the calendar built at that stamp)
_calendars: WeakKeyDictionary[Database, tuple[tuple, WorkingCalendar]] = WeakKeyDictionary()
_calendars_lock = threading.Lock()


def working_calendar(db: Database) -> WorkingCalendar:
    """The office's calendar: its stamp read, and the calendar itself when the stamp moved."""
    with rows.reading(db) as reader:
        return calendar_at(db, stamp(reader))


def stamp(reader: rows.Reader) -> tuple:
    """The calendar's stamp, read by a caller that reads other rows on the same connection."""
    return tuple(reader.rows(STAMP, {"topic": changes.CALENDAR})[0])


def known_calendar(db: Database) -> tuple[tuple, WorkingCalendar] | None:
    """The stamp and calendar last built for ``db`` (``None`` before the first): a reader
    may use it while it reads the stamp again, and start over if the stamp moved."""
    with _calendars_lock:
        return _calendars.get(db)


def calendar_at(db: Database, at: tuple) -> WorkingCalendar:
    """The calendar at stamp ``at``, built once per stamp."""
    with _calendars_lock:
        known = _calendars.get(db)
    if known is not None and known[0] == at:
        return known[1]
    _version, _days, years, hours = at  # the stamp holds the settings' text
    cal = calendar_from(hours, years, special_days(db))
    with _calendars_lock:
        _calendars[db] = (at, cal)
    return cal


def appointment_certainty(
    db: Database, received_at: datetime, appointment_at: datetime
) -> CalendarCertainty:
    """``CalendarCertainty`` of an appointment: does it rest on a confirmed calendar?"""
    cal = working_calendar(db)
    start = cal.effective_receipt(to_vn(received_at)).date()
    return cal.certainty(start, to_vn(appointment_at).date())


def _require_admin(by: Clerk) -> None:
    if not by.is_admin:
        raise UserError(translate("Calendar", "Chỉ quản trị viên mới được sửa lịch làm việc."))


def _as_dict(row: CalendarDayRow | None) -> dict[str, str]:
    if row is None:
        return {}
    return {
        "kind": row.kind,
        "note": row.note,
        "source": row.source or "",
        "status": row.status or "confirmed",
    }


def set_special_day(
    db: Database,
    by: Clerk,
    day: date,
    kind: str,
    note: str = "",
    source: str = "",
    clock: Clock | None = None,
) -> None:
    """Declare ``day`` off or a make-up working day (confirmed: the admin decides it)."""
    _require_admin(by)
    if kind not in KINDS:
        raise UserError(
            translate("Calendar", "Loại ngày phải là 'Ngày nghỉ' hoặc 'Ngày làm bù'."), "kind"
        )
    now = (clock or SystemClock()).now()
    with db.write() as s:
        row = s.get(CalendarDayRow, day)
        before = _as_dict(row)
        row = row or CalendarDayRow(day=day)
        row.kind, row.note = kind, note.strip()
        row.source = source.strip() or translate("Calendar", "Quản trị viên nhập")
        row.status = DayStatus.CONFIRMED.value
        s.add(row)
        audit.record(s, by, now, _AUDIT_ENTITY, day.isoformat(), "set", before, _as_dict(row))
        changes.bump(s, changes.CALENDAR)
    _rework_decisions(db, day, now)


def remove_special_day(db: Database, by: Clerk, day: date, clock: Clock | None = None) -> None:
    _require_admin(by)
    now = (clock or SystemClock()).now()
    with db.write() as s:
        row = s.get(CalendarDayRow, day)
        if row is not None:
            audit.record(s, by, now, _AUDIT_ENTITY, day.isoformat(), "remove", _as_dict(row))
            s.delete(row)
            changes.bump(s, changes.CALENDAR)
    _rework_decisions(db, day, now)


def decide_proposed_day(
    db: Database, by: Clerk, day: date, accept: bool, clock: Clock | None = None
) -> CalendarDay:
    """Confirm (it applies from now on) or reject (it never applies) a proposed day.

    A decided day may be decided again (an admin who rejected too early confirms
    later); each decision is audited with who and when.
    """
    _require_admin(by)
    now = (clock or SystemClock()).now()
    with db.write() as s:
        row = s.get(CalendarDayRow, day)
        if row is None:
            raise UserError(
                translate("Calendar", "Ngày {date} không có trong lịch của cơ quan.").format(
                    date=f"{day:%d/%m/%Y}"
                )
            )
        before = _as_dict(row)
        row.status = (DayStatus.CONFIRMED if accept else DayStatus.REJECTED).value
        action = "confirm" if accept else "reject"
        audit.record(s, by, now, _AUDIT_ENTITY, day.isoformat(), action, before, _as_dict(row))
        changes.bump(s, changes.CALENDAR)
        decided = _day_of(row)
    _rework_decisions(db, day, now)
    return decided


def pending_proposals(db: Database) -> list[CalendarDay]:
    """Proposed days nobody has decided yet: the supervisor is told of them."""
    return [d for d in special_days(db) if d.status is DayStatus.PROPOSED]


@dataclass(frozen=True)
class ScheduleImport:
    """What ``import_schedule`` did: rows added or replaced, years now confirmed."""

    added: int
    replaced: int
    years: tuple[int, ...]

    def summary(self) -> str:
        """What the import did, in the words the admin dialog and the command both say."""
        return translate(
            "Calendar",
            "Đã nhập {added} ngày mới, thay {replaced} ngày; lịch năm {years} đã xác nhận.",
        ).format(
            added=self.added, replaced=self.replaced, years=", ".join(str(y) for y in self.years)
        )


def _store_days(s, days: list[CalendarDay]) -> tuple[int, int]:  # noqa: ANN001
    added = replaced = 0
    for d in days:
        row = s.get(CalendarDayRow, d.day)
        if row is None:
            row = CalendarDayRow(day=d.day)
            added += 1
        else:
            replaced += 1
        row.kind, row.note, row.source, row.status = d.kind.value, d.note, d.source, d.status.value
        s.add(row)
    return added, replaced


def import_schedule(
    db: Database,
    by: Clerk,
    path: str | Path,
    years: tuple[int, ...] | None = None,
    clock: Clock | None = None,
) -> ScheduleImport:
    """Enter an official schedule from a ``date,kind,note,source,status`` CSV file.

    Every row of the file replaces the office's day at that date. The years
    confirmed are ``years`` when given, else every year the file has a confirmed
    day in: a year's official schedule always has some (Tết, 30/4, 2/9). A row
    without a source is refused: the desk keeps where each day comes from.
    """
    _require_admin(by)
    try:
        days = load_special_days(path)
    except ValueError as exc:
        raise UserError(str(exc), "file") from None
    unsourced = [d for d in days if not d.source]
    if unsourced:
        raise UserError(
            translate(
                "Calendar",
                "Tệp {file}: ngày {date} chưa ghi nguồn (cột source: số, ngày của văn bản).",
            ).format(file=Path(path).name, date=f"{unsourced[0].day:%d/%m/%Y}"),
            "file",
        )
    chosen = tuple(sorted(set(years or ()) or years_confirmed_by(days)))
    if not chosen:
        raise UserError(
            translate(
                "Calendar",
                "Tệp {file} không có ngày nào đã xác nhận: không có năm nào được xác nhận.",
            ).format(file=Path(path).name),
            "file",
        )
    now = (clock or SystemClock()).now()
    with db.write() as s:
        added, replaced = _store_days(s, days)
        audit.record(
            s,
            by,
            now,
            _AUDIT_ENTITY,
            Path(path).name,
            "import",
            {},
            {"added": added, "replaced": replaced, "years": list(chosen)},
        )
        changes.bump(s, changes.CALENDAR)
    _set_confirmed_years(db, confirmed_years(db) | frozenset(chosen))
    _rework_decisions(db, min(d.day for d in days), now)
    return ScheduleImport(added, replaced, chosen)


def days_of_year(db: Database, year: int) -> list[tuple[date, str, str, str, str]]:
    """Every day that is not an ordinary working weekday or weekend in ``year``.

    ``(day, kind, status, note, source)``: the office's special days, and in a
    year not confirmed the public holidays the ``holidays`` package estimates
    (source "ước tính"), so what is listed is what the appointments use.
    """
    cal = working_calendar(db)
    own = {d.day: d for d in special_days(db) if d.day.year == year}
    listed: list[tuple[date, str, str, str, str]] = []
    day = date(year, 1, 1)
    while day.year == year:
        entry = own.get(day)
        if entry is not None:
            listed.append((day, entry.kind.value, entry.status.value, entry.note, entry.source))
        elif cal.is_working_day(day) != (day.weekday() < 5):
            kind = DayKind.MAKEUP if cal.is_working_day(day) else DayKind.OFF
            listed.append(
                (
                    day,
                    kind.value,
                    "estimated",
                    cal.day_note(day),
                    translate("Calendar", "Ước tính theo Bộ luật Lao động 2019 điều 112"),
                )
            )
        day = day.fromordinal(day.toordinal() + 1)
    return listed


def shipped_days() -> list[CalendarDay]:
    return load_special_days(resource("calendar", "vn-days.csv"))


def load_shipped_days(db: Database) -> int:
    """First run: the published schedules the desk knows of, and the years they confirm."""
    with db.write() as s:
        return load_shipped_days_in(s)


def load_shipped_days_in(s: Session) -> int:
    """``load_shipped_days`` inside the caller's transaction: the days and the years
    they confirm are written together (the first start's one transaction)."""
    days = shipped_days()
    for d in days:
        if s.get(CalendarDayRow, d.day) is None:
            s.add(
                CalendarDayRow(
                    day=d.day,
                    kind=d.kind.value,
                    note=d.note,
                    source=d.source,
                    status=d.status.value,
                )
            )
    years = years_of(settings.get_setting_in(s, CONFIRMED_YEARS)) | years_confirmed_by(days)
    settings.set_setting_in(s, CONFIRMED_YEARS, ",".join(str(y) for y in sorted(years)))
    return len(days)


#: How far ahead the supervisor is told that next year's schedule is missing.
UNCONFIRMED_WARNING_DAYS = 60


def supervisor_notice(db: Database, today: date) -> str:
    """What the supervisor must see about the calendar ("" when nothing is pending).

    A proposed day waits for the admin's decision; and from two months before
    the confirmed calendar ends, next year's official schedule is missing
    (appointments reaching it are estimated and marked as possibly moving).
    """
    parts = []
    pending = pending_proposals(db)
    if pending:
        parts.append(
            translate(
                "Calendar", "ngày {days} là đề xuất nghỉ, chờ quản trị viên quyết định"
            ).format(days=", ".join(f"{d.day:%d/%m/%Y}" for d in pending))
        )
    cal = working_calendar(db)
    until = cal.confirmed_until
    if until is None or (until - today).days <= UNCONFIRMED_WARNING_DAYS:
        year = today.year if until is None or until < today else until.year + 1
        parts.append(
            translate("Calendar", "lịch nghỉ chính thức năm {year} chưa được nhập").format(
                year=year
            )
        )
    if not parts:
        return ""
    return translate("Calendar", "Lịch làm việc: {items}.").format(items="; ".join(parts))
