"""The office-wide settings' names and their values until an admin changes them.

Kept in the database by ``desk.services.settings``; named here, with no storage
in sight, so what reads them without SQLAlchemy (``desk.services.quick_list``)
falls back to the same values.
"""

from __future__ import annotations

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


def setting_or_default(key: str, stored: str | None) -> str:
    """The stored value of ``key``; with none stored, its default (or "")."""
    return stored if stored is not None else DEFAULTS.get(key, "")
