"""The worklist on a million dossiers (about 30,000 open), as a clerk uses it.

    python benchmarks/bench_worklist.py [--db benchmarks/data/1m.sqlite3] [--runs 5]

Times, through the same Qt model the main window shows (offscreen):
open the worklist (band counts + first page), change a filter (a field), search
a name typed without accents, scroll to the end of all open dossiers; then the
peak memory (RSS) of the process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_database import DEFAULT_DB, ensure_database  # noqa: E402

from desk.config import database_url  # noqa: E402
from desk.domain.clock import SystemClock  # noqa: E402
from desk.services import worklist  # noqa: E402
from desk.services.accounts import get_clerk  # noqa: E402
from desk.storage.database import open_database  # noqa: E402


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    values = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        values.append((time.perf_counter() - t0) * 1000)
    return statistics.median(values), max(values)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    ensure_database(args.db, args.dossiers)

    from desk.ui.app import application
    from desk.ui.worklist.worklist_view import WorklistView

    app = application()
    db = open_database(database_url(args.db))
    clerk = get_clerk(db, "lanhdao")
    now = SystemClock().now()
    open_count = worklist.count(db, worklist.WorklistFilter(view=worklist.View.ALL_OPEN), now)
    print(f"open dossiers: {open_count:,}")

    views: list[WorklistView] = []

    def open_worklist() -> None:
        view = WorklistView(db, clerk)
        view.show()
        app.processEvents()
        views.append(view)

    view_ms = timed(open_worklist, args.runs)
    view = views[-1]
    model = view.model

    def choose(combo, value: str) -> None:
        combo.blockSignals(True)  # one reload per change, as when a clerk picks an item
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def change_filter() -> None:
        choose(view.field_combo, "Hộ tịch")
        view.apply_filters()
        app.processEvents()
        choose(view.field_combo, "")

    def search() -> None:
        view.search.blockSignals(True)
        view.search.setText("nguyen van an")
        view.apply_filters()
        app.processEvents()
        view.search.setText("")
        view.search.blockSignals(False)

    def scroller(which: worklist.View) -> Callable[[], None]:
        def scroll_to_end() -> None:
            view.select_view(which)
            view.apply_filters()
            while model.canFetchMore():
                t0 = time.perf_counter()
                model.fetchMore()
                pages.append((time.perf_counter() - t0) * 1000)
            view.table.scrollToBottom()
            app.processEvents()

        return scroll_to_end

    pages: list[float] = []
    for name, action in (
        ("open the worklist", None),
        ("change a filter", change_filter),
        ("search without accents", search),
        ("scroll to end: running", scroller(worklist.View.URGENT)),
        ("scroll to end: ready", scroller(worklist.View.READY)),
    ):
        median, worst = view_ms if action is None else timed(action, args.runs)
        print(
            f"{name:24s} median {median:7.1f} ms   max {worst:7.1f} ms   rows {model.rowCount():,}"
        )
    print(
        f"{'one more page (scroll)':24s} median {statistics.median(pages):7.1f} ms   "
        f"max {max(pages):7.1f} ms   ({len(pages)} pages of 200)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
