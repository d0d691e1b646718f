"""Run as a separate process: a kiosk taking tickets, or a counter calling them.

``kiosk URL N LETTER`` takes N tickets in the group and prints their codes;
``counter URL NUMBER N`` calls N tickets and prints "id code" per call.
Both wait for a start file to appear so the processes really run at once.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

from desk.domain.clock import FixedClock
from desk.services import accounts, queue, queue_setup
from desk.storage.database import open_database

CLOCK = FixedClock(datetime(2026, 3, 10, 9, 15))


def wait_for(start: Path) -> None:
    """Say "ready" (the database is open), then wait for the go."""
    (start.parent / f"ready-{os.getpid()}").touch()
    while not start.exists():
        time.sleep(0.01)


def kiosk(url: str, count: int, letter: str, start: Path) -> None:
    db = open_database(url, create=False)
    group = next(g for g in queue_setup.list_groups(db) if g.letter == letter)
    wait_for(start)
    for _ in range(count):
        print(queue.take_ticket(db, group.id, None, CLOCK).ticket.code, flush=True)


def counter(url: str, number: int, count: int, start: Path) -> None:
    db = open_database(url, create=False)
    clerk = accounts.log_in(db, "admin", "matkhau123")
    wait_for(start)
    for _ in range(count):
        ticket = queue.call_next(db, number, clerk, CLOCK)
        print(ticket.id if ticket else 0, ticket.code if ticket else "-", flush=True)


if __name__ == "__main__":
    role, url = sys.argv[1], sys.argv[2]
    if role == "kiosk":
        kiosk(url, int(sys.argv[3]), sys.argv[4], Path(sys.argv[5]))
    else:
        counter(url, int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
