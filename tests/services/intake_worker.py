"""Run as a separate process: records N intakes on the database given, as one counter."""

from __future__ import annotations

import sys
from datetime import datetime

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import accounts, catalog
from desk.services.intake import record_intake
from desk.storage.database import open_database


def main(url: str, count: int, name: str) -> None:
    db = open_database(url, create=False)
    clerk = accounts.log_in(db, "admin", "matkhau123")
    procedure = catalog.get_procedure(db, "1.001193")
    clock = FixedClock(datetime(2026, 3, 10, 9, 15))
    for i in range(count):
        draft = IntakeDraft(
            procedure_code=procedure.code,
            applicant=Applicant(name=f"{name} {i}", id_number="079190001234"),
            papers=[ReceivedPaper(procedure.papers[0].name)],
        )
        print(record_intake(db, draft, clerk, clock).code, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
