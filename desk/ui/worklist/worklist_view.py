"""The worklist screen: what needs doing, most urgent first.

At the top, one button per urgency band with its count (a colour, a shape and
a word: never colour alone); a click shows only that band. Under it the views
(running, waiting for the citizen, result ready, finished), the filters and a
search that ignores accents and case. The list re-reads itself when another
counter changes a dossier: it polls the dossier change counter every two
seconds, one primary-key read, and reloads only when the counter moved.

The last tab, "Cần xin lỗi", is the list of running dossiers at risk of being
late (``desk.ui.worklist.at_risk_view``); its count is renewed once a minute, and the
list itself whenever the dossiers change while it is shown.

Every count on this screen is of one scope, said before the bands and in the
at-risk tab's title: a clerk's own dossiers ("của tôi"), or the whole office's
("toàn cơ quan") for a supervisor, as the dashboard and ``desk report`` count them
(``desk.domain.scope``): the band "Quá hạn" is their "đang giải quyết quá hạn".

When the window opens, the list comes first: its first page is read before
the window shows, and the counts on the bands and tabs are counted right
after, off the window's thread (``desk.ui.widgets.background``); ``counted`` says
when they are on screen.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Clerk
from desk.domain.scope import scope_for
from desk.domain.translation import translated
from desk.domain.urgency import BAND_LABELS, Band
from desk.services import changes, worklist
from desk.services.worklist import VIEW_LABELS, View, WorklistFilter
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.band_style import BandButton
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate
from desk.ui.widgets.screen_fit import ElidedLabel
from desk.ui.widgets.server_poll import ServerPoll
from desk.ui.worklist.at_risk_view import AtRiskView
from desk.ui.worklist.filter_bar import FilterBar
from desk.ui.worklist.worklist_table import worklist_table
from desk.ui.worklist.worklist_table_model import (
    WorklistTableModel,
    with_view,
)

log = logging.getLogger(__name__)

CONTEXT = "WorklistView"
POLL_MS = 750  # one primary-key read: changes from other PCs show within a second
SEARCH_DELAY_MS = 300
#: Bands move as time passes even when nobody changes anything.
RECOUNT_AFTER = timedelta(minutes=1)
VIEWS = (View.URGENT, View.WAITING, View.READY, View.CLOSED)
#: The tab after the views: dossiers at risk of being late (not a filter of the list).
AT_RISK_TAB = len(VIEWS)


class WorklistView(QWidget):
    """The list with its bands, views, filters and search; ``open_requested(code)``
    when the clerk opens a dossier (double-click or Enter)."""

    open_requested = Signal(str)
    reloaded = Signal()
    #: the counts of the bands and the view tabs are on screen
    counted = Signal()

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        poll_ms: int = POLL_MS,
        first: WorklistTableModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self._clock: Clock = clock or SystemClock()
        #: The change counter the list was last read at (``None``: not yet known, and the
        #: first poll reads the list again).
        self._version: int | None = None
        #: Whose dossiers the bands, the tabs and the at-risk list count: a clerk's own,
        #: a supervisor's the whole office (``desk.domain.scope``); the screen says which.
        self.scope = scope_for(clerk)
        flt = WorklistFilter(assignee=self.scope.username)
        self.model = WorklistTableModel(db, self._clock, flt, parent=self)
        self.model.rows_read.connect(self._rows_read)
        self.model.read_failed.connect(self._read_failed)
        #: What a read of the list from its top keeps when its rows come: the dossier
        #: selected and the scroll position (a refresh), or ``None`` (the top of a new list).
        self._keep: tuple[str | None, int] | None = None

        self._build_bands()
        self._build_views()
        self._build_filters()
        self._build_table()
        self._build_layout()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)

        #: Its reads of the change counter, which may wait or fail (a server away).
        self.server = ServerPoll("worklist", self, db, changes.DOSSIERS, self._version_read)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        #: The counts' reads: a later count makes an earlier one late (not shown).
        self._counts = background.NewestRead(self)
        #: Why the list last asked for could not be read (``None``: it could).
        self._failure: str | None = None
        self.counts_ready = False
        self._first_page(first)
        self.fill_choices()  # after the list: its read goes first
        self.poll_timer.start()

    # -- building -------------------------------------------------------------

    def _build_bands(self) -> None:
        self.scope_label = QLabel(f"<b>{self.scope.heading}:</b>", self)
        self.scope_label.setObjectName("worklist_scope")
        self.scope_label.setToolTip(self._scope_note())
        self.band_buttons = {band: BandButton(band, self) for band in Band}
        self._band_group = QButtonGroup(self)
        self._band_group.setExclusive(False)
        for button in self.band_buttons.values():
            self._band_group.addButton(button)
        self._band_group.buttonClicked.connect(self._on_band_clicked)

    def _build_views(self) -> None:
        self.view_tabs = QTabBar(self)
        self.view_tabs.setObjectName("view_tabs")
        self.view_tabs.setExpanding(False)
        self.view_tabs.setDrawBase(False)
        for view in VIEWS:
            self.view_tabs.addTab(translated(VIEW_LABELS[view]))
        self.view_tabs.addTab("")  # "Cần xin lỗi - <scope> (n)", once the list is built
        self.view_tabs.setTabTextColor(AT_RISK_TAB, QColor("#b71c1c"))
        self.view_tabs.currentChanged.connect(self._on_view_changed)

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("worklist_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            translate(
                "WorklistView",
                "Tìm theo tên người nộp, mã hồ sơ, số CCCD, số điện thoại (gõ không dấu cũng được)",
            )
        )
        self.filter_bar = FilterBar(self._db, self._clerk, self)
        self.filter_bar.changed.connect(self.apply_filters)
        # The note "reading the list" stays until the last of the list, its counts and these.
        self.filter_bar.choices_read.connect(self._reading_ended)
        # the boxes by name, as the rest of the window and its tests reach them
        self.field_combo = self.filter_bar.field_combo
        self.procedure_combo = self.filter_bar.procedure_combo
        self.status_combo = self.filter_bar.status_combo
        self.channel_combo = self.filter_bar.channel_combo
        self.department_combo = self.filter_bar.department_combo
        self.assignee_combo = self.filter_bar.assignee_combo
        self.clear_button = QPushButton(translate("WorklistView", "Bỏ lọc"), self)
        self.clear_button.clicked.connect(self.clear_filters)

    def _build_table(self) -> None:
        table = self.table = worklist_table(self.model, self)
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)
        self.at_risk = AtRiskView(self._db, self._clock, self, self.scope)
        self.at_risk.open_requested.connect(self.open_requested)
        self.at_risk.counted.connect(self._show_at_risk_count)
        self._show_at_risk_count()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table)
        self.stack.addWidget(self.at_risk)

    def _build_layout(self) -> None:
        bands = QHBoxLayout()
        bands.setSpacing(8)
        for button in self.band_buttons.values():
            bands.addWidget(button)
        bands.addStretch(1)

        # The tabs first: the summary has what they leave, shortened with "…" if need be
        # (its whole text in the tooltip; the at-risk list's own summary is below it).
        self.summary = ElidedLabel("", self)
        self.summary.setObjectName("worklist_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = QPushButton(translate("WorklistView", "Mở hồ sơ"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.reprint_button = QPushButton(translate("WorklistView", "In lại phiếu"), self)
        self.refresh_button = QPushButton(translate("WorklistView", "Làm mới"), self)
        self.refresh_button.clicked.connect(self.refresh)
        views = QHBoxLayout()
        views.addWidget(self.view_tabs)
        views.addWidget(self.summary, 1)

        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.clear_button)
        search.addSpacing(16)
        search.addWidget(self.refresh_button)
        search.addWidget(self.open_button)
        search.addWidget(self.reprint_button)

        layout = QVBoxLayout(self)
        # The scope on a line of its own: beside the bands it took the width that
        # keeps their labels whole on a 1024-pixel screen.
        layout.addWidget(self.scope_label)
        layout.addLayout(bands)
        layout.addLayout(views)
        layout.addLayout(search)
        layout.addWidget(self.filter_bar)
        self.progress = ProgressNote(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.stack, 1)

    # -- the filter boxes -------------------------------------------------------

    def fill_choices(self) -> None:
        """Fill the filter boxes from the catalog, the departments and the accounts (read
        off the window's thread)."""
        self.filter_bar.fill_choices(self.current_view())

    def current_view(self) -> View:
        """The view the list shows (the running dossiers under the at-risk tab)."""
        index = self.view_tabs.currentIndex()
        return VIEWS[index] if 0 <= index < len(VIEWS) else View.URGENT

    def at_risk_shown(self) -> bool:
        return self.view_tabs.currentIndex() == AT_RISK_TAB

    def current_band(self) -> Band | None:
        return next((b for b, button in self.band_buttons.items() if button.isChecked()), None)

    def current_filter(self) -> WorklistFilter:
        """The filter the boxes, the band buttons and the view tabs say."""
        return WorklistFilter(
            view=self.current_view(),
            band=self.current_band() if self.current_view() is View.URGENT else None,
            field=self.field_combo.currentData() or "",
            procedure_code=self.procedure_combo.currentData() or "",
            status=self.status_combo.currentData(),
            channel=self.channel_combo.currentData() or "",
            department=self.department_combo.currentData() or "",
            assignee=self.assignee_combo.currentData() or "",
            search=self.search.text(),
        )

    # -- reacting -----------------------------------------------------------------

    def _on_band_clicked(self, clicked: BandButton) -> None:
        for button in self.band_buttons.values():
            if button is not clicked:
                button.setChecked(False)
        if clicked.isChecked() and (self.at_risk_shown() or self.current_view() is not View.URGENT):
            self.view_tabs.blockSignals(True)
            self.view_tabs.setCurrentIndex(VIEWS.index(View.URGENT))
            self.view_tabs.blockSignals(False)
            self._show_list(True)
            self.filter_bar.fill_statuses(self.current_view())
        self.apply_filters()

    def _on_view_changed(self, _index: int) -> None:
        if self.at_risk_shown() or self.current_view() is not View.URGENT:
            for button in self.band_buttons.values():
                button.setChecked(False)
        self._show_list(not self.at_risk_shown())
        if self.at_risk_shown():
            self._show_at_risk_count()
            return
        self.filter_bar.fill_statuses(self.current_view())
        self.apply_filters()

    def _show_list(self, the_list: bool) -> None:
        """The dossier list with its filters, or the at-risk list (the filters do not apply)."""
        self.stack.setCurrentWidget(self.table if the_list else self.at_risk)
        for widget in (self.filter_bar, self.search, self.clear_button):
            widget.setEnabled(the_list)

    def show_at_risk(self) -> None:
        """Show the dossiers at risk of being late (the list is computed if it is old)."""
        self.view_tabs.setCurrentIndex(AT_RISK_TAB)

    def _scope_note(self) -> str:
        if self.scope.is_office:
            return translate(
                "WorklistView",
                "Các con số tính trên toàn cơ quan, như báo cáo, thống kê.",
            )
        return translate(
            "WorklistView",
            "Các con số chỉ tính hồ sơ anh/chị phụ trách; báo cáo, thống kê của cả cơ quan "
            "ở trình đơn Báo cáo.",
        )

    def _show_at_risk_count(self) -> None:
        count = self.at_risk.count
        label = translate("WorklistView", "Cần xin lỗi - {scope}").format(scope=self.scope.label)
        self.view_tabs.setTabText(AT_RISK_TAB, label if count is None else f"{label} ({count})")
        tip = translate(
            "WorklistView", "Hồ sơ có nguy cơ trễ hạn: cần lập phiếu xin lỗi và hẹn lại kịp thời."
        )
        self.view_tabs.setTabToolTip(AT_RISK_TAB, f"{tip}\n{self.at_risk.summary_text()}".strip())
        if self.at_risk_shown() and count is not None:
            self.summary.setText(translate("WorklistView", "{n} hồ sơ cần xin lỗi").format(n=count))

    def select_band(self, band: Band | None) -> None:
        """Show only ``band`` (``None``: every band), as a click on its button does."""
        if band is None:
            for button in self.band_buttons.values():
                button.setChecked(False)
            self.apply_filters()
            return
        button = self.band_buttons[band]
        button.setChecked(True)
        self._on_band_clicked(button)

    def select_view(self, view: View) -> None:
        self.view_tabs.setCurrentIndex(VIEWS.index(view))

    def clear_filters(self) -> None:
        self.filter_bar.reset()
        for button in self.band_buttons.values():
            button.setChecked(False)
        self.search.clear()
        self.apply_filters()

    def _first_page(self, first: WorklistTableModel | None) -> None:
        """The list as the window opens: its page and its counts, read in the background;
        the rows of the window's first screen (``first``), when given, are shown meanwhile."""
        self._read_list(with_view(self.current_filter(), self.current_view()))
        if first is not None:
            self.model.show_first(first)

    def reading(self) -> bool:
        """Whether the list, its counts or the filter boxes' choices are on their way (read
        off the window's thread)."""
        return self.model.reading() or self._counts.waiting() or self.filter_bar.reading()

    def _read_list(self, flt: WorklistFilter | None = None, then: str | None = None) -> None:
        """Read the list (``flt``, from its top; or the same list again, as deep) and its
        counts, off the window's thread; the screen keeps what it shows until they come,
        and says what it reads when that takes long. ``then``: what the summary says once
        the counts are shown."""
        now = self.model.set_filter(flt) if flt is not None else self.model.reload()
        self._failure = None
        if not self.progress.running():
            self.progress.start(translate("WorklistView", "Đang đọc danh sách hồ sơ..."))
        self._count(now, then)

    def _count(self, now: datetime, then: str | None = None) -> None:
        """Count the bands and views of the list asked for, off the window's thread; a count
        asked later makes this one's late (not shown)."""
        db, flt = self._db, replace(self.model.filter, band=None)
        self._counts.run(
            lambda: worklist.counts(db, flt, now),
            lambda counts, error: self._counted_in_background(counts, error, then),
        )

    def _counted_in_background(
        self,
        counts: tuple[dict[Band, int], dict[View, int]] | None,
        error: str | None,
        then: str | None,
    ) -> None:
        self._reading_ended()
        if error is not None or counts is None:
            self._say_failure(error or "")
            return
        self._show_counts(*counts)
        if then is not None and self._failure is None:
            self.summary.setText(then)

    def _rows_read(self, more: bool) -> None:
        if more:  # the clerk scrolled down: the list is the same, only longer
            return
        keep, self._keep = self._keep, None
        if keep is not None and not self.at_risk_shown():
            code, scroll = keep
            row = self.model.row_of(code) if code is not None else None
            if row is not None:
                self.table.selectRow(row)
            self.table.verticalScrollBar().setValue(scroll)
        self._reading_ended()
        self.reloaded.emit()

    def _read_failed(self, message: str) -> None:
        """The database is locked or gone: say so, and keep the rows shown."""
        self._keep = None
        self._reading_ended()
        self._say_failure(message)

    def _say_failure(self, message: str) -> None:
        """Say, in red where the count of the list goes, why the list or its counts could
        not be read (it stays said until the list is read again: the next poll that reads
        the change counter reads the list too)."""
        self._failure = message
        self._version = None
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.summary.setText(message)

    def _reading_ended(self) -> None:
        if not self.reading() and self.progress.running():
            self.progress.stop()

    def apply_filters(self) -> None:
        """Show the list the boxes ask for, from the top."""
        self._search_timer.stop()
        self._keep = None
        self.table.scrollToTop()
        self._read_list(with_view(self.current_filter(), self.current_view()))

    def poll(self) -> None:
        """Reload when another window or counter changed a dossier, or time moved the bands.

        The change counter is read off the window's thread (``ServerPoll``): a server
        switched off makes that read wait for seconds, and the window keeps answering; a
        database that cannot be read is logged once, and read again at the next tick."""
        self.server.poll()

    def _version_read(self, version: int) -> None:
        if self.at_risk.is_stale():  # a minute old: its count, and its list if shown
            self.at_risk.refresh()
        stale = self._clock.now() - self.model.now >= RECOUNT_AFTER
        if (version == self._version and not stale) or self.reading():
            return
        self._version = version
        if self.current_view() is View.CLOSED:
            # Finished dossiers are history, and their list is the slow one on a large
            # office: recount, and let the clerk reload it when wanted.
            self._refresh_counts_only()
            return
        self.refresh()

    def _refresh_counts_only(self) -> None:
        self._count(
            self._clock.now(),
            translate("WorklistView", "Có hồ sơ vừa thay đổi: bấm “Làm mới” để xem."),
        )

    def refresh(self) -> None:
        """Read the list and the counts again, keeping the selection and the scroll position."""
        if self._keep is None:  # a refresh already on its way keeps what was there before it
            self._keep = (self.selected_code(), self.table.verticalScrollBar().value())
        if self.at_risk_shown():  # a dossier changed: it may have left the list
            self.at_risk.refresh()
        self._read_list()

    def _show_counts(self, bands: dict[Band, int], views: dict[View, int]) -> None:
        flt = self.model.filter
        for band, button in self.band_buttons.items():
            button.set_count(bands[band])
            button.setToolTip(
                translate(
                    "WorklistView",
                    "{band}: {n} hồ sơ ({scope}). Bấm để chỉ xem những hồ sơ này, bấm lần nữa "
                    "để bỏ chọn.",
                ).format(band=translated(BAND_LABELS[band]), n=bands[band], scope=self.scope.label)
            )
        for index, view in enumerate(VIEWS):
            label = translated(VIEW_LABELS[view])
            if view in views:
                label = f"{label} ({views[view]})"
            self.view_tabs.setTabText(index, label)
        if self.at_risk_shown():
            self._show_at_risk_count()
            self._counted()
            return
        if flt.view is View.CLOSED:
            text = translate("WorklistView", "Hồ sơ đã kết thúc, mới nhất ở trên.")
        else:
            shown = bands[flt.band] if flt.band is not None else views[flt.view]
            text = translate("WorklistView", "{n} hồ sơ").format(n=shown)
        if self._failure is None:  # the list itself could not be read: that stays said
            self.summary.setStyleSheet("")
            self.summary.setText(text)
        self._counted()

    def _counted(self) -> None:
        self.counts_ready = True
        self.counted.emit()

    # -- the selection ----------------------------------------------------------------

    def selected_code(self) -> str | None:
        if self.at_risk_shown():
            return self.at_risk.selected_code()
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.code_at(rows[0].row())

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.code_at(row))

    def open_selected(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.open_requested.emit(code)

    def band_counts_shown(self) -> dict[Band, int]:
        return {band: button.count for band, button in self.band_buttons.items()}
