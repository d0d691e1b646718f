"""A power cut during an upgrade (SIGKILL mid-migration) leaves the old database or the new one."""

from __future__ import annotations

import pytest
from migration_harness import run_migration_kills

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sqlite_only(reason="kills a process migrating a SQLite file"),
]


def test_killed_migrations_are_atomic_and_the_next_start_finishes(tmp_path):
    figures = run_migration_kills(tmp_path, 12, seed=7)
    assert figures.problems == []
    assert figures.kills == 12
    assert figures.left_old + figures.left_new == 12
    assert figures.left_old > 0  # some kills really landed mid-upgrade
