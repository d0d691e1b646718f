"""A dossier (hồ sơ) as the desk records it at intake.

States are documented one line each; the later steps (transfer, supplement,
refusal, result, return) build on ``DossierStatus``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desk.domain.consent import Consent
from desk.domain.procedure import Channel, PaperForm
from desk.domain.text import nfc, printable
from desk.domain.translation import QT_TRANSLATE_NOOP


class ApplicantKind(StrEnum):
    PERSON = "person"  # cá nhân: identified by CCCD (12 digits)
    ORGANISATION = "organisation"  # tổ chức: identified by tax/enterprise code


class ResultDelivery(StrEnum):
    """Where the citizen collects the result (nơi nhận kết quả)."""

    COUNTER = "counter"
    POST = "post"


RESULT_DELIVERY_LABELS = {
    ResultDelivery.COUNTER: QT_TRANSLATE_NOOP("ResultDelivery", "Tại Bộ phận Một cửa"),
    ResultDelivery.POST: QT_TRANSLATE_NOOP("ResultDelivery", "Qua dịch vụ bưu chính"),
}


class DossierStatus(StrEnum):
    """Where a dossier is in its life; ``desk.domain.lifecycle`` says which step leads where."""

    RECEIVED = "received"  # đã tiếp nhận: at the one-stop desk, the clock is running
    IN_PROGRESS = "in_progress"  # đang giải quyết: with a department, the clock is running
    WAITING_SUPPLEMENT = (
        "waiting_supplement"  # chờ bổ sung: the clock is stopped (Decree 118/2025 art. 19(5))
    )
    RESULT_READY = "result_ready"  # có kết quả, chờ trả: decided, not yet collected
    RETURNED = "returned"  # đã trả kết quả: closed
    REFUSED = "refused"  # từ chối giải quyết: closed, with written reasons (form 03)
    STOPPED = "stopped"  # dừng giải quyết theo đề nghị của người nộp (Decree 118 art. 21): closed


STATUS_LABELS = {
    DossierStatus.RECEIVED: QT_TRANSLATE_NOOP("DossierStatus", "Đã tiếp nhận"),
    DossierStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("DossierStatus", "Đang giải quyết"),
    DossierStatus.WAITING_SUPPLEMENT: QT_TRANSLATE_NOOP("DossierStatus", "Chờ bổ sung"),
    DossierStatus.RESULT_READY: QT_TRANSLATE_NOOP("DossierStatus", "Có kết quả, chờ trả"),
    DossierStatus.RETURNED: QT_TRANSLATE_NOOP("DossierStatus", "Đã trả kết quả"),
    DossierStatus.REFUSED: QT_TRANSLATE_NOOP("DossierStatus", "Từ chối giải quyết"),
    DossierStatus.STOPPED: QT_TRANSLATE_NOOP("DossierStatus", "Dừng giải quyết"),
}

#: The clock runs for these: they are the ones the urgency bands sort.
RUNNING_STATUSES = frozenset({DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS})
#: Not finished yet (the worklist's "all open" view).
OPEN_STATUSES = RUNNING_STATUSES | {DossierStatus.WAITING_SUPPLEMENT, DossierStatus.RESULT_READY}
CLOSED_STATUSES = frozenset(DossierStatus) - OPEN_STATUSES


class ResultClass(StrEnum):
    """How a decision compares with the appointment (early, on time, late): see docs/legal.md."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


RESULT_CLASS_LABELS = {
    ResultClass.EARLY: QT_TRANSLATE_NOOP("ResultClass", "Trước hạn"),
    ResultClass.ON_TIME: QT_TRANSLATE_NOOP("ResultClass", "Đúng hạn"),
    ResultClass.LATE: QT_TRANSLATE_NOOP("ResultClass", "Quá hạn"),
}


class ReturnMethod(StrEnum):
    COUNTER = "counter"
    POST = "post"


@dataclass
class Applicant:
    name: str
    kind: ApplicantKind = ApplicantKind.PERSON
    id_number: str = ""  # CCCD for a person, tax code for an organisation
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    principal: str = ""  # the person or body the applicant acts for (ủy quyền)


@dataclass(frozen=True)
class ReceivedPaper:
    name: str
    form: PaperForm = PaperForm.ORIGINAL
    count: int = 1
    #: Not handed in: the digitised copy of this earlier dossier stands for it (desk.domain.scans).
    reused_from: str = ""


@dataclass
class IntakeDraft:
    """What the intake form holds before it is saved."""

    procedure_code: str = ""
    applicant: Applicant = field(default_factory=lambda: Applicant(name=""))
    papers: list[ReceivedPaper] = field(default_factory=list)
    channel: Channel = Channel.COUNTER
    result_delivery: ResultDelivery = ResultDelivery.COUNTER
    delivery_address: str = ""
    sets: int = 1  # số lượng hồ sơ (bộ)
    note: str = ""
    #: The channels the applicant agreed to be told through (desk.domain.consent).
    consent: Consent = field(default_factory=Consent)
    #: Papers not asked for again: paper name -> the held scan standing for it (desk.domain.scans).
    reused: dict[str, int] = field(default_factory=dict)


@dataclass
class Dossier:
    code: str
    procedure_code: str
    procedure_name: str
    field: str
    applicant: Applicant
    papers: list[ReceivedPaper]
    channel: Channel
    result_delivery: ResultDelivery
    received_at: datetime
    appointment_at: datetime
    limit_text: str
    clerk_username: str
    clerk_name: str
    status: DossierStatus = DossierStatus.RECEIVED
    delivery_address: str = ""
    sets: int = 1
    note: str = ""
    fee: str = ""
    id: int | None = None
    #: The date the worklist sorts by: the appointment, or the one new date an apology gave.
    due_at: datetime | None = None
    holder: str = ""  # who has the dossier now: the one-stop desk or a department
    decided_at: datetime | None = None
    result_class: ResultClass | None = None
    returned_at: datetime | None = None
    supplement_round: int = 0  # supplement requests made so far
    comebacks: int = 0  # times the citizen came back with missing papers

    def effective_due(self) -> datetime:
        return self.due_at or self.appointment_at


#: The most characters of each stored text a printout shows: the sizes of the
#: columns that hold them. A database written before the intake checks (or by
#: another program) may hold longer texts, and control characters.
APPLICANT_PRINT_LIMITS = {"name": 200, "principal": 200, "address": 300, "email": 120,
                          "phone": 20, "id_number": 20}  # fmt: skip
DOSSIER_PRINT_LIMITS = {"code": 60, "procedure_name": 1000, "field": 200, "delivery_address": 300,
                        "note": 500, "fee": 500, "limit_text": 120, "clerk_name": 200}  # fmt: skip
PAPER_PRINT_LIMIT = 1000


def for_print(dossier: Dossier) -> Dossier:
    """The dossier as the forms and the receipt print it: each text in NFC, without
    control characters, cut with "…" after its limit (``desk.domain.text.printable``),
    so what is already stored never breaks a page or a receipt."""
    a = dossier.applicant
    # Text fields named at run time: ``Any`` as ``replace`` cannot tell them from the others.
    own: dict[str, Any] = {
        k: printable(nfc(getattr(a, k)), n) for k, n in APPLICANT_PRINT_LIMITS.items()
    }
    applicant = replace(a, **own)
    texts: dict[str, Any] = {
        k: printable(nfc(getattr(dossier, k)), n) for k, n in DOSSIER_PRINT_LIMITS.items()
    }
    papers = [
        replace(
            p,
            name=printable(nfc(p.name), PAPER_PRINT_LIMIT),
            reused_from=printable(p.reused_from, 60),
        )
        for p in dossier.papers
    ]
    return replace(dossier, applicant=applicant, papers=papers, **texts)
