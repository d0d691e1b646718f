"""Backups: consistent copies while saving, rotation, a checked restore that keeps the old file."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.services import accounts, backup, catalog, dossiers
from desk.services.intake import record_intake
from desk.storage.database import open_database
from desk.storage.engine import sqlite_path

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


def test_restore_checks_then_replaces_and_keeps_the_old_file(db, clerk, clock, tmp_path):
    first = _intake(db, clerk, clock).code
    copy = backup.backup_now(db, tmp_path / "b", clock)
    second = _intake(db, clerk, clock).code
    kept = backup.restore(db.url, copy, clock)
    assert kept is not None and _count(kept) == 2  # the replaced database, whole
    assert dossiers.get_dossier(db, first).code == first  # the open connection sees it
    from desk.domain.errors import NotFound

    with pytest.raises(NotFound):
        dossiers.get_dossier(db, second)
    again = open_database(db.url, create=False)
    assert _count(sqlite_path(db.url)) == 1
    again.dispose()


def test_restore_refuses_garbage_and_changes_nothing(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    live = sqlite_path(db.url)
    before = live.read_bytes()
    bad = tmp_path / "desk-20260101-000000.sqlite3"
    bad.write_bytes(b"PK\x03\x04 not a database" * 100)
    with pytest.raises(UserError, match="không phải là bản sao lưu"):
        backup.restore(db.url, bad, clock)
    assert live.read_bytes() == before
    assert list(live.parent.glob("*truoc-khoi-phuc*")) == []


def test_restore_refuses_a_corrupt_copy(db, clerk, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    data = bytearray(copy.read_bytes())
    page = 4096
    for i in range(page * 3, min(len(data), page * 8)):  # scribble over table pages
        data[i] = 0x5A
    copy.write_bytes(bytes(data))
    with pytest.raises(UserError, match="hỏng|toàn vẹn"):
        backup.restore(db.url, copy, clock)


def test_restore_refuses_a_backup_from_a_newer_desk(db, clock, tmp_path):
    copy = backup.backup_now(db, tmp_path / "b", clock)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="mới hơn"):
        backup.restore(db.url, copy, clock)


def test_restore_over_a_garbage_database_file_keeps_it(db, clerk, clock, tmp_path):
    _intake(db, clerk, clock)
    copy = backup.backup_now(db, tmp_path / "b", clock)
    target = tmp_path / "broken" / "desk.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"garbage" * 1000)
    kept = backup.restore(f"sqlite:///{target}", copy, clock)
    assert kept is not None and kept.read_bytes() == b"garbage" * 1000
    restored = open_database(f"sqlite:///{target}", create=False)
    restored.dispose()
    assert _count(target) == 1


def test_postgres_database_is_not_backed_up_here(tmp_path):
    from desk.storage.database import Database

    fake = Database.__new__(Database)
    fake.url = "postgresql+psycopg://u@h/db"
    with pytest.raises(UserError, match="pg_dump"):
        backup.backup_now(fake, tmp_path)
    assert backup.automatic_backup(fake) is None


def _cli(argv: list[str]) -> int:
    import argparse

    from desk import cli_backup

    def add_db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db")
        p.add_argument("--db-url")

    parser = argparse.ArgumentParser(prog="desk")
    cli_backup.add_commands(parser.add_subparsers(dest="command"), add_db)
    args = parser.parse_args(argv)
    return cli_backup.COMMANDS[args.command](args)


def test_command_line_backup_then_restore(db, clerk, clock, tmp_path, capsys):
    live = sqlite_path(db.url)
    _intake(db, clerk, clock)
    assert _cli(["backup", "--db", str(live), "--to", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    copy = next((tmp_path / "usb").glob("desk-*.sqlite3"))
    assert f"Đã sao lưu vào {copy}" in out
    _intake(db, clerk, clock)
    db.dispose()
    assert _cli(["restore", str(copy), "--db", str(live), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "hợp lệ, 1 hồ sơ" in out and "Tệp dữ liệu cũ được giữ tại" in out
    assert _count(live) == 1


def test_command_line_restore_refuses_a_bad_file(db, tmp_path):
    live = sqlite_path(db.url)
    before = live.read_bytes()
    bad = tmp_path / "x.sqlite3"
    bad.write_text("hello")
    with pytest.raises(UserError, match="không phải là bản sao lưu"):
        _cli(["restore", str(bad), "--db", str(live), "--yes"])
    assert live.read_bytes() == before
