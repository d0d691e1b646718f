"""Restores attempted while a desk records intakes: refused, or waited for; no code twice.

A real desk stand-in (``intake_loop.py``, a separate process that opens the
database as the window does) records intakes without pause. Meanwhile:

1. ``attempts`` restores of a backup taken before the loop started: each must
   be refused, naming this PC, and the desk keeps saving between them;
2. one restore with a wait: it must wait, and run once the desk has closed;
3. intakes after the restore: none may get a code the desk already printed
   (the issue's reproduction: 840 codes printed, 369 of them twice);
4. the dossiers the restore left in the kept file are listed, and brought back.

``benchmarks/restore_load.py`` runs it longer and prints the figures of
docs/reliability.md; ``tests/reliability/test_restore_under_load.py`` runs it short.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kill_harness import _CLOCK, PASSWORD, PROCEDURE, _draft, prepare

from desk.services import accounts, backup, catalog, missing_dossiers, restore
from desk.services.intake import record_intake
from desk.storage.database import open_database
from desk.storage.engine import host_name

HERE = Path(__file__).resolve().parent
#: A bound on a stuck worker, never a speed requirement.
STUCK_S = 120.0


@dataclass
class RestoreFigures:
    attempts: int = 0  # restores tried while the desk was recording intakes
    refused: int = 0  # ...refused with this PC named
    waited: int = 0  # restores that waited for the desk to close, then ran
    printed: int = 0  # codes the running desk printed
    after: int = 0  # codes handed out after the restore
    checked: int = 0  # every code handed out, compared
    duplicates: int = 0  # codes handed out twice
    listed: int = 0  # dossiers only the kept file held, listed by the restore
    brought_back: int = 0
    problems: list[str] = field(default_factory=list)


class IntakeLoop:
    """The running desk: a process printing one dossier code per committed intake."""

    def __init__(self, url: str, folder: Path, round_no: int) -> None:
        self.stop_file = folder / f"stop-{round_no}"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "intake_loop.py"), url, str(self.stop_file), str(round_no)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=HERE,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())

    @property
    def codes(self) -> list[str]:
        return [line for line in self.lines if line not in ("READY", "CLOSED")]

    def wait_for(self, codes: int) -> None:
        """Until the desk has printed ``codes`` codes (it is working), or it is stuck."""
        deadline = time.monotonic() + STUCK_S
        while len(self.codes) < codes and time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the intake loop ended: {self.lines[-3:]}")
            time.sleep(0.01)

    def close(self) -> None:
        self.stop_file.touch()
        self.process.wait(timeout=STUCK_S)
        self._reader.join(timeout=STUCK_S)


def run_restores(folder: Path, attempts: int = 3, after: int = 20) -> RestoreFigures:
    """The scenario of the module doc on a new office in ``folder``."""
    url = prepare(folder)
    db = open_database(url, create=False)
    figures = RestoreFigures()
    try:
        admin = accounts.log_in(db, "admin", PASSWORD)
        copy = backup.backup_now(db, folder / "backups", _CLOCK)
        first = _codes_in(db)
        loop = IntakeLoop(url, folder, 1)
        try:
            _attempt_under_load(url, copy, admin, loop, attempts, figures)
            result = _restore_waiting(url, copy, admin, loop, figures)
        finally:
            if loop.process.poll() is None:
                loop.close()
        printed = loop.codes
        figures.printed = len(printed)
        if result is None:
            return figures
        kept_codes = set(missing_dossiers_codes(result.kept))
        if lost := set(printed) - kept_codes:
            figures.problems.append(f"printed but not in the kept file: {sorted(lost)[:5]}")
        procedure = catalog.get_procedure(db, PROCEDURE)
        later = [
            record_intake(db, _draft(procedure, 2, i), admin, _CLOCK).code for i in range(after)
        ]
        figures.after = len(later)
        handed = first + printed + later
        figures.checked = len(handed)
        figures.duplicates = sum(n - 1 for n in Counter(handed).values() if n > 1)
        if figures.duplicates:
            twice = [c for c, n in Counter(handed).items() if n > 1]
            figures.problems.append(f"codes handed out twice: {twice[:5]}")
        figures.listed = len(result.missing)
        done = missing_dossiers.bring_back(db, admin, result.kept, None, _CLOCK)
        figures.brought_back = len(done.codes)
        if set(handed) - set(_codes_in(db)):
            figures.problems.append("a code handed out is not in the database after bringing back")
    finally:
        db.dispose()
    return figures


def _attempt_under_load(url, copy, admin, loop, attempts, figures) -> None:  # noqa: ANN001
    loop.wait_for(3)
    for _ in range(attempts):
        figures.attempts += 1
        try:
            restore.restore(url, copy, admin, _CLOCK)
        except restore.ProgramsConnected as exc:
            if host_name() in exc.message:
                figures.refused += 1
            else:
                figures.problems.append(f"refused without naming this PC: {exc.message}")
        else:
            figures.problems.append("a restore ran under a running desk")
        loop.wait_for(len(loop.codes) + 1)  # the desk kept working


def _restore_waiting(url, copy, admin, loop, figures):  # noqa: ANN001, ANN202
    told: list[list] = []
    results: list = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(
                restore.restore(url, copy, admin, _CLOCK, wait_s=STUCK_S, on_wait=told.append)
            )
        except BaseException as exc:  # noqa: BLE001 (reported as a problem)
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + STUCK_S
    while not told and not errors and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not told:
        figures.problems.append(f"the restore did not wait for the desk: {errors or results}")
    loop.close()
    worker.join(timeout=STUCK_S)
    if errors or not results:
        figures.problems.append(f"the waiting restore did not run: {errors}")
        return None
    figures.waited += 1
    return results[0]


def _codes_in(db) -> list[str]:  # noqa: ANN001
    from sqlalchemy import select

    from desk.storage.tables import DossierRow

    with db.read() as s:
        return list(s.scalars(select(DossierRow.code).order_by(DossierRow.id)))


def missing_dossiers_codes(kept: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"{kept.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT code FROM dossiers")]
    finally:
        conn.close()
