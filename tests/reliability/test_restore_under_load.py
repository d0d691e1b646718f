"""A restore while a desk records intakes: refused naming the PC, or waited for; no code twice.

The short version of ``benchmarks/restore_load.py``. Before issue 15 the first
attempt replaced the file under the running desk and the intakes after it took
codes the desk had already printed.
"""

from __future__ import annotations

import pytest
from restore_harness import run_restores

pytestmark = pytest.mark.sqlite_only(reason="a restore replaces a SQLite file")


def test_restores_under_a_running_desk_are_refused_or_wait_and_no_code_is_reissued(tmp_path):
    figures = run_restores(tmp_path, attempts=3, after=20)
    assert figures.problems == []
    assert figures.attempts == figures.refused == 3
    assert figures.waited == 1
    assert figures.printed >= 3 + 3  # the desk kept saving between the refused attempts
    assert figures.duplicates == 0
    assert figures.checked == 1 + figures.printed + 20
    # what the desk saved after the backup is listed, then brought back whole
    assert figures.listed == figures.printed == figures.brought_back
