"""Form 05, the stop notice (Thông báo dừng giải quyết hồ sơ), A5 portrait.

Decree 118/2025/NĐ-CP art. 21(1): an applicant who submitted in person or by post
may ask to stop the procedure from the receipt until the decision (or the notice
of the result) is issued; returning the paper dossier and the fees follows the
sector's own law. Circular 03/2025/TT-VPCP (its art. 7, as a secondary source
quotes it: not read) has the one-stop unit that received the dossier notify the
stop on form 05 of Annex I. Only the form's number and title are known: the
wording in ``resources/forms/stop.toml`` is reconstructed from art. 21 and
common practice, and says so to the office. The notice names the applicant, the
dossier, its procedure and receipt, the request (the date and the reason the
clerk recorded with the stop step) and the stop itself; a representative of the
one-stop unit (the clerk who recorded the stop) signs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for, markup, paras
from desk.documents.wording import load_wording
from desk.domain.clock import to_vn
from desk.domain.dossier import Dossier
from desk.domain.office import Office

#: The sentences of the notice, in order, each a paragraph (``body.*`` in stop.toml).
BODY = ("request", "reason", "decision", "papers", "closing")


@dataclass(frozen=True)
class StopNotice:
    dossier: Dossier
    office: Office
    place: str
    reason: str  # the applicant's reason, as recorded with the stop
    made_at: datetime  # when the stop was recorded
    made_by: str  # the clerk who recorded it, who signs
    holder: str = ""  # where the dossier was when it was stopped


def story(notice: StopNotice) -> tuple[str, list[Flowable]]:
    words = load_wording("stop")
    common = load_wording("common")
    day = to_vn(notice.made_at).date()
    fields = fields_for(notice.dossier, notice.office, notice.place, day)
    fields |= {
        "reason": notice.reason.strip(),
        "request_date": f"{day:%d/%m/%Y}",
        "holder": notice.holder,
    }
    contact: str = words.text("contact.default", fields)
    if notice.office.hotline.strip():
        contact += words.text("contact.hotline", fields)
    fields["contact"] = markup(contact)
    body = [
        words.text(f"body.{key}", fields)
        for key in BODY
        if key != "reason" or notice.reason.strip()
    ]
    flow: list[Flowable] = [
        *form_label(words, fields),
        layout.letterhead(
            letterhead_for("one_stop", words.text("number", fields), fields), layout.A5_PORTRAIT
        ),
        *layout.title_block(words.text("title", fields), words.text("code", fields)),
        layout.para(words.text("addressee", fields), "addressee"),
        *(layout.para(line, "line") for line in words.lines("intro", fields)),
        *paras(body),
        layout.signature_block(
            layout.Signer(
                words.text("sign.title", fields),
                common.text("sign_note", fields),
                esc(notice.made_by),
            ),
            recipients=(
                common.text("recipients_heading", fields),
                words.texts("sign.recipients", fields),
            ),
        ),
    ]
    return layout.plain(words.text("title", fields)), flow


def write(notice: StopNotice, path: str | Path) -> Path:
    title = story(notice)[0]
    return layout.write_pdf(path, lambda: story(notice)[1], layout.A5_PORTRAIT, title, max_pages=1)
