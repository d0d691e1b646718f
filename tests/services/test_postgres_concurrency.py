"""Many counters at once on one database: codes and tickets never collide nor skip, and two
steps on one dossier cannot both succeed when they conflict.

Each counter or kiosk is its own process with its own connections, as on the
office network; the same tests run on a SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk.domain.clock import Clock
from desk.domain.dossier import Applicant, DossierStatus, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.domain.lifecycle import StepKind
from desk.domain.office import Clerk
from desk.services import catalog, dossiers, queue_setup, steps
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database
from desk.storage.tables import DossierRow

HERE = Path(__file__).parent
INTAKE_WORKER = HERE / "intake_worker.py"
QUEUE_WORKER = HERE / "queue_worker.py"
TIMEOUT_S = 300  # only ever reached when a test fails


def _spawn(worker: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(worker), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _outputs(procs: list[subprocess.Popen[str]]) -> list[str]:
    results = [p.communicate(timeout=TIMEOUT_S) for p in procs]
    for p, (_, err) in zip(procs, results):
        assert p.returncode == 0, err
    return [out for out, _ in results]


def test_six_counters_saving_at_once_get_consecutive_codes_and_lose_nothing(db, db_url):
    counters, each = 6, 10
    procs = [_spawn(INTAKE_WORKER, db_url, str(each), f"Quầy {n}") for n in range(counters)]
    printed = [line for out in _outputs(procs) for line in out.split()]
    assert len(printed) == len(set(printed)) == counters * each
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in printed)
    assert numbers == list(range(1, counters * each + 1))  # no gap, no duplicate
    assert sorted(d.code for d in dossiers.list_dossiers(db)) == sorted(printed)


def test_kiosks_and_counters_at_once_never_share_a_number_or_a_ticket(db, db_url, tmp_path):
    queue_setup.ensure_defaults(db)  # counters 1 and 3 both serve group A
    start = tmp_path / "start"
    kiosks, each = 4, 15
    procs = [
        _spawn(QUEUE_WORKER, "kiosk", db_url, str(each), "A", str(start)) for _ in range(kiosks)
    ]
    procs += [_spawn(QUEUE_WORKER, "counter", db_url, n, "20", str(start)) for n in ("1", "3")]
    while len(list(tmp_path.glob("ready-*"))) < len(procs):
        if any(p.poll() is not None for p in procs):
            break  # a worker died before it was ready: its error shows below
        time.sleep(0.01)
    start.touch()
    outputs = _outputs(procs)
    codes = [line for out in outputs[:kiosks] for line in out.split()]
    assert sorted(codes) == [f"A{i:03d}" for i in range(1, kiosks * each + 1)]
    calls = [line.split() for out in outputs[kiosks:] for line in out.splitlines()]
    called = [int(ticket_id) for ticket_id, _ in calls if ticket_id != "0"]
    assert len(called) == len(set(called))  # no ticket went to two counters
    assert {code for _, code in calls if code != "-"} <= set(codes)


def _received(db: Database, clerk: Clerk, clock: Clock) -> str:
    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234"),
        papers=[ReceivedPaper(procedure.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def _lock_waiters(db: Database) -> int:
    with db.read() as s:
        return s.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
        ).scalar_one()


@pytest.mark.postgresql_only(reason="the dossier's row lock; SQLite serialises whole transactions")
def test_two_counters_acting_on_one_dossier_at_once_cannot_both_succeed(db, clerk, clock):
    """Counter 1 refuses the dossier; counter 2 records its result at the same moment.

    Counter 2 waits on the row lock until counter 1 commits, then reads the
    dossier as refused, and the state machine says why it cannot proceed.
    """
    code = _received(db, clerk, clock)
    other_pc = open_database(db.url)
    inside = threading.Event()
    release = threading.Event()

    def slow_refusal(s: Any, row: DossierRow, now: datetime) -> dict[str, Any]:
        row.closed_at = now
        inside.set()  # counter 1 holds the dossier now
        release.wait(TIMEOUT_S)
        return {"reasons": "Không đủ điều kiện"}

    first = threading.Thread(
        target=steps._apply, args=(db, clerk, code, StepKind.REFUSE, clock, slow_refusal)
    )
    second_error: list[UserError] = []

    def second() -> None:
        try:
            steps.mark_ready(other_pc, clerk, code, clock)
        except UserError as exc:
            second_error.append(exc)

    first.start()
    assert inside.wait(TIMEOUT_S)
    racer = threading.Thread(target=second)
    racer.start()
    while racer.is_alive() and not _lock_waiters(db):
        time.sleep(0.01)
    waited = racer.is_alive()  # still there: blocked on counter 1's row lock
    release.set()
    first.join()
    racer.join()
    other_pc.dispose()

    assert waited, "counter 2 went ahead while counter 1 held the dossier"
    assert len(second_error) == 1
    assert "Không thể thực hiện" in second_error[0].message
    assert "Từ chối" in second_error[0].message or "từ chối" in second_error[0].message
    assert dossiers.get_dossier(db, code).status is DossierStatus.REFUSED
    kinds = [step.kind for step in steps.timeline(db, code)]
    assert kinds == [StepKind.INTAKE, StepKind.REFUSE]
