"""Time per PDF letter: receipt (form 01), supplement (02), refusal (03), apology (04),
stop notice (05), control slip (06), each read from the database and written to a file.

    python benchmarks/bench_letters.py [--runs 30] [--risk-db benchmarks/data/1m.sqlite3]

Works on a fresh database in a temporary folder with one dossier per form; the
first letter also pays for loading the fonts, so it is shown apart. With
``--risk-db`` it also times the at-risk list on that (e.g. million-dossier)
database, read only (it is not migrated: its schema must be current).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from desk.config import database_url
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.lifecycle import SupplementRequest
from desk.domain.office import Office
from desk.services import accounts, apologies, catalog, steps
from desk.services import office as office_service
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database

OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def make_dossiers(db: Database) -> dict[str, str]:
    """One dossier in the state each form needs; returns form -> dossier code."""
    clerk = accounts.log_in(db, "admin", "matkhau123")
    clock = FixedClock(datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ))
    land = catalog.get_procedure(db, "1.013978")  # the longest receipt: six long papers

    def intake(name: str) -> str:
        draft = IntakeDraft(
            procedure_code=land.code,
            applicant=Applicant(name=name, id_number="079190001234", phone="0912345678"),
            papers=[ReceivedPaper(p.name, p.form, p.count) for p in land.papers],
        )
        return record_intake(db, draft, clerk, clock).code

    codes = {
        form: intake(f"Nguyễn Thị Mai {n}")
        for n, form in enumerate(("receipt", "supplement", "refusal", "apology", "stop", "control"))
    }
    steps.request_supplement(
        db,
        clerk,
        codes["supplement"],
        SupplementRequest((land.papers[0].name,), "Thiếu chữ ký"),
        clock,
    )
    steps.refuse(db, clerk, codes["refusal"], "Không thuộc thẩm quyền giải quyết", clock)
    steps.stop(db, clerk, codes["stop"], "Người nộp có đơn xin rút hồ sơ", clock)
    steps.transfer(db, clerk, codes["control"], "Văn phòng đăng ký đất đai", clock)
    clock.advance(timedelta(days=30))
    for form in ("apology", "control"):
        new = apologies.proposed_new_date(db, codes[form], clock)
        apologies.make_apology(db, clerk, codes[form], "Chờ xác minh", new, "letter", clock)
    return codes


def bench_letters(runs: int) -> None:
    from desk.services import form_documents

    writers = {
        "receipt": form_documents.receipt_pdf,
        "supplement": form_documents.supplement_request_pdf,
        "refusal": form_documents.refusal_pdf,
        "apology": form_documents.apology_pdf,
        "stop": form_documents.stop_notice_pdf,
        "control": form_documents.control_slip_pdf,
    }
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-letters-"))
    db = open_database(database_url(folder / "letters.sqlite3"))
    office_service.set_up_office(db, OFFICE, "admin", "Nguyễn Văn An", "matkhau123")
    codes = make_dossiers(db)
    t0 = time.perf_counter()
    form_documents.apology_pdf(db, codes["apology"], folder / "first.pdf")
    print(f"first letter (loads the fonts): {(time.perf_counter() - t0) * 1000:7.1f} ms")
    for form, write in writers.items():
        times = []
        for n in range(runs):
            t0 = time.perf_counter()
            write(db, codes[form], folder / f"{form}-{n}.pdf")
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"{form:10s} median {statistics.median(times):7.1f} ms   "
            f"p90 {quantile(times, 0.9):7.1f} ms   max {max(times):7.1f} ms   ({runs} letters)"
        )
    db.dispose()
    shutil.rmtree(folder)


def bench_risk(path: Path, runs: int) -> None:
    from desk.domain.clock import SystemClock
    from desk.services import risk
    from desk.services.dossiers import count_dossiers

    if not path.is_file():
        raise SystemExit(f"no database at {path} (make it with benchmarks/make_database.py)")
    db = Database(database_url(path))  # read only: no migration of a shared benchmark file
    now = SystemClock().now()
    print(f"dossiers in {path.name}: {count_dossiers(db):,}")
    t0 = time.perf_counter()
    items = risk.at_risk(db, now)
    print(
        f"at-risk list, history computed: {(time.perf_counter() - t0) * 1000:7.1f} ms "
        f"({len(items)} dossiers at risk)"
    )
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        risk.at_risk(db, now)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"at-risk list, history cached: median {statistics.median(times):7.1f} ms")
    db.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--risk-db", type=Path, default=None)
    args = ap.parse_args()
    bench_letters(args.runs)
    if args.risk_db is not None:
        bench_risk(args.risk_db, max(3, args.runs // 10))


if __name__ == "__main__":
    main()
