"""The worklist's page query ends early on the ``(status, due_at)`` index, on both engines,
and returns the rows the plain query (join, sort, limit) returns.

No timing here: the plan is what makes a page cost the same on a million dossiers
as on a thousand (``benchmarks/bench_engine.py`` measures it).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from desk.domain.clock import VN_TZ
from desk.domain.dossier import DossierStatus
from desk.domain.urgency import Band
from desk.services import worklist
from desk.services.demo import create_demo
from desk.services.worklist import View, WorklistFilter
from desk.storage.tables import DossierRow, UserRow

TODAY = date(2026, 3, 13)
NOW = datetime(2026, 3, 13, 16, 0, tzinfo=VN_TZ)
INDEX = "ix_dossiers_status_due"

FILTERS = [
    WorklistFilter(view=View.URGENT),
    WorklistFilter(view=View.ALL_OPEN),
    WorklistFilter(view=View.WAITING),
    WorklistFilter(view=View.READY),
    WorklistFilter(view=View.URGENT, band=Band.SOON),
    WorklistFilter(view=View.ALL_OPEN, assignee="canbo1"),
    WorklistFilter(view=View.ALL_OPEN, field="Hộ tịch", search="nguyen"),
    WorklistFilter(view=View.URGENT, status=DossierStatus.IN_PROGRESS),
]


@pytest.fixture
def office(empty_db):
    create_demo(empty_db, 1500, today=TODAY, seed=5)
    return empty_db


def _plan(db, sql: str, params) -> str:  # noqa: ANN001
    """The engine's plan of ``sql`` as one text."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.engine.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("ANALYZE dossiers")
        cursor.execute("SET enable_seqscan = off")  # a test table is small: force the choice
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())
    finally:
        raw.rollback()
        raw.close()


def _queries(db, flt: WorklistFilter) -> list[tuple[str, object]]:  # noqa: ANN001
    """The first page's query, and the next page's."""
    first = worklist.fetch_page(db, flt, NOW, size=20)
    queries = [worklist.page_query(db, flt, NOW, size=20)]
    if first:
        after = (first[-1].due_at, first[-1].id)
        queries.append(worklist.page_query(db, flt, NOW, after=after, size=20))
    return queries


def test_the_page_query_reads_the_status_index_and_never_sorts_the_table(office):
    for flt in FILTERS:
        for sql, params in _queries(office, flt):
            _check_plan(office, flt, _plan(office, sql, params))


def _check_plan(office, flt: WorklistFilter, plan: str) -> None:  # noqa: ANN001
    """The index is read; SQLite merges the branches without a sort; PostgreSQL merges
    the branches' first rows (each an index walk cut by a limit) and sorts nothing above
    the merge (how a branch orders its few ties on a small test table is its own choice)."""
    assert INDEX in plan, (flt, plan)
    if office.engine.dialect.name == "sqlite":
        assert "TEMP B-TREE" not in plan, (flt, plan)
        assert "SCAN dossiers" not in plan, (flt, plan)
    else:
        assert "Index Scan" in plan and "Seq Scan on dossiers" not in plan, (flt, plan)
        if plan.count(INDEX) > 1:
            above, merge, _below = plan.partition("Merge Append")
            assert merge and "Sort" not in above, (flt, plan)


def _plain(db, flt: WorklistFilter, size: int) -> list[tuple]:  # noqa: ANN001
    """The obvious query: every open dossier joined to its assignee, sorted, then cut."""
    statuses = sorted(s.value for s in worklist.statuses_of(flt.view))
    assignee = aliased(UserRow)
    stmt = (
        select(DossierRow.id, DossierRow.code, func.coalesce(assignee.full_name, ""))
        .outerjoin(assignee, assignee.id == DossierRow.assignee_id)
        .where(DossierRow.status.in_(statuses))
        .order_by(DossierRow.due_at, DossierRow.id)
        .limit(size)
    )
    with db.read() as s:
        return [tuple(r) for r in s.execute(stmt)]


def test_the_page_has_the_rows_of_the_plain_query(office):
    for view in (View.URGENT, View.ALL_OPEN, View.WAITING, View.READY):
        _same_rows(office, WorklistFilter(view=view), 150)


def _same_rows(office, flt: WorklistFilter, size: int) -> None:  # noqa: ANN001
    got = worklist.fetch_page(office, flt, NOW, size=size)
    assert got, "the demo office has dossiers in every open view"
    assert [(i.id, i.code, i.assignee) for i in got] == _plain(office, flt, size)
    # the next page starts where the plain query's longer list goes on
    after = (got[-1].due_at, got[-1].id)
    more = worklist.fetch_page(office, flt, NOW, after=after, size=size)
    assert [(i.id, i.code, i.assignee) for i in got + more] == _plain(office, flt, 2 * size)[
        : len(got) + len(more)
    ]


def test_the_bands_are_the_calendar_s(office):
    """Each row's band, read from its stored due time against the day's edges, is the
    one ``band_for`` computes through the calendar."""
    from desk.domain.urgency import band_for
    from desk.services import calendar

    cal = calendar.working_calendar(office)
    items = worklist.fetch_page(office, WorklistFilter(view=View.URGENT), NOW, size=2000)
    assert {i.band for i in items} >= {Band.OVERDUE, Band.WITHIN}
    assert all(i.band is band_for(i.due_at, NOW, cal) for i in items)
