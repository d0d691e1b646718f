"""Picking the procedure at intake: type a few words, arrows to move, Enter to pick.

Clerks type without accents on a hurried keyboard; the search is accent- and
case-insensitive, every word must appear in the code, the name or the field,
and the procedure meant comes first, ready for Enter: the whole phrase, then a
name that starts with it, then the code, then how often this office uses it
(``desk.domain.procedure_search``). The catalog and this office's counts of the
last year are read once, off the window's thread (the form is on screen and the
clerk may type meanwhile: the list follows what was typed once it is there), and
searched in memory, so each key press answers at once; ``reload()`` reads them again
after an admin edits the catalog. A first read that fails says so under the search
line and is tried again at the next key typed there.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.procedure import Procedure
from desk.domain.procedure_search import ProcedureIndex
from desk.services import catalog, procedure_usage
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import FieldError, translate

log = logging.getLogger(__name__)

CONTEXT = "ProcedurePicker"
CODE, NAME, FIELD, LIMIT, FEE = range(5)
_NAVIGATION_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


class ProcedurePicker(QWidget):
    """Search line, list of matching procedures, and what was picked.

    ``procedure_chosen`` carries the picked ``Procedure`` (or ``None`` when the
    choice is cleared).
    """

    procedure_chosen = Signal(object)

    def __init__(
        self, db: Database, parent: QWidget | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._procedures: list[Procedure] = []
        self._index: ProcedureIndex[Procedure] = ProcedureIndex([])
        self._items: dict[str, QTreeWidgetItem] = {}
        self._chosen: Procedure | None = None
        #: The catalog has been read once (until then the list says it is being read).
        self._read_once = False

        self.search = QLineEdit(self)
        self.search.setObjectName("procedure_search")
        self.search.setPlaceholderText(
            translate("ProcedurePicker", "Tìm thủ tục: gõ không dấu cũng được")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("ProcedurePicker", "Tìm thủ tục"))
        self.list = QTreeWidget(self)
        self.list.setObjectName("procedure_list")
        self.list.setHeaderLabels(
            [
                translate("ProcedurePicker", "Mã"),
                translate("ProcedurePicker", "Tên thủ tục"),
                translate("ProcedurePicker", "Lĩnh vực"),
                translate("ProcedurePicker", "Thời hạn"),
                translate("ProcedurePicker", "Phí, lệ phí"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The search line keeps the focus; arrows typed there move this list.
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (CODE, FIELD, LIMIT, FEE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 6 + 12)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("procedure_list_note")
        self.empty_label.setWordWrap(True)
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("chosen_procedure")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setTextFormat(Qt.TextFormat.RichText)
        self.error = FieldError(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.error)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.viewport().installEventFilter(self)
        self.list.itemActivated.connect(lambda _item, _col: self.choose_current())
        # A click on a row picks it too: a highlighted row that is not the
        # chosen procedure would mislead a clerk using the mouse.
        self.list.itemClicked.connect(lambda _item, _col: self.choose_current())
        # The catalog's reads (the first, and after an admin edits it): the newest is shown.
        self._reads = background.NewestRead(self)
        self.reload()
        self._show_chosen()

    # -- the catalog ------------------------------------------------------

    @staticmethod
    def read(db: Database, now: datetime) -> tuple[list[Procedure], dict[str, int]]:
        """The active catalog and how often each procedure was received lately."""
        return catalog.list_procedures(db), procedure_usage.usage_counts(db, now)

    def reload(self) -> None:
        """Read the active catalog (again, after an admin edits it) off the window's thread;
        the list keeps what it shows until then, and the choice if it is still there."""
        db, now = self._db, self._clock.now()

        def done(found: tuple[list[Procedure], dict[str, int]] | None, error: str | None) -> None:
            if found is not None:
                self._read_once = True
                self._show_catalog(*found)
            elif self._read_once:  # the list keeps the catalog it had
                log.warning("the catalog could not be read again: %s", error)
            else:
                log.warning("the catalog could not be read: %s", error)
                self._say(
                    translate(
                        "ProcedurePicker",
                        "Không đọc được danh mục thủ tục: {error}. Gõ vào ô tìm để thử lại.",
                    ).format(error=error)
                )

        self._reads.run(lambda: self.read(db, now), done)
        if not self._read_once:
            self._say(translate("ProcedurePicker", "Đang đọc danh mục thủ tục..."))

    def reading(self) -> bool:
        """Whether the catalog is being read (the first time, or again)."""
        return self._reads.waiting()

    def _say(self, text: str) -> None:
        """``text`` under the list (why it is empty), or nothing."""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _show_catalog(self, procedures: list[Procedure], usage: dict[str, int]) -> None:
        self._procedures = procedures
        self._index = ProcedureIndex(self._procedures, usage)
        self.list.clear()
        self._items = {}
        for p in self._procedures:
            item = QTreeWidgetItem([p.code, p.name, p.field, p.limit.label(), p.fee])
            item.setData(CODE, Qt.ItemDataRole.UserRole, p.code)
            for column in (NAME, FIELD, LIMIT, FEE):
                item.setToolTip(column, item.text(column))
            self.list.addTopLevelItem(item)
            self._items[p.code] = item
        chosen = self._chosen
        self._chosen = None
        if chosen is not None:
            fresh = next((p for p in self._procedures if p.code == chosen.code), None)
            if fresh is not None:
                self._set_chosen(fresh)
            else:
                self.procedure_chosen.emit(None)
                self._show_chosen()
        self._filter(self.search.text())

    def _fit_columns(self) -> None:
        """Keep about half the list's width for the name, whatever the window's size.

        Run when the list's own viewport changes size: the picker's resize comes before
        its layout gives the list its new width, so reading it then used the old one
        (on a 1024 px screen the field, limit and fee columns were left a few pixels)."""
        header = self.list.header()
        code = self.list.fontMetrics().horizontalAdvance("0.000000") + 24
        rest = max(0, self.list.viewport().width() - code)
        header.resizeSection(CODE, code)
        for column, share in ((FIELD, 0.16), (LIMIT, 0.18), (FEE, 0.16)):
            header.resizeSection(column, int(rest * share))

    def procedures(self) -> list[Procedure]:
        return list(self._procedures)

    # -- filtering and choosing -------------------------------------------

    def visible_codes(self) -> list[str]:
        """Codes of the procedures now listed, top to bottom."""
        return [
            self.list.topLevelItem(i).text(CODE)
            for i in range(self.list.topLevelItemCount())
            if not self.list.topLevelItem(i).isHidden()
        ]

    def _filter(self, query: str) -> None:
        """List what ``query`` finds, best first, and highlight the best (Enter picks it)."""
        if not self._read_once:  # kept for when the catalog is there; a failed read again
            if not self.reading():
                self.reload()
            return
        found = [self._items[p.code] for p in self._index.search(query)]
        shown = set(map(id, found))
        order = found + [item for item in self._items.values() if id(item) not in shown]
        listed = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        if list(map(id, listed)) != list(map(id, order)):
            self.list.invisibleRootItem().takeChildren()
            self.list.addTopLevelItems(order)
        for item in order:
            item.setHidden(id(item) not in shown)
        first_visible = found[0] if found else None
        current = self.list.currentItem()
        if query.strip() or current is None or current.isHidden():
            self.list.setCurrentItem(first_visible)
            if first_visible is not None:
                self.list.scrollToItem(first_visible)
        self._say(
            translate("ProcedurePicker", "Không tìm thấy thủ tục phù hợp.")
            if first_visible is None
            else ""
        )

    def choose_current(self) -> None:
        """Pick the highlighted procedure (Enter in the search line, or a double-click)."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        code = item.data(CODE, Qt.ItemDataRole.UserRole)
        procedure = next(p for p in self._procedures if p.code == code)
        self._set_chosen(procedure)

    def choose(self, code: str) -> None:
        """Pick by code (used when a form is filled again from a saved dossier)."""
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.text(CODE) == code:
                item.setHidden(False)
                self.list.setCurrentItem(item)
                self.choose_current()
                return
        raise KeyError(code)

    def chosen(self) -> Procedure | None:
        return self._chosen

    def clear(self) -> None:
        """Back to an empty search and no procedure, for the next citizen."""
        self.search.clear()
        self.error.clear_message()
        if self._chosen is not None:
            self._chosen = None
            self._show_chosen()
            self.procedure_chosen.emit(None)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.scrollToTop()

    def _set_chosen(self, procedure: Procedure) -> None:
        self._chosen = procedure
        self.error.clear_message()
        self._show_chosen()
        self.procedure_chosen.emit(procedure)

    def _show_chosen(self) -> None:
        p = self._chosen
        if p is None:
            self.chosen_label.setText(
                translate("ProcedurePicker", "<i>Chưa chọn thủ tục: gõ vài chữ rồi bấm Enter.</i>")
            )
            return
        fee = p.fee or translate("ProcedurePicker", "không ghi")
        self.chosen_label.setText(
            translate(
                "ProcedurePicker",
                "<b>Đã chọn: {code} – {name}</b><br>Lĩnh vực: {field} · Thời hạn: {limit}"
                " · Phí, lệ phí: {fee}",
            ).format(
                code=_html(p.code),
                name=_html(p.name),
                field=_html(p.field),
                limit=_html(p.limit.label()),
                fee=_html(fee),
            )
        )

    # -- keys typed in the search line move the list -----------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() in _NAVIGATION_KEYS:
                self._move(event.key())
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Enter here picks; it must not reach the form, where it saves.
                self.choose_current()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        rows = [
            self.list.topLevelItem(i)
            for i in range(self.list.topLevelItemCount())
            if not self.list.topLevelItem(i).isHidden()
        ]
        if not rows:
            return
        current = self.list.currentItem()
        at = rows.index(current) if current in rows else -1
        page = max(1, self.list.viewport().height() // max(1, self.list.sizeHintForRow(0)) - 1)
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[key]
        target = rows[min(len(rows) - 1, max(0, at + step))]
        self.list.setCurrentItem(target)
        self.list.scrollToItem(target)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
