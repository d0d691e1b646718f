"""Change counters: how other windows and PCs learn that something changed.

Each transaction that changes a topic bumps its counter; a window polls the
counter (a single primary-key read, cheap every second or two) and reloads
only when it moved. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.storage.database import Database
from desk.storage.tables import ChangeCounterRow

DOSSIERS = "dossiers"
QUEUE = "queue"


def bump(s: Session, topic: str) -> None:
    """Call inside the changing transaction."""
    done = s.execute(
        update(ChangeCounterRow)
        .where(ChangeCounterRow.topic == topic)
        .values(version=ChangeCounterRow.version + 1)
    ).rowcount
    if not done:
        s.add(ChangeCounterRow(topic=topic, version=1))
        s.flush()


def version(db: Database, topic: str) -> int:
    with db.read() as s:
        return (
            s.scalar(select(ChangeCounterRow.version).where(ChangeCounterRow.topic == topic)) or 0
        )
