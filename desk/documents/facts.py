"""The facts of a dossier and its office as the forms' ``{placeholders}`` name them.

One dictionary for every form, so an office editing a form's wording can use
any of these fields anywhere: ``{name}``, ``{code}``, ``{procedure}``,
``{received}``, ``{appointment}``...
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desk.domain.dossier import (
    RESULT_DELIVERY_LABELS,
    ApplicantKind,
    Dossier,
    ResultDelivery,
    for_print,
)
from desk.domain.office import Office
from desk.domain.procedure import CHANNEL_LABELS
from desk.domain.text import nfc
from desk.domain.vn_dates import (
    letter_date_parts,
    time_and_date_text,
    weekday_and_date_text,
    weekday_name,
)

_UNIT = re.compile(
    r"\b(?:xã|phường|thị trấn|đặc khu|thị xã|thành phố|huyện|quận|tỉnh)\s+([^,;()]+)",
    re.IGNORECASE,
)


def place_of(office: Office) -> str:
    """The place a letter is dated at: the commune, ward or province of the office.

    "UBND xã Tân Phú" gives "Tân Phú"; a name without such a word is used whole.
    """
    name = nfc(" ".join(office.name.split()))
    found = _UNIT.search(name)
    return found.group(1).strip() if found else name


def office_fields(office: Office, place: str, day: date) -> dict[str, Any]:
    """The office and the letter's date: ``{office}``, ``{parent}``, ``{place}``, ``{day}``..."""
    return {
        "office": office.name,
        "OFFICE": office.name.upper(),
        "parent": office.parent,
        "PARENT": office.parent.upper(),
        "office_address": office.address,
        "hotline": office.hotline,
        "place": place,
        **letter_date_parts(day),
    }


def sequence_of(code: str) -> str:
    """The day's sequence at the end of a dossier code: "H36.41-260310-0007" -> "0007"."""
    return code.rsplit("-", 1)[-1]


def dossier_fields(dossier: Dossier) -> dict[str, Any]:
    """The dossier and its applicant, every value a string ("" when unknown)."""
    dossier = for_print(dossier)
    a = dossier.applicant
    organisation = a.kind is ApplicantKind.ORGANISATION
    delivery: str = RESULT_DELIVERY_LABELS[dossier.result_delivery]
    if dossier.result_delivery is ResultDelivery.POST:
        address = dossier.delivery_address.strip() or a.address.strip()
        if address:
            delivery = f"{delivery} (địa chỉ: {address})"
    return {
        "code": dossier.code,
        "sequence": sequence_of(dossier.code),
        "name": a.name,
        "organisation": "organisation" if organisation else "",
        "id_number": a.id_number,
        "birth_date": f"{a.birth_date:%d/%m/%Y}" if a.birth_date else "",
        "address": a.address,
        "phone": a.phone,
        "email": a.email,
        "principal": a.principal,
        "procedure": dossier.procedure_name,
        "procedure_code": dossier.procedure_code,
        "field": dossier.field,
        "channel": CHANNEL_LABELS[dossier.channel],
        "sets": f"{dossier.sets:02d}",
        "limit": dossier.limit_text,
        "received": time_and_date_text(dossier.received_at),
        "received_date": f"{dossier.received_at:%d/%m/%Y}",
        "appointment": time_and_date_text(dossier.appointment_at),
        "appointment_weekday": weekday_name(dossier.appointment_at),
        "appointment_day": weekday_and_date_text(dossier.appointment_at),
        "delivery": delivery,
        "clerk": dossier.clerk_name,
        "note": dossier.note,
        "fee": dossier.fee,
    }
