"""Office-wide settings kept in the database (printer, paper width, office hours)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.storage.database import Database
from desk.storage.tables import SettingRow

PRINTER_URI = "printer_uri"
PAPER = "paper"
OFFICE_HOURS = "office_hours"

DEFAULTS = {
    PRINTER_URI: "none",
    PAPER: "80",
    OFFICE_HOURS: "07:30-11:30, 13:30-17:00",
    # desk.domain.legal_rules.LateCounting: not confirmed in the texts in force
    "late_counting": "original",
}


def get_setting(db: Database, key: str) -> str:
    with db.read() as s:
        return get_setting_in(s, key)


def get_setting_in(s: Session, key: str) -> str:
    row = s.get(SettingRow, key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def set_setting(db: Database, key: str, value: str) -> None:
    with db.write() as s:
        set_setting_in(s, key, value)


def set_setting_in(s: Session, key: str, value: str) -> None:
    """``set_setting`` inside the caller's transaction."""
    row = s.get(SettingRow, key)
    if row is None:
        s.add(SettingRow(key=key, value=value))
    else:
        row.value = value
