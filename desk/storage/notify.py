"""PostgreSQL LISTEN/NOTIFY: hear at once that another PC changed something.

Every changing transaction bumps a change counter and, on PostgreSQL, sends
``NOTIFY desk_<topic>`` with the new version (``desk.services.changes.bump``);
the server delivers it to every listener when, and only if, the transaction
commits. A ``Listener`` holds one dedicated connection per window or process
that has ``LISTEN``-ed to the topics it shows, and ``poll()`` looks at what
arrived without waiting and without a round trip to the server, so a screen
may ask several times a second for free.

Nothing here is trusted alone: a listener whose server went away says so
(``connected`` is false), reconnects in the background, and reports every
topic as changed once it is back, since notifications sent in between are
lost. Callers keep polling the change counters as the fallback
(``desk.services.changes.Watcher`` does both).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from sqlalchemy.engine import make_url

from desk.storage.engine import postgres_connect_args

log = logging.getLogger("desk")

CHANNEL_PREFIX = "desk_"
RECONNECT_EVERY_S = 3.0


def channel(topic: str) -> str:
    """The NOTIFY channel of a topic: ``desk_dossiers``, ``desk_queue``."""
    return CHANNEL_PREFIX + topic


def libpq_conninfo(url: str) -> str:
    """A SQLAlchemy ``postgresql+psycopg://`` URL as libpq understands it."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


class Listener:
    """One dedicated connection that LISTENs to ``desk_<topic>`` for the given topics.

    ``poll()`` never blocks: it returns the topics notified since the last call
    (all of them after a reconnection). Connecting happens on a background
    thread, so a server that is away never freezes the screen that polls.
    """

    def __init__(
        self, url: str, topics: Iterable[str], *, reconnect_every_s: float = RECONNECT_EVERY_S
    ) -> None:
        self._conninfo = libpq_conninfo(url)
        self._reconnect_every_s = reconnect_every_s
        self._topics = tuple(dict.fromkeys(topics))
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._pending: set[str] = set()
        self._connecting = False
        self._last_attempt = float("-inf")
        self._closed = False
        self._start_connecting()

    @property
    def topics(self) -> tuple[str, ...]:
        return self._topics

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._conn is not None and not self._conn.closed

    def wait_connected(self, timeout: float) -> bool:
        """For start-up and tests: wait (at most ``timeout`` s) for the first connection."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.connected:
                return True
            if not self._connecting:
                self._start_connecting()
            time.sleep(0.01)
        return self.connected

    def poll(self) -> set[str]:
        """The topics changed since the last call; empty when nothing was heard."""
        with self._lock:
            conn = self._conn
            if conn is not None:
                try:
                    for note in conn.notifies(timeout=0):
                        topic = note.channel.removeprefix(CHANNEL_PREFIX)
                        if topic in self._topics:
                            self._pending.add(topic)
                except psycopg.Error as exc:
                    log.warning("change listener lost its connection: %s", exc)
                    self._drop()
            changed, self._pending = self._pending, set()
        if conn is None or self._conn is None:
            self._start_connecting()
        return changed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._drop()

    def __enter__(self) -> Listener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ connecting

    def _drop(self) -> None:
        """Forget a broken connection (the caller holds the lock)."""
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
            self._conn = None

    def _start_connecting(self) -> None:
        now = time.monotonic()
        with self._lock:
            if self._closed or self._connecting or self._conn is not None:
                return
            if now - self._last_attempt < self._reconnect_every_s:
                return
            self._connecting = True
            self._last_attempt = now
        threading.Thread(target=self._connect, name="desk-listener", daemon=True).start()

    def _connect(self) -> None:
        args = postgres_connect_args()
        args.pop("options", None)
        for key in conninfo_to_dict(self._conninfo):  # what the URL says wins
            args.pop(key, None)
        try:
            conn = psycopg.connect(self._conninfo, autocommit=True, **args)
            for topic in self._topics:
                conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel(topic))))
        except psycopg.Error as exc:
            log.info("change listener cannot connect yet: %s", exc)
            with self._lock:
                self._connecting = False
            return
        with self._lock:
            self._connecting = False
            if self._closed:
                conn.close()
                return
            self._conn = conn
            # Anything may have changed while nobody listened.
            self._pending |= set(self._topics)
