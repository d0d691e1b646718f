"""Form 04, the apology (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết), A5 portrait.

Circular 03/2025/TT-VPCP, Annex I, form 04. Decree 118/2025/NĐ-CP art. 19(6):
for a dossier expected to be late, at the latest one day before the due date,
the agency sends the applicant a written apology stating the reason for the
delay and the extended date; the date may be moved "không quá một lần". The
decree names no signatory: the head of the agency set in the office's details
signs. The sentences follow a 2025 ministry adaptation of the form (not compared
with the annex itself); the words are in ``resources/forms/apology.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for, paras
from desk.documents.wording import load_wording
from desk.domain.apology import Apology
from desk.domain.dossier import Dossier
from desk.domain.office import Office
from desk.domain.vn_dates import time_and_date_text

#: The sentences of the letter, in order, each a paragraph (``body.*`` in apology.toml).
BODY = ("received", "appointment", "not_yet", "reason", "trouble", "promise", "closing")


@dataclass(frozen=True)
class ApologyLetter:
    dossier: Dossier
    office: Office
    apology: Apology
    place: str


def story(letter: ApologyLetter) -> tuple[str, list[Flowable]]:
    """The letter's title and its flowables."""
    words = load_wording("apology")
    common = load_wording("common")
    a = letter.apology
    fields = fields_for(letter.dossier, letter.office, letter.place, a.made_at.date())
    fields |= {
        "number": a.number,
        "reason": a.reason,
        "old_due": time_and_date_text(a.old_due_at),
        "new_due": time_and_date_text(a.new_due_at),
        "signer_title": a.signer_title,
        "signer_name": a.signer_name,
    }
    fields["identity"] = (
        words.text("body.identity", fields) if letter.dossier.applicant.id_number.strip() else ""
    )
    title = words.text("title", fields)
    flow: list[Flowable] = [
        *form_label(words, fields),
        layout.letterhead(
            letterhead_for("agency", words.text("number", fields), fields), layout.A5_PORTRAIT
        ),
        *layout.title_block(title),
        layout.para(words.text("addressee", fields), "addressee"),
        *paras([words.text(f"body.{key}", fields) for key in BODY]),
        layout.signature_block(
            layout.Signer(
                esc(a.signer_title), common.text("sign_seal_note", fields), esc(a.signer_name)
            ),
            recipients=(
                common.text("recipients_heading", fields),
                words.texts("recipients", fields),
            ),
        ),
    ]
    return layout.plain(title), flow


def write(letter: ApologyLetter, path: str | Path) -> Path:
    """One A5 page (the body shrinks a little for a very long procedure name)."""
    title = story(letter)[0]
    return layout.write_pdf(path, lambda: story(letter)[1], layout.A5_PORTRAIT, title, max_pages=1)
