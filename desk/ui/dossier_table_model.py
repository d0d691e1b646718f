"""The dossier list as a Qt table model that reads the database a page at a time.

An office keeps every dossier it ever received, a million rows after some
years, so the list never loads them all: Qt asks for more rows
(``canFetchMore`` / ``fetchMore``) only as the clerk scrolls, and each page is a
keyset query (``WHERE (appointment, id) > last row seen``) that an index answers
directly however deep the page is, where an OFFSET would rescan every row
skipped.

Order: open dossiers first, the earliest appointment first (what is due soonest
is at the top), then closed ones, the most recently received first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import Select, or_, select

from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier import STATUS_LABELS, DossierStatus
from desk.services.dossiers import OPEN_STATUSES
from desk.storage.database import Database
from desk.storage.tables import DossierRow
from desk.ui.qt_helpers import tr

CONTEXT = "DossierTableModel"
PAGE_SIZE = 200
CODE, APPLICANT, PROCEDURE, RECEIVED, APPOINTMENT, STATUS = range(6)
HEADERS = ("Mã hồ sơ", "Người nộp", "Thủ tục", "Ngày nhận", "Hẹn trả", "Trạng thái")
CODE_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOUR = "#b00020"

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DossierListItem:
    """The few columns the list shows; the full ``Dossier`` is read only when needed."""

    id: int
    code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    appointment_at: datetime
    status: str

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class PageKey:
    """Where the last page ended: which part of the list, and its last row's sort key."""

    open_part: bool
    at: datetime | None = None
    id: int | None = None


_COLUMNS = (
    DossierRow.id,
    DossierRow.code,
    DossierRow.applicant_name,
    DossierRow.procedure_name,
    DossierRow.received_at,
    DossierRow.appointment_at,
    DossierRow.status,
)


def open_page_query(after: PageKey, size: int) -> Select:
    """Open dossiers after ``after``, the earliest appointment first."""
    stmt = select(*_COLUMNS).where(DossierRow.status.in_(OPEN_STATUSES))
    if after.at is not None and after.id is not None:
        # The first condition lets the (status, appointment_at) index seek;
        # the second breaks ties between equal appointments.
        stmt = stmt.where(
            DossierRow.appointment_at >= after.at,
            or_(DossierRow.appointment_at > after.at, DossierRow.id > after.id),
        )
    return stmt.order_by(DossierRow.appointment_at, DossierRow.id).limit(size)


def closed_page_query(after: PageKey, size: int) -> Select:
    """Closed dossiers after ``after``, the most recently received first."""
    stmt = select(*_COLUMNS).where(DossierRow.status.not_in(OPEN_STATUSES))
    if after.at is not None and after.id is not None:
        stmt = stmt.where(
            DossierRow.received_at <= after.at,
            or_(DossierRow.received_at < after.at, DossierRow.id < after.id),
        )
    return stmt.order_by(DossierRow.received_at.desc(), DossierRow.id.desc()).limit(size)


def _page(db: Database, stmt: Select) -> list[DossierListItem]:
    with db.read() as s:
        return [DossierListItem(*row) for row in s.execute(stmt)]


def fetch_dossier_page(
    db: Database, after: PageKey | None = None, size: int = PAGE_SIZE
) -> tuple[list[DossierListItem], PageKey | None]:
    """One page of the list after ``after`` (the start when ``None``), and the key of the next.

    The next key is ``None`` when the list is exhausted.
    """
    key = after or PageKey(open_part=True)
    items: list[DossierListItem] = []
    if key.open_part:
        items = _page(db, open_page_query(key, size))
        if len(items) == size:
            last = items[-1]
            return items, PageKey(True, last.appointment_at, last.id)
        key = PageKey(open_part=False)
    items += _page(db, closed_page_query(key, size - len(items)))
    if len(items) < size:
        return items, None
    last = items[-1]  # a closed row: the open part ended short of a full page
    return items, PageKey(False, last.received_at, last.id)


def _when(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


class DossierTableModel(QAbstractTableModel):
    """Read-only rows of ``DossierListItem``; ``reload()`` starts again from the top."""

    def __init__(
        self, db: Database, clock: Clock | None = None, page_size: int = PAGE_SIZE, parent=None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._page_size = page_size
        self._items: list[DossierListItem] = []
        self._next: PageKey | None = PageKey(open_part=True)
        self._now = self._clock.now()

    # -- paging --------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._next is None:
            return
        items, self._next = fetch_dossier_page(self._db, self._next, self._page_size)
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._items.extend(items)
        self.endInsertRows()

    def reload(self) -> None:
        """Forget the rows read so far and read the first page again."""
        self.beginResetModel()
        self._items = []
        self._next = PageKey(open_part=True)
        self._now = self._clock.now()
        self.endResetModel()
        self.fetchMore()

    def item(self, row: int) -> DossierListItem:
        return self._items[row]

    def code_at(self, row: int) -> str:
        return self._items[row].code

    # -- the Qt model ----------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return tr(CONTEXT, HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (APPLICANT, PROCEDURE):
            return self._display(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(item):
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == CODE_ROLE:
            return item.code
        return None

    def _overdue(self, item: DossierListItem) -> bool:
        return item.is_open and item.appointment_at < self._now

    def _display(self, item: DossierListItem, column: int) -> str | None:
        if column == CODE:
            return item.code
        if column == APPLICANT:
            return item.applicant_name
        if column == PROCEDURE:
            return item.procedure_name
        if column == RECEIVED:
            return _when(item.received_at)
        if column == APPOINTMENT:
            return _when(item.appointment_at)
        if column == STATUS:
            try:
                label = tr(CONTEXT, STATUS_LABELS[DossierStatus(item.status)])
            except (ValueError, KeyError):
                label = item.status
            if self._overdue(item):
                label += tr(CONTEXT, " (quá hạn)")
            return label
        return None
