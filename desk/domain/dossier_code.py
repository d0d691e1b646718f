"""The dossier code (mã hồ sơ), Circular 01/2018/TT-VPCP art. 19.

``AGENCY-YYMMDD-NNNN``: the receiving agency's code, the date of receipt and a
four-digit sequence within that day, for example ``H36.41-260310-0007``.
"""

from __future__ import annotations

import re
from datetime import date

_CODE = re.compile(r"^(?P<agency>[A-Za-z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")


def format_dossier_code(agency: str, day: date, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("the sequence starts at 1")
    return f"{agency}-{day:%y%m%d}-{sequence:04d}"


def parse_dossier_code(code: str) -> tuple[str, date, int] | None:
    """``(agency, day, sequence)`` for a well-formed code, else ``None``."""
    m = _CODE.match(code.strip())
    if not m:
        return None
    d = m["day"]
    try:
        day = date(2000 + int(d[:2]), int(d[2:4]), int(d[4:]))
    except ValueError:
        return None
    return m["agency"], day, int(m["seq"])


def is_valid_agency_code(agency: str) -> bool:
    """Letters, digits and dots, as in ``H36.41`` or ``000.00.12.H36``."""
    return bool(re.fullmatch(r"[A-Za-z0-9]+(\.[A-Za-z0-9]+)*", agency))
