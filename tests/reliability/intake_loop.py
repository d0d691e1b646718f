"""Run as a separate process: a desk that records intakes until a stop file appears.

    python intake_loop.py URL STOP_FILE ROUND

It opens the database as the desk window does (``program="desk"``, so it is
known to a restore while it runs), prints ``READY``, then one dossier code per
line as each is committed, and closes the database once ``STOP_FILE`` exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kill_harness import _CLOCK, PASSWORD, PROCEDURE, _draft

from desk.services import accounts, catalog
from desk.services.intake import record_intake
from desk.storage.database import open_database


def main(url: str, stop: Path, round_no: int) -> None:
    db = open_database(url, create=False, program="desk")
    try:
        clerk = accounts.log_in(db, "admin", PASSWORD)
        procedure = catalog.get_procedure(db, PROCEDURE)
        print("READY", flush=True)
        i = 0
        while not stop.exists():
            i += 1
            code = record_intake(db, _draft(procedure, round_no, i), clerk, _CLOCK).code
            print(code, flush=True)
    finally:
        db.dispose()
    print("CLOSED", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
