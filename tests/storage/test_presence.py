"""Programs make themselves known while they have the database open; a restore reads who."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest

from desk.domain.clock import FixedClock, SystemClock
from desk.storage import presence
from desk.storage.database import open_database
from desk.storage.engine import application_name, ascii_host_name, host_name, sqlite_path

_PROGRAM = """
import sys
from desk.storage.database import open_database
db = open_database(sys.argv[1], create=False, program=sys.argv[2])
with db.read() as s:
    pass
print("READY", flush=True)
sys.stdin.read()
db.dispose()
print("CLOSED", flush=True)
"""


def _start(url: str, program: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", _PROGRAM, url, program],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "READY"
    return process


def test_a_program_on_another_process_is_seen_until_it_closes(db_url):
    open_database(db_url).dispose()
    display = _start(db_url, "display")
    try:
        [seen] = presence.programs_on(db_url)
        host = host_name() if db_url.startswith("sqlite") else ascii_host_name()
        assert (seen.host, seen.program, seen.pid) == (host, "display", display.pid)
    finally:
        out, _ = display.communicate("", timeout=30)
    assert out.strip() == "CLOSED"
    assert presence.programs_on(db_url) == []


def test_this_process_and_command_line_runs_are_not_counted(db_url):
    mine = open_database(db_url, program="desk")
    tool = open_database(db_url)
    try:
        with tool.read() as s:
            s.connection()
        assert presence.programs_on(db_url) == []
    finally:
        tool.dispose()
        mine.dispose()


@pytest.mark.sqlite_only(reason="the heartbeat row is the SQLite side of presence")
def test_the_row_is_renewed_written_again_after_a_restore_and_removed_at_close(db_url):
    db = open_database(db_url, program="kiosk")
    path = sqlite_path(db_url)
    try:
        row = db.presence.row_id
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT host, program, pid FROM presence").fetchall() == [
            (host_name(), "kiosk", os.getpid())
        ]
        conn.execute("DELETE FROM presence")  # what a restore does to the file under us
        conn.commit()
        db.presence.beat()
        assert conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 1
        assert db.presence.row_id is not None and row is not None
        conn.close()
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 0
    conn.close()


@pytest.mark.sqlite_only(reason="the heartbeat row is the SQLite side of presence")
def test_a_heartbeat_older_than_two_minutes_no_longer_counts(db_url):
    open_database(db_url).dispose()
    other = _start(db_url, "desk")
    try:
        now = SystemClock().now()
        assert len(presence.programs_on(db_url, FixedClock(now + timedelta(seconds=100)))) == 1
        assert presence.programs_on(db_url, FixedClock(now + timedelta(minutes=3))) == []
    finally:
        other.communicate("", timeout=30)


def test_the_application_name_names_the_program_the_pc_and_the_process():
    name = application_name("kiosk")
    assert name.startswith("desk kiosk ") and name.endswith(f" {os.getpid()}")
    assert name.isascii() and len(name.encode()) <= 63


def test_the_os_says_whether_a_process_of_this_pc_lives():
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert presence.process_alive(os.getpid())
    assert not presence.process_alive(ended.pid)
    assert not presence.process_alive(0)
