"""Kill a process while it upgrades an old database: the power cut during an update.

All revisions run in one transaction (``desk/storage/migrations/env.py``), so
after a kill the file is at the old revision with all its data, or at the head;
``open_database`` then finishes the job.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from kill_harness import prepare

from desk.storage import migrate
from desk.storage.database import open_database
from desk.storage.engine import make_engine

OLD = "0002"


@dataclass
class MigrationFigures:
    kills: int = 0
    left_old: int = 0
    left_new: int = 0
    problems: list[str] = field(default_factory=list)


def old_database(folder: Path) -> Path:
    """A database with dossiers, taken back to revision 0002; returns the file (a template)."""
    prepare(folder)
    path = folder / "desk.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.downgrade(engine, OLD)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _snapshot(path: Path) -> tuple[str, int, list]:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            return f"integrity {ok[:3]}", -1, []
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        rows = conn.execute("SELECT code, applicant_name FROM dossiers ORDER BY code").fetchall()
        return revision, len(rows), rows
    finally:
        conn.close()


def _upgrade_child(path: Path) -> None:
    status = 1
    try:
        engine = make_engine(f"sqlite:///{path}")
        migrate.upgrade(engine)
        status = 0
    finally:
        os._exit(status)


def timed_upgrade(template: Path, work: Path) -> float:
    """How long one upgrade of the template takes here (to aim the kills)."""
    work.write_bytes(template.read_bytes())
    start = time.monotonic()
    engine = make_engine(f"sqlite:///{work}")
    migrate.upgrade(engine)
    engine.dispose()
    return time.monotonic() - start


def run_migration_kills(folder: Path, kills: int, seed: int = 1) -> MigrationFigures:
    template = old_database(folder / "template")
    _, count, rows = _snapshot(template)
    duration = timed_upgrade(template, folder / "timing.sqlite3")
    head = migrate.head_revision()
    rng = random.Random(seed)
    figures = MigrationFigures()
    work = folder / "work.sqlite3"
    for n in range(1, kills + 1):
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{work}{extra}").unlink(missing_ok=True)
        work.write_bytes(template.read_bytes())
        pid = os.fork()
        if pid == 0:
            _upgrade_child(work)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        figures.kills = n
        revision, after, after_rows = _snapshot(work)
        if revision == OLD:
            figures.left_old += 1
        elif revision == head:
            figures.left_new += 1
        else:
            figures.problems.append(f"kill {n}: left at {revision}")
        if after_rows != rows:
            figures.problems.append(f"kill {n}: {after} dossiers instead of {count}")
        db = open_database(f"sqlite:///{work}", create=False)  # the next start finishes it
        db.dispose()
        revision, after, after_rows = _snapshot(work)
        if revision != head or after_rows != rows:
            figures.problems.append(f"kill {n}: restart left {revision}, {after} dossiers")
        if figures.problems:
            break
    return figures
