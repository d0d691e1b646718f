"""Which programs have the database open now, and on which PCs.

A restore replaces the database file; a desk still recording intakes on it
would hand out dossier codes a second time. So every program that works on the
database for long (the desk window, the kiosk, the waiting-room display, the
rating window) makes itself known while it runs:

- **SQLite**: a row in ``presence`` (PC name, program, process id), written at
  start, renewed every ``HEARTBEAT_S`` seconds by a background thread and
  deleted when the program closes. A row not renewed for ``STALE_AFTER`` (a PC
  switched off, a program killed) does not count; nor does a row of this PC
  whose process no longer exists, which the operating system can tell at once.
- **PostgreSQL**: the server's own view of its connections,
  ``pg_stat_activity``, for this database. Each connection of a desk program
  names itself ``desk <program> <PC> <pid>`` (``desk.storage.engine``), and a
  connection that is gone is gone from the view: no heartbeat is needed.

Command-line runs (``desk dossiers``, ``desk backup``) last seconds and hold no
presence.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, delete, insert, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desk.domain.clock import Clock, SystemClock, to_vn
from desk.storage.engine import (
    WRITE_OPTION,
    ascii_host_name,
    database_errors,
    host_name,
    is_postgres,
    postgres_connect_args,
    sqlite_path,
)

# The programs that hold a presence (``desk <program>`` in ``application_name``).
from desk.storage.programs import DESK, DISPLAY, KIOSK, PROGRAMS, RATING  # noqa: F401
from desk.storage.tables import PresenceRow

log = logging.getLogger(__name__)

HEARTBEAT_S = 20
STALE_AFTER = timedelta(minutes=2)


@dataclass(frozen=True)
class Program:
    """A program working on the database: which PC, which program, which process."""

    host: str
    program: str
    pid: int | None
    since: datetime | None = None


class Presence:
    """This program's presence on a SQLite database (see the module doc).

    ``start()`` writes the row and starts the heartbeat; ``close()`` stops it and
    deletes the row. A heartbeat that finds its row gone (the file was restored
    under it, on this PC by the admin's own desk) writes it again.
    """

    def __init__(
        self,
        db,  # noqa: ANN001 (desk.storage.database.Database: imported by it)
        program: str,
        clock: Clock | None = None,
        every_s: float = HEARTBEAT_S,
    ) -> None:
        self.db, self.program = db, program
        self.clock = clock or SystemClock()
        self.every_s = every_s
        self.host, self.pid = host_name(), os.getpid()
        self.row_id: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> Presence:
        self.beat()
        self._thread = threading.Thread(target=self._run, name="desk-presence", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self.beat()

    def beat(self) -> None:
        """Renew the row (or write it); a failure is logged and tried again next time."""
        now = self.clock.now()
        try:
            with self._lock, self._writer().begin() as conn:
                renewed = 0
                if self.row_id is not None:
                    renewed = conn.execute(
                        update(PresenceRow)
                        .where(
                            PresenceRow.id == self.row_id,
                            PresenceRow.host == self.host,
                            PresenceRow.pid == self.pid,
                        )
                        .values(seen_at=now)
                    ).rowcount
                if not renewed:
                    self.row_id = conn.execute(
                        insert(PresenceRow)
                        .values(
                            host=self.host[:120],
                            program=self.program,
                            pid=self.pid,
                            started_at=now,
                            seen_at=now,
                        )
                        .returning(PresenceRow.id)
                    ).scalar_one()
        except database_errors() as exc:
            log.warning("presence not renewed: %s", exc)

    def _writer(self):  # noqa: ANN202
        return self.db.engine.execution_options(**{WRITE_OPTION: True})

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        if self.row_id is None:
            return
        try:
            with self._lock, self._writer().begin() as conn:
                conn.execute(
                    delete(PresenceRow).where(
                        PresenceRow.id == self.row_id,
                        PresenceRow.host == self.host,
                        PresenceRow.pid == self.pid,
                    )
                )
        except database_errors() as exc:
            log.warning("presence not removed: %s", exc)
        self.row_id = None


def hold(db, program: str) -> Presence | None:  # noqa: ANN001
    """Make ``program`` known on ``db`` while it runs; ``None`` on a server (it sees us)."""
    if is_postgres(db.url) or sqlite_path(db.url) is None:
        return None
    return Presence(db, program).start()


def programs_on(url: str, clock: Clock | None = None) -> list[Program]:
    """The desk programs working on the database at ``url`` now, this process excepted."""
    if is_postgres(url):
        return _server_programs(url)
    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return []
    import sqlite3  # (on a server, not loaded at all)

    now = (clock or SystemClock()).now()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "presence" not in tables:
                return []
            rows = conn.execute(
                "SELECT host, program, pid, started_at, seen_at FROM presence ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []  # not a database anyone can work on
    found = []
    here = host_name()
    for host, program, pid, started, seen in rows:
        if _stored_time(seen) < now - STALE_AFTER:
            continue
        if host == here and (pid == os.getpid() or not process_alive(pid)):
            continue
        found.append(Program(host, program, pid, _stored_time(started)))
    return found


def _stored_time(value: object) -> datetime:
    """A ``UtcDateTime`` as SQLite holds it (naive UTC text), in Vietnam time."""
    if isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(str(value))
    return to_vn(moment.replace(tzinfo=UTC))


def _server_programs(url: str) -> list[Program]:
    """The connections of desk programs to this database, as the server sees them."""
    args = postgres_connect_args()
    for option in make_url(url).query:
        args.pop(option, None)
    engine = create_engine(url, poolclass=NullPool, connect_args=args)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT application_name, backend_start FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND application_name LIKE 'desk %' ORDER BY backend_start"
                )
            ).all()
    finally:
        engine.dispose()
    found: dict[tuple[str, str, int | None], Program] = {}
    for name, started in rows:
        parts = str(name).split(" ")
        if len(parts) < 3 or parts[1] not in PROGRAMS:
            continue
        pid = int(parts[-1]) if len(parts) >= 4 and parts[-1].isdigit() else None
        host = " ".join(parts[2:-1]) if pid is not None else " ".join(parts[2:])
        if pid == os.getpid() and ascii_host_name().startswith(host):
            continue  # this process (the name may have been cut to fit)
        key = (host, parts[1], pid)  # a program's pool holds several connections
        found.setdefault(key, Program(host, parts[1], pid, started))
    return list(found.values())


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this PC (the operating system's own answer)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    if sys.platform != "win32":  # (also tells the type checker which ctypes this is)
        raise OSError("a Windows process is looked up on Windows only")
    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
