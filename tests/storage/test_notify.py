"""LISTEN/NOTIFY: another PC's committed change is heard at once, a rolled-back one never."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.services import changes
from desk.storage.database import Database
from desk.storage.notify import Listener, channel, libpq_conninfo

pytestmark = pytest.mark.postgresql_only(reason="LISTEN/NOTIFY is PostgreSQL's")

WAIT_S = 30  # only ever reached when the test fails


def heard(listener: Listener, wanted: set[str]) -> set[str]:
    """Poll until ``wanted`` was heard (notifications cross a socket: not instantaneous)."""
    got: set[str] = set()
    deadline = time.monotonic() + WAIT_S
    while not wanted <= got and time.monotonic() < deadline:
        got |= listener.poll()
        time.sleep(0.005)
    return got


@pytest.fixture
def listener(empty_db: Database):
    with Listener(empty_db.url, [changes.QUEUE], reconnect_every_s=0.05) as it:
        assert it.wait_connected(WAIT_S)
        heard(it, {changes.QUEUE})  # the first connection reports everything once
        yield it


def test_a_committed_change_is_heard_once_and_other_topics_are_not(empty_db, listener):
    with empty_db.write() as s:
        changes.bump(s, changes.QUEUE)
        changes.bump(s, changes.DOSSIERS)  # not listened to
    assert heard(listener, {changes.QUEUE}) == {changes.QUEUE}
    assert listener.poll() == set()


def test_a_rolled_back_change_is_never_heard(empty_db, listener):
    with pytest.raises(RuntimeError):
        with empty_db.write() as s:
            changes.bump(s, changes.QUEUE)
            raise RuntimeError("the save failed half-way")
    with empty_db.write() as s:  # a marker that comes after it
        changes.bump(s, changes.DOSSIERS)
        changes.bump(s, changes.QUEUE)
    assert heard(listener, {changes.QUEUE}) == {changes.QUEUE}
    assert changes.version(empty_db, changes.QUEUE) == 1


def test_a_lost_connection_is_noticed_and_the_listener_comes_back_reporting_everything(
    empty_db, listener
):
    with empty_db.write() as s:  # as a server restart would
        s.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            )
        )
    deadline = time.monotonic() + WAIT_S
    while listener.connected and time.monotonic() < deadline:
        listener.poll()
    assert not listener.connected
    assert listener.wait_connected(WAIT_S)
    # Changes made while nobody listened are not lost: every topic is reported.
    assert heard(listener, {changes.QUEUE}) == {changes.QUEUE}


def test_a_server_that_is_away_never_blocks_the_screen_that_polls(db_url):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = make_url(db_url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    with Listener(url, [changes.QUEUE]) as away:
        assert not away.wait_connected(0.5)
        assert away.poll() == set()
        assert not away.connected


def test_the_sqlalchemy_url_becomes_a_libpq_one_and_channels_are_named_per_topic():
    assert (
        libpq_conninfo("postgresql+psycopg://desk:pw@db.local:5433/desk?sslmode=require")
        == "postgresql://desk:pw@db.local:5433/desk?sslmode=require"
    )
    with pytest.raises(ValueError):
        libpq_conninfo("sqlite:///desk.sqlite3")
    assert channel(changes.QUEUE) == "desk_queue"
