"""Make (once) a benchmark database: a busy provincial centre's ten years.

    python benchmarks/make_database.py [--dossiers 1000000] [--db benchmarks/data/1m.sqlite3]

About 100,000 dossiers a year; the default million spreads over ten years.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desk.config import database_url
from desk.services.demo import create_demo
from desk.services.dossiers import count_dossiers
from desk.storage.database import open_database

DEFAULT_DB = Path(__file__).resolve().parent / "data" / "1m.sqlite3"


def ensure_database(path: Path, dossiers: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(database_url(path))
    have = count_dossiers(db)
    if have < dossiers:
        started = time.perf_counter()
        months = max(1, round(dossiers / 100_000 * 12))
        create_demo(db, dossiers - have, months=months, seed=have + 1)
        print(
            f"made {dossiers - have} dossiers over {months} months "
            f"in {time.perf_counter() - started:.0f} s"
        )
    db.dispose()
    return path


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = ap.parse_args()
    ensure_database(args.db, args.dossiers)
    print(f"{args.db}: {args.db.stat().st_size / 2**20:.0f} MiB")
