"""The long kill test: 200+ SIGKILLs while recording intakes, and kills during migrations.

    python benchmarks/kill_test.py [--kills 200] [--migration-kills 50] [--seed 1]

Prints the figures reported in docs/reliability.md; exits 1 if anything was
lost, half-written, or failed the integrity check.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from kill_harness import run_kills  # noqa: E402
from migration_harness import run_migration_kills  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--migration-kills", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-kill-") as tmp:
        start = time.monotonic()
        f = run_kills(Path(tmp) / "intake", args.kills, seed=args.seed)
        took = time.monotonic() - start
        print(f"intake kills: {f.kills} in {took:.0f} s ({f.in_loop} inside the intake loop)")
        print(f"  dossiers committed and announced: {f.announced}")
        print(f"  receipts sent to the printer:     {f.receipts}")
        print(f"  dossiers in the database:         {f.dossiers}")
        print(
            f"  lost: {f.lost}  half-written: {f.half_written}  "
            f"integrity failures: {f.integrity_failures}"
        )
        m = run_migration_kills(Path(tmp) / "migration", args.migration_kills, seed=args.seed)
        print(
            f"migration kills: {m.kills} (left at the old revision {m.left_old}, "
            f"at the head {m.left_new}); problems: {len(m.problems)}"
        )
    for problem in f.problems + m.problems:
        print(f"PROBLEM: {problem}")
    return 1 if f.problems or m.problems else 0


if __name__ == "__main__":
    sys.exit(main())
