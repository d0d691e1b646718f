"""One server for all counters: its connection settings, and what a counter says when it fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desk.domain.errors import UserError
from desk.services import calendar, changes
from desk.storage import migrate, rows
from desk.storage.database import Database, open_database
from desk.storage.engine import make_engine

pytestmark = pytest.mark.postgresql_only(reason="the server's connections, locks and failures")


def _with(url: str, **changes_: object) -> str:
    """``url`` with some parts changed; a new host replaces a Unix socket's folder too."""
    changed = make_url(url)
    if "host" in changes_:
        changed = changed.difference_update_query(["host"])
    return changed.set(**changes_).render_as_string(hide_password=False)


def _terminate(url: str, pid: int | None = None) -> None:
    """What a server restart or a dropped network does to a counter's connections."""
    admin = create_engine(url, poolclass=NullPool)
    with admin.begin() as conn:
        if pid is not None:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        else:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
    admin.dispose()


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers: a server that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_each_connection_waits_for_locks_as_long_as_sqlite_and_never_idles_in_a_transaction(
    empty_db: Database,
):
    with empty_db.read() as s:
        assert s.execute(text("SHOW lock_timeout")).scalar() == "10s"
        assert s.execute(text("SHOW idle_in_transaction_session_timeout")).scalar() == "1min"
        name = s.execute(text("SHOW application_name")).scalar()
        assert name.startswith("desk tool ") and name.endswith(f" {os.getpid()}")


def test_a_server_that_refuses_connections_gets_a_clear_message(db_url, free_port):
    url = _with(db_url, host="127.0.0.1", port=free_port)
    with pytest.raises(UserError) as err:
        open_database(url)
    assert "Không kết nối được tới máy chủ cơ sở dữ liệu" in err.value.message
    assert f"127.0.0.1:{free_port}/" in err.value.message
    assert "desk:desk@" not in err.value.message  # never the password


def test_a_server_that_does_not_answer_times_out_with_a_clear_message(db_url, silent_server):
    url = _with(db_url, host="127.0.0.1", port=silent_server, query={"connect_timeout": "2"})
    with pytest.raises(UserError) as err:
        open_database(url)
    assert "Không kết nối được tới máy chủ cơ sở dữ liệu" in err.value.message
    assert "Lưu lại" in err.value.message


def test_a_connection_lost_mid_save_saves_nothing_and_the_next_save_works(empty_db: Database):
    with pytest.raises(UserError) as err:
        with empty_db.write() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('first', '1')"))
            _terminate(empty_db.url, s.execute(text("SELECT pg_backend_pid()")).scalar())
            s.execute(text("INSERT INTO settings (key, value) VALUES ('second', '2')"))
    assert "Mất kết nối tới máy chủ cơ sở dữ liệu" in err.value.message
    assert "không bao giờ lưu dở dang" in err.value.message
    with empty_db.write() as s:  # the clerk presses Save again
        s.execute(text("INSERT INTO settings (key, value) VALUES ('again', '3')"))
    with empty_db.read() as s:
        assert s.execute(text("SELECT key FROM settings")).scalars().all() == ["again"]


def test_after_a_server_restart_the_next_click_simply_works(empty_db: Database):
    for _ in range(3):  # fill the pool with connections
        assert changes.version(empty_db, changes.QUEUE) == 0
    _terminate(empty_db.url)  # every connection the pool holds is now dead
    with empty_db.write() as s:
        changes.bump(s, changes.QUEUE)
    assert changes.version(empty_db, changes.QUEUE) == 1


def test_a_list_read_after_a_server_restart_reads_again_on_a_new_connection(
    empty_db: Database, monkeypatch
):
    """A read of the lists takes its connection without the ping (a round trip saved
    on every page); when the one it took is dead it reads again on a new one."""
    pings = []
    real_ping = empty_db.engine.dialect.do_ping
    monkeypatch.setattr(
        empty_db.engine.dialect, "do_ping", lambda conn: pings.append(1) or real_ping(conn)
    )
    for _ in range(3):
        with rows.reading(empty_db) as reader:  # the pool now holds a connection
            assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] is None
    assert pings == []  # the reads never pinged
    _terminate(empty_db.url)  # every connection the pool holds is now dead
    with rows.reading(empty_db) as reader:
        assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] is None
        assert len(list(reader.stream(calendar.SPECIAL_DAYS, {}))) == 0  # same connection
    with empty_db.write() as s:  # a unit of work is still pinged first
        changes.bump(s, changes.CALENDAR)
    assert pings
    with rows.reading(empty_db) as reader:
        assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] == 1


def test_a_long_range_stays_on_the_server_until_fetched(empty_db: Database):
    """A year of decisions is read a batch at a time through a cursor on the server: a
    plain cursor would bring the whole result over at once."""
    numbers = rows.Statement(lambda _d: text("SELECT g FROM generate_series(1, 1000) AS g"))
    with rows.reading(empty_db) as reader:
        seen, open_cursors = [], []
        for batch in reader.stream(numbers, {}, batch=100):
            assert len(batch) == 100
            seen.extend(n for (n,) in batch)
            open_cursors.append(reader._driver.execute("SELECT name FROM pg_cursors").fetchall())
        assert seen == list(range(1, 1001))
        assert all((rows.STREAM_CURSOR,) in found for found in open_cursors)
        assert (rows.STREAM_CURSOR,) not in reader._driver.execute(
            "SELECT name FROM pg_cursors"
        ).fetchall()
        assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] is None  # after


def test_a_long_range_read_first_after_a_server_restart_reads_again(empty_db: Database):
    with rows.reading(empty_db) as reader:
        assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] is None
    _terminate(empty_db.url)
    with rows.reading(empty_db) as reader:
        assert list(reader.stream(calendar.SPECIAL_DAYS, {})) == []


def test_a_read_that_fails_for_another_reason_is_not_tried_again(empty_db: Database):
    broken = rows.Statement(lambda _d: text("SELECT no_such_column FROM settings"))
    with pytest.raises(UserError):
        with rows.reading(empty_db) as reader:
            reader.rows(broken, {})
    with rows.reading(empty_db) as reader:  # the connection went back to the pool whole
        assert reader.rows(calendar.STAMP, {"topic": changes.CALENDAR})[0][0] is None


def test_a_wrong_password_and_a_missing_database_say_what_to_do(db_url):
    with pytest.raises(UserError) as err:
        open_database(_with(db_url, password="not-the-password"))
    assert "từ chối tài khoản" in err.value.message
    with pytest.raises(UserError) as err:
        open_database(_with(db_url, database="desk_test_no_such_database"))
    assert "desk db init" in err.value.message


def test_a_lock_held_too_long_by_another_counter_gets_a_clear_message(empty_db: Database):
    with empty_db.write() as s:
        changes.bump(s, changes.QUEUE)
    impatient = Database(empty_db.url, make_engine(empty_db.url, busy_timeout_ms=200))
    holder = create_engine(empty_db.url, poolclass=NullPool)
    try:
        with holder.begin() as conn:
            conn.execute(text("SELECT * FROM change_counters FOR UPDATE"))
            with pytest.raises(UserError) as err:
                with impatient.write() as s:
                    changes.bump(s, changes.QUEUE)
        assert "quầy khác đang sửa" in err.value.message
        with impatient.write() as s:  # once released, the same write goes through
            changes.bump(s, changes.QUEUE)
        assert changes.version(impatient, changes.QUEUE) == 2
    finally:
        impatient.dispose()
        holder.dispose()


OPEN_AT_THE_GO = """
import os, sys, time
from pathlib import Path
from desk.storage.database import open_database
go = Path(sys.argv[2])
(go.parent / f"ready-{os.getpid()}").touch()
while not go.exists():
    time.sleep(0.01)
open_database(sys.argv[1]).dispose()
"""


def test_counters_starting_at_once_on_an_empty_server_all_open_it(blank_db_url, tmp_path):
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_THE_GO, blank_db_url, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    while len(list(tmp_path.glob("ready-*"))) < len(procs):
        if any(p.poll() is not None for p in procs):
            break  # one died before it was ready: its error shows below
        time.sleep(0.01)
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    engine = make_engine(blank_db_url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_another_programs_server_database_is_refused_and_left_untouched(blank_db_url):
    engine = make_engine(blank_db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE contacts (name text)"))
        conn.execute(text("INSERT INTO contacts VALUES ('Nguyễn Văn A')"))
    with pytest.raises(UserError) as err:
        open_database(blank_db_url)
    assert "không phải của desk" in err.value.message
    assert set(inspect(engine).get_table_names()) == {"contacts"}
    engine.dispose()


def test_a_listing_on_a_server_that_cannot_be_reached_says_so_after_one_wait(
    db_url, free_port, silent_server
):
    """The bare reader explains a server it cannot reach in the engine's words, at once:
    the ordinary way would wait for it a second time to say the same."""
    from desk.storage.statement_book import open_bare

    refused = _with(db_url, host="127.0.0.1", port=free_port)
    with pytest.raises(UserError) as err:
        open_bare(refused)
    with pytest.raises(UserError) as ordinary:
        open_database(refused)
    assert err.value.message == ordinary.value.message
    assert "Không kết nối được tới máy chủ cơ sở dữ liệu" in err.value.message
    hanging = _with(db_url, host="127.0.0.1", port=silent_server, query={"connect_timeout": "1"})
    with pytest.raises(UserError) as err:
        open_bare(hanging)
    assert "Không kết nối được tới máy chủ cơ sở dữ liệu" in err.value.message
    wrong = _with(db_url, password="sai-mat-khau")
    with pytest.raises(UserError) as err:
        open_bare(wrong)
    with pytest.raises(UserError) as ordinary:
        open_database(wrong)
    assert err.value.message == ordinary.value.message
