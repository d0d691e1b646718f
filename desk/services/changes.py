"""Change counters: how other windows and PCs learn that something changed.

Each transaction that changes a topic bumps its counter; a window polls the
counter on a short timer (a single primary-key read, cheap every second or
two) and reloads only when it moved. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.storage.counters import next_value
from desk.storage.database import Database
from desk.storage.tables import ChangeCounterRow

DOSSIERS = "dossiers"
QUEUE = "queue"
#: The working calendar (hours, days off, confirmed years): read, not watched, by the
#: lists that cache it (``desk.services.calendar.working_calendar``).
CALENDAR = "calendar"


def bump(s: Session, topic: str) -> int:
    """Call inside the changing transaction; returns the topic's new version.

    The counter's row lock is held until commit, which is what serialises the
    queue's transactions (``desk.services.queue._lock``).
    """
    return next_value(s, ChangeCounterRow.version, topic=topic)


def version(db: Database, topic: str) -> int:
    with db.read() as s:
        return (
            s.scalar(select(ChangeCounterRow.version).where(ChangeCounterRow.topic == topic)) or 0
        )
