"""Form 01, the full receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), A5 portrait.

Circular 03/2025/TT-VPCP, Annex I, form 01; Decree 118/2025/NĐ-CP art. 17(1)(c)
(a complete dossier is received with this paper) and 17(3) (the time limit runs
from the receipt it shows; the dossier code is written on it). It carries the
dossier code, the applicant (and whom they act for), the request, the papers
received with their counts, the number of sets, the legal time limit, the time
of receipt, the appointment, where the result is collected, the tracking book
entry, and the signatures of applicant and clerk. Two copies, one page each: one
is filed, one goes to the applicant. The thermal receipt (``desk.printing``) is
the compact version of the same facts. The words are in
``resources/forms/receipt.toml`` (their layout follows a 2025 ministry adaptation,
not compared with the annex itself).

A receipt written again after one already went out for the same appointment
(``reprinted_at``) says so above its header on each copy, with the time it was
printed again, as the thermal receipt does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for
from desk.documents.wording import Wording, load_wording
from desk.domain.clock import to_vn
from desk.domain.dossier import Dossier, for_print
from desk.domain.office import Office
from desk.domain.procedure import PAPER_FORM_LABELS


@dataclass(frozen=True)
class Receipt:
    dossier: Dossier
    office: Office
    place: str
    #: When it is printed again (a receipt already went out); ``None``: the first one.
    reprinted_at: datetime | None = None


def _reprint(receipt: Receipt, words: Wording, fields: dict[str, Any]) -> list[Flowable]:
    """The reprint line above the header ("IN LẠI - 14:05 12/03/2026"), or nothing."""
    if receipt.reprinted_at is None:
        return []
    when = f"{to_vn(receipt.reprinted_at):%H:%M %d/%m/%Y}"
    return [layout.para(words.text("reprint", fields | {"reprinted": when}), "subtitle")]


def _papers(words: Wording, dossier: Dossier, fields: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [layout.para(words.text("papers_heading", fields), "line")]
    for n, paper in enumerate(dossier.papers, start=1):
        item = fields | {
            "n": n,
            "paper": paper.name,
            "form": PAPER_FORM_LABELS[paper.form],
            "count": f"{paper.count:02d}",
            "source": paper.reused_from,
        }
        key = "reused_paper" if paper.reused_from else "paper"  # đã có bản số hóa
        out.append(layout.para(words.text(key, item), "item"))
    if not dossier.papers:
        out.append(layout.para(words.text("no_papers", fields), "item"))
    return out


def _copy(receipt: Receipt, words: Wording, copy_label: str) -> list[Flowable]:
    common = load_wording("common")
    d = for_print(receipt.dossier)  # what is already stored never breaks the page
    fields = fields_for(d, receipt.office, receipt.place, d.received_at.date())
    head = letterhead_for("one_stop", words.text("number", fields), fields)
    title = layout.title_block(
        words.text("title", fields), words.text("code", fields), italic=[copy_label]
    )
    note = common.text("sign_note", fields)
    return [
        *form_label(words, fields),
        *_reprint(receipt, words, fields),
        layout.letterhead(head, layout.A5_PORTRAIT),
        layout.title_with_code(title, d.code, layout.A5_PORTRAIT),
        *(layout.para(line, "line") for line in words.lines("intro", fields)),
        *_papers(words, d, fields),
        *(layout.para(line, "line") for line in words.lines("details", fields)),
        layout.signature_block(
            layout.Signer(words.text("clerk_sign", fields), note, esc(d.clerk_name)),
            left=layout.Signer(words.text("applicant_sign", fields), note, esc(d.applicant.name)),
        ),
    ]


def story(receipt: Receipt) -> tuple[str, list[Flowable]]:
    words = load_wording("receipt")
    flow: list[Flowable] = []
    for n, label in enumerate(words.texts("copies", {})):
        if n:
            flow.append(PageBreak())
        flow += _copy(receipt, words, label)
    return layout.plain(words.text("title", {})), flow


def write(receipt: Receipt, path: str | Path) -> Path:
    """One page per copy when it fits (many papers shrink the body a little)."""
    title = story(receipt)[0]
    copies = len(load_wording("receipt").raw("copies"))
    return layout.write_pdf(
        path, lambda: story(receipt)[1], layout.A5_PORTRAIT, title, max_pages=copies
    )
