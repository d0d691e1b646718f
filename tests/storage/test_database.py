"""Opening databases that are not what they should be, and a locked database."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from desk.config import database_url
from desk.domain.errors import UserError
from desk.storage.database import Database, open_database
from desk.storage.engine import make_engine, sqlite_path


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    content = b"Danh sach ho so thang 3\n" * 100
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{path}")
    assert "không phải là cơ sở dữ liệu" in err.value.message
    assert "không ghi đè" in err.value.message
    assert path.read_bytes() == content


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{path}")
    assert "không phải của desk" in err.value.message
    assert path.read_bytes() == before


def test_missing_file_is_an_error_when_not_creating(tmp_path: Path):
    with pytest.raises(UserError) as err:
        open_database(f"sqlite:///{tmp_path / 'missing.sqlite3'}", create=False)
    assert "Không tìm thấy" in err.value.message


@pytest.mark.sqlite_only(reason="WAL and the foreign-key pragma are SQLite's own")
def test_new_database_uses_wal_and_foreign_keys(db_url):
    db = open_database(db_url)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


@pytest.mark.sqlite_only(reason="holds SQLite's file lock with the sqlite3 module")
def test_a_write_while_another_process_holds_the_lock_gets_a_clear_message(db_url, tmp_path):
    open_database(db_url).dispose()
    path = db_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        impatient = Database(db_url, make_engine(db_url, busy_timeout_ms=200))
        with pytest.raises(UserError) as err:
            with impatient.write() as s:
                s.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v')"))
        assert "khóa" in err.value.message
        assert "Lưu lại" in err.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with impatient.write() as s:  # once released, the same write goes through
        s.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v')"))
    with impatient.read() as s:
        assert s.execute(text("SELECT value FROM settings WHERE key='k'")).scalar() == "v"
    impatient.dispose()


def test_a_database_upgraded_by_a_newer_desk_says_to_update_this_pc(db_url):
    db = open_database(db_url)
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(UserError) as err:
        open_database(db_url)
    assert "phiên bản desk mới hơn" in err.value.message


# -- issue 15: an empty file, private files, any characters in the path ---------------------


def test_an_empty_file_is_not_a_desk_database_and_stays_empty(tmp_path: Path):
    path = tmp_path / "trong.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(UserError) as err:
        open_database(database_url(path))
    assert "trống (0 byte)" in err.value.message and "--db" in err.value.message
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trong.sqlite3"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows: the user's folder")
def test_a_new_database_and_its_side_files_are_readable_by_their_owner_only(tmp_path: Path):
    old = os.umask(0o022)
    try:
        db = open_database(database_url(tmp_path / "moi.sqlite3"))
        with db.write() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v')"))
        made = sorted(tmp_path.iterdir())
        assert [p.name for p in made] == ["moi.sqlite3", "moi.sqlite3-shm", "moi.sqlite3-wal"]
        assert {stat.S_IMODE(p.stat().st_mode) for p in made} == {0o600}
        db.dispose()
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    "name", ["ho so 100%20.db", "x?.db", "a#b.db", "hồ sơ tháng 3.db", "x?mode=ro&a=%41.db"]
)
def test_any_file_name_opens_exactly_that_file(tmp_path: Path, name: str):
    db = open_database(database_url(tmp_path / name))
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        name
    ]
    assert sqlite_path(database_url(tmp_path / name)) == (tmp_path / name).resolve()
