"""Write the statement book: the statements ``desk dossiers`` and the window's first
screen run on the bare driver, compiled by SQLAlchemy for SQLite and PostgreSQL
(``desk.storage.statement_book``).

    python tools/statement_book.py          # write desk/resources/statement_book.json
    python tools/statement_book.py check    # exit 1 when the file is not current

Run it after changing a statement it holds, the tables, or a migration;
``tests/storage/test_statement_book.py`` fails until then.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "desk" / "resources" / "statement_book.json"


def dialects() -> dict[str, Any]:
    from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
    from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

    return {"sqlite": SQLiteDialect_pysqlite(), "postgresql": PGDialect_psycopg()}


def listing_filters() -> list:
    """Every worklist filter ``desk dossiers`` asks the bare driver for: each band and
    each open status, for a supervisor (everyone's) and for a clerk (their own)."""
    from desk.cli.dossiers import worklist_filter
    from desk.domain.dossier import CLOSED_STATUSES, DossierStatus
    from desk.domain.urgency import Band

    filters = []
    bands = [None, *(b.value for b in Band)]
    statuses = [None, *(s.value for s in DossierStatus if s not in CLOSED_STATUSES)]
    for band, status, own in itertools.product(bands, statuses, ("", "canbo")):
        args = argparse.Namespace(pending=True, band=band, status=status, search="")
        filters.append(worklist_filter(args, own))
    return filters


def window_filters() -> list:
    """The lists the window opens on (``desk.services.first_screen``): a supervisor's
    and a clerk's."""
    from desk.domain.office import Clerk
    from desk.domain.roles import Role
    from desk.services.first_screen import window_filter

    return [window_filter(Clerk(0, "canbo", "", role)) for role in (Role.SUPERVISOR, Role.CLERK)]


def statements() -> dict[str, Any]:
    from desk.domain.scope import Scope
    from desk.services import (
        accounts,
        calendar,
        decision_times,
        first_screen,
        office,
        quick_list,
        risk,
        worklist,
    )

    found: dict[str, Any] = {
        quick_list.ACCOUNT: accounts.ACCOUNT,
        quick_list.CALENDAR_STAMP: calendar.STAMP,
        quick_list.SPECIAL_DAYS: calendar.SPECIAL_DAYS,
        first_screen.SETUP: office.SETUP,
        first_screen.OFFICE_NAMES: office.OFFICE_NAMES,
        first_screen.DECISION_WINDOW: decision_times.WINDOW,
        first_screen.DECISION_MEDIANS: decision_times.MEDIANS,
        first_screen.running_key(Scope.office()): risk.running_statement(Scope.office()),
        first_screen.running_key(Scope(1, "canbo")): risk.running_statement(Scope(1, "canbo")),
    }
    for flt in [*listing_filters(), *window_filters()]:
        for after in (False, True):
            found.setdefault(quick_list.page_key(flt, after), worklist.page_statement(flt, after))
    return found


def build() -> dict[str, Any]:
    """The book as JSON data: the head migration and every statement for each engine."""
    from desk.storage.migrate import head_revision

    engines = dialects()
    book: dict[str, Any] = {"head": head_revision(), "statements": {}}
    for key, statement in sorted(statements().items()):
        book["statements"][key] = {}
        for name, dialect in engines.items():
            if statement.engines is not None and name not in statement.engines:
                continue  # the bare reader then says it cannot (BareUnavailable)
            sql, order, fixed = statement.compiled(dialect)
            book["statements"][key][name] = {
                "sql": sql,
                "order": None if order is None else list(order),
                "fixed": fixed,
            }
    return book


def text() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    if argv[:1] == ["check"]:
        current = BOOK.exists() and BOOK.read_text(encoding="utf-8") == text()
        print("statement book is current" if current else f"{BOOK} is stale: run {__file__}")
        return 0 if current else 1
    BOOK.write_text(text(), encoding="utf-8")
    print(f"wrote {BOOK}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
