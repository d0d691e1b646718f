"""Form 02, the supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), A5 portrait.

Circular 03/2025/TT-VPCP, Annex I, form 02. Decree 118/2025/NĐ-CP art. 16(3)
and 17(1)(c): the clerk asks ONCE for everything missing, "bổ sung một lần đầy
đủ, chính xác", and states the reason on this form; art. 11(2)(c): a request to
supplement may be made only once. The request lists every item, the reason and
whom to ask; the clerk who gives the guidance signs it. The words are in
``resources/forms/supplement.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for, markup, paras
from desk.documents.wording import load_wording
from desk.domain.dossier import Dossier
from desk.domain.office import Office


@dataclass(frozen=True)
class SupplementLetter:
    dossier: Dossier
    office: Office
    place: str
    missing: tuple[str, ...]  # what to complete, each a line of the list
    reason: str
    contact: str  # who to ask and their phone; "" for the one-stop desk itself
    made_at: datetime
    made_by: str  # the clerk who signs
    round: int = 1  # the how-many-th request for this dossier


def story(letter: SupplementLetter) -> tuple[str, list[Flowable]]:
    words = load_wording("supplement")
    common = load_wording("common")
    fields = fields_for(letter.dossier, letter.office, letter.place, letter.made_at.date())
    fields |= {"round": letter.round, "reason": letter.reason}
    contact: str = words.text("contact_default", fields)
    if letter.contact.strip():
        contact = esc(letter.contact.strip())
    elif letter.office.hotline.strip():
        contact += words.text("hotline", fields)
    fields["contact"] = markup(contact)
    items = list(letter.missing) or [letter.reason]
    flow: list[Flowable] = [
        *form_label(words, fields),
        layout.letterhead(
            letterhead_for("one_stop", words.text("number", fields), fields), layout.A5_PORTRAIT
        ),
        *layout.title_block(words.text("title", fields), words.text("code", fields)),
        *(layout.para(line, "line") for line in words.lines("intro", fields)),
        *paras([words.text("body", fields)]),
        *(
            layout.para(words.text("item", fields | {"n": n, "item": item}), "item")
            for n, item in enumerate(items, start=1)
        ),
    ]
    if letter.missing:
        flow.append(layout.para(words.text("reason", fields)))
    flow += paras([words.text("contact", fields), words.text("closing", fields)])
    flow += [
        layout.signature_block(
            layout.Signer(
                words.text("sign", fields), common.text("sign_note", fields), esc(letter.made_by)
            )
        ),
    ]
    return layout.plain(words.text("title", fields)), flow


def write(letter: SupplementLetter, path: str | Path) -> Path:
    title = story(letter)[0]
    return layout.write_pdf(path, lambda: story(letter)[1], layout.A5_PORTRAIT, title, max_pages=1)
