"""libpq called directly (``desk.storage.libpq``) reads what ``psycopg`` reads, on a real
server: the same values of every type the first screen's statements return, the same
parameters, the same rows of the first screen; and anything it cannot read exactly so
is handed to ``psycopg``."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.engine import make_url

from desk.domain.calendar_days import DayKind
from desk.domain.clock import FixedClock
from desk.domain.errors import UserError
from desk.services import accounts, demo, first_screen, quick_list
from desk.storage import libpq
from desk.storage.statement_book import BareUnavailable, book_from, open_bare, shipped_book

pytestmark = pytest.mark.postgresql_only

NOW = FixedClock(datetime(2026, 3, 10, 9, 15)).now()

#: A value of each type the parsers know, NULL among them, as the server writes them.
TYPES = (
    "SELECT true, false, 7::int2, 70000::int4, 9000000000::int8, 26::oid,"
    " 'Nguyễn Thị Thu Trang'::text, 'Đắk Lắk'::varchar, 'ab'::char(4), 'users'::name,"
    " 1.5::float4, 0.1::float8, '2026-03-10'::date, '2026-03-10 09:15:00'::timestamp,"
    " '2026-03-10 09:15:00.5'::timestamp, '2026-03-10 09:15:00.123456'::timestamp,"
    " '0001-01-01 00:00:00'::timestamp, NULL::int4, NULL::text, NULL::timestamp, ''::text, '%%'"
)
PARAMETERS = (
    "SELECT %(text)s::text, %(number)s::int8, %(yes)s::bool, %(nothing)s::int4,"
    " %(moment)s::timestamp, %(day)s::date, %(kind)s::varchar, %(number)s::int8 + 1"
)
VALUES = {
    "text": "Trần Văn Hùng; DROP TABLE users; --'\"",
    "number": 123456789012,
    "yes": True,
    "nothing": None,
    "moment": datetime(2026, 3, 10, 2, 15, 0, 250000),
    "day": date(2027, 2, 16),
    "kind": DayKind.OFF,
}


def _book(**statements: str):
    return book_from(
        {
            "head": shipped_book().head,
            "statements": {
                key: {"postgresql": {"sql": sql, "order": None, "fixed": {}}}
                for key, sql in statements.items()
            },
        }
    )


def _conninfo(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


@pytest.fixture
def office_db(empty_db):
    demo.create_demo(empty_db, 300, today=date(2026, 3, 10), months=2)
    return empty_db


def test_every_type_reads_as_psycopg_reads_it(empty_db, db_url):
    book = _book(types=TYPES, parameters=PARAMETERS)
    with open_bare(db_url, book) as plain, open_bare(db_url, book, light=True) as light:
        assert (plain.driver, light.driver) == ("psycopg", "libpq")
        read = light.rows("types", {})
        assert read == plain.rows("types", {})
        assert [type(v) for v in read[0]] == [type(v) for v in plain.rows("types", {})[0]]
        assert read[0][6] == "Nguyễn Thị Thu Trang" and read[0][-1] == "%"
        assert read[0][14].microsecond == 500000 and read[0][16] == datetime(1, 1, 1)
        assert read[0][17:21] == (None, None, None, "")  # NULL is not an empty text
        given = light.rows("parameters", VALUES)
        assert given == plain.rows("parameters", VALUES)
        assert given[0][0] == VALUES["text"] and given[0][6] == "off"
        assert given[0][-1] == VALUES["number"] + 1  # a name used twice is one parameter


def test_a_type_it_does_not_read_goes_to_psycopg(empty_db, db_url):
    book = _book(
        numeric="SELECT 1.5::numeric",
        zone="SELECT '2026-03-10 09:15+07'::timestamptz",
        json="SELECT '{}'::json",
        infinite="SELECT 'infinity'::timestamp",
        stream="SELECT 1",
    )
    with open_bare(db_url, book) as plain, open_bare(db_url, book, light=True) as light:
        assert plain.rows("numeric", {}) == [(Decimal("1.5"),)]
        for key in ("numeric", "zone", "json", "infinite"):
            with pytest.raises(BareUnavailable):
                light.rows(key, {})
        with pytest.raises(BareUnavailable):
            next(light.stream("stream", {}))
        with pytest.raises(libpq.LibpqUnavailable, match="float"):
            light._connection.run("SELECT %(x)s::float8", {"x": 1.5})
        assert light.rows("stream", {}) == [(1,)]  # still usable after each refusal


def test_a_failing_statement_is_handed_over_and_the_connection_goes_on(empty_db, db_url):
    book = _book(missing="SELECT nothing FROM no_such_table", plain="SELECT 2")
    with open_bare(db_url, book, light=True) as light:
        with pytest.raises(BareUnavailable, match="no_such_table"):
            light.rows("missing", {})
        assert light.rows("plain", {}) == [(2,)]


def test_the_first_screen_reads_the_same_rows(office_db, db_url):
    with open_bare(db_url) as plain, open_bare(db_url, light=True) as light:
        assert light.driver == "libpq"
        assert first_screen.office_names(light) == first_screen.office_names(plain)
        for username in ("lanhdao", "canbo1"):
            clerk = first_screen.known_clerk(light, username)
            assert clerk == first_screen.known_clerk(plain, username)
            assert clerk == accounts.get_clerk(office_db, username)
            page = first_screen.first_page(light, clerk, NOW, 200)
            same = first_screen.first_page(plain, clerk, NOW, 200)
            assert page.items and page.items == same.items
            assert (page.filter, page.exhausted) == (same.filter, same.exhausted)
        ours, theirs = quick_list.working_calendar(light), quick_list.working_calendar(plain)
        assert str(ours.office_hours) == str(theirs.office_hours)
        assert ours.special_days == theirs.special_days and len(ours.special_days) > 20
        assert ours.confirmed_years == theirs.confirmed_years and ours.confirmed_years
        signed = quick_list.sign_in(light, "canbo1", "demo1234")
        assert signed == quick_list.sign_in(plain, "canbo1", "demo1234")


def test_the_first_screen_on_libpq_loads_neither_psycopg_nor_sqlalchemy(office_db, db_url):
    code = (
        "import sys\n"
        "from desk.storage.statement_book import open_bare\n"
        "from desk.services import first_screen\n"
        "from desk.domain.clock import SystemClock\n"
        f"r = open_bare({db_url!r}, light=True)\n"
        "first_screen.office_names(r)\n"
        "clerk = first_screen.known_clerk(r, 'lanhdao')\n"
        "page = first_screen.first_page(r, clerk, SystemClock().now(), 200)\n"
        "print(r.driver, len(page.items),"
        " sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'psycopg'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    driver, count, modules = done.stdout.split(" ", 2)
    assert driver == "libpq" and int(count) > 0 and modules.strip() == "[]"


def test_the_whole_window_on_a_server_loads_neither_sqlite3_nor_qtnetwork(
    office_db, db_url, tmp_path
):
    """Neither is of any use on a server: each was a megabyte of the window's memory."""
    picture = tmp_path / "cua-so.png"
    code = (
        "import sys\n"
        "from desk.cli import main\n"
        f"code = main(['--demo', '--db-url', {db_url!r}, '--snapshot', {str(picture)!r}])\n"
        "print(code, sorted(m for m in sys.modules"
        " if m.split('.')[-1] in ('sqlite3', '_sqlite3', 'QtNetwork', 'sqlalchemy')))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    # the window completed (SQLAlchemy loaded and used), and pictured itself
    assert done.stdout.strip() == "0 ['sqlalchemy']" and picture.stat().st_size > 0
    log = (tmp_path / "state" / "desk" / "log" / "desk.log").read_text(encoding="utf-8")
    assert "main window complete" in log


def test_a_server_that_cannot_be_used_is_explained_as_psycopg_would(empty_db, db_url):
    url = make_url(db_url)
    nobody_there = url.set(host="127.0.0.1", port=1, query={})  # refused at once
    for wrong in (
        url.set(password="sai-mat-khau"),
        url.set(database="khong_co_csdl"),
        nobody_there,
    ):
        text = wrong.render_as_string(hide_password=False)
        with pytest.raises(UserError) as plain:
            open_bare(text)
        with pytest.raises(UserError) as light:
            open_bare(text, light=True)
        assert light.value.message == plain.value.message
    with pytest.raises(libpq.ConnectFailed, match="password authentication failed"):
        libpq.connect(_conninfo(url.set(password="sai").render_as_string(hide_password=False)), {})


def test_without_the_library_psycopg_reads(empty_db, db_url, tmp_path, monkeypatch):
    not_a_library = tmp_path / "libpq.so.5"
    not_a_library.write_text("not a library")
    conninfo = _conninfo(db_url)
    with pytest.raises(libpq.LibpqUnavailable):
        libpq.connect(conninfo, {}, library=not_a_library)
    monkeypatch.setattr(libpq, "library_path", lambda: None)  # a psycopg without its binary
    with open_bare(db_url, light=True) as reader:
        assert reader.driver == "psycopg"
        assert reader.rows("office names", {}) is not None


def test_the_library_is_the_one_psycopg_loads(empty_db, db_url):
    found = libpq.library_path()
    assert found is not None and found.name.startswith("libpq")
    code = (
        "import psycopg\n"
        f"psycopg.connect({_conninfo(db_url)!r}).close()\n"
        "print(open('/proc/self/maps').read())\n"
    )
    maps = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert str(found) in maps.stdout  # one libpq in the process, not two


def test_placeholders_are_numbered_once_per_name():
    sql, names = libpq.numbered("SELECT %(a)s, %(b)s, %(a)s, '100%%' WHERE x LIKE 'a%%'")
    assert sql == "SELECT $1, $2, $1, '100%' WHERE x LIKE 'a%'"
    assert names == ("a", "b")
