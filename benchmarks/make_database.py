"""Make (once) a benchmark database: a busy provincial centre's ten years.

    python benchmarks/make_database.py [--dossiers 1000000] [--db benchmarks/data/1m.sqlite3]
    python benchmarks/make_database.py --dossiers 1000000 --db-url postgresql+psycopg://.../desk_1m

About 100,000 dossiers a year; the default million spreads over ten years. A
database that already holds enough dossiers is left as it is (and upgraded to
the newest schema by opening it), so the benchmarks reuse it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desk.config import database_url
from desk.services.demo import create_demo
from desk.services.dossiers import count_dossiers
from desk.storage.database import open_database
from desk.storage.engine import server_name

DEFAULT_DB = Path(__file__).resolve().parent / "data" / "1m.sqlite3"


def ensure_database(path: Path, dossiers: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_url(database_url(path), dossiers)
    return path


def ensure_url(url: str, dossiers: int) -> str:
    """The database at ``url`` with at least ``dossiers`` dossiers (made if it has fewer)."""
    db = open_database(url)
    have = count_dossiers(db)
    if have < dossiers:
        started = time.perf_counter()
        months = max(1, round(dossiers / 100_000 * 12))
        create_demo(db, dossiers - have, months=months, seed=have + 1)
        print(
            f"made {dossiers - have} dossiers over {months} months in "
            f"{server_name(url)} in {time.perf_counter() - started:.0f} s"
        )
    db.dispose()
    return url


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--db-url", help="a database server instead of a file (it must exist)")
    args = ap.parse_args()
    if args.db_url:
        ensure_url(args.db_url, args.dossiers)
    else:
        ensure_database(args.db, args.dossiers)
        print(f"{args.db}: {args.db.stat().st_size / 2**20:.0f} MiB")
