"""``desk dossiers`` on the bare driver prints what the ordinary way prints, and hands
over to it, password and all, whenever it cannot answer exactly."""

from __future__ import annotations

import argparse
import getpass
import sys

import pytest
from sqlalchemy import select

from desk.cli import dossiers, main
from desk.services import demo
from desk.storage import statement_book
from desk.storage.database import open_database
from desk.storage.statement_book import BareUnavailable, open_bare
from desk.storage.tables import UserRow

LISTINGS = [
    ["--pending"],
    ["--pending", "--limit", "12"],
    ["--band", "overdue"],
    ["--band", "within", "--limit", "3"],
    ["--status", "waiting_supplement"],
    ["--status", "result_ready", "--band", "today"],
]


@pytest.fixture
def office(db_url):
    db = open_database(db_url)
    demo.create_demo(db, 400, months=2)
    yield db
    db.dispose()


def _where(db_url: str) -> list[str]:
    if db_url.startswith("sqlite"):
        return ["--db", db_url.removeprefix("sqlite:///")]
    return ["--db-url", db_url]


def _ordinary(capsys, office, argv: list[str]) -> str:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    dossiers.add_commands(sub, lambda p: p.add_argument("--db") or p.add_argument("--db-url"))
    assert dossiers.run_dossiers(parser.parse_args(["dossiers", *argv]), office) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("who", ["lanhdao", "canbo1"])
def test_the_quick_way_prints_what_the_ordinary_way_prints(
    capsys, office, db_url, log_in_as, monkeypatch, who
):
    log_in_as(who, demo.DEMO_PASSWORD)
    quick_used = []
    real = dossiers._quick_rows
    monkeypatch.setattr(
        dossiers, "_quick_rows", lambda *a: quick_used.append(1) or real(*a)
    )  # counts the calls; the real reader runs
    drivers = []
    real_open = statement_book.open_bare

    def open_bare_seen(*args, **kwargs):  # the real reader, and which driver it read with
        reader = real_open(*args, **kwargs)
        drivers.append(reader.driver)
        return reader

    monkeypatch.setattr(statement_book, "open_bare", open_bare_seen)
    listed = 0
    for listing in LISTINGS:
        for form in ([], ["--json"]):
            argv = [*listing, *form]
            assert main(["dossiers", *argv, *_where(db_url)]) == 0
            quick = capsys.readouterr().out
            assert quick == _ordinary(capsys, office, argv), argv
            listed += quick.strip() not in ("", "[]")
    assert len(quick_used) == 2 * len(LISTINGS)
    limited = sum("--limit" in listing for listing in LISTINGS) * 2
    if db_url.startswith("sqlite"):
        assert set(drivers) == {"sqlite3"}
    else:  # a page at most: libpq itself; a whole list: psycopg
        assert (
            drivers.count("libpq") == limited and drivers.count("psycopg") == len(drivers) - limited
        )
    assert listed >= len(LISTINGS)  # most listings hold dossiers, --pending always


def _failures(db, user: str) -> int:
    with db.read() as s:
        return s.scalar(select(UserRow.failed_logins).where(UserRow.username == user))


def test_a_wrong_password_is_refused_and_counted_once(capsys, office, db_url, log_in_as):
    log_in_as("canbo1", "khong-dung")
    assert main(["dossiers", "--pending", *_where(db_url)]) == 2
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    assert _failures(office, "canbo1") == 1
    log_in_as("canbo1", demo.DEMO_PASSWORD)  # the ordinary way clears the count
    assert main(["dossiers", "--pending", "--json", *_where(db_url)]) == 0
    assert _failures(office, "canbo1") == 0


@pytest.mark.sqlite_only(reason="the terminal's prompt is the same on both engines")
def test_the_password_is_asked_once_even_when_the_ordinary_way_follows(
    capsys, office, db_url, monkeypatch
):
    asked = []
    monkeypatch.setenv("DESK_USER", "canbo1")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "khong-dung")
    assert main(["dossiers", "--pending", *_where(db_url)]) == 2
    assert len(asked) == 1 and "canbo1" in asked[0]
    assert _failures(office, "canbo1") == 1


def test_a_search_takes_the_ordinary_way(capsys, office, db_url, log_in_as):
    log_in_as("lanhdao", demo.DEMO_PASSWORD)
    with open_bare(db_url) as reader:  # the bare reader could open it, but a search...
        assert reader.dialect.name in db_url
    assert main(["dossiers", "--search", "nguyen", "--json", *_where(db_url)]) == 0
    assert "Nguyễn" in capsys.readouterr().out
    with pytest.raises(BareUnavailable):
        open_bare("sqlite:///" + "/nowhere/at/all.sqlite3")
