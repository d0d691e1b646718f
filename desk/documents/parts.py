"""Pieces every form shares: the fields of a dossier with its applicant's wording,
the letterhead built from ``common.toml``, and the line naming the form."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desk.documents import layout
from desk.documents.facts import dossier_fields, office_fields
from desk.documents.layout import Letterhead
from desk.documents.wording import Markup, Wording, load_wording
from desk.domain.dossier import ApplicantKind, Dossier
from desk.domain.office import Office
from desk.domain.text import escape_markup, nfc, printable


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


def form_label(words: Wording, fields: dict[str, Any]) -> list[Flowable]:
    """The small line naming the form ("Mẫu số 01 - Phụ lục I Thông tư 03/2025/TT-VPCP"),
    right-aligned in the top margin above the header (put it first on the page);
    nothing when the office left it blank."""
    text = words.text("form_label", fields)
    return [layout.MarginLabel(text)] if layout.plain(text).strip() else []


def notes(words: Wording, fields: dict[str, Any], keep: bool = True) -> list[Flowable]:
    """The form's "Ghi chú" (``notes_heading`` and the ``notes`` list): one note on
    the heading's own line, several as a list; nothing when the office emptied the
    list. ``keep``: as one block that a page break does not split."""
    lines = [t for t in words.texts("notes", fields) if layout.plain(t).strip()]
    if not lines:
        return []
    heading = f"<i>{words.text('notes_heading', fields)}</i>"
    if len(lines) == 1:
        body = [layout.para(f"{heading} {lines[0]}", "note")]
    else:
        body = [layout.para(heading, "note"), *(layout.para(f"- {t}", "note") for t in lines)]
    flow: list[Flowable] = [Spacer(1, 1.5 * mm), *body]
    return [KeepTogether(flow)] if keep else flow


def paras(texts: list[Markup], style: str = "body") -> list[Flowable]:
    """A paragraph for each text an office did not leave blank."""
    return [layout.para(t, style) for t in texts if layout.plain(t).strip()]


def markup(text: str) -> Markup:
    """Mark ``text`` (already markup) so it is not escaped when used as a field."""
    return Markup(text)


def esc(text: str, limit: int = 1000) -> Markup:
    """Plain text (a name, a reason typed by a clerk) made safe to use as markup:
    escaped, without control characters, at most ``limit`` characters."""
    return Markup(escape_markup(printable(nfc(text), limit, line_breaks=True)))
