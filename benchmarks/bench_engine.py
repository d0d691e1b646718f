"""The desk at the engine's own speed: each measure of issue 17 as a ratio to its baseline.

    python benchmarks/bench_engine.py [--sizes 10k,100k,1m] [--engines sqlite,postgresql]
                                      [--data DIR] [--rounds 5] [--reps 20] [--pg-url URL]

The machine is shared and noisy, so only ratios count: every measure is timed
alternately with its baseline, round after round, in the same run, and the
table gives the medians and their ratio, at each size and on each engine.

- worklist first page, in process: ``worklist.fetch_page`` (a page of 200, as
  the window reads it) against the same SQL run on a bare DBAPI connection
  (``sqlite3`` / ``psycopg`` in autocommit, its statements prepared); the same
  for a clerk's own list, the next page, the counts of the bands and views, and
  a search by name;
- report of a year, in process: ``reports.report`` against its own statements
  (caught as it runs them) replayed on the bare connection;
- ``desk dossiers --pending --limit 50 --json``, the whole process (signed in
  through ``DESK_USER``/``DESK_PASSWORD``, as the command now requires), against
  Python + sqlite3/psycopg + json running the same query and printing it;
- ``desk --version`` against ``python -c pass``;
- the window: ``desk --demo --db FILE --snapshot PNG`` (or ``--db-url``) from
  spawning it to the log's "main window shown with its worklist", against a
  bare PySide6 window with a QTableView of 200 rows of Vietnamese text from
  spawning it to its first paint (both then grab a PNG and end); the at-risk
  list ready after the window (the log's first "at-risk list ready": on the
  first screen, its count; the window's whole list view with it comes with
  "main window complete", also given); the peak memory (RSS) of both
  processes, each run as the only child of a small launcher (a child of this
  benchmark would count the benchmark's own pages);
- the engine's floor for that window, time and memory: the bare window filled
  with the first page its driver read (``sqlite3`` / ``psycopg``, connecting
  first), which no window on that engine starts under; and the desk against it.

Before measuring, the desk's bytecode is written (``compile_desk``), as an installed
desk has it. Databases: ``DIR/{10k,100k,1m}.sqlite3`` and ``desk_bench_{10k,100k,1m}`` on the
server of ``--pg-url`` (default ``DESK_BENCH_PG_URL`` or ``DESK_TEST_PG_URL``),
made once by ``make_database.py`` when missing (a million takes 10 minutes on
SQLite, half an hour on PostgreSQL) and reused. Keep DIR outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from make_database import ensure_database, ensure_url

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
DEFAULT_DATA = Path(os.environ.get("DESK_BENCH_DATA", "/work/bench-data"))
USER, PASSWORD = "lanhdao", "demo1234"  # a demo supervisor: the whole office's list
GOALS = {
    "worklist": 1.5,
    "dossiers": 6.0,
    "version": 2.0,
    "window": 2.0,
    "memory": 2.0,
    "keep": 1.5,
}
AT_RISK_GOAL_S = 0.5
#: The commonest office screen (``desk.ui.widgets.screen_fit``), for Qt's offscreen platform.
OFFSCREEN_SIZE = {"width": 1366, "height": 768, "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}
OFFICE_SCREEN = {"screens": [{"name": "office", "x": 0, "y": 0, **OFFSCREEN_SIZE}]}
#: The rows the window reads as its first page (``worklist_table_model.PAGE_SIZE``).
WINDOW_PAGE = 200

#: The bare window's own rows: Vietnamese text of the worklist's width, or (the floor
#: below) the rows the driver read.
BARE_WINDOW = r"""
import sys, time
ROWS = globals().get("ROWS")
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
names = ["Nguyễn Thị Thu Trang", "Trần Văn Hùng", "Lê Thị Hoa", "Phạm Minh Tuấn"]
model = QStandardItemModel(200, 9)
for r in range(200):
    texts = ROWS[r % len(ROWS)] if ROWS else ("Quá hạn 3 ngày làm việc",
            f"H36.41-260310-{r:04d}", names[r % 4],
            "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", "13/03/2026 16:00",
            "Đang giải quyết", "Bộ phận Một cửa", names[(r + 1) % 4], "10/03/2026 09:00")
    for c, text in enumerate(texts):
        model.setItem(r, c, QStandardItem(text))
window = QMainWindow()
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1280, 760)
window.show()
app.processEvents()
print("shown", flush=True)
def snap():
    window.grab().save(sys.argv[1])
    app.exit(0)
QTimer.singleShot(0, snap)
app.exec()
"""

#: The engine's floor for the window: the bare window, after its driver (``sqlite3`` or
#: ``psycopg``) has connected and read the first page of the worklist, by the desk's own
#: SQL, and filled with it. What the desk adds to a window on an engine is its time less
#: this one's.
DRIVER_WINDOW = (
    r"""
import json, sys
spec = json.loads(sys.argv[2])
if spec["engine"] == "sqlite":
    import sqlite3
    conn = sqlite3.connect(spec["path"])
else:
    import psycopg
    conn = psycopg.connect(spec["dsn"], autocommit=True)
ROWS = [[str(v) for v in r[1:10]] for r in conn.execute(spec["sql"], spec["params"]).fetchall()]
"""
    + BARE_WINDOW
)

#: Runs a program as its own child and reports that child's peak memory: measured from
#: this benchmark directly, a child's peak would count the benchmark's own pages, which
#: the child holds between fork and exec.
LAUNCH = r"""
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\nmaxrss-kib {usage.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""

RAW_DOSSIERS = r"""
import json, sys
spec = json.loads(sys.argv[1])
if spec["engine"] == "sqlite":
    import sqlite3
    conn = sqlite3.connect(spec["path"])
    params = spec["params"]
else:
    import psycopg
    conn = psycopg.connect(spec["dsn"], autocommit=True)
    params = spec["params"]
keys = ("code", "applicant", "procedure", "received", "appointment", "due", "status", "band")
rows = conn.execute(spec["sql"], params).fetchall()
out = [dict(zip(keys, (r[1], r[2], r[3], str(r[5]), str(r[6]), str(r[7]), r[8], r[14])))
       for r in rows]
print(json.dumps(out, ensure_ascii=False, indent=1))
"""


@dataclass
class Row:
    measure: str
    desk: float
    base: float
    unit: str
    goal: float | None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.desk / self.base if self.base else float("nan")


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.rows.append(Row(*args, **kwargs))
        row = self.rows[-1]
        print(f"    {row.measure:<46} {_fmt(row)}", flush=True)


def _fmt(row: Row) -> str:
    if row.unit == "s":
        return f"{row.desk:.3f} s" + (f" (goal <= {row.goal} s)" if row.goal else "")
    ratio = f"{row.ratio:5.2f}x" + (f" (goal <= {row.goal}x)" if row.goal else "")
    return f"{row.desk:9.3f} {row.unit} vs {row.base:9.3f} {row.unit}  {ratio}"


# -- timing --------------------------------------------------------------------------


def alternate(
    desk: Callable[[], object], base: Callable[[], object], rounds: int, reps: int
) -> tuple[float, float]:
    """Median ms of ``desk`` and of ``base``, timed in alternate rounds of ``reps`` calls."""
    desk(), base()  # warm: statements compiled and prepared, pages cached
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        for action, into in ((desk, ours), (base, theirs)):
            values = []
            for _ in range(reps):
                started = time.perf_counter()
                action()
                values.append((time.perf_counter() - started) * 1000)
            into.append(statistics.median(values))
    return statistics.median(ours), statistics.median(theirs)


def _raw_connection(engine: str, url: str):  # noqa: ANN202
    if engine == "sqlite":
        import sqlite3

        from sqlalchemy.engine import make_url

        return sqlite3.connect(make_url(url).database)
    import psycopg

    return psycopg.connect(_dsn(url), autocommit=True)


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _replay(raw, statements: list[tuple[str, object]]) -> Callable[[], None]:  # noqa: ANN001
    def run() -> None:
        cursor = raw.cursor()
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()
        cursor.close()

    return run


# -- in process -------------------------------------------------------------------------


def in_process(engine: str, url: str, results: Results, rounds: int, reps: int) -> None:
    from desk.domain.clock import SystemClock
    from desk.domain.statistics import Period
    from desk.services import reports, worklist
    from desk.services.worklist import View, WorklistFilter
    from desk.storage import rows
    from desk.storage.database import open_database

    db = open_database(url)
    raw = _raw_connection(engine, url)
    now = SystemClock().now()

    def page(flt: WorklistFilter, after=None):  # noqa: ANN001, ANN202
        sql, params = worklist.page_query(db, flt, now, after=after, size=200)
        return (
            lambda: worklist.fetch_page(db, flt, now, after=after, size=200),
            _replay(raw, [(sql, params)]),
        )

    everyone = WorklistFilter()
    first = worklist.fetch_page(db, everyone, now, size=200)
    cases = [
        ("worklist first page, in process", everyone, None, "worklist"),
        ("worklist, a clerk's own first page", WorklistFilter(assignee="canbo1"), None, "worklist"),
        ("worklist, the next page", everyone, (first[-1].due_at, first[-1].id), "worklist"),
        ("worklist, all open dossiers", WorklistFilter(view=View.ALL_OPEN), None, "worklist"),
        (
            "search by name (no accents), in process",
            WorklistFilter(view=View.ALL_OPEN, search="nguyen van an"),
            None,
            "keep",
        ),
    ]
    for label, flt, after, goal in cases:
        desk, base = page(flt, after)
        ms = alternate(desk, base, rounds, reps if goal == "worklist" else max(1, reps // 4))
        results.add(label, *ms, "ms", GOALS[goal])

    statements = _caught_rows(rows, lambda: worklist.counts(db, everyone, now))
    counts = (lambda: worklist.counts(db, everyone, now), _replay(raw, statements))
    ms = alternate(*counts, rounds, max(1, reps // 2))
    results.add("worklist counts (bands and views)", *ms, "ms", GOALS["worklist"])

    period = Period.year(now.year - 1)
    statements = _caught_sql(db, lambda: reports.report(db, period, now))
    ms = alternate(lambda: reports.report(db, period, now), _replay(raw, statements), rounds, 1)
    results.add(f"report of {period.title}, in process", *ms, "ms", GOALS["keep"])
    raw.close()
    db.dispose()


def _caught_rows(rows, action: Callable[[], object]) -> list[tuple[str, object]]:  # noqa: ANN001
    """The statements ``action`` runs through ``desk.storage.rows``, with their parameters."""
    caught: list[tuple[str, object]] = []
    original = rows.Reader.rows

    def catching(self, statement, values):  # noqa: ANN001, ANN202
        caught.append((statement.sql(self.dialect), statement.params(self.dialect, values)))
        return original(self, statement, values)

    rows.Reader.rows = catching
    try:
        action()
    finally:
        rows.Reader.rows = original
    return caught


def _caught_sql(db, action: Callable[[], object]) -> list[tuple[str, object]]:  # noqa: ANN001
    """The statements ``action`` sends through SQLAlchemy, with their driver parameters."""
    from sqlalchemy import event

    caught: list[tuple[str, object]] = []

    def catch(_conn, _cursor, statement, parameters, _context, executemany):  # noqa: ANN001, ANN202
        if not executemany and not statement.lstrip().upper().startswith(("BEGIN", "ROLLBACK")):
            caught.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)
    return caught


# -- whole processes ----------------------------------------------------------------------


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, int, str, str]:
    """Wall seconds, peak RSS (KiB), stdout, stderr of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    return elapsed, proc.returncode, out.decode(), err.decode()


def _shown(args: list[str], env: dict[str, str], shown_line: str | None = None):  # noqa: ANN202
    """(seconds to ``shown_line`` on stdout, whole seconds, epoch at spawn) of one process."""
    started = time.perf_counter()
    wall_start = time.time()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    shown = None
    assert proc.stdout is not None
    if shown_line is not None:
        for line in proc.stdout:
            if line.decode().startswith(shown_line):
                shown = time.perf_counter() - started
                break
    proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit(f"{args[:3]} failed")
    return shown, time.perf_counter() - started, wall_start


def _peak_mib(args: list[str], env: dict[str, str]) -> float:
    """The peak memory (RSS, MiB) of one run of ``args``, as its own process tree's."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, *args], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[:3]} failed: {done.stderr[-500:]}")
    line = next(x for x in done.stderr.splitlines() if x.startswith("maxrss-kib "))
    return int(line.split()[1]) / 1024


def processes(engine: str, url: str, results: Results, rounds: int) -> None:
    from desk.domain.clock import SystemClock
    from desk.services import worklist
    from desk.services.worklist import View, WorklistFilter
    from desk.storage.database import open_database

    desk = shutil.which("desk") or str(Path(sys.executable).parent / "desk")
    py = sys.executable
    where = ["--db", url.removeprefix("sqlite:///")] if engine == "sqlite" else ["--db-url", url]
    env = dict(os.environ, DESK_USER=USER, DESK_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
    env.pop("DESK_LANG", None)

    db = open_database(url)
    everything, now = WorklistFilter(view=View.ALL_OPEN), SystemClock().now()
    sql, params = worklist.page_query(db, everything, now, size=50)
    window_sql, window_params = worklist.page_query(db, everything, now, size=WINDOW_PAGE)
    db.dispose()
    spec = {"engine": engine, "sql": sql, "params": _jsonable(params)}
    spec |= {"path": url.removeprefix("sqlite:///")} if engine == "sqlite" else {"dsn": _dsn(url)}
    command = [desk, "dossiers", "--pending", "--limit", "50", "--json", *where]
    baseline = [py, "-c", RAW_DOSSIERS, json.dumps(spec)]
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(_spawn(command, env)[0] * 1000)
        theirs.append(_spawn(baseline, env)[0] * 1000)
    results.add(
        "desk dossiers --pending --limit 50 --json",
        statistics.median(ours),
        statistics.median(theirs),
        "ms",
        GOALS["dossiers"],
        "signed in (scrypt) as the command requires",
    )

    ours, theirs = [], []
    for _ in range(rounds * 2):
        ours.append(_spawn([desk, "--version"], env)[0] * 1000)
        theirs.append(_spawn([py, "-c", "pass"], env)[0] * 1000)
    results.add(
        "desk --version", statistics.median(ours), statistics.median(theirs), "ms", GOALS["version"]
    )
    floor = dict(spec, sql=window_sql, params=_jsonable(window_params))
    window(desk, where, env, results, rounds, json.dumps(floor))


def _jsonable(params):  # noqa: ANN001, ANN202
    """The parameters for the baseline's command line (moments as the driver takes them)."""
    if isinstance(params, dict):
        return {k: v.isoformat(" ") if isinstance(v, datetime) else v for k, v in params.items()}
    return list(params)


def window(  # noqa: PLR0913
    desk: str, where: list[str], env: dict[str, str], results: Results, rounds: int, floor: str
) -> None:
    """The window's rows, ``floor`` being the driver's read of its first page (a spec for
    ``DRIVER_WINDOW``). Every window opens on a screen of an office's size
    (``OFFICE_SCREEN``): the offscreen screen is 800x800 otherwise, and the desk would
    open narrower than on a counter's PC (the bare windows take the size they ask).

    ``desk --demo`` signs in the demo's clerk, canbo1 (``DESK_USER`` is for the
    commands): the window opens on their own urgent list, the floor on the office's
    first page of open dossiers; both are the first 200 rows of an index."""
    shown_ms, whole_ms, peak, at_risk, complete = [], [], [], [], []
    bare_shown, bare_whole, bare_peak = [], [], []
    floor_shown, floor_peak = [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
            screen = Path(tmp) / "screen.json"
            screen.write_text(json.dumps(OFFICE_SCREEN), encoding="utf-8")
            run_env = dict(
                env,
                XDG_STATE_HOME=f"{tmp}/state",
                XDG_DATA_HOME=f"{tmp}/data",
                QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
            )
            png = f"{tmp}/window.png"
            ours = [desk, "--demo", *where, "--snapshot", png]
            theirs = [sys.executable, "-c", BARE_WINDOW, f"{tmp}/bare.png"]
            _, whole, wall_start = _shown(ours, run_env)
            marks = _log_marks(Path(tmp) / "state" / "desk" / "log" / "desk.log")
            shown_ms.append((marks["shown"] - wall_start) * 1000)
            at_risk.append(marks["at_risk"] - marks["shown"])
            complete.append(marks.get("complete", marks["shown"]) - marks["shown"])
            whole_ms.append(whole * 1000)
            shown, whole, _ = _shown(theirs, run_env, "shown")
            bare_shown.append(shown * 1000)
            bare_whole.append(whole * 1000)
            peak.append(_peak_mib(ours, dict(run_env, XDG_STATE_HOME=f"{tmp}/state2")))
            bare_peak.append(_peak_mib(theirs, run_env))
            driven = [sys.executable, "-c", DRIVER_WINDOW, f"{tmp}/floor.png", floor]
            floor_shown.append(_shown(driven, run_env, "shown")[0] * 1000)
            floor_peak.append(_peak_mib(driven, run_env))
    med = statistics.median
    results.add(
        "window shown with its worklist", med(shown_ms), med(bare_shown), "ms", GOALS["window"]
    )
    results.add(
        "  the engine's floor: the bare window, its rows read by the driver",
        med(floor_shown),
        med(bare_shown),
        "ms",
        None,
    )
    results.add("  the desk against that floor", med(shown_ms), med(floor_shown), "ms", None)
    results.add(
        "  the same, whole process (--snapshot)", med(whole_ms), med(bare_whole), "ms", None
    )
    results.add("at-risk list ready after the window", med(at_risk), 0.0, "s", AT_RISK_GOAL_S)
    results.add("  the whole window complete after it", med(complete), 0.0, "s", None)
    results.add("peak memory of the window", med(peak), med(bare_peak), "MiB", GOALS["memory"])
    results.add(
        "  the engine's floor: the bare window, its rows read by the driver",
        med(floor_peak),
        med(bare_peak),
        "MiB",
        None,
    )
    results.add("  the desk against that floor", med(peak), med(floor_peak), "MiB", None)


def _log_marks(log: Path) -> dict[str, float]:
    """When the log says the window was shown and the at-risk list was ready (epoch s)."""
    marks: dict[str, float] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        stamp = line[:23]
        if "main window shown with its worklist" in line:
            marks["shown"] = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()
        elif "at-risk list ready" in line and "at_risk" not in marks:
            marks["at_risk"] = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()
        elif "main window complete" in line:
            marks["complete"] = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()
    if "shown" not in marks or "at_risk" not in marks:
        raise SystemExit(f"the desk's log lacks its marks: {log}")
    return marks


# -- the table ------------------------------------------------------------------------------


def database(engine: str, size: str, data: Path, pg_url: str | None) -> str:
    if engine == "sqlite":
        from desk.config import database_url

        return database_url(ensure_database(data / f"{size}.sqlite3", SIZES[size]))
    if not pg_url:
        raise SystemExit("give --pg-url, or set DESK_BENCH_PG_URL or DESK_TEST_PG_URL")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    name = f"desk_bench_{size}"
    admin = create_engine(
        make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if exists.scalar() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    return ensure_url(url, SIZES[size])


def print_table(table: list[tuple[str, str, Row]], load: str) -> None:
    print(f"\nmachine load (uptime) at the end: {load}")
    print("| engine | size | measure | desk | baseline | ratio | goal | met |")
    print("|---|---|---|---|---|---|---|---|")
    for engine, size, row in table:
        if row.unit == "s":
            goal = f"<= {row.goal} s" if row.goal else ""
            met = "" if not row.goal else ("yes" if row.desk <= row.goal else "NO")
            print(f"| {engine} | {size} | {row.measure} | {row.desk:.2f} s | | | {goal} | {met} |")
            continue
        goal = f"<= {row.goal}x" if row.goal else ""
        met = "" if not row.goal else ("yes" if row.ratio <= row.goal else "NO")
        print(
            f"| {engine} | {size} | {row.measure} | {row.desk:.2f} {row.unit} | "
            f"{row.base:.2f} {row.unit} | {row.ratio:.2f}x | {goal} | {met} |"
        )


def compile_desk() -> None:
    """The desk's bytecode written, as pip writes it when it installs the wheel (and the
    Windows bundle holds it): a start is then measured as an office's start, not
    compiling every module from source (as under ``PYTHONDONTWRITEBYTECODE``, or on
    the first start after an editable install)."""
    import compileall

    import desk

    compileall.compile_dir(str(Path(desk.__file__).parent), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m")
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=5, help="alternations of desk and baseline")
    ap.add_argument("--reps", type=int, default=20, help="calls per round, in process")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("DESK_BENCH_PG_URL") or os.environ.get("DESK_TEST_PG_URL"),
    )
    ap.add_argument("--only", choices=("in-process", "processes"), help="one half of the measures")
    args = ap.parse_args()
    compile_desk()
    table: list[tuple[str, str, Row]] = []
    for engine in args.engines.split(","):
        for size in args.sizes.split(","):
            url = database(engine, size, args.data, args.pg_url)
            print(f"== {engine}, {size} dossiers", flush=True)
            results = Results()
            if args.only != "processes":
                in_process(engine, url, results, args.rounds, args.reps)
            if args.only != "in-process":
                processes(engine, url, results, args.rounds)
            table += [(engine, size, row) for row in results.rows]
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print_table(table, load)


if __name__ == "__main__":
    main()
