"""Change counters and the Watcher: another PC's change is seen, on both engines."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from desk.services import changes
from desk.storage.database import Database, open_database

WAIT_S = 30  # only ever reached when a test fails


def seen(watcher: changes.Watcher, wanted: set[str]) -> set[str]:
    got: set[str] = set()
    deadline = time.monotonic() + WAIT_S
    while not wanted <= got and time.monotonic() < deadline:
        got |= watcher.changed()
        time.sleep(0.005)
    return got


def wait_for_a_lock_waiter(db: Database) -> None:
    """Until another connection of this database waits for a row lock (PostgreSQL)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        with db.read() as s:
            waiting = s.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
        if waiting:
            return
        time.sleep(0.01)
    raise AssertionError("nobody ever waited for the lock")


@pytest.fixture
def other_pc(empty_db: Database):
    """A second connection pool on the same database, as another counter's PC has."""
    other = open_database(empty_db.url)
    yield other
    other.dispose()


def test_bump_counts_up_per_topic(empty_db: Database):
    with empty_db.write() as s:
        assert changes.bump(s, changes.QUEUE) == 1
        assert changes.bump(s, changes.QUEUE) == 2
    with empty_db.write() as s:
        assert changes.bump(s, changes.DOSSIERS) == 1
    assert changes.versions(empty_db, [*changes.TOPICS, "other"]) == {
        changes.DOSSIERS: 1,
        changes.QUEUE: 2,
        "other": 0,
    }


def test_a_watcher_sees_another_pcs_change_once(empty_db, other_pc, engine_name):
    watcher = changes.Watcher(empty_db, recheck_s=3600)
    try:
        if engine_name == "postgresql":
            assert watcher.wait_listening(WAIT_S)
            seen(watcher, set(changes.TOPICS))  # a new listener reports everything once
        assert watcher.changed() == set()
        with other_pc.write() as s:
            changes.bump(s, changes.QUEUE)
        # On PostgreSQL with an hour between re-reads, only the NOTIFY can tell it.
        assert seen(watcher, {changes.QUEUE}) == {changes.QUEUE}
        assert watcher.changed() == set()
        assert watcher.listening is (engine_name == "postgresql")
    finally:
        watcher.close()


@pytest.mark.postgresql_only(reason="falls back from LISTEN/NOTIFY to reading the counters")
def test_a_watcher_whose_listener_is_down_reads_the_counters_instead(empty_db, other_pc):
    watcher = changes.Watcher(empty_db, recheck_s=3600)
    try:
        assert watcher.wait_listening(WAIT_S)
        with other_pc.write() as s:
            s.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
                )
            )
        deadline = time.monotonic() + WAIT_S
        while watcher.listening and time.monotonic() < deadline:
            watcher.changed()
        with other_pc.write() as s:
            changes.bump(s, changes.DOSSIERS)
        assert changes.DOSSIERS in seen(watcher, {changes.DOSSIERS})
    finally:
        watcher.close()


@pytest.mark.postgresql_only(reason="on SQLite BEGIN IMMEDIATE serialises the two first bumps")
def test_two_pcs_bumping_a_topic_for_the_first_time_at_once_both_succeed(empty_db, other_pc):
    """The second one's INSERT meets the first's; its savepoint turns it into the UPDATE."""
    first_holds = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        with empty_db.write() as s:
            changes.bump(s, changes.QUEUE)
            first_holds.set()
            release.wait(WAIT_S)

    def second() -> None:
        first_holds.wait(WAIT_S)
        try:
            with other_pc.write() as s:
                changes.bump(s, changes.QUEUE)
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    first_holds.wait(WAIT_S)
    wait_for_a_lock_waiter(empty_db)  # the second waits on the first's new row
    release.set()
    for t in threads:
        t.join()
    assert errors == []
    assert changes.version(empty_db, changes.QUEUE) == 2
