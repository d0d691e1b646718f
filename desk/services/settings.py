"""Office-wide settings kept in the database (printer, paper width, office hours)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.domain.office_settings import (  # noqa: F401 (read from here too)
    DEFAULTS,
    OFFICE_HOURS,
    PAPER,
    PRINTER_URI,
    setting_or_default,
)
from desk.storage.database import Database
from desk.storage.tables import SettingRow


def get_setting(db: Database, key: str) -> str:
    with db.read() as s:
        return get_setting_in(s, key)


def get_setting_in(s: Session, key: str) -> str:
    row = s.get(SettingRow, key)
    return setting_or_default(key, row.value if row is not None else None)


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
