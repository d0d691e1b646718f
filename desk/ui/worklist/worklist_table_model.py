"""The worklist as a Qt table model that reads the database a page at a time.

An office keeps every dossier it ever received, a million rows after some
years, so the list never loads them all: Qt asks for more rows
(``canFetchMore`` / ``fetchMore``) only as the clerk scrolls, and each page is
a keyset query (``worklist.fetch_page`` after the last row's ``(due_at, id)``)
that an index answers however deep the page is. The pages are read off the
window's thread, and the list keeps what it shows until they come.

Order and urgency come from the service: running dossiers most urgent first
(working time left until the appointment), each in an urgency band shown with
a colour, a shape and a word, never colour alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.dossier import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    RUNNING_STATUSES,
    STATUS_LABELS,
    DossierStatus,
)
from desk.domain.lifecycle import holder_label
from desk.domain.procedure import CHANNEL_LABELS, Channel
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.domain.urgency import BAND_LABELS, Band
from desk.services.worklist_shape import View, WorklistFilter, WorklistItem
from desk.ui.widgets import background
from desk.ui.widgets.band_style import BAND_STYLES, IDLE_STYLE, band_icon
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.table_model_base import HeaderedTableModel

if TYPE_CHECKING:  # the window's first screen shows rows before the database layer loads
    from desk.services.first_screen import FirstPage
    from desk.storage.database import Database

CONTEXT = "WorklistTableModel"
PAGE_SIZE = 200

URGENCY, CODE, APPLICANT, PROCEDURE, DUE, STATUS, HOLDER, ASSIGNEE, RECEIVED = range(9)
HEADERS = (
    QT_TRANSLATE_NOOP("WorklistTableModel", "Thời hạn"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Mã hồ sơ"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Người nộp"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Thủ tục"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Hẹn trả"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Trạng thái"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Đang ở"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Cán bộ phụ trách"),
    QT_TRANSLATE_NOOP("WorklistTableModel", "Ngày nhận"),
)
CODE_ROLE = Qt.ItemDataRole.UserRole
BAND_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


def _when(moment: datetime) -> str:
    return f"{to_vn(moment):%d/%m/%Y %H:%M}"


def urgency_text(item: WorklistItem, now: datetime, cal: WorkingCalendar) -> str:
    """Words for the working time left (or overdue), the first thing a clerk reads;
    "Đã hẹn lại" after them when an apology moved the date (it cannot move again)."""
    text = _time_left_text(item, now, cal)
    if item.rescheduled and item.status not in CLOSED_STATUSES:
        text += translate("WorklistTableModel", " · Đã hẹn lại")
    return text


def _time_left_text(item: WorklistItem, now: datetime, cal: WorkingCalendar) -> str:
    due, now = to_vn(item.due_at), to_vn(now)
    if item.band is None:
        return translated(STATUS_LABELS[item.status])
    if item.band is Band.OVERDUE:
        days = cal.working_days_between(due.date(), now.date())
        if days <= 0:
            return translate("WorklistTableModel", "Quá hạn từ {time}").format(time=f"{due:%H:%M}")
        return translate("WorklistTableModel", "Quá hạn {n} ngày làm việc").format(n=days)
    if item.band is Band.TODAY:
        return translate("WorklistTableModel", "Hôm nay, trước {time}").format(time=f"{due:%H:%M}")
    if item.band is Band.NEXT_DAY:
        return translate("WorklistTableModel", "Ngày làm việc tới")
    days = cal.working_days_between(now.date(), due.date())
    return translate("WorklistTableModel", "Còn {n} ngày làm việc").format(n=days)


class WorklistRow:
    """One dossier as the list shows it: the service's item, and its urgency words once
    they are asked for (shown, or measured for the column's width), worked out once."""

    __slots__ = ("_calendar", "_now", "_urgency", "item")

    def __init__(self, item: WorklistItem, now: datetime, cal: WorkingCalendar) -> None:
        self.item = item
        self._now = now
        self._calendar = cal
        self._urgency: str | None = None

    @property
    def urgency(self) -> str:
        if self._urgency is None:
            self._urgency = urgency_text(self.item, self._now, self._calendar)
        return self._urgency


class WorklistTableModel(HeaderedTableModel):
    """Read-only rows of the worklist under a ``WorklistFilter``.

    ``reload()`` reads again as many rows as were shown (so the view can keep
    its scroll position); ``set_filter()`` starts from the top. Every read runs off
    the window's thread (``desk.ui.widgets.background``): on a server a page waits
    on the network, and on a lock another counter holds. The rows shown stay until
    the ones asked for come (``rows_read``); a read that fails leaves them and says
    why (``read_failed``).
    """

    #: the rows asked for are in the model: the list read from its top (``False``), or
    #: more of it at its end (``True``)
    rows_read = Signal(bool)
    #: a read failed: what to tell the clerk (the rows shown stay)
    read_failed = Signal(str)

    context = CONTEXT
    headers = HEADERS

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        flt: WorklistFilter | None = None,
        page_size: int = PAGE_SIZE,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._filter = flt or WorklistFilter()
        self._page_size = page_size
        self._rows: list[WorklistRow] = []
        self._exhausted = False
        self._now = self._clock.now()
        self._calendar: WorkingCalendar | None = None
        #: Reads of the list from its top, and of more of it: only the newest is shown.
        self._list = background.NewestRead(self)
        self._more = background.NewestRead(self)

    @classmethod
    def first(cls, page: FirstPage, parent=None) -> WorklistTableModel:  # noqa: ANN001
        """The rows of the window's first screen, read before there is a ``Database``:
        they are shown as they are, and nothing more is read."""
        model = cls(None, flt=page.filter, parent=parent)  # type: ignore[arg-type]
        model._now, model._calendar = page.now, page.calendar
        model._rows = [WorklistRow(i, page.now, page.calendar) for i in page.items]
        model._exhausted = True
        return model

    def show_first(self, first: WorklistTableModel) -> bool:
        """Show the rows of the window's first screen (``first``) while this list reads its
        own, when both are of the same filter; whether they were taken."""
        if first._filter != self._filter or self._rows:
            return False
        self.beginResetModel()
        self._rows, self._now, self._calendar = list(first._rows), first._now, first._calendar
        self.endResetModel()
        return True

    # -- the filter and paging -----------------------------------------------------

    @property
    def filter(self) -> WorklistFilter:
        return self._filter

    @property
    def now(self) -> datetime:
        """The moment the bands of the rows shown were computed for."""
        return self._now

    def set_filter(self, flt: WorklistFilter) -> datetime:
        """Show the dossiers ``flt`` selects, from the most urgent; the moment their bands
        are worked out for is returned (the view counts the bands for the same moment)."""
        self._filter = flt
        return self._restart(self._page_size)

    def reload(self) -> datetime:
        """Read the list again (another counter changed it), as deep as it was read."""
        return self._restart(max(len(self._rows), self._page_size))

    def reading(self) -> bool:
        """Whether a read of the list, or of more of it, is on its way."""
        return self._list.waiting() or self._more.waiting()

    def _restart(self, size: int) -> datetime:
        """Read the list from its top, off the window's thread: the rows shown stay until
        the new ones come (``rows_read``); a read asked later makes this one's late, and
        more rows on their way for the list before are not added to the new one."""
        self._more.forget()
        db, flt, now = self._db, self._filter, self._clock.now()

        def read() -> tuple[WorkingCalendar, list[WorklistItem]]:
            from desk.services import calendar, worklist

            return calendar.working_calendar(db), worklist.fetch_page(db, flt, now, size=size)

        def done(result: tuple[WorkingCalendar, list[WorklistItem]] | None, error: str | None):
            if error is not None or result is None:
                self.read_failed.emit(error or "")
                return
            cal, items = result
            self.beginResetModel()
            self._now, self._calendar = now, cal
            self._rows = [WorklistRow(i, now, cal) for i in items]
            self._exhausted = len(items) < size
            self.endResetModel()
            self.rows_read.emit(False)

        self._list.run(read, done)
        return now

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self._exhausted and not self.reading()

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """Read the page after the last row shown (a keyset page, never an offset), off
        the window's thread; the rows come at the end of the list when read."""
        if parent.isValid() or self._exhausted or self.reading():
            return
        last = self._rows[-1].item if self._rows else None
        after = (last.due_at, last.id) if last is not None else None
        db, flt, now, known, size = (
            self._db,
            self._filter,
            self._now,
            self._calendar,
            self._page_size,
        )

        def read() -> tuple[WorkingCalendar, list[WorklistItem]]:
            from desk.services import calendar, worklist

            cal = known if known is not None else calendar.working_calendar(db)
            return cal, worklist.fetch_page(db, flt, now, after=after, size=size)

        def done(result: tuple[WorkingCalendar, list[WorklistItem]] | None, error: str | None):
            if error is not None or result is None:
                self.read_failed.emit(error or "")
                return
            cal, items = result
            self._calendar = cal
            self._exhausted = len(items) < size
            if items:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
                self._rows.extend(WorklistRow(i, now, cal) for i in items)
                self.endInsertRows()
            self.rows_read.emit(True)

        self._more.run(read, done)

    # -- reading rows back ---------------------------------------------------------

    def item(self, row: int) -> WorklistItem:
        return self._rows[row].item

    def code_at(self, row: int) -> str:
        return self._rows[row].item.code

    def row_of(self, code: str) -> int | None:
        """The row showing dossier ``code``, if it is among the rows read so far."""
        for number, row in enumerate(self._rows):
            if row.item.code == code:
                return number
        return None

    def codes(self) -> list[str]:
        return [r.item.code for r in self._rows]

    def column_texts(self, column: int) -> set[str]:
        """The different texts ``column`` shows on the rows loaded."""
        return {text for r in self._rows if (text := self._display(r, column))}

    # -- the Qt model ----------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == CODE_ROLE:
            return row.item.code
        if role == BAND_ROLE:
            return row.item.band
        if column == URGENCY:
            return self._urgency_cell(row.item, role)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == DUE
            and row.item.band is Band.OVERDUE
        ):
            return QBrush(QColor(BAND_STYLES[Band.OVERDUE].colour))
        return None

    def _urgency_cell(self, item: WorklistItem, role: int) -> object:
        style = BAND_STYLES[item.band] if item.band is not None else IDLE_STYLE
        if role == Qt.ItemDataRole.DecorationRole:
            return band_icon(item.band)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(style.tint))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.colour))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: WorklistRow, column: int) -> str | None:
        item = row.item
        if column == URGENCY:
            return row.urgency
        if column == CODE:
            return item.code
        if column == APPLICANT:
            return item.applicant_name
        if column == PROCEDURE:
            return item.procedure_name
        if column == DUE:
            return _when(item.due_at)
        if column == STATUS:
            return translated(STATUS_LABELS[item.status])
        if column == HOLDER:
            return holder_label(item.holder)
        if column == ASSIGNEE:
            return item.assignee
        if column == RECEIVED:
            return _when(item.received_at)
        return None

    def _tooltip(self, row: WorklistRow, column: int) -> str | None:
        item = row.item
        if column == URGENCY:
            band = BAND_LABELS[item.band] if item.band is not None else ""
            text = f"{translated(band)}: {row.urgency}" if band else row.urgency
            if item.rescheduled and item.status not in CLOSED_STATUSES:
                text += "\n" + translate(
                    "WorklistTableModel",
                    "Đã xin lỗi và hẹn lại một lần, hẹn ban đầu {when}: không thể hẹn lại nữa.",
                ).format(when=_when(item.appointment_at))
            return text
        if column == DUE:
            lines = [
                translate("WorklistTableModel", "Nhận lúc {when}").format(
                    when=_when(item.received_at)
                )
            ]
            if item.rescheduled:
                lines.append(
                    translate(
                        "WorklistTableModel", "Hẹn lại theo phiếu xin lỗi; hẹn ban đầu {when}"
                    ).format(when=_when(item.appointment_at))
                )
            return "\n".join(lines)
        if column == APPLICANT:
            parts = [item.applicant_name]
            if item.phone:
                parts.append(
                    translate("WorklistTableModel", "Điện thoại: {phone}").format(phone=item.phone)
                )
            if item.comebacks:
                parts.append(
                    translate("WorklistTableModel", "Đã bổ sung {n} lần").format(n=item.comebacks)
                )
            return "\n".join(parts)
        if column == PROCEDURE:
            channel = CHANNEL_LABELS.get(Channel(item.channel), item.channel)
            return f"{item.procedure_name}\n{item.field} · {translated(channel)}"
        return self._display(row, column)


_VIEW_STATUSES = {
    View.URGENT: RUNNING_STATUSES,
    View.WAITING: frozenset({DossierStatus.WAITING_SUPPLEMENT}),
    View.READY: frozenset({DossierStatus.RESULT_READY}),
    View.CLOSED: CLOSED_STATUSES,
    View.ALL_OPEN: OPEN_STATUSES,
}


def status_choices(view: View) -> list[DossierStatus]:
    """The statuses a view can hold, for its status filter (in the order of a dossier's life)."""
    return [s for s in DossierStatus if s in _VIEW_STATUSES[view]]


def with_view(flt: WorklistFilter, view: View) -> WorklistFilter:
    """``flt`` moved to ``view``: a status that the view cannot hold is dropped."""
    status = flt.status if flt.status in status_choices(view) else None
    return replace(flt, view=view, status=status)
