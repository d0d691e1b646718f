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
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any

from sqlalchemy import and_, bindparam, case, func, literal_column, null, or_, select, union_all
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import BindParameter, ColumnClause

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.dossier import CLOSED_STATUSES, RUNNING_STATUSES, DossierStatus
from desk.domain.text import fold
from desk.domain.translation import QT_TRANSLATE_NOOP
from desk.domain.urgency import BANDS, Band, band_bounds, day_edges
from desk.services import calendar
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow, DossierRow, ProcedureRow, UserRow


class View(StrEnum):
    URGENT = "urgent"  # running dossiers, by urgency band
    WAITING = "waiting"  # chờ bổ sung: the clock is stopped
    READY = "ready"  # có kết quả, chờ trả
    CLOSED = "closed"  # returned, refused, stopped
    ALL_OPEN = "all_open"


VIEW_LABELS = {
    View.URGENT: QT_TRANSLATE_NOOP("Worklist", "Đang giải quyết"),
    View.WAITING: QT_TRANSLATE_NOOP("Worklist", "Chờ người nộp bổ sung"),
    View.READY: QT_TRANSLATE_NOOP("Worklist", "Có kết quả, chờ trả"),
    View.CLOSED: QT_TRANSLATE_NOOP("Worklist", "Đã kết thúc"),
    View.ALL_OPEN: QT_TRANSLATE_NOOP("Worklist", "Tất cả hồ sơ chưa xong"),
}

_VIEW_STATUSES: dict[View, frozenset[DossierStatus]] = {
    View.URGENT: RUNNING_STATUSES,
    View.WAITING: frozenset({DossierStatus.WAITING_SUPPLEMENT}),
    View.READY: frozenset({DossierStatus.RESULT_READY}),
    View.CLOSED: CLOSED_STATUSES,
    View.ALL_OPEN: RUNNING_STATUSES
    | {DossierStatus.WAITING_SUPPLEMENT, DossierStatus.RESULT_READY},
}
#: The views whose counts the tabs show.
COUNTED_VIEWS = (View.URGENT, View.WAITING, View.READY)


def statuses_of(view: View) -> frozenset[DossierStatus]:
    return _VIEW_STATUSES[view]


@dataclass(frozen=True)
class WorklistFilter:
    view: View = View.URGENT
    band: Band | None = None
    field: str = ""
    procedure_code: str = ""
    status: DossierStatus | None = None
    channel: str = ""
    department: str = ""
    assignee: str = ""  # username
    search: str = ""


_STATUS = {s.value: s for s in DossierStatus}
_RUNNING = frozenset(s.value for s in RUNNING_STATUSES)


class WorklistItem(tuple):
    """One row of the list: the row as the database gave it, and its band.

    A page of them is made at the speed it is read: the moments stay as stored
    (naive UTC) and become Vietnam time when asked for (``due_at``...), so a list
    converts only what it shows. Immutable, and equal when the rows are.
    """

    __slots__ = ()

    id = property(itemgetter(0))
    code = property(itemgetter(1))
    applicant_name = property(itemgetter(2))
    procedure_name = property(itemgetter(3))
    field = property(itemgetter(4))
    holder = property(itemgetter(9))
    channel = property(itemgetter(10))
    phone = property(itemgetter(12))
    comebacks = property(itemgetter(13))

    @property
    def band(self) -> Band | None:
        """The urgency band (running dossiers only), worked out by the query itself."""
        at = self[14]
        return None if at is None else BANDS[at]

    @property
    def received_at(self) -> datetime:
        return rows.moment(self[5])

    @property
    def appointment_at(self) -> datetime:
        return rows.moment(self[6])

    @property
    def due_at(self) -> datetime:
        return rows.moment(self[7])

    @property
    def status(self) -> DossierStatus:
        return _STATUS[self[8]]

    @property
    def assignee(self) -> str:
        return self[11] or ""

    @property
    def rescheduled(self) -> bool:
        """Moved once by an apology (Decree 118/2025 art. 19(6)): ``due_at`` is the new
        date, ``appointment_at`` stays the legal one the statistics count against."""
        return self[6] != self[7]

    def with_band(self, band: Band | None) -> WorklistItem:
        """The same row in another band (as it will be at another moment)."""
        return tuple.__new__(
            WorklistItem, (*self[:14], None if band is None else BANDS.index(band))
        )

    def __repr__(self) -> str:
        return f"WorklistItem(code={self.code!r}, due_at={self.due_at}, status={self[8]})"


@dataclass(frozen=True)
class Choices:
    """What the filter boxes offer."""

    fields: list[str]
    procedures: list[tuple[str, str]]  # (code, name)
    departments: list[str]
    assignees: list[tuple[str, str]]  # (username, full name)


# -- the statements, one per filter shape --------------------------------------------------

D = DossierRow


@dataclass(frozen=True)
class _Shape:
    """What decides a statement's SQL: the statuses, which filters are set, the paging."""

    statuses: tuple[str, ...]
    field: bool = False
    procedure: bool = False
    channel: bool = False
    department: bool = False
    assignee: bool = False
    words: int = 0
    band_start: bool = False
    band_end: bool = False
    after: bool = False
    newest_first: bool = False  # the closed view: by id, newest first


def _statuses(flt: WorklistFilter, view: View | None = None) -> tuple[str, ...]:
    statuses = _VIEW_STATUSES[view or flt.view]
    if flt.status is not None:
        statuses = statuses & {flt.status}
    return tuple(sorted(s.value for s in statuses))


def _shape(flt: WorklistFilter, statuses: tuple[str, ...], **extra: bool) -> _Shape:
    band = flt.band is not None and flt.view is View.URGENT
    return _Shape(
        statuses=statuses,
        field=bool(flt.field),
        procedure=bool(flt.procedure_code),
        channel=bool(flt.channel),
        department=bool(flt.department),
        assignee=bool(flt.assignee),
        words=len(fold(flt.search).split()),
        band_start=band and flt.band is not Band.OVERDUE,
        band_end=band and flt.band is not Band.WITHIN,
        **extra,
    )


def _status_params(shape: _Shape, wanted: tuple[str, ...] | None = None) -> list:
    """The statuses as parameters (``status0``...), all of the shape's or the ``wanted`` ones."""
    return [
        bindparam(f"status{n}")
        for n, s in enumerate(shape.statuses)
        if wanted is None or s in wanted
    ]


def _filters(shape: _Shape) -> list[ColumnElement[bool]]:
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
        is_running = c.status.in_([bindparam(f"running{n}") for n in range(len(_RUNNING))])
        band = case((is_running, band), else_=null())
    return band.label("band")


def _page_statement(shape: _Shape, dialect: str):  # noqa: ANN202
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
    running = [s in _RUNNING for s in shape.statuses]
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


_statements: dict[tuple[str, _Shape], rows.Statement] = {}
_statements_lock = threading.Lock()


def _statement(kind: str, shape: _Shape, build) -> rows.Statement:  # noqa: ANN001
    key = (kind, shape)
    statement = _statements.get(key)
    if statement is None:
        statement = rows.Statement(lambda dialect: build(shape, dialect))
        with _statements_lock:
            _statements[key] = statement
    return statement


# -- the values of a statement ----------------------------------------------------------------


class _Bands:
    """The band edges at one moment: as datetimes (for a band filter) and as the
    database stores due times (the query compares each row's due time with them)."""

    def __init__(self, now: datetime, cal: WorkingCalendar, reader: rows.Reader) -> None:
        self.now = now
        self.cal = cal
        edges, stored = _edges(to_vn(now).date(), cal, reader)
        self.edges = edges
        self.stored = [reader.moment(now), *stored]

    @property
    def bounds(self) -> dict[Band, tuple[datetime | None, datetime | None]]:
        return band_bounds(self.now, self.cal, self.edges)


#: (calendar, day, dialect) -> the day's edges, as datetimes and as stored
_edges_cache: dict[tuple[int, date, str], tuple[WorkingCalendar, tuple, list]] = {}


def _edges(today: date, cal: WorkingCalendar, reader: rows.Reader) -> tuple[tuple, list]:
    """``day_edges`` of the day, computed once per day and calendar."""
    key = (id(cal), today, reader.dialect.name)
    known = _edges_cache.get(key)
    if known is not None and known[0] is cal:
        return known[1], known[2]
    edges = day_edges(today, cal)
    stored = [reader.moment(e) for e in edges]
    if len(_edges_cache) > 16:
        _edges_cache.clear()
    _edges_cache[key] = (cal, edges, stored)
    return edges, stored


def _values(flt: WorklistFilter, statuses: tuple[str, ...], reader: rows.Reader, bands) -> dict:  # noqa: ANN001
    values: dict[str, Any] = {f"status{n}": s for n, s in enumerate(statuses)}
    values.update({f"running{n}": s for n, s in enumerate(sorted(_RUNNING))})
    if bands is not None:
        values.update({f"edge{n}": edge for n, edge in enumerate(bands.stored)})
    values.update(
        field=flt.field,
        procedure=flt.procedure_code,
        channel=flt.channel,
        department=flt.department,
        assignee=flt.assignee,
    )
    for n, word in enumerate(fold(flt.search).split()):
        values[f"word{n}"] = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if flt.band is not None and flt.view is View.URGENT:
        start, end = bands.bounds[flt.band]
        values["band_start"] = reader.moment(start) if start is not None else None
        values["band_end"] = reader.moment(end) if end is not None else None
    return values


def _read_bands(reader: rows.Reader, db: Database, now: datetime) -> _Bands:
    cal = calendar.calendar_at(db, calendar.stamp(reader))
    return _Bands(now, cal, reader)


# -- reading --------------------------------------------------------------------------------


def fetch_page(
    db: Database,
    flt: WorklistFilter,
    now: datetime,
    *,
    after: tuple[datetime, int] | None = None,
    size: int = 200,
) -> list[WorklistItem]:
    """The next ``size`` dossiers after the key ``(due_at, id)`` of the last one shown."""
    if not _statuses(flt):
        return []
    with rows.reading(db) as reader:
        bands = _read_bands(reader, db, now)
        statement, values = _page(reader, bands, flt, after, size)
        found = reader.rows(statement, values)
    make = tuple.__new__
    return [make(WorklistItem, r) for r in found]


def _page(
    reader: rows.Reader,
    bands: _Bands,
    flt: WorklistFilter,
    after: tuple[datetime, int] | None,
    size: int,
) -> tuple[rows.Statement, dict[str, Any]]:
    statuses = _statuses(flt)
    newest_first = flt.view is View.CLOSED
    shape = _shape(flt, statuses, after=after is not None, newest_first=newest_first)
    values = _values(flt, statuses, reader, bands)
    values["size"] = size
    if after is not None:
        values["after_due"] = reader.moment(after[0])
        values["after_id"] = after[1]
    return _statement("page", shape, _page_statement), values


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


def _count_statement(shape: _Shape, _dialect: str):  # noqa: ANN202
    return (
        select(func.count())
        .select_from(D)
        .where(D.status.in_(_status_params(shape)), *_filters(shape))
    )


def count(db: Database, flt: WorklistFilter, now: datetime) -> int:
    statuses = _statuses(flt)
    if not statuses:
        return 0
    statement = _statement("count", _shape(flt, statuses), _count_statement)
    with rows.reading(db) as reader:
        bands = _read_bands(reader, db, now) if flt.band is not None else None
        return reader.rows(statement, _values(flt, statuses, reader, bands))[0][0]


def _band_counts_statement(shape: _Shape, _dialect: str):  # noqa: ANN202
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
    statuses = _statuses(base)
    if not statuses:
        return dict.fromkeys(Band, 0)
    statement = _statement("bands", _shape(base, statuses), _band_counts_statement)
    bands = _read_bands(reader, db, now)
    values = _values(base, statuses, reader, bands)
    values.update({f"edge{n}": edge for n, edge in enumerate(bands.stored)})
    found = reader.rows(statement, values)[0]
    return {band: found[n] or 0 for n, band in enumerate(BANDS)}


def _view_counts_statement(shape: _Shape, _dialect: str):  # noqa: ANN202
    counts = []
    for view in COUNTED_VIEWS:
        wanted = tuple(s for s in shape.statuses if DossierStatus(s) in _VIEW_STATUSES[view])
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
    statuses = _statuses(base)
    if not statuses:
        return dict.fromkeys(COUNTED_VIEWS, 0)
    statement = _statement("views", _shape(base, statuses), _view_counts_statement)
    found = reader.rows(statement, _values(base, statuses, reader, None))[0]
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
