"""The office's working calendar: its hours, extra days off and make-up days.

Public holidays come from the ``holidays`` package; each year's civil-servant
schedule (swapped days, extra Tết days) is shipped in
``resources/calendar/vn-days.csv`` and loaded on first run, and an admin can
add or remove days as the yearly notices come out.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desk.config import resource
from desk.domain.calendar import CalendarDay, WorkingCalendar, load_special_days
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.office_hours import OfficeHours
from desk.domain.translation import QT_TRANSLATE_NOOP, translate
from desk.services import settings
from desk.storage.database import Database
from desk.storage.tables import CalendarDayRow

KINDS = {
    "off": QT_TRANSLATE_NOOP("Calendar", "Ngày nghỉ"),
    "makeup": QT_TRANSLATE_NOOP("Calendar", "Ngày làm bù"),
}


def office_hours(db: Database) -> OfficeHours:
    return OfficeHours.parse(settings.get_setting(db, settings.OFFICE_HOURS))


def set_office_hours(db: Database, by: Clerk, text: str) -> OfficeHours:
    if not by.is_admin:
        raise UserError(translate("Calendar", "Chỉ quản trị viên mới được đổi giờ làm việc."))
    try:
        hours = OfficeHours.parse(text)
    except ValueError as exc:
        raise UserError(str(exc), "office_hours") from exc
    settings.set_setting(db, settings.OFFICE_HOURS, str(hours))
    return hours


def special_days(db: Database) -> list[CalendarDay]:
    with db.read() as s:
        rows = s.scalars(select(CalendarDayRow).order_by(CalendarDayRow.day)).all()
        return [CalendarDay(r.day, r.kind, r.note) for r in rows]


def working_calendar(db: Database) -> WorkingCalendar:
    return WorkingCalendar(office_hours=office_hours(db), special_days=tuple(special_days(db)))


def set_special_day(db: Database, by: Clerk, day: date, kind: str, note: str = "") -> None:
    if not by.is_admin:
        raise UserError(translate("Calendar", "Chỉ quản trị viên mới được sửa lịch làm việc."))
    if kind not in KINDS:
        raise UserError(
            translate("Calendar", "Loại ngày phải là 'Ngày nghỉ' hoặc 'Ngày làm bù'."), "kind"
        )
    with db.write() as s:
        row = s.get(CalendarDayRow, day) or CalendarDayRow(day=day)
        row.kind, row.note = kind, note.strip()
        s.add(row)


def remove_special_day(db: Database, by: Clerk, day: date) -> None:
    if not by.is_admin:
        raise UserError(translate("Calendar", "Chỉ quản trị viên mới được sửa lịch làm việc."))
    with db.write() as s:
        row = s.get(CalendarDayRow, day)
        if row is not None:
            s.delete(row)


def load_shipped_days(db: Database) -> int:
    """First run: the published schedules the desk knows of."""
    days = load_special_days(resource("calendar", "vn-days.csv"))
    with db.write() as s:
        for d in days:
            if s.get(CalendarDayRow, d.day) is None:
                s.add(CalendarDayRow(day=d.day, kind=d.kind, note=d.note))
    return len(days)
