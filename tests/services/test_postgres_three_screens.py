"""A kiosk, a counter and a waiting-room display: three processes, one database.

The citizen takes a ticket at the kiosk PC, the counter PC calls it, receives a
dossier from it and finishes; the display PC shows every call. Run as a script,
this module is one of the three screens (``kiosk``, ``counter`` or ``display``),
driven by the same services as the windows; the display polls the queue's
change counter and reads the calls only when it moved, as its window does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from desk.domain.clock import FixedClock

CLOCK = FixedClock(datetime(2026, 3, 10, 9, 15))
TICKETS = 12
DEADLINE_S = 240  # only ever reached when the test fails


def _wait_for_go(go: Path) -> None:
    (go.parent / f"ready-{os.getpid()}").touch()
    while not go.exists():
        time.sleep(0.01)


def kiosk(url: str, go: Path) -> None:
    from desk.services import queue, queue_setup
    from desk.storage.database import open_database

    db = open_database(url, create=False)
    group = next(g for g in queue_setup.list_groups(db) if g.letter == "A")
    _wait_for_go(go)
    for _ in range(TICKETS):
        print(queue.take_ticket(db, group.id, None, CLOCK).ticket.code, flush=True)


def counter(url: str, go: Path) -> None:
    from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
    from desk.services import accounts, catalog, queue
    from desk.services.intake import record_intake
    from desk.storage.database import open_database

    db = open_database(url, create=False)
    clerk = accounts.log_in(db, "admin", "matkhau123")
    procedure = catalog.get_procedure(db, "1.001193")
    _wait_for_go(go)
    served, deadline = 0, time.monotonic() + DEADLINE_S
    while served < TICKETS and time.monotonic() < deadline:
        ticket = queue.call_next(db, 1, clerk, CLOCK)
        if ticket is None:  # the kiosk has not printed the next one yet
            time.sleep(0.01)
            continue
        draft = IntakeDraft(
            procedure_code=procedure.code,
            applicant=Applicant(name=f"Công dân {ticket.code}", id_number="079190001234"),
            papers=[ReceivedPaper(procedure.papers[0].name)],
        )
        code = record_intake(db, draft, clerk, CLOCK).code
        queue.link_dossier(db, ticket.id, code, CLOCK)
        queue.finish(db, ticket.id, 1, clerk, CLOCK)
        print(ticket.code, code, flush=True)
        served += 1


def display(url: str, go: Path) -> None:
    from desk.services import changes, queue
    from desk.storage.database import open_database

    db = open_database(url, create=False)
    _wait_for_go(go)
    shown: list[str] = []
    seen_version, reads = -1, 0
    last_event, deadline = 0, time.monotonic() + DEADLINE_S
    while len(shown) < TICKETS and time.monotonic() < deadline:
        version = changes.version(db, changes.QUEUE)
        if version != seen_version:
            seen_version, reads = version, reads + 1
            for call in queue.announcements_since(db, CLOCK.now().date(), last_event):
                last_event = max(last_event, call.event_id)
                if not call.recall:
                    shown.append(call.code)
        time.sleep(0.005)
    print(" ".join(shown))
    print(reads, flush=True)


def _screen(role: str, url: str, go: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, role, url, str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_kiosk_counter_and_display_work_together_as_three_processes(db, db_url, tmp_path) -> None:
    from desk.services import changes, queue, queue_setup

    queue_setup.ensure_defaults(db)
    go = tmp_path / "go"
    screens = {role: _screen(role, db_url, go) for role in ("display", "counter", "kiosk")}
    while len(list(tmp_path.glob("ready-*"))) < len(screens):
        if any(p.poll() is not None for p in screens.values()):
            break  # a screen died before it was ready: its error shows below
        time.sleep(0.01)
    go.touch()
    out: dict[str, list[str]] = {}
    for role, p in screens.items():
        stdout, stderr = p.communicate(timeout=DEADLINE_S + 60)
        assert p.returncode == 0, f"{role}: {stderr}"
        out[role] = stdout.splitlines()

    printed = out["kiosk"]
    assert printed == [f"A{i:03d}" for i in range(1, TICKETS + 1)]
    served = [line.split() for line in out["counter"]]
    assert [ticket for ticket, _ in served] == printed  # called in the order they came
    for ticket, dossier in served:
        linked = queue.ticket_of_dossier(db, dossier)
        assert linked is not None and linked.code == ticket
    shown, reads = out["display"]
    assert shown.split() == printed  # every call reached the waiting room, in order
    # The calls were read when the counter moved, not at every look.
    assert 1 < int(reads) <= changes.version(db, changes.QUEUE) + 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    {"kiosk": kiosk, "counter": counter, "display": display}[sys.argv[1]](
        sys.argv[2], Path(sys.argv[3])
    )
