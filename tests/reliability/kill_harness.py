"""Kill a process that records intakes, at random moments, and check what survived.

The worker is a real child process (``os.fork`` of an interpreter that has
already imported desk). It opens the SQLite file itself, writes ``READY`` to a
pipe, then records intakes one after another, writes ``SAVED <code>`` after
each commit, sends the receipt to a ``file:`` printer (one file per dossier)
and writes ``SENT <code>``. The parent waits for ``READY`` (and, every other
round, for a first ``SENT``), so each kill lands inside the intake loop however
slow the machine, then kills it with SIGKILL after a random delay and checks,
with plain ``sqlite3``:

- every code announced on the pipe and every receipt file is a dossier in the
  database (a citizen holding a receipt always has a dossier);
- no dossier is half-written: each has its papers, one intake step, one audit
  entry for its intake (printing the receipt adds entries of its own), and the
  day's counter equals the number of dossiers;
- ``PRAGMA integrity_check`` says ``ok``.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.office import Office
from desk.services import accounts, catalog, receipts
from desk.services import office as office_service
from desk.services.intake import record_intake
from desk.storage.database import open_database

PROCEDURE = "1.001193"
PASSWORD = "matkhau123"
OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)
_CLOCK = FixedClock(datetime(2026, 3, 10, 9, 15))


#: How long a worker may take to start or to save its first dossier before the
#: harness calls it stuck: a bound on a broken worker, never a speed requirement.
STUCK_S = 120.0


@dataclass
class KillFigures:
    kills: int = 0
    in_loop: int = 0  # kills that landed after the worker had started its loop
    announced: int = 0  # codes the worker said were committed
    receipts: int = 0  # receipt files written
    dossiers: int = 0  # dossiers in the database at the end
    lost: int = 0  # announced or printed but not in the database
    half_written: int = 0
    integrity_failures: int = 0
    problems: list[str] = field(default_factory=list)


def prepare(folder: Path) -> str:
    """A database with the office, its admin and the catalog; returns its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    db = open_database(url)
    office_service.set_up_office(db, OFFICE, "admin", "Nguyễn Văn An", PASSWORD)
    (folder / "printer").mkdir(exist_ok=True)
    # One intake and receipt here warms the caches the forked workers inherit.
    clerk = accounts.log_in(db, "admin", PASSWORD)
    procedure = catalog.get_procedure(db, PROCEDURE)
    code = record_intake(db, _draft(procedure, 0, 0), clerk, _CLOCK).code
    receipts.print_receipt(db, code, uri=f"file:{folder / 'printer' / code}", paper="80")
    db.dispose()
    return url


def _draft(procedure, round_no: int, i: int) -> IntakeDraft:  # noqa: ANN001
    return IntakeDraft(
        procedure_code=PROCEDURE,
        applicant=Applicant(name=f"Người nộp {round_no}-{i}", id_number="079190001234"),
        papers=[ReceivedPaper(p.name) for p in procedure.papers[:2]],
    )


def _worker(url: str, printer: Path, out_fd: int, round_no: int) -> None:
    db = open_database(url, create=False)
    clerk = accounts.log_in(db, "admin", PASSWORD)
    procedure = catalog.get_procedure(db, PROCEDURE)
    os.write(out_fd, b"READY\n")
    i = 0
    while True:
        i += 1
        code = record_intake(db, _draft(procedure, round_no, i), clerk, _CLOCK).code
        os.write(out_fd, f"SAVED {code}\n".encode())
        receipts.print_receipt(db, code, uri=f"file:{printer / code}", paper="80")
        os.write(out_fd, f"SENT {code}\n".encode())


def _spawn(url: str, printer: Path, round_no: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller
        status = 1
        try:
            os.close(read_fd)
            _worker(url, printer, write_fd, round_no)
        finally:
            os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def _run_until(read_fd: int, deadline: float) -> bytes:
    data = b""
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_fd], [], [], left)
        if ready:
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            data += chunk
    return data


def _drain(read_fd: int) -> bytes:
    data = b""
    while chunk := os.read(read_fd, 65536):
        data += chunk
    return data


def _read_until(read_fd: int, mark: bytes, data: bytes) -> bytes:
    """Read until ``mark`` has come (or the worker is stuck, or ended)."""
    deadline = time.monotonic() + STUCK_S
    while mark not in data and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_fd], [], [], left)
        if not ready:
            break
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        data += chunk
    return data


def one_kill(
    url: str,
    printer: Path,
    rng: random.Random,
    round_no: int,
    max_delay: float,
    after_a_receipt: bool = False,
) -> tuple[set[str], bool]:
    """Run a worker, SIGKILL it after a random delay once its loop runs.

    With ``after_a_receipt`` the delay starts once a first receipt was sent.
    Returns the codes it announced, and whether the kill landed inside the loop.
    """
    pid, read_fd = _spawn(url, printer, round_no)
    data = _read_until(read_fd, b"READY\n", b"")
    if after_a_receipt:
        data = _read_until(read_fd, b"SENT ", data)
    in_loop = b"READY\n" in data
    data += _run_until(read_fd, time.monotonic() + rng.uniform(0.0, max_delay))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    data += _drain(read_fd)
    os.close(read_fd)
    lines = data.decode().split("\n")[:-1]  # a line cut by the kill has no newline
    codes = {line.split(" ", 1)[1] for line in lines if line.startswith(("SAVED ", "SENT "))}
    return codes, in_loop


def check(path: Path, announced: set[str], printer: Path, figures: KillFigures) -> None:
    """Compare the database with what left the worker; record any problem."""
    printed = {p.name for p in printer.iterdir()}
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        codes = {r[0] for r in conn.execute("SELECT code FROM dossiers")}
        half = conn.execute(
            "SELECT d.code FROM dossiers d WHERE"
            " (SELECT count(*) FROM dossier_papers p WHERE p.dossier_id = d.id) = 0"
            " OR (SELECT count(*) FROM dossier_steps s WHERE s.dossier_id = d.id"
            "     AND s.kind = 'intake') != 1"
            " OR (SELECT count(*) FROM audit_log a WHERE a.entity = 'dossier'"
            "     AND a.entity_key = d.code AND a.action = 'intake') != 1"
        ).fetchall()
        last = conn.execute("SELECT coalesce(sum(last), 0) FROM day_sequences").fetchone()[0]
    finally:
        conn.close()
    if ok != [("ok",)]:
        figures.integrity_failures += 1
        figures.problems.append(f"integrity_check: {ok[:3]}")
    lost = (announced | printed) - codes
    figures.lost = len(lost)
    if lost:
        figures.problems.append(f"lost: {sorted(lost)[:5]}")
    figures.half_written = len(half) + (1 if last != len(codes) else 0)
    if figures.half_written:
        figures.problems.append(f"half-written: {half[:5]}, counter {last} for {len(codes)}")
    figures.dossiers = len(codes)
    figures.receipts = len(printed)


def run_kills(folder: Path, kills: int, seed: int = 1, max_delay: float = 1.0) -> KillFigures:
    """Prepare a database in ``folder`` and kill a worker ``kills`` times, checking after each."""
    url = prepare(folder)
    path = folder / "desk.sqlite3"
    printer = folder / "printer"
    rng = random.Random(seed)
    figures = KillFigures()
    announced: set[str] = set()
    for n in range(1, kills + 1):
        codes, in_loop = one_kill(url, printer, rng, n, max_delay, after_a_receipt=n % 2 == 0)
        announced |= codes
        figures.in_loop += in_loop
        figures.kills = n
        figures.announced = len(announced)
        check(path, announced, printer, figures)
        if figures.problems:
            break
    return figures
