"""Two counters (two processes) saving on the same file at the same moment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desk.services import dossiers

WORKER = Path(__file__).with_name("intake_worker.py")


def test_two_processes_saving_at_once_get_unique_codes_and_lose_nothing(db, db_url):
    n = 25
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), db_url, str(n), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("Quầy 1", "Quầy 2")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, outputs):
        assert p.returncode == 0, err
    printed = [line for out, _ in outputs for line in out.split()]
    assert len(printed) == 2 * n
    assert len(set(printed)) == 2 * n  # nobody got a code twice
    saved = dossiers.list_dossiers(db)
    assert sorted(d.code for d in saved) == sorted(printed)
    sequences = sorted(int(code.rsplit("-", 1)[1]) for code in printed)
    assert sequences == list(range(1, 2 * n + 1))  # no gap, no duplicate
    names = {d.applicant.name for d in saved}
    assert {f"Quầy 1 {i}" for i in range(n)} | {f"Quầy 2 {i}" for i in range(n)} == names
