"""The statement book: current with the statements, run without SQLAlchemy, refused
wherever it could not answer exactly as the engine does."""

from __future__ import annotations

import json
import os
import random
import runpy
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url

from desk.config import database_url
from desk.domain.clock import VN_TZ
from desk.services import demo
from desk.storage import migrate, moments, rows
from desk.storage.database import open_database
from desk.storage.statement_book import BareUnavailable, book_from, open_bare, shipped_book

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "statement_book.py"


def test_the_shipped_book_holds_the_statements_as_they_are_now():
    """Fails after a statement, a table or a migration changed: run the tool."""
    tool = runpy.run_path(str(TOOL))
    shipped = (ROOT / "desk" / "resources" / "statement_book.json").read_text(encoding="utf-8")
    assert shipped == tool["text"](), "run: python tools/statement_book.py"
    book = shipped_book()
    assert book.head == migrate.head_revision()
    assert {"sqlite", "postgresql"} == set(book.statements["account"])


def test_a_stale_book_is_found_by_the_tool(tmp_path):
    """``python tools/statement_book.py check`` fails on a book that differs by one
    character from the statements, and passes on the one it writes."""
    tool = runpy.run_path(str(TOOL))
    book = tmp_path / "statement_book.json"
    tool["main"].__globals__["BOOK"] = book  # the tool's own file, elsewhere
    assert tool["main"]([]) == 0 and tool["main"](["check"]) == 0
    data = json.loads(book.read_text(encoding="utf-8"))
    key = next(k for k in data["statements"] if k.startswith("page"))
    data["statements"][key]["sqlite"]["sql"] += " "
    book.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    assert tool["main"](["check"]) == 1


def test_a_listing_never_loads_sqlalchemy(tmp_path):
    path = tmp_path / "office.sqlite3"
    db = open_database(f"sqlite:///{path}")
    demo.create_demo(db, 60, months=1)
    db.dispose()
    script = (
        "import sys\n"
        "from desk.cli import main\n"
        "code = main(['dossiers', '--pending', '--limit', '5', '--json', '--db', sys.argv[1]])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print('LOADED', loaded, code, file=sys.stderr)\n"
    )
    env = dict(os.environ, DESK_USER="lanhdao", DESK_PASSWORD=demo.DEMO_PASSWORD)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=env
    )
    assert "LOADED [] 0" in done.stderr, done.stderr
    listed = json.loads(done.stdout)
    assert len(listed) == 5 and all(r["code"].startswith("H") for r in listed)


def test_only_a_database_at_the_books_schema_is_read(tmp_path):
    missing = tmp_path / "chưa có.sqlite3"
    with pytest.raises(BareUnavailable):
        open_bare(database_url(missing))
    assert not missing.exists()  # never created here: the ordinary way creates it

    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with pytest.raises(BareUnavailable):
        open_bare(database_url(empty))
    assert empty.stat().st_size == 0  # the ordinary way refuses it, untouched

    path = tmp_path / "older.sqlite3"
    open_database(database_url(path)).dispose()
    with open_bare(database_url(path)) as reader:
        assert reader.dialect.name == "sqlite"
    older = book_from({"head": "0001", "statements": {}})
    with pytest.raises(BareUnavailable):
        open_bare(database_url(path), older)
    for url in (database_url(path) + "?mode=ro", "mysql://x/y", "sqlite://", "sqlite:///:memory:"):
        with pytest.raises(BareUnavailable):
            open_bare(url)


def test_a_path_with_any_characters_is_the_same_file(tmp_path):
    folder = tmp_path / "Hồ sơ 100%20 #1"
    folder.mkdir()
    path = folder / "a+b&c=d;e?.sqlite3"
    url = database_url(path)
    assert url == URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    assert make_url(url).database == str(path)
    open_database(url).dispose()
    with open_bare(url) as reader:
        assert reader.rows("calendar stamp", {"topic": "calendar"})
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite3") == [path.name]


def test_moments_are_stored_as_the_engine_stores_them():
    rng = random.Random(5)
    start = datetime(1999, 12, 31, 23, 59, tzinfo=VN_TZ)
    for _ in range(500):
        value = start + timedelta(seconds=rng.randrange(10**9), microseconds=rng.randrange(10**6))
        if rng.random() < 0.3:
            value = value.astimezone(UTC)
        for dialect, name in (
            (sqlite.dialect(), "sqlite"),
            (postgresql.psycopg.dialect(), "postgresql"),
        ):
            assert moments.stored(name, value) == rows.stored_moment(dialect, value)


def test_the_sqlite_reader_waits_as_the_engine_does(tmp_path):
    path = tmp_path / "busy.sqlite3"
    open_database(database_url(path)).dispose()
    with open_bare(database_url(path)) as reader:
        assert isinstance(reader._connection, sqlite3.Connection)
        assert reader._connection.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_a_read_that_fails_hands_over_to_the_ordinary_way(tmp_path):
    path = tmp_path / "office.sqlite3"
    open_database(database_url(path)).dispose()
    with open_bare(database_url(path)) as reader:
        sqlite3.connect(path).execute("DROP TABLE calendar_days")  # a file changed under it
        with pytest.raises(BareUnavailable, match="calendar_days"):
            reader.rows("special days", {})
