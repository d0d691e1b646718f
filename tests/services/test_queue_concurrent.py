"""Two kiosks and two counters as separate processes on one SQLite file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from desk.domain.queue import TicketState
from desk.services import queue, queue_setup

WORKER = Path(__file__).with_name("queue_worker.py")
TIMEOUT = 180


def _run_together(args: list[list[str]], start: Path) -> list[str]:
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), *a],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for a in args
    ]
    while len(list(start.parent.glob("ready-*"))) < len(procs):
        if any(p.poll() is not None for p in procs):
            break  # a worker died before it was ready: its error is shown below
        time.sleep(0.01)
    start.touch()
    outputs = [p.communicate(timeout=TIMEOUT) for p in procs]
    for p, (_, err) in zip(procs, outputs):
        assert p.returncode == 0, err
    return [out for out, _ in outputs]


def test_two_kiosks_never_print_the_same_number(db, db_url, tmp_path) -> None:
    queue_setup.ensure_defaults(db)
    n = 20
    start = tmp_path / "start"
    outputs = _run_together([["kiosk", db_url, str(n), "A", str(start)]] * 2, start)
    codes = [line for out in outputs for line in out.split()]
    assert sorted(codes) == [f"A{i:03d}" for i in range(1, 2 * n + 1)]


def test_two_counters_calling_at_once_never_get_the_same_ticket(
    db, db_url, tmp_path, clock
) -> None:
    queue_setup.ensure_defaults(db)
    group = queue_setup.list_groups(db)[0]  # counters 1 and 3 both serve A
    n = 40
    taken = [queue.take_ticket(db, group.id, None, clock).ticket for _ in range(n)]
    start = tmp_path / "start"
    half = str(n // 2)
    outputs = _run_together(
        [
            ["counter", db_url, "1", half, str(start)],
            ["counter", db_url, "3", half, str(start)],
        ],
        start,
    )
    calls = [line.split() for out in outputs for line in out.splitlines()]
    ids = [int(id_) for id_, _ in calls]
    # Each counter made n/2 calls while n tickets waited: every call found one,
    # and a ticket given twice would show here as a repeat and a missing one.
    assert len(ids) == n and 0 not in ids
    assert sorted(ids) == sorted(t.id for t in taken)
    states = {queue.get_ticket(db, t.id).state for t in taken}
    assert states <= {TicketState.DONE, TicketState.CALLED}
