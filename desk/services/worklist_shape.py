"""The worklist's terms, with no SQL in them: its views, its filter, its rows, and the
shape and values of the statement that reads them.

``desk.services.worklist`` writes a statement per shape with SQLAlchemy; a
command that lists the worklist without loading SQLAlchemy
(``desk.services.quick_list``) runs the same statements, compiled ahead of time
(``desk.storage.statement_book``), with the same values. Nothing here imports
SQLAlchemy (``tests/storage/test_statement_book.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any, Protocol

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import to_vn
from desk.domain.dossier import CLOSED_STATUSES, RUNNING_STATUSES, DossierStatus
from desk.domain.text import fold
from desk.domain.translation import QT_TRANSLATE_NOOP
from desk.domain.urgency import BANDS, Band, band_bounds, day_edges
from desk.storage.moments import moment


class MomentReader(Protocol):
    """What the values need of a connection: its engine's name and how it stores a moment."""

    @property
    def dialect(self) -> Any: ...  # has ``name``

    def moment(self, value: datetime) -> Any: ...


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

VIEW_STATUSES: dict[View, frozenset[DossierStatus]] = {
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
    return VIEW_STATUSES[view]


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


STATUS_OF = {s.value: s for s in DossierStatus}
RUNNING = frozenset(s.value for s in RUNNING_STATUSES)


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
        return moment(self[5])

    @property
    def appointment_at(self) -> datetime:
        return moment(self[6])

    @property
    def due_at(self) -> datetime:
        return moment(self[7])

    @property
    def status(self) -> DossierStatus:
        return STATUS_OF[self[8]]

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
class Shape:
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


def statuses_for(flt: WorklistFilter, view: View | None = None) -> tuple[str, ...]:
    statuses = VIEW_STATUSES[view or flt.view]
    if flt.status is not None:
        statuses = statuses & {flt.status}
    return tuple(sorted(s.value for s in statuses))


def shape_of(flt: WorklistFilter, statuses: tuple[str, ...], **extra: bool) -> Shape:
    band = flt.band is not None and flt.view is View.URGENT
    return Shape(
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


def page_shape(flt: WorklistFilter, after: bool) -> Shape:
    """The shape of the statement that reads a page of ``flt`` (``after``: not the first)."""
    return shape_of(flt, statuses_for(flt), after=after, newest_first=flt.view is View.CLOSED)


def page_values(
    flt: WorklistFilter,
    reader: MomentReader,
    bands: Bands,
    after: tuple[datetime, int] | None,
    size: int,
) -> dict[str, Any]:
    """The values of that statement: the filter's, the band edges, the key to start after."""
    values = values_for(flt, statuses_for(flt), reader, bands)
    values["size"] = size
    if after is not None:
        values["after_due"] = reader.moment(after[0])
        values["after_id"] = after[1]
    return values


PageReader = Callable[[tuple[datetime, int] | None, int], list["WorklistItem"]]


def first_items(read_page: PageReader, limit: int | None, page_size: int) -> list[WorklistItem]:
    """The first ``limit`` items (all, with ``None``), page after page:
    ``read_page(after, size)`` reads the ``size`` items after the key ``after``."""
    items: list[WorklistItem] = []
    after: tuple[datetime, int] | None = None
    while limit is None or len(items) < limit:
        size = page_size if limit is None else min(page_size, limit - len(items))
        page = read_page(after, size)
        items.extend(page)
        if len(page) < size:
            break
        after = (page[-1].due_at, page[-1].id)
    return items


# -- the values of a statement ----------------------------------------------------------------


class Bands:
    """The band edges at one moment: as datetimes (for a band filter) and as the
    database stores due times (the query compares each row's due time with them)."""

    def __init__(self, now: datetime, cal: WorkingCalendar, reader: MomentReader) -> None:
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


def _edges(today: date, cal: WorkingCalendar, reader: MomentReader) -> tuple[tuple, list]:
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


def values_for(flt: WorklistFilter, statuses: tuple[str, ...], reader: MomentReader, bands) -> dict:  # noqa: ANN001
    values: dict[str, Any] = {f"status{n}": s for n, s in enumerate(statuses)}
    values.update({f"running{n}": s for n, s in enumerate(sorted(RUNNING))})
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
