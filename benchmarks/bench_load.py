"""Many counters on one PostgreSQL server at once: throughput, latency, nothing lost.

    python benchmarks/bench_load.py [--db-url URL] [--counters 40] [--duration 180]
                                    [--think-ms 0] [--foreign-share 0.1] [--keep]

Each counter is its own process with its own connections, as the PCs of a
service centre are: it logs in, then until the time is up receives dossiers
and moves its own dossiers on (transfer, result ready, returned), and now and
then acts on a dossier of another counter (so two counters sometimes want the
same dossier at once: the row lock makes the second wait, and the state
machine refuses it when the first already moved it).

Each intake also reports how long it held the day counter's row lock: from the
moment its ``UPDATE day_sequences`` returned (the lock taken) to the end of
its commit (the lock released), the time every other counter's intake waits
behind it.

The database (default: ``desk_load`` on the server of ``DESK_BENCH_PG_URL`` or
``DESK_TEST_PG_URL``) is made afresh unless ``--no-fresh``, and dropped after
unless ``--keep``. At the end the database is counted against what the
counters were told was saved: every code once, numbers 1..N with no gap, every
dossier and every step there.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

PASSWORD = "matkhau123"
PROCEDURES = ("1.001193", "1.004873", "1.013978")  # birth, certification, land
STEP_SHARE = 0.45
DEPARTMENT = "Phòng Kinh tế"


@dataclass
class Tally:
    """What one counter did, and how long each call took (seconds)."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    #: seconds each intake held the day counter's lock (sequence taken -> committed)
    counter_held: list[float] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    steps_done: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    def timed(self, kind: str, started: float) -> None:
        self.latencies.setdefault(kind, []).append(time.perf_counter() - started)


# ---------------------------------------------------------------- one counter


def _draft(rng: random.Random, procedure, n: int, i: int):  # noqa: ANN001, ANN202
    from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper

    return IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(
            name=f"Nguyễn Văn Quầy{n:02d} Số{i}",
            id_number=f"0791900{rng.randrange(10**5):05d}",
            phone="0912345678",
            address="Số 5 đường Lê Lợi, phường Tân Phú",
        ),
        papers=[ReceivedPaper(p.name) for p in procedure.papers if not p.optional][:3]
        or [ReceivedPaper(procedure.papers[0].name)],
    )


def _next_step(db, clerk, code: str, clock) -> str:  # noqa: ANN001
    """Move the dossier one step along its usual life; the step's name."""
    from desk.domain.dossier import DossierStatus
    from desk.services import steps
    from desk.services.dossiers import get_dossier

    status = get_dossier(db, code).status
    if status is DossierStatus.RECEIVED:
        steps.transfer(db, clerk, code, DEPARTMENT, clock)
        return "transfer"
    if status is DossierStatus.IN_PROGRESS:
        steps.mark_ready(db, clerk, code, clock)
        return "ready"
    steps.return_result(db, clerk, code, clock)
    return "return"


def counter(  # noqa: PLR0913
    n: int, url: str, ready: mp.Value, start: mp.Event, stop_at: mp.Value, args: dict, out: mp.Queue
) -> None:
    """One counter PC: its own process, engine and connections."""
    from desk.domain.clock import SystemClock
    from desk.domain.dossier_code import format_dossier_code, parse_dossier_code
    from desk.domain.errors import UserError
    from desk.services import accounts, catalog
    from desk.services.intake import record_intake
    from desk.storage.database import open_database

    db = open_database(url, create=False)
    held = _time_the_counter_lock(db)
    clerk = accounts.log_in(db, f"quay{n:02d}", PASSWORD)
    procedures = [catalog.get_procedure(db, code) for code in PROCEDURES]
    clock, rng, tally = SystemClock(), random.Random(n), Tally()
    mine: list[str] = []
    latest = 0
    with ready.get_lock():
        ready.value += 1
    start.wait()
    while time.time() < stop_at.value:
        began, code = time.perf_counter(), None
        try:
            if mine and rng.random() < STEP_SHARE:
                foreign = latest and rng.random() < args["foreign_share"]
                if foreign:
                    agency, day, _ = parse_dossier_code(mine[0])
                    code = format_dossier_code(agency, day, rng.randint(1, latest))
                else:
                    code = rng.choice(mine)
                kind = _next_step(db, clerk, code, clock)
                tally.timed(kind, began)
                tally.steps_done += 1
                if kind == "return" and code in mine:
                    mine.remove(code)
            else:
                procedure = procedures[rng.randrange(len(procedures))]
                code = record_intake(
                    db, _draft(rng, procedure, n, len(tally.codes)), clerk, clock
                ).code
                tally.timed("intake", began)
                tally.counter_held.extend(held)
                held.clear()
                tally.codes.append(code)
                mine.append(code)
                latest = max(latest, parse_dossier_code(code)[2])
        except UserError as exc:  # the state machine refusing, or the server saying no
            refused = "Không thể thực hiện" in exc.message
            (tally.refused if refused else tally.errors)[exc.message[:90]] += 1
            if refused and code in mine:  # another counter took it further: leave it
                mine.remove(code)
        except Exception as exc:  # noqa: BLE001 (a bug: counted, reported, never hidden)
            tally.errors[f"{type(exc).__name__}: {exc}"[:90]] += 1
        if args["think_ms"]:
            time.sleep(args["think_ms"] / 1000)
    db.dispose()
    out.put((n, tally))


def _time_the_counter_lock(db) -> list[float]:  # noqa: ANN001
    """Times, in this counter's process, each hold of the day counter's lock: from the
    sequence's UPDATE returning to the end of the commit of the transaction around it."""
    from contextlib import contextmanager

    from desk.services import intake

    held: list[float] = []
    taken: list[float] = []
    bump, write = intake.next_sequence, db.write

    def next_sequence(s, agency, day):  # noqa: ANN001, ANN202
        value = bump(s, agency, day)
        taken.append(time.perf_counter())
        return value

    @contextmanager
    def timed_write():  # noqa: ANN202
        taken.clear()
        with write() as s:
            yield s
        if taken:  # committed: the lock is released
            held.append(time.perf_counter() - taken[0])

    intake.next_sequence = next_sequence
    db.write = timed_write
    return held


# ---------------------------------------------------------------- set-up


def _server(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def fresh_database(url: str) -> None:
    """Drop and make the benchmark database, through the server's ``postgres`` database."""
    name = make_url(url).database
    admin = create_engine(
        _server(url, "postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def drop_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(
        _server(url, "postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def set_up(url: str, counters: int) -> None:
    """The office, its catalog and one account per counter."""
    from desk.domain.office import Office
    from desk.services import accounts, office
    from desk.storage.database import open_database

    db = open_database(url)
    try:
        if office.needs_setup(db):
            office.set_up_office(
                db,
                Office("Trung tâm Phục vụ hành chính công tỉnh", "UBND tỉnh Đồng Nai", "H36"),
                "admin",
                "Quản trị viên",
                PASSWORD,
            )
        existing = {c.username for c in accounts.list_clerks(db)}
        for n in range(counters):
            if f"quay{n:02d}" not in existing:
                accounts.create_account(db, f"quay{n:02d}", f"Cán bộ quầy {n + 1}", PASSWORD)
    finally:
        db.dispose()


# ---------------------------------------------------------------- the check


def check(url: str, tallies: list[Tally]) -> list[str]:
    """What the database holds against what the counters were told; problems found."""
    from desk.domain.dossier_code import parse_dossier_code
    from desk.storage.database import open_database
    from desk.storage.tables import DossierRow, DossierStepRow

    db = open_database(url, create=False)
    with db.read() as s:
        stored = s.scalars(select(DossierRow.code)).all()
        steps = s.scalar(select(func.count()).where(DossierStepRow.kind != "intake"))
    db.dispose()
    told = [code for t in tallies for code in t.codes]
    problems = []
    if len(set(told)) != len(told):
        problems.append(f"{len(told) - len(set(told))} codes given twice")
    if sorted(stored) != sorted(told):
        problems.append(f"{len(told)} dossiers saved as told, {len(stored)} in the database")
    by_day: dict[object, list[int]] = {}
    for code in stored:
        _, day, seq = parse_dossier_code(code)
        by_day.setdefault(day, []).append(seq)
    for day, seqs in by_day.items():
        if sorted(seqs) != list(range(1, len(seqs) + 1)):
            problems.append(f"numbers of {day} are not 1..{len(seqs)} without a gap")
    if steps != sum(t.steps_done for t in tallies):
        problems.append(f"{sum(t.steps_done for t in tallies)} steps done, {steps} stored")
    return problems


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(tallies: list[Tally], seconds: float, problems: list[str]) -> None:
    kinds = sorted({k for t in tallies for k in t.latencies})
    everything = [v for t in tallies for lat in t.latencies.values() for v in lat]
    print(f"\n{len(tallies)} counters, {seconds:.0f} s")
    print(
        f"{'operation':<10}{'count':>8}{'per s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    )
    for kind in [*kinds, "all"]:
        values = (
            everything if kind == "all" else [v for t in tallies for v in t.latencies.get(kind, [])]
        )
        if not values:
            continue
        print(
            f"{kind:<10}{len(values):>8}{len(values) / seconds:>8.1f}"
            f"{statistics.median(values) * 1000:>9.1f}{_quantile(values, 0.95) * 1000:>9.1f}"
            f"{_quantile(values, 0.99) * 1000:>9.1f}{max(values) * 1000:>9.1f}"
        )
    held = [v for t in tallies for v in t.counter_held]
    if held:
        print(
            "day counter's lock held per intake (sequence taken -> commit): "
            f"p50 {statistics.median(held) * 1000:.1f} ms, "
            f"p95 {_quantile(held, 0.95) * 1000:.1f} ms, "
            f"p99 {_quantile(held, 0.99) * 1000:.1f} ms, max {max(held) * 1000:.1f} ms "
            f"over {len(held)} intakes"
        )
    refused = sum((t.refused for t in tallies), Counter())
    errors = sum((t.errors for t in tallies), Counter())
    print(f"refused by the state machine (another counter moved it first): {sum(refused.values())}")
    print(f"errors: {sum(errors.values())}")
    for message, count in errors.most_common(5):
        print(f"  {count} x {message}")
    print(f"dossiers saved: {sum(len(t.codes) for t in tallies)}")
    print(
        "check: "
        + (
            "every code once, no gap, no dossier or step lost"
            if not problems
            else "; ".join(problems)
        )
    )


def main() -> int:
    base = os.environ.get("DESK_BENCH_PG_URL") or os.environ.get("DESK_TEST_PG_URL")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db-url", default=_server(base, "desk_load") if base else None)
    ap.add_argument("--counters", type=int, default=40)
    ap.add_argument("--duration", type=float, default=180, help="seconds (default 3 minutes)")
    ap.add_argument("--think-ms", type=float, default=0, help="pause after each action")
    ap.add_argument("--foreign-share", type=float, default=0.1, help="steps on others' dossiers")
    ap.add_argument("--fresh", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = ap.parse_args()
    if not args.db_url:
        ap.error("give --db-url, or set DESK_BENCH_PG_URL or DESK_TEST_PG_URL")
    if args.fresh:
        fresh_database(args.db_url)
    set_up(args.db_url, args.counters)
    ctx = mp.get_context("spawn")
    ready, start, stop_at, out = ctx.Value("i", 0), ctx.Event(), ctx.Value("d", 0.0), ctx.Queue()
    options = {"think_ms": args.think_ms, "foreign_share": args.foreign_share}
    procs = [
        ctx.Process(target=counter, args=(n, args.db_url, ready, start, stop_at, options, out))
        for n in range(args.counters)
    ]
    for p in procs:
        p.start()
    print(f"{args.counters} counters logging in...", flush=True)
    while ready.value < args.counters:
        if any(p.exitcode not in (None, 0) for p in procs):
            raise SystemExit("a counter died before the start")
        time.sleep(0.1)
    began = time.time()
    stop_at.value = began + args.duration
    start.set()
    tallies = [out.get()[1] for _ in procs]
    seconds = time.time() - began
    for p in procs:
        p.join()
    problems = check(args.db_url, tallies)
    report(tallies, seconds, problems)
    if not args.keep:
        drop_database(args.db_url)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
