"""Pieces every form shares: the fields of a dossier with its applicant's wording,
and the letterhead built from ``common.toml``."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from desk.documents.facts import dossier_fields, office_fields
from desk.documents.layout import Letterhead
from desk.documents.wording import Markup, Wording, load_wording
from desk.domain.dossier import ApplicantKind, Dossier
from desk.domain.office import Office
from desk.domain.text import nfc


def common() -> Wording:
    return load_wording("common")


def fields_for(dossier: Dossier, office: Office, place: str, day: date) -> dict[str, Any]:
    """Office, date and dossier fields, plus how the text names the applicant:
    ``{you}`` ("Ông/Bà"), ``{who}`` ("Ông/Bà Nguyễn Thị Mai"), ``{id_label}``."""
    words = common()
    kind = "organisation" if dossier.applicant.kind is ApplicantKind.ORGANISATION else "person"
    fields = office_fields(office, place, day) | dossier_fields(dossier)
    fields["you"] = words.text(f"applicant.you_{kind}", fields)
    fields["who"] = words.text(f"applicant.who_{kind}", fields)
    fields["id_label"] = words.text(f"applicant.id_{kind}", fields)
    return fields


def letterhead_for(issuer: str, number: str, fields: dict[str, Any]) -> Letterhead:
    """The header of a form issued by ``issuer`` ("agency" or "one_stop" in common.toml)."""
    words = common()
    return Letterhead(
        issuer=tuple(words.texts(f"issuer.{issuer}", fields)),
        number=number,
        place_date=words.text("place_date", fields),
        nation=words.text("nation", fields),
        motto=words.text("motto", fields),
    )


def markup(text: str) -> Markup:
    """Mark ``text`` (already markup) so it is not escaped when used as a field."""
    return Markup(text)


def esc(text: str) -> Markup:
    """Plain text (a name, a reason typed by a clerk) made safe to use as markup."""
    return Markup(escape(nfc(text)))
