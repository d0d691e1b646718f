"""The dossier code (mã số hồ sơ), Decree 118/2025/NĐ-CP art. 28.

Art. 28(2): the code is made of (a) the electronic identifier of the agency
(mã định danh, as set by the rules on agencies' electronic identifiers) and (b)
the date of receipt and the dossier's sequence number within that day. Circular
03/2025/TT-VPCP art. 13 fixes the exact layout; its text was not read (see
docs/legal.md), so the desk keeps the layout in use before it, which has both
parts: ``AGENCY-YYMMDD-NNNN``, for example ``H36.41-260310-0007`` (the sequence
has at least four digits and grows past 9999).
"""

from __future__ import annotations

import re
from datetime import date

from desk.domain.translation import translate

_CODE = re.compile(r"^(?P<agency>[A-Za-z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
_GROUP = re.compile(r"[A-Za-z0-9]+")
#: The longest agency identifier accepted (identifiers have up to five dotted levels).
MAX_AGENCY_LENGTH = 35


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


def agency_code_problem(agency: str) -> str:
    """What is wrong with an agency identifier, in the clerk's language ("" when fine).

    An identifier is groups of unaccented letters and digits joined by dots, as in
    ``H36.41``, ``000.00.12.H36`` or ``H15.50.05.13``: the dash separates the
    parts of the dossier code, so it cannot be inside the identifier.
    """
    example = translate("DossierCode", "ví dụ: 000.00.12.H36 hoặc H36.41")
    if not agency:
        return translate("DossierCode", "Chưa nhập mã định danh của cơ quan ({example}).").format(
            example=example
        )
    if any(ch.isspace() for ch in agency):
        return translate(
            "DossierCode", "Mã định danh của cơ quan không được có dấu cách ({example})."
        ).format(example=example)
    if "-" in agency:
        return translate(
            "DossierCode",
            "Mã định danh của cơ quan không được có dấu gạch ngang: dấu này ngăn cách các "
            "phần của mã hồ sơ. Các cấp ngăn cách bằng dấu chấm ({example}).",
        ).format(example=example)
    if len(agency) > MAX_AGENCY_LENGTH:
        return translate(
            "DossierCode", "Mã định danh của cơ quan dài quá {n} ký tự ({example})."
        ).format(n=MAX_AGENCY_LENGTH, example=example)
    groups = agency.split(".")
    if any(not group for group in groups):
        return translate(
            "DossierCode",
            "Mã định danh của cơ quan có dấu chấm thừa ở đầu, cuối hoặc hai dấu chấm liền "
            "nhau ({example}).",
        ).format(example=example)
    if not all(_GROUP.fullmatch(group) for group in groups):
        return translate(
            "DossierCode",
            "Mã định danh của cơ quan chỉ gồm chữ cái không dấu, chữ số và dấu chấm ({example}).",
        ).format(example=example)
    return ""


def is_valid_agency_code(agency: str) -> bool:
    """Letters, digits and dots, as in ``H36.41`` or ``000.00.12.H36``."""
    return not agency_code_problem(agency)
