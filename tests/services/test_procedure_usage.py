"""This office's use of each procedure over the last year, in one grouped count."""

from __future__ import annotations

from datetime import datetime

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog, intake
from desk.services.procedure_usage import usage_counts
from desk.storage import rows


def receive(db, clerk, code: str, at: datetime) -> None:
    procedure = catalog.get_procedure(db, code)
    draft = IntakeDraft(
        procedure_code=code,
        applicant=Applicant(name="Trần Văn Hùng", id_number="079090001234"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    intake.record_intake(db, draft, clerk, FixedClock(at))


def test_counts_the_dossiers_of_the_last_year_by_procedure(db, clerk):
    now = datetime(2026, 3, 10, 9, 15)
    receive(db, clerk, "1.001193", datetime(2026, 3, 9, 8, 0))
    receive(db, clerk, "1.001193", datetime(2025, 6, 2, 8, 0))
    receive(db, clerk, "1.000894", datetime(2025, 12, 1, 8, 0))
    receive(db, clerk, "1.000894", datetime(2025, 3, 2, 8, 0))  # over a year ago
    assert usage_counts(db, FixedClock(now).now()) == {"1.001193": 2, "1.000894": 1}
    assert usage_counts(db, FixedClock(now).now(), days=30) == {"1.001193": 1}


def test_the_counts_are_read_from_the_index_alone(db, clock):
    """No dossier row is read: on a million dossiers the year's count stays an index
    scan (``benchmarks/bench_engine.py`` times the window that reads it)."""
    from desk.services.procedure_usage import USAGE

    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        dialect = db.engine.dialect
        since = rows.stored_moment(dialect, clock.now())
        sql, params = USAGE.sql(dialect), USAGE.params(dialect, {"since": since})
        if dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "COVERING INDEX ix_dossiers_received_procedure" in plan, plan
        else:
            cursor.execute("ANALYZE dossiers")
            cursor.execute("SET enable_seqscan = off")  # a test table is small: force the choice
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Index Only Scan using ix_dossiers_received_procedure" in plan, plan
    finally:
        raw.rollback()
        raw.close()
