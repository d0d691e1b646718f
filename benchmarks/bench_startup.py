"""Time from process start to the main window shown, on a million dossiers.

    python benchmarks/bench_startup.py [--db benchmarks/data/1m.sqlite3] [--runs 5]

Each run is a fresh Python process (offscreen Qt) that opens the database the
way the app does (checks, migrations), signs the clerk in, builds the main
window with its dossier list and shows it; the parent measures from spawning
the process to the child's "shown" line, so interpreter start and imports count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from make_database import DEFAULT_DB, ensure_database

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from desk.config import database_url
from desk.services.accounts import get_clerk
from desk.storage.database import open_database
from desk.ui.app import application
from desk.ui.worklist.main_window import MainWindow
app = application()
db = open_database(database_url(sys.argv[1]))
window = MainWindow(db, get_clerk(db, "canbo1"))
window.show()
app.processEvents()
model = window.dossier_model
print("shown", model.rowCount(), f"{time.perf_counter() - t0:.3f}", flush=True)
"""


def one_run(db: Path) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait()
    if not line.startswith("shown"):
        raise SystemExit(f"the window did not show: {line!r}")
    return elapsed, line.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    ensure_database(args.db, args.dossiers)
    one_run(args.db)  # warm the OS file cache once, as a PC that has run the app before
    times = []
    for _ in range(args.runs):
        elapsed, line = one_run(args.db)
        times.append(elapsed)
        print(f"{elapsed * 1000:7.0f} ms   ({line})")
    print(
        f"start to main window: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
