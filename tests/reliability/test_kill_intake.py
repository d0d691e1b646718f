"""SIGKILL at random moments while intakes are recorded: nothing committed is lost.

The short version of ``benchmarks/kill_test.py`` (which runs 200+ kills).
"""

from __future__ import annotations

import pytest
from kill_harness import run_kills

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sqlite_only(reason="kills a process writing a SQLite file"),
]

KILLS = 30


def test_thirty_kills_lose_nothing_and_leave_no_half_dossier(tmp_path):
    figures = run_kills(tmp_path, KILLS, seed=20260310)
    assert figures.problems == []
    assert figures.kills == KILLS
    assert figures.integrity_failures == 0 and figures.lost == 0 and figures.half_written == 0
    # every kill landed inside the intake loop, however slow the machine: the harness
    # waits for the worker's loop to start (and, every other round, for a first
    # receipt) before its random delay, instead of hoping the delay is long enough
    assert figures.in_loop == KILLS
    assert figures.announced >= KILLS // 2 and figures.receipts >= KILLS // 2
    assert figures.dossiers >= figures.announced
