"""How often this office receives each procedure: the last ranking rule of the
procedure search (``desk.domain.procedure_search``).

One grouped count over the dossiers received in the last year, read from the
``(received_at, procedure_code)`` index alone (``tests/services/
test_procedure_usage.py`` reads the plan); the intake window reads it once and
keeps it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select

from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import DossierRow

#: How far back the counts look: a year holds each season's procedures once.
USAGE_DAYS = 365


def _usage_statement(_dialect: str):  # noqa: ANN202
    return (
        select(DossierRow.procedure_code, func.count())
        .where(DossierRow.received_at >= bindparam("since"))
        .group_by(DossierRow.procedure_code)
    )


#: Procedure code and dossiers received since ``since`` (as stored).
USAGE = rows.Statement(_usage_statement)


def usage_counts(db: Database, now: datetime, days: int = USAGE_DAYS) -> dict[str, int]:
    """Procedure code -> dossiers received for it in the ``days`` before ``now``."""
    with rows.reading(db) as reader:
        found = reader.rows(USAGE, {"since": reader.moment(now - timedelta(days=days))})
    return {code: int(count) for code, count in found}
