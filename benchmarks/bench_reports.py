"""Reports on a million dossiers: a year's dashboard and form 06/VPCP/KSTT.

    python benchmarks/bench_reports.py [--db benchmarks/data/1m.sqlite3] [--runs 5]

The reports only read, but opening a database upgrades it to the newest
migration, so the benchmark works on a COPY of the shared file (made once, in
the temporary folder, and made again when the original changes). It times,
for last year and for this year: the dashboard's figures (one grouped count
over the period, the monthly trend, the queue) and the window showing them,
form 06 (the same count
broken down by field) and its PDF and XLSX, the list behind a figure, and
the working time used per procedure; then prints the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_database import DEFAULT_DB, ensure_database  # noqa: E402

from desk.config import database_url  # noqa: E402
from desk.domain.clock import SystemClock  # noqa: E402
from desk.domain.statistics import Dimension, Figure, Period, percent_text  # noqa: E402
from desk.services import report_xlsx, reports, time_used  # noqa: E402
from desk.storage.database import open_database  # noqa: E402

COPY = Path(tempfile.gettempdir()) / "desk-bench" / "1m-reports.sqlite3"


def timed(action: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """Median and worst time in ms, and the last result."""
    values, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = action()
        values.append((time.perf_counter() - t0) * 1000)
    return statistics.median(values), max(values), result


def working_copy(source: Path, dossiers: int) -> Path:
    """A private copy of the benchmark database (the original is never opened here).

    A note beside the copy records the original's size and time; a different
    original is copied again. The copy itself changes once opened (migrations).
    """
    if not source.exists():
        ensure_database(source, dossiers)
    stat = source.stat()
    stamp = f"{source.resolve()} {stat.st_size} {stat.st_mtime_ns}"
    note = COPY.with_suffix(".source")
    if not COPY.exists() or not note.exists() or note.read_text() != stamp:
        COPY.parent.mkdir(parents=True, exist_ok=True)
        print(f"copying {source} to {COPY} ...")
        shutil.copyfile(source, COPY)
        note.write_text(stamp)
    return COPY


def show(label: str, median_ms: float, worst_ms: float) -> None:
    print(f"  {label:<44} {median_ms:8.0f} ms (worst {worst_ms:.0f})")


def bench_year(db, period: Period, now, runs: int, out: Path, window) -> None:  # noqa: ANN001
    print(f"{period.title}:")
    ms = timed(lambda: reports.dashboard(db, period, now), runs)
    show("dashboard (figures, trend, queue)", ms[0], ms[1])
    dash = ms[2]
    ms = timed(lambda: window.set_period(period), runs)
    show("the dashboard window showing it (Qt)", ms[0], ms[1])
    ms = timed(lambda: reports.report(db, period, now, Dimension.FIELD), runs)
    show("form 06 figures (by field)", ms[0], ms[1])
    form = reports.statistics_form_data(db, period, now)
    ms = timed(lambda: reports.statistics_form_pdf(db, period, now, out / "form06.pdf"), runs)
    show("form 06 as PDF", ms[0], ms[1])
    ms = timed(lambda: report_xlsx.write_statistics_xlsx(form, out / "form06.xlsx"), runs)
    show("form 06 as XLSX (figures already counted)", ms[0], ms[1])
    ms = timed(lambda: reports.dossiers_behind(db, period, now, Figure.LATE, limit=500), runs)
    show("the 500 first late dossiers", ms[0], ms[1])
    ms = timed(lambda: time_used.time_used(db, period), max(1, runs // 2))
    show("working time used per procedure", ms[0], ms[1])
    t = dash.total
    print(
        f"  received {t.received:,}, carried over {t.carried_over:,}, decided {t.decided:,} "
        f"(early {t.early:,}, on time {t.on_time:,}, late {t.late:,}), "
        f"on-time rate {percent_text(t.on_time_rate)}"
    )
    print(
        f"  pending {t.pending:,} (within time {t.pending_in_time:,}, overdue {t.pending_overdue:,}),"
        f" refused {t.refused:,}, stopped {t.stopped:,}, late without apology "
        f"{t.late_without_apology:,}, asked for papers {t.supplement_requested:,}"
    )
    print(
        f"  art. 13 scores: time {t.time_score or 0:.2f}, comebacks {t.comeback_score or 0:.2f};"
        f" fields {len(form.rows)}, months in the trend {len(dash.months)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    copy = working_copy(args.db, args.dossiers)
    db = open_database(database_url(copy))
    now = SystemClock().now()
    out = Path(tempfile.mkdtemp(prefix="desk-bench-reports-"))
    reports.report(db, Period.year(now.year), now)  # warm the file cache once

    from desk.services.accounts import get_clerk
    from desk.ui.app import application
    from desk.ui.dashboard.dashboard_window import DashboardWindow

    app = application()
    window = DashboardWindow(db, get_clerk(db, "lanhdao"))
    window.resize(1366, 820)
    window.show()
    app.processEvents()
    for period in (Period.year(now.year - 1), Period.year(now.year)):
        bench_year(db, period, now, args.runs, out, window)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MiB; files in {out}")
    db.dispose()


if __name__ == "__main__":
    main()
