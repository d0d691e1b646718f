"""The worklist: open dossiers, most urgent first, with filters, bands and search.

Built for a million dossiers, at the speed of the database engine itself:

- A page is read by key (``due_at, id`` after the last row shown), never by
  offset, and stops after its rows on the ``(status, due_at)`` index: one
  branch per status, each already in due order on the index, merged by the
  engine (``UNION ALL`` ... ``ORDER BY due_at, id LIMIT n``), so no view ever
  sorts its thousands of open dossiers to show the first page
  (``tests/services/test_worklist_plan.py`` reads the query plans).
- Names come with the page, not the table: the assignee's name is a lookup per
  row of the page (a scalar subquery on the users' key), not a join of every
  open dossier before the limit.
- Bands come from the due time: the band edges of the day (``day_edges``) are
  computed once per day and calendar, and the query compares each row's stored
  due time with them.
- Counts are range counts on the same index, the views' in one statement.
- The statements are written once per filter shape (which filters are set, how
  many search words) and compiled once per engine; a page runs one on the
  pooled connection (``desk.storage.rows``).

The text search compares accent-free keys (``search_key``) so "nguyen van an"
finds "Nguyễn Văn An".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, literal_column, null, or_, select, union_all
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import BindParameter, ColumnClause

from desk.domain.dossier import DossierStatus
from desk.domain.urgency import BANDS, Band
from desk.services import calendar, changes
from desk.services.worklist_shape import (
    COUNTED_VIEWS,
    RUNNING,
    VIEW_LABELS,
    VIEW_STATUSES,
    Bands,
    Shape,
    View,
    WorklistFilter,
    WorklistItem,
    page_shape,
    page_values,
    shape_of,
    statuses_for,
    statuses_of,
    values_for,
)
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, DossierRow, ProcedureRow, UserRow

__all__ = [  # the worklist's terms are read from here too
    "COUNTED_VIEWS",
    "VIEW_LABELS",
    "View",
    "WorklistFilter",
    "WorklistItem",
    "statuses_of",
]


@dataclass(frozen=True)
class Choices:
    """What the filter boxes offer."""

    fields: list[str]
    procedures: list[tuple[str, str]]  # (code, name)
    departments: list[str]
    assignees: list[tuple[str, str]]  # (username, full name)


# -- the statements, one per filter shape --------------------------------------------------

D = DossierRow


def _status_params(shape: Shape, wanted: tuple[str, ...] | None = None) -> list:
    """The statuses as parameters (``status0``...), all of the shape's or the ``wanted`` ones."""
    return [
        bindparam(f"status{n}")
        for n, s in enumerate(shape.statuses)
        if wanted is None or s in wanted
    ]


def _filters(shape: Shape) -> list[ColumnElement[bool]]:
    """The WHERE clauses other than the status, with named parameters."""
    conds: list[ColumnElement[bool]] = []
    if shape.field:
        conds.append(D.field == bindparam("field"))
    if shape.procedure:
        conds.append(D.procedure_code == bindparam("procedure"))
    if shape.channel:
        conds.append(D.channel == bindparam("channel"))
    if shape.department:
        conds.append(
            D.department_id.in_(
                select(DepartmentRow.id).where(DepartmentRow.name == bindparam("department"))
            )
        )
    if shape.assignee:
        conds.append(
            D.assignee_id.in_(select(UserRow.id).where(UserRow.username == bindparam("assignee")))
        )
    for n in range(shape.words):
        conds.append(D.search_key.contains(bindparam(f"word{n}"), escape="\\"))
    if shape.band_start:
        conds.append(D.due_at >= bindparam("band_start"))
    if shape.band_end:
        conds.append(D.due_at < bindparam("band_end"))
    return conds


#: The page's columns, in the order ``WorklistItem`` reads them.
_COLUMNS = (
    "id",
    "code",
    "applicant_name",
    "procedure_name",
    "field",
    "received_at",
    "appointment_at",
    "due_at",
    "status",
    "holder",
    "channel",
    "assignee",
    "phone",
    "comebacks",
)


def _page_columns(rows_of=D, running: bool | None = None) -> list:  # noqa: ANN001
    """The columns of a page read from ``rows_of`` (the table, or a page of it): the
    assignee's name looked up for each row read (never joined to the table), and the
    band of a running dossier (``running``: the rows' statuses are, are not, or may be)."""
    c = rows_of if rows_of is D else rows_of.c
    assignee = select(UserRow.full_name).where(UserRow.id == c.assignee_id).scalar_subquery()
    columns = [assignee.label(n) if n == "assignee" else getattr(c, n) for n in _COLUMNS]
    return [*columns, _band_column(c, running)]


def _band_column(c, running: bool | None):  # noqa: ANN001, ANN202
    """The band's place in ``BANDS``: the due time compared with the day's edges
    (``edge0``... as stored), for running dossiers; NULL for the others."""
    if running is False:
        return null().label("band")
    edges: list[BindParameter[Any]] = [bindparam(f"edge{n}") for n in range(len(BANDS) - 1)]
    band = case(*((c.due_at < edge, n) for n, edge in enumerate(edges)), else_=len(edges))
    if running is None:
        is_running = c.status.in_([bindparam(f"running{n}") for n in range(len(RUNNING))])
        band = case((is_running, band), else_=null())
    return band.label("band")


def _page_statement(shape: Shape, dialect: str):  # noqa: ANN202
    """One page of the view, in the form each engine plans as a walk down the index.

    SQLite merges one ordered branch per status (``UNION ALL`` under the outer
    ``ORDER BY ... LIMIT``: a merge, no sort). PostgreSQL (15) sorts such a union
    whole, so there each branch takes its own first ``size`` rows on the index and
    the merge of those few is cut again; the names are looked up after the cut.
    """
    filters = _filters(shape)
    if shape.newest_first:
        # Closed dossiers are nearly all of a million: newest first by id, the primary key
        # walked backwards, stopping after one page. lower() keeps the planner off the
        # status index (which would find them all, then sort them).
        conds = [func.lower(D.status).in_(_status_params(shape)), *filters]
        if shape.after:
            conds.append(D.id < bindparam("after_id"))
        return (
            select(*_page_columns(running=False))
            .where(*conds)
            .order_by(D.id.desc())
            .limit(bindparam("size"))
        )
    if shape.after:
        filters.append(D.due_at >= bindparam("after_due"))
        filters.append(or_(D.due_at > bindparam("after_due"), D.id > bindparam("after_id")))
    statuses = [D.status == bindparam(f"status{n}") for n in range(len(shape.statuses))]
    running = [s in RUNNING for s in shape.statuses]
    if len(statuses) == 1:
        return (
            select(*_page_columns(running=running[0]))
            .where(statuses[0], *filters)
            .order_by(D.due_at, D.id)
            .limit(bindparam("size"))
        )
    if dialect == "postgresql":
        own = [getattr(D, n) for n in _COLUMNS if n != "assignee"] + [D.assignee_id]
        arms = [
            select(*own).where(s, *filters).order_by(D.due_at, D.id).limit(bindparam("size"))
            for s in statuses
        ]
        page = union_all(*arms).subquery("page")
        return (
            select(*_page_columns(page)).order_by(page.c.due_at, page.c.id).limit(bindparam("size"))
        )
    arms = [
        select(*_page_columns(running=r)).where(s, *filters)
        for s, r in zip(statuses, running, strict=True)
    ]
    order: list[ColumnClause[Any]] = [literal_column("due_at"), literal_column("id")]
    return union_all(*arms).order_by(*order).limit(bindparam("size"))


_statements: dict[tuple[str, Shape], rows.Statement] = {}
_statements_lock = threading.Lock()


def _statement(kind: str, shape: Shape, build) -> rows.Statement:  # noqa: ANN001
    key = (kind, shape)
    statement = _statements.get(key)
    if statement is None:
        statement = rows.Statement(lambda dialect: build(shape, dialect))
        with _statements_lock:
            _statements[key] = statement
    return statement


def _read_bands(reader: rows.Reader, db: Database, now: datetime) -> Bands:
    cal = calendar.calendar_at(db, calendar.stamp(reader))
    return Bands(now, cal, reader)


# -- reading --------------------------------------------------------------------------------


def fetch_page(
    db: Database,
    flt: WorklistFilter,
    now: datetime,
    *,
    after: tuple[datetime, int] | None = None,
    size: int = 200,
) -> list[WorklistItem]:
    """The next ``size`` dossiers after the key ``(due_at, id)`` of the last one shown.

    With the calendar already known, the page is read on its band edges together with
    the calendar's stamp, in one round trip; only when the stamp has moved (the
    calendar changed) is the page read again on the new calendar's edges.
    """
    if not statuses_for(flt):
        return []
    with rows.reading(db) as reader:
        known = calendar.known_calendar(db)
        if known is not None:
            stamp, cal = known
            statement, values = _page(reader, Bands(now, cal, reader), flt, after, size)
            stamps, found = reader.rows_together(
                [(calendar.STAMP, {"topic": changes.CALENDAR}), (statement, values)]
            )
            if tuple(stamps[0]) == stamp:
                return _items(found)
        bands = _read_bands(reader, db, now)
        statement, values = _page(reader, bands, flt, after, size)
        return _items(reader.rows(statement, values))


def _items(found: list[tuple]) -> list[WorklistItem]:
    make = tuple.__new__
    return [make(WorklistItem, r) for r in found]


def _page(
    reader: rows.Reader,
    bands: Bands,
    flt: WorklistFilter,
    after: tuple[datetime, int] | None,
    size: int,
) -> tuple[rows.Statement, dict[str, Any]]:
    values = page_values(flt, reader, bands, after, size)
    return page_statement(flt, after is not None), values


def page_statement(flt: WorklistFilter, after: bool) -> rows.Statement:
    """The statement that reads a page of ``flt`` (``after``: a page after the first)."""
    return _statement("page", page_shape(flt, after), _page_statement)


def page_query(
    db: Database,
    flt: WorklistFilter,
    now: datetime,
    *,
    after: tuple[datetime, int] | None = None,
    size: int = 200,
) -> tuple[str, Any]:
    """The SQL and the DBAPI parameters ``fetch_page`` runs (to read its plan, or to time
    the engine alone on the same query)."""
    with rows.reading(db) as reader:
        statement, values = _page(reader, _read_bands(reader, db, now), flt, after, size)
        return statement.sql(reader.dialect), statement.params(reader.dialect, values)


def _count_statement(shape: Shape, _dialect: str):  # noqa: ANN202
    return (
        select(func.count())
        .select_from(D)
        .where(D.status.in_(_status_params(shape)), *_filters(shape))
    )


def count(db: Database, flt: WorklistFilter, now: datetime) -> int:
    statuses = statuses_for(flt)
    if not statuses:
        return 0
    statement = _statement("count", shape_of(flt, statuses), _count_statement)
    with rows.reading(db) as reader:
        bands = _read_bands(reader, db, now) if flt.band is not None else None
        return reader.rows(statement, values_for(flt, statuses, reader, bands))[0][0]


def _band_counts_statement(shape: Shape, _dialect: str):  # noqa: ANN202
    due = D.due_at
    edges: list[BindParameter[Any]] = [bindparam(f"edge{n}") for n in range(len(BANDS) - 1)]
    ranges = [due < edges[0]]
    ranges += [and_(due >= a, due < b) for a, b in zip(edges, edges[1:], strict=False)]
    ranges += [due >= edges[-1]]
    return (
        select(*(func.count().filter(r) for r in ranges))
        .select_from(D)
        .where(D.status.in_(_status_params(shape)), *_filters(shape))
    )


def band_counts(db: Database, flt: WorklistFilter, now: datetime) -> dict[Band, int]:
    """How many running dossiers fall in each band, under the other filters."""
    with rows.reading(db) as reader:
        return _band_counts(reader, db, flt, now)


def _band_counts(
    reader: rows.Reader, db: Database, flt: WorklistFilter, now: datetime
) -> dict[Band, int]:
    base = replace(flt, view=View.URGENT, band=None)
    statuses = statuses_for(base)
    if not statuses:
        return dict.fromkeys(Band, 0)
    statement = _statement("bands", shape_of(base, statuses), _band_counts_statement)
    bands = _read_bands(reader, db, now)
    values = values_for(base, statuses, reader, bands)
    values.update({f"edge{n}": edge for n, edge in enumerate(bands.stored)})
    found = reader.rows(statement, values)[0]
    return {band: found[n] or 0 for n, band in enumerate(BANDS)}


def _view_counts_statement(shape: Shape, _dialect: str):  # noqa: ANN202
    counts = []
    for view in COUNTED_VIEWS:
        wanted = tuple(s for s in shape.statuses if DossierStatus(s) in VIEW_STATUSES[view])
        in_view = D.status.in_(_status_params(shape, wanted))
        counts.append(func.count().filter(in_view) if wanted else literal_column("0"))
    where = D.status.in_(_status_params(shape))
    return select(*counts).select_from(D).where(where, *_filters(shape))


def view_counts(db: Database, flt: WorklistFilter, now: datetime) -> dict[View, int]:
    """Dossiers in each view under the same filters (for the view tabs)."""
    with rows.reading(db) as reader:
        return _view_counts(reader, flt)


def _view_counts(reader: rows.Reader, flt: WorklistFilter) -> dict[View, int]:
    base = replace(flt, view=View.ALL_OPEN, band=None)
    statuses = statuses_for(base)
    if not statuses:
        return dict.fromkeys(COUNTED_VIEWS, 0)
    statement = _statement("views", shape_of(base, statuses), _view_counts_statement)
    found = reader.rows(statement, values_for(base, statuses, reader, None))[0]
    return {view: found[n] or 0 for n, view in enumerate(COUNTED_VIEWS)}


def counts(
    db: Database, flt: WorklistFilter, now: datetime
) -> tuple[dict[Band, int], dict[View, int]]:
    """``band_counts`` and ``view_counts`` together, on one connection (the window's tabs)."""
    with rows.reading(db) as reader:
        return _band_counts(reader, db, flt, now), _view_counts(reader, flt)


def choices(db: Database) -> Choices:
    with db.read() as s:
        fields = list(s.scalars(select(ProcedureRow.field).distinct().order_by(ProcedureRow.field)))
        procedures = [
            (c, n)
            for c, n in s.execute(
                select(ProcedureRow.code, ProcedureRow.name).order_by(ProcedureRow.name)
            )
        ]
        departments = list(s.scalars(select(DepartmentRow.name).order_by(DepartmentRow.name)))
        assignees = [
            (u, n)
            for u, n in s.execute(
                select(UserRow.username, UserRow.full_name)
                .where(UserRow.active)
                .order_by(UserRow.full_name)
            )
        ]
    return Choices(fields, procedures, departments, assignees)
