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
    # the kills landed inside the loop: dossiers were saved and receipts sent
    assert figures.announced > KILLS and figures.receipts > 0
    assert figures.dossiers >= figures.announced
