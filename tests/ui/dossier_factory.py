"""Dossiers for the worklist and dossier-page tests, recorded through the real intake."""

from __future__ import annotations

from desk.domain.clock import FixedClock
from desk.domain.consent import Consent
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.office import Clerk
from desk.services import catalog, intake
from desk.storage.database import Database

#: Certificate of marital status: 3 working days, five papers in its list.
PROCEDURE = "1.004873"


def record(
    db: Database,
    clerk: Clerk,
    clock: FixedClock,
    name: str = "Trần Văn Hùng",
    *,
    procedure: str = PROCEDURE,
    phone: str = "0912345678",
    id_number: str = "079090001234",
    consent: Consent | None = None,
) -> str:
    """Receive a dossier with the first paper of the procedure's list; its code."""
    p = catalog.get_procedure(db, procedure)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name=name, id_number=id_number, phone=phone),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form, 1)],
        consent=consent or Consent(),
    )
    return intake.record_intake(db, draft, clerk, clock).code
