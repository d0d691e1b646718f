"""Opening databases that are not what they should be, and a locked database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desk.domain.errors import UserError
from desk.storage.database import Database, open_database
from desk.storage.engine import make_engine


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
