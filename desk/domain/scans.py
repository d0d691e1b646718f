"""Digitised papers (bản số hóa): the rules of scanning once and never asking again.

At the counter each paper received is copied into one electronic file and the
clerk answers for it matching the paper (Decree 118/2025/NĐ-CP art. 17(1)(c));
the result handed back is digitised too (art. 22(4): results are kept under the
person's identification number). A paper already held in digitised form with
legal value is not asked for again (art. 17(1)(b), art. 5(1)(i)); the papers
digitised in a dossier that ended with a result are used for the person's other
procedures (art. 22(1)). Circular 03/2025/TT-VPCP art. 5(2) (secondary
quotation) lists the papers that need no copy: a dossier filed online, papers
only shown at the counter, the replies of consulted bodies, secret papers.

Glossary: ``Scan`` = bản số hóa of one paper (one PDF, every page of it);
``HeldScan`` = a scan the office already holds for a person, offered for reuse
at intake; ``ScanKind.RESULT`` = the digitised result (kết quả giải quyết).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desk.domain.dossier import DossierStatus
from desk.domain.procedure import Channel, PaperForm
from desk.domain.text import fold
from desk.domain.translation import QT_TRANSLATE_NOOP

#: The result of a dossier is kept in the place of paper number 0.
RESULT_POSITION = 0
#: The most pages one paper may have: a thick land file is some dozens of pages.
MAX_PAGES = 500
#: The largest PDF one paper may be (bytes): within what both databases store in a value.
MAX_PDF_BYTES = 300 * 1024 * 1024
#: A personal identification number (CCCD / số định danh cá nhân) has 12 digits.
PERSON_ID_DIGITS = 12


class ScanKind(StrEnum):
    """What a scan is of: a paper the applicant handed in, or the result handed back."""

    PAPER = "paper"  # giấy tờ trong thành phần hồ sơ
    RESULT = "result"  # kết quả giải quyết thủ tục hành chính


#: A dossier in one of these ended with a result: its digitised papers have legal
#: value for the person's other procedures (Decree 118/2025 art. 22(1)).
WITH_RESULT = frozenset({DossierStatus.RESULT_READY, DossierStatus.RETURNED})


class ReuseState(StrEnum):
    """Whether a held scan may stand for a paper of a new dossier."""

    USABLE = "usable"  # đã có bản số hóa: the paper is not asked for again
    EXPIRED = "expired"  # the paper's validity ended: the citizen brings a valid one
    NO_RESULT = "no_result"  # its dossier has no result yet (or was refused, stopped)


REUSE_LABELS = {
    ReuseState.USABLE: QT_TRANSLATE_NOOP("ReuseState", "Dùng được"),
    ReuseState.EXPIRED: QT_TRANSLATE_NOOP("ReuseState", "Đã hết hiệu lực"),
    ReuseState.NO_RESULT: QT_TRANSLATE_NOOP("ReuseState", "Hồ sơ chưa có kết quả"),
}
#: Why a held scan may not stand for a paper, as the tooltip says it.
REUSE_REASONS = {
    ReuseState.USABLE: QT_TRANSLATE_NOOP(
        "ReuseState",
        "Hồ sơ đã có kết quả: giấy tờ đã số hóa được dùng lại, không yêu cầu nộp lại "
        "(Nghị định 118/2025/NĐ-CP điều 22 khoản 1, điều 5 khoản 1 điểm i).",
    ),
    ReuseState.EXPIRED: QT_TRANSLATE_NOOP(
        "ReuseState", "Giấy tờ đã hết thời hạn hiệu lực: người nộp cần nộp bản còn hiệu lực."
    ),
    ReuseState.NO_RESULT: QT_TRANSLATE_NOOP(
        "ReuseState",
        "Giấy tờ số hóa được dùng lại khi hồ sơ có kết quả giải quyết (Nghị định "
        "118/2025/NĐ-CP điều 22 khoản 1); hồ sơ này chưa có kết quả hoặc đã bị từ chối, dừng.",
    ),
}


@dataclass(frozen=True)
class Scan:
    """One paper's digitised copy as a dossier holds it (the PDF itself is not here)."""

    file_id: int
    dossier_code: str
    kind: ScanKind
    position: int  # the paper's number in the receipt's list; 0 for the result
    name: str  # the paper's name (or the result's)
    pages: int
    sha256: str
    size: int
    made_at: datetime
    made_by: str  # full name of the clerk who digitised it
    origin_code: str  # the dossier it was digitised in (itself, unless reused)
    valid_until: date | None = None
    pdfa: bool = False

    @property
    def reused(self) -> bool:
        """Taken from an earlier dossier ("đã có bản số hóa") rather than scanned here."""
        return self.origin_code != self.dossier_code


@dataclass(frozen=True)
class HeldScan:
    """A scan the office holds for a person: what intake offers instead of the paper."""

    file_id: int
    name: str
    kind: ScanKind
    origin_code: str
    made_at: datetime
    pages: int
    valid_until: date | None
    #: Whether any dossier of the person that holds this scan ended with a result.
    has_result: bool

    def state(self, today: date) -> ReuseState:
        if self.valid_until is not None and self.valid_until < today:
            return ReuseState.EXPIRED
        if not self.has_result:
            return ReuseState.NO_RESULT
        return ReuseState.USABLE


def is_person_id(text: str) -> bool:
    """A full CCCD: 12 digits (spaces typed between groups are ignored)."""
    digits = "".join(text.split())
    return len(digits) == PERSON_ID_DIGITS and digits.isdigit()


def copy_needed(form: PaperForm, channel: Channel) -> bool:
    """Whether the counter must make the electronic copy of a paper.

    Circular 03/2025/TT-VPCP art. 5(2)(a) and (b) (secondary quotation): not for a
    dossier filed online (it is electronic already), nor for a paper only shown.
    The desk still lets the clerk attach one.
    """
    return channel is not Channel.ONLINE and form is not PaperForm.SHOWN


def best_paper_for(held_name: str, paper_names: list[str]) -> str | None:
    """The paper of a procedure's list a held scan most likely stands for, or ``None``.

    Names are compared without accents or case: the same name first, then one name
    inside the other ("Giấy khai sinh" in "Bản sao Giấy khai sinh"). The clerk
    confirms the choice: no paper is ever reused without a tick.
    """
    wanted = fold(held_name)
    if not wanted:
        return None
    folded = [(fold(n), n) for n in paper_names]
    for key, name in folded:
        if key == wanted:
            return name
    inside = [name for key, name in folded if key and (wanted in key or key in wanted)]
    return min(inside, key=len) if inside else None


def pdf_name(code: str, position: int, name: str) -> str:
    """A file name for a scan written out: ``H36.41-260310-0001_02_giay-khai-sinh.pdf``."""
    words = "".join(c if c.isalnum() else "-" for c in fold(name)).strip("-")
    slug = "-".join(w for w in words.split("-") if w)[:40] or "giay-to"
    label = "ket-qua" if position == RESULT_POSITION else f"{position:02d}"
    return f"{code}_{label}_{slug}.pdf"
