"""Change counters: another PC's change is seen by the next read, on both engines."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from desk.services import changes
from desk.storage.database import Database, open_database

WAIT_S = 30  # only ever reached when a test fails


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
    assert changes.version(empty_db, changes.DOSSIERS) == 1
    assert changes.version(empty_db, changes.QUEUE) == 2
    assert changes.version(empty_db, "other") == 0


def test_a_window_polling_the_counter_sees_another_pcs_change_after_its_commit(empty_db, other_pc):
    """What every window does on its timer: read the version, reload when it moved."""
    before = changes.version(empty_db, changes.QUEUE)
    with other_pc.write() as s:
        changes.bump(s, changes.QUEUE)
        assert changes.version(empty_db, changes.QUEUE) == before  # not committed yet
    assert changes.version(empty_db, changes.QUEUE) == before + 1
    assert changes.version(empty_db, changes.DOSSIERS) == 0


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
