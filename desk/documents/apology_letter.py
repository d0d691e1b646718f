"""The apology letter (phiếu xin lỗi và hẹn lại ngày trả kết quả), A5 portrait.

Decree 61/2018 art. 19(9): the letter states the reason for the delay and the
one new date, and the head of the agency signs it. It follows the 2025 form
BM.04 ("... VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT") or, by setting, the 2018
form 04 ("... VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"); the words are in
``resources/forms/apology.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from desk.documents import layout
from desk.documents.parts import esc, fields_for, letterhead_for
from desk.documents.wording import load_wording
from desk.domain.apology import Apology, FormVersion
from desk.domain.dossier import Dossier
from desk.domain.office import Office
from desk.domain.vn_dates import time_and_date_text


@dataclass(frozen=True)
class ApologyLetter:
    dossier: Dossier
    office: Office
    apology: Apology
    place: str
    version: FormVersion = FormVersion.V2025


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
    version = f"versions.{letter.version.value}"
    title = words.text(f"{version}.title", fields)
    body = [
        words.text(f"body.{key}", fields)
        for key in ("received", "appointment", "not_yet", "reason")
    ]
    body.append(words.text("body.trouble", fields) + " " + words.text(f"{version}.promise", fields))
    body.append(words.text("body.closing", fields))
    flow: list[Flowable] = [
        layout.letterhead(
            letterhead_for("agency", words.text("number", fields), fields), layout.A5_PORTRAIT
        ),
        *layout.title_block(title),
        layout.para(words.text("addressee", fields), "addressee"),
        *(layout.para(text) for text in body),
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
