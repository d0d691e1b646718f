"""Change counters: how other windows and PCs learn that something changed.

Each transaction that changes a topic bumps its counter; a window polls the
counter (a single primary-key read, cheap every second or two) and reloads
only when it moved. Works the same on SQLite and PostgreSQL.

On PostgreSQL the bump also sends ``NOTIFY desk_<topic>`` with the new version,
delivered to the other PCs when the transaction commits: a ``Watcher`` listens
for it (``desk.storage.notify``) and so hears of a change at once, at no cost
to the server, while still reading the counters now and then in case the
listening connection silently died. On SQLite the ``Watcher`` reads the
counters each time it is asked (a one-row read of a local file).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.storage.database import Database
from desk.storage.engine import is_postgres
from desk.storage.tables import ChangeCounterRow

if TYPE_CHECKING:
    from desk.storage.notify import Listener

DOSSIERS = "dossiers"
QUEUE = "queue"
TOPICS = (DOSSIERS, QUEUE)
#: The working calendar (hours, days off, confirmed years): read, not watched, by the
#: lists that cache it (``desk.services.calendar.working_calendar``).
CALENDAR = "calendar"


def bump(s: Session, topic: str) -> int:
    """Call inside the changing transaction; returns the topic's new version.

    The UPDATE comes first and holds the counter's row lock until commit, which
    is what serialises the queue's transactions (``desk.services.queue._lock``).
    The very first bump of a topic inserts its row in a savepoint, so two PCs
    doing it at once both succeed, one after the other.
    """
    increment = (
        update(ChangeCounterRow)
        .where(ChangeCounterRow.topic == topic)
        .values(version=ChangeCounterRow.version + 1)
        .returning(ChangeCounterRow.version)
    )
    value = s.execute(increment).scalar()
    if value is None:
        try:
            with s.begin_nested():
                s.execute(insert(ChangeCounterRow).values(topic=topic, version=1))
            value = 1
        except IntegrityError:  # another PC made the topic's row first
            value = s.execute(increment).scalar_one()
    if s.get_bind().dialect.name == "postgresql":
        from desk.storage.notify import channel

        s.execute(
            text("SELECT pg_notify(:channel, :version)"),
            {"channel": channel(topic), "version": str(value)},
        )
    return value


def version(db: Database, topic: str) -> int:
    with db.read() as s:
        return (
            s.scalar(select(ChangeCounterRow.version).where(ChangeCounterRow.topic == topic)) or 0
        )


def versions(db: Database, topics: Iterable[str]) -> dict[str, int]:
    """The versions of several topics in one read (0 for a topic never bumped)."""
    wanted = list(topics)
    with db.read() as s:
        found = dict(
            s.execute(
                select(ChangeCounterRow.topic, ChangeCounterRow.version).where(
                    ChangeCounterRow.topic.in_(wanted)
                )
            ).all()
        )
    return {topic: found.get(topic, 0) for topic in wanted}


class Watcher:
    """What a window asks on a short timer: which of its topics changed since last time.

    ``listen=False`` (or SQLite) reads the counters at every ``changed()``; on
    PostgreSQL the notifications answer, and the counters are still read at
    least every ``recheck_s`` seconds, and at every call while the listener is
    not connected. Database errors come out as ``UserError`` from the read, like
    ``version()``.
    """

    def __init__(
        self,
        db: Database,
        topics: Iterable[str] = TOPICS,
        *,
        listen: bool = True,
        recheck_s: float = 5.0,
    ) -> None:
        self._db = db
        self._topics = tuple(dict.fromkeys(topics))
        self._recheck_s = recheck_s
        self._listener: Listener | None = None
        if listen and is_postgres(db.url):
            from desk.storage.notify import Listener  # psycopg: only for a server

            self._listener = Listener(db.url, self._topics)
        self._versions = versions(db, self._topics)
        self._read_at = time.monotonic()

    @property
    def listening(self) -> bool:
        """True while changes are heard at once (PostgreSQL, listener connected)."""
        return self._listener is not None and self._listener.connected

    def wait_listening(self, timeout: float) -> bool:
        """For start-up and tests: wait at most ``timeout`` s for the listener to connect."""
        return self._listener is not None and self._listener.wait_connected(timeout)

    def changed(self) -> set[str]:
        heard = self._listener.poll() if self._listener is not None else set()
        due = time.monotonic() - self._read_at >= self._recheck_s
        if not heard and not due and self.listening:
            return set()
        return heard | self._reread()

    def _reread(self) -> set[str]:
        now = versions(self._db, self._topics)
        self._read_at = time.monotonic()
        moved = {t for t in self._topics if now[t] != self._versions[t]}
        self._versions = now
        return moved

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
