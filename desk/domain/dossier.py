"""A dossier (hồ sơ) as the desk records it at intake.

States are documented one line each; the later steps (transfer, supplement,
refusal, result, return) build on ``DossierStatus``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desk.domain.procedure import Channel, PaperForm


class ApplicantKind(StrEnum):
    PERSON = "person"  # cá nhân: identified by CCCD (12 digits)
    ORGANISATION = "organisation"  # tổ chức: identified by tax/enterprise code


class ResultDelivery(StrEnum):
    """Where the citizen collects the result (nơi nhận kết quả)."""

    COUNTER = "counter"
    POST = "post"


RESULT_DELIVERY_LABELS = {
    ResultDelivery.COUNTER: "Tại Bộ phận Một cửa",
    ResultDelivery.POST: "Qua dịch vụ bưu chính",
}


class DossierStatus(StrEnum):
    RECEIVED = "received"  # đã tiếp nhận: at the desk, the clock is running


STATUS_LABELS = {DossierStatus.RECEIVED: "Đã tiếp nhận"}


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
