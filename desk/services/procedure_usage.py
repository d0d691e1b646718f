"""How often this office receives each procedure: the last ranking rule of the
procedure search (``desk.domain.procedure_search``).

One grouped count over the dossiers received in the last year, on the
``received_at`` index; the intake window reads it once and keeps it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from desk.storage.database import Database
from desk.storage.tables import DossierRow

#: How far back the counts look: a year holds each season's procedures once.
USAGE_DAYS = 365


def usage_counts(db: Database, now: datetime, days: int = USAGE_DAYS) -> dict[str, int]:
    """Procedure code -> dossiers received for it in the ``days`` before ``now``."""
    stmt = (
        select(DossierRow.procedure_code, func.count())
        .where(DossierRow.received_at >= now - timedelta(days=days))
        .group_by(DossierRow.procedure_code)
    )
    with db.read() as s:
        return {code: int(count) for code, count in s.execute(stmt)}
