"""Restores attempted while a desk records intakes, and the codes handed out around them.

    python benchmarks/restore_load.py [--rounds 5] [--attempts 10] [--after 50]

Each round sets up a new office, starts a desk stand-in that records intakes
without pause, tries ``--attempts`` restores (each must be refused naming the
PC), then one restore that waits for the desk to close, then ``--after``
intakes; every code handed out is compared. Prints the figures reported in
docs/reliability.md; exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from restore_harness import RestoreFigures, run_restores  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--attempts", type=int, default=10)
    p.add_argument("--after", type=int, default=50)
    args = p.parse_args()
    total = RestoreFigures()
    start = time.monotonic()
    for n in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="desk-restore-") as tmp:
            f = run_restores(Path(tmp), args.attempts, args.after)
        for name in ("attempts", "refused", "waited", "printed", "after", "checked"):
            setattr(total, name, getattr(total, name) + getattr(f, name))
        for name in ("duplicates", "listed", "brought_back"):
            setattr(total, name, getattr(total, name) + getattr(f, name))
        total.problems += [f"round {n + 1}: {problem}" for problem in f.problems]
    took = time.monotonic() - start
    print(f"rounds: {args.rounds} in {took:.0f} s")
    print(f"  restores attempted while the desk recorded intakes: {total.attempts}")
    print(f"  refused, naming the PC:                            {total.refused}")
    print(f"  restores that waited for the desk to close, then ran: {total.waited}")
    print(f"  codes printed by the running desk:                 {total.printed}")
    print(f"  codes handed out after the restores:               {total.after}")
    print(f"  codes checked: {total.checked}  handed out twice: {total.duplicates}")
    print(f"  dossiers only in the kept file: {total.listed}, brought back: {total.brought_back}")
    for problem in total.problems:
        print(f"PROBLEM: {problem}")
    return 1 if total.problems else 0


if __name__ == "__main__":
    sys.exit(main())
