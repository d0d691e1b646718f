"""Form 03, the refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ), A5 portrait.

Circular 03/2025/TT-VPCP, Annex I, form 03. Decree 118/2025/NĐ-CP art. 17(1)(c):
a refusal states its reasons on this form; art. 8(1)(b): the one-stop unit
refuses a dossier that does not meet the rules. The form gives the applicant's
particulars, the legal basis (when the catalog has it) and every reason, so the
applicant knows why and what to do; the applicant and the clerk sign. The words
are in ``resources/forms/refusal.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable

from desk.documents import layout
from desk.documents.parts import esc, fields_for, form_label, letterhead_for, paras
from desk.documents.wording import load_wording
from desk.domain.dossier import Dossier
from desk.domain.office import Office


@dataclass(frozen=True)
class RefusalLetter:
    dossier: Dossier
    office: Office
    place: str
    reasons: str
    made_at: datetime
    made_by: str  # the clerk who signs
    legal_basis: str = ""  # the procedure's legal basis, when the catalog has it


def story(letter: RefusalLetter) -> tuple[str, list[Flowable]]:
    words = load_wording("refusal")
    common = load_wording("common")
    fields = fields_for(letter.dossier, letter.office, letter.place, letter.made_at.date())
    fields |= {"legal_basis": letter.legal_basis.strip(), "reasons": letter.reasons}
    basis = "basis" if letter.legal_basis.strip() else "basis_default"
    reasons = [line for line in letter.reasons.splitlines() if line.strip()] or [""]
    note = common.text("sign_note", fields)
    flow: list[Flowable] = [
        *form_label(words, fields),
        layout.letterhead(
            letterhead_for("one_stop", words.text("number", fields), fields), layout.A5_PORTRAIT
        ),
        *layout.title_block(words.text("title", fields), words.text("code", fields)),
        *(layout.para(line, "line") for line in words.lines("intro", fields)),
        layout.para(words.text(basis, fields)),
        *(layout.para(words.text("reasons", fields | {"reasons": r})) for r in reasons),
        *paras([words.text("closing", fields)]),
        layout.signature_block(
            layout.Signer(words.text("sign", fields), note, esc(letter.made_by)),
            left=layout.Signer(
                words.text("applicant_sign", fields), note, esc(letter.dossier.applicant.name)
            ),
        ),
    ]
    return layout.plain(words.text("title", fields)), flow


def write(letter: RefusalLetter, path: str | Path) -> Path:
    title = story(letter)[0]
    return layout.write_pdf(path, lambda: story(letter)[1], layout.A5_PORTRAIT, title, max_pages=1)
