"""Backups: consistent copies while saving, rotation, private files, never an overwrite.

Restoring one: ``tests/services/test_restore.py``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.services import accounts, backup, catalog
from desk.services.intake import record_intake

pytestmark = pytest.mark.sqlite_only(reason="SQLite's online backup API; the server has pg_dump")

BIRTH = "1.001193"


def _intake(db, clerk, clock, name="Nguyễn Thị Mai"):
    p = catalog.get_procedure(db, BIRTH)
    draft = IntakeDraft(
        procedure_code=BIRTH,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock)


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def test_backup_now_writes_a_checked_copy_with_the_data(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    folder = tmp_path / "usb"
    path = backup.backup_now(db, folder, clock)
    assert path.name == "desk-20260310-091500.sqlite3"
    assert backup.check_backup(path).dossiers == 1
    assert [b.path for b in backup.list_backups(folder)] == [path]
    assert not list(folder.glob("*.partial"))


def test_a_backup_taken_while_another_thread_saves_is_consistent(db, clerk, clock, tmp_path):
    stop = threading.Event()
    saved: list[str] = []

    def keep_saving() -> None:
        while not stop.is_set():
            saved.append(_intake(db, clerk, clock).code)

    worker = threading.Thread(target=keep_saving)
    worker.start()
    copies = []
    try:
        for i in range(5):
            at = FixedClock(clock.now() + timedelta(seconds=i))
            copies.append(backup.backup_now(db, tmp_path / "b", at))
    finally:
        stop.set()
        worker.join()
    for copy in copies:
        check = backup.check_backup(copy)  # integrity ok
        conn = sqlite3.connect(copy)
        n_dossiers, n_steps, last = conn.execute(
            "SELECT (SELECT count(*) FROM dossiers), (SELECT count(*) FROM dossier_steps),"
            " (SELECT coalesce(max(last), 0) FROM day_sequences)"
        ).fetchone()
        conn.close()
        assert n_dossiers == n_steps == last == check.dossiers  # never half an intake
    assert _count(copies[-1]) <= len(saved)


def test_automatic_backup_once_a_day_into_the_chosen_folder(db, clerk, clock, tmp_path):
    folder = tmp_path / "share"
    backup.set_backup_folder(db, clerk, folder)
    first = backup.automatic_backup(db, clock)
    assert first is not None and first.parent == folder
    assert backup.automatic_backup(db, FixedClock(clock.now() + timedelta(hours=3))) is None
    nxt = backup.automatic_backup(db, FixedClock(clock.now() + timedelta(days=1)))
    assert nxt is not None and len(backup.list_backups(folder)) == 2


def test_only_an_admin_chooses_the_folder(db, clerk, tmp_path):
    accounts.add_clerk(db, clerk, "canbo9", "Lê Văn C", "matkhau123")
    plain = accounts.log_in(db, "canbo9", "matkhau123")
    with pytest.raises(UserError, match="quản trị"):
        backup.set_backup_folder(db, plain, tmp_path / "x")
    assert backup.backup_folder(db) == backup.default_folder()


def test_rotation_prunes_old_copies(db, tmp_path):
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, 9)
    for d in range(50):  # 1 January to 19 February
        backup.backup_now(db, folder, FixedClock(start + timedelta(days=d)))
    kept = backup.list_backups(folder)
    assert len(kept) == 14 + 1  # 14 days of February, and January's newest
    assert kept[-1].taken_at == datetime(2026, 1, 31, 9)


def test_postgres_database_is_not_backed_up_here(tmp_path):
    from desk.storage.database import Database

    fake = Database.__new__(Database)
    fake.url = "postgresql+psycopg://u@h/db"
    with pytest.raises(UserError, match="pg_dump"):
        backup.backup_now(fake, tmp_path)
    assert backup.automatic_backup(fake) is None


def test_a_backup_is_readable_by_its_owner_only(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    path = backup.backup_now(db, tmp_path / "usb", clock)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_two_backups_in_the_same_second_keep_both(db, clerk, clock, tmp_path):
    first = backup.backup_now(db, tmp_path / "usb", clock)
    _intake(db, clerk, clock)
    second = backup.backup_now(db, tmp_path / "usb", clock)
    assert first != second and second.name == "desk-20260310-091500-2.sqlite3"
    assert (_count(first), _count(second)) == (0, 1)
    assert len(backup.list_backups(tmp_path / "usb")) == 2


def test_a_full_disk_during_a_backup_leaves_no_partial_copy(db, clock, tmp_path, monkeypatch):
    def full(source, target):  # noqa: ANN001
        target.write_bytes(b"SQLite format 3\x00half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "online_copy", full)
    with pytest.raises(UserError, match="còn chỗ"):
        backup.backup_now(db, tmp_path / "usb", clock)
    assert list((tmp_path / "usb").iterdir()) == []
