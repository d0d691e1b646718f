"""One intake's save plus its receipt rendering, on a million-dossier database.

    python benchmarks/bench_intake.py [--db benchmarks/data/1m.sqlite3] [--runs 50]

Works on a copy of the benchmark database so the original stays as made.
Prints the median and 90th percentile of: save (validation, appointment,
code, insert, commit), render (layout -> 576-dot image -> ESC/POS bytes), both.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from make_database import DEFAULT_DB, ensure_database

from desk.config import database_url
from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.printing import receipt_bytes, receipt_image
from desk.services import accounts, catalog, office
from desk.services.dossiers import count_dossiers
from desk.services.intake import record_intake
from desk.storage.database import open_database


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    ensure_database(args.db, args.dossiers)
    work = Path(tempfile.mkdtemp(prefix="desk-bench-")) / "copy.sqlite3"
    shutil.copy(args.db, work)
    db = open_database(database_url(work))
    print(f"dossiers in the database: {count_dossiers(db):,}")
    clerk = accounts.get_clerk(db, "canbo1")
    the_office = office.get_office(db)
    procedure = catalog.get_procedure(db, "1.013978")
    clock = FixedClock(datetime(2026, 11, 27, 9, 0))
    saves, renders = [], []
    for i in range(args.runs):
        draft = IntakeDraft(
            procedure_code=procedure.code,
            applicant=Applicant(
                name=f"Nguyễn Văn Thử {i}",
                id_number="079190001234",
                phone="0912345678",
                address="Số 5 đường Lê Lợi, xã Tân Phú",
            ),
            papers=[ReceivedPaper(p.name, p.form, p.count) for p in procedure.papers],
        )
        t0 = time.perf_counter()
        dossier = record_intake(db, draft, clerk, clock)
        t1 = time.perf_counter()
        data = receipt_bytes(receipt_image(dossier, the_office, "80"))
        t2 = time.perf_counter()
        assert len(data) > 10_000
        saves.append((t1 - t0) * 1000)
        renders.append((t2 - t1) * 1000)
    both = [a + b for a, b in zip(saves, renders)]
    for name, values in (("save", saves), ("render", renders), ("save+render", both)):
        print(
            f"{name:12s} median {statistics.median(values):7.1f} ms   "
            f"p90 {quantile(values, 0.9):7.1f} ms   ({args.runs} runs)"
        )
    db.dispose()
    shutil.rmtree(work.parent)


if __name__ == "__main__":
    main()
