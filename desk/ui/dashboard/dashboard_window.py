"""The supervisors' dashboard: how the office is doing in a period.

At the top the period (this month, quarter, year, the previous ones, or any
days) and the exports: statistics form 06/VPCP/KSTT and the tracking book, as
Excel or PDF, written in the background (a year's book takes a while: the
window stays usable and says it is writing). Under it one tile per figure
(received, decided early / on time / late and the on-time rate, pending within
time and overdue, late dossiers without an apology, supplement requests,
comebacks, queue times); then tabs:
the monthly trend as a chart, the figures by field, procedure, department or
clerk, the working time used against each procedure's limit, the desk's
per-dossier scores per clerk, the queue, and the citizens' ratings
(``desk.ui.dashboard.rating_tab``). A click on a tile, on a count in a table or on a
part of a bar lists the dossiers behind it.

Only supervisors and admins may open it (``Permission.REPORTS``); it counts the
whole office, and says so over the tiles. The definitions of every figure are in
``desk.domain.statistics``; "Đang giải quyết quá hạn" is the worklist's band "Quá
hạn" of the whole office at the same moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.scope import Scope
from desk.domain.statistics import (
    DIMENSION_LABELS,
    FIGURE_LABELS,
    PERIOD_CHOICE_LABELS,
    Dimension,
    Figure,
    Period,
    PeriodChoice,
    percent_text,
    period_for,
)
from desk.domain.translation import translated
from desk.domain.vn_dates import time_and_date_label
from desk.services import calendar, reports, time_used
from desk.storage.database import Database
from desk.ui.dashboard.dashboard_export import DashboardExports
from desk.ui.dashboard.figure_tiles import TILE_ROWS, FigureTile, figure_note
from desk.ui.dashboard.rating_tab import RatingTab
from desk.ui.dashboard.report_dossiers_dialog import ReportDossiersDialog
from desk.ui.dashboard.report_tables import (
    ReportTableModel,
    breakdown_columns,
    decimal_text,
    number_text,
    queue_columns,
    score_columns,
    time_columns,
)
from desk.ui.dashboard.trend_chart import TrendChart
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "DashboardWindow"
#: The most dossiers a list behind a figure shows.
LIST_LIMIT = 2000
TREND_TAB, DETAIL_TAB, TIME_TAB, SCORE_TAB, QUEUE_TAB, RATING_TAB = range(6)
NAME_WIDTH = 380


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their contents, the names column at most ``NAME_WIDTH``."""
    table.resizeColumnsToContents()
    table.setColumnWidth(0, min(NAME_WIDTH, table.columnWidth(0)))
    for column in range(1, table.model().columnCount()):
        table.setColumnWidth(column, min(180, table.columnWidth(column)))


class DashboardWindow(DashboardExports, QWidget):
    """``open_requested(code)`` when a dossier is opened from a list behind a figure."""

    open_requested = Signal(str)

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        reports.check_access(clerk)  # a UserError for a clerk: the caller shows it
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self._clock: Clock = clock or SystemClock()
        self.period: Period = period_for(PeriodChoice.THIS_MONTH, self._today())
        self.dashboard: reports.Dashboard | None = None
        self.details: reports.Report | None = None
        self._loaded_tabs: set[int] = set()
        #: The reads of each kind of count, the newest shown (see ``_read``).
        self._reads: dict[str, background.NewestRead] = {}
        self.dialogs: list[ReportDossiersDialog] = []
        #: The file the last export wrote.
        self.last_export: Path | None = None
        self.setWindowTitle(translate("DashboardWindow", "Báo cáo, thống kê"))
        self._build()
        self.refresh()

    def _today(self) -> date:
        return to_vn(self._clock.now()).date()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_period_bar())
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        layout.addWidget(self.period_label)
        #: What is being counted, once it takes a moment (the window keeps answering).
        self.progress = ProgressNote(self)
        layout.addWidget(self.progress)
        #: Why a count could not be made (the server is gone, the file locked).
        self.error_label = QLabel()
        self.error_label.setObjectName("dashboard_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addLayout(self._build_tiles())
        self.tabs = QTabWidget(self)
        self.chart = TrendChart(self)
        self.chart.part_clicked.connect(self.show_month_part)
        self.tabs.addTab(self.chart, translate("DashboardWindow", "Xu hướng theo tháng"))
        self.tabs.addTab(self._build_details(), translate("DashboardWindow", "Chi tiết"))
        self.time_model = ReportTableModel(time_columns(self._day_length()), self)
        self.tabs.addTab(
            self._table_page(self.time_model, self._time_note()),
            translate("DashboardWindow", "Thời gian giải quyết"),
        )
        self.score_model = ReportTableModel(score_columns(), self)
        self.score_note = QLabel()
        self.tabs.addTab(
            self._table_page(self.score_model, self.score_note),
            translate("DashboardWindow", "Chấm điểm cán bộ"),
        )
        self.queue_model = ReportTableModel(queue_columns(), self)
        self.tabs.addTab(
            self._table_page(self.queue_model, None), translate("DashboardWindow", "Hàng đợi")
        )
        self.rating_tab = RatingTab(self._db, self._table, self._read, self)
        self.tabs.addTab(self.rating_tab, translate("DashboardWindow", "Đánh giá của người dân"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)

    def _build_period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.choice = QComboBox(self)
        for choice in PeriodChoice:
            self.choice.addItem(translated(PERIOD_CHOICE_LABELS[choice]), choice.value)
        self.first_edit, self.last_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        today = self._today()
        self.first_edit.setDate(QDate(today.year, today.month, 1))
        self.last_edit.setDate(QDate(today.year, today.month, today.day))
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.show_button = QPushButton(translate("DashboardWindow", "Xem"), self)
        self.show_button.clicked.connect(self.apply_period)
        self.export_button = QPushButton(translate("DashboardWindow", "Xuất báo cáo"), self)
        menu = QMenu(self.export_button)
        for text, kind in (
            (translate("DashboardWindow", "Biểu số 06/VPCP/KSTT (Excel)..."), "form_xlsx"),
            (translate("DashboardWindow", "Biểu số 06/VPCP/KSTT (PDF)..."), "form_pdf"),
            (translate("DashboardWindow", "Sổ theo dõi hồ sơ (PDF)..."), "book_pdf"),
            (translate("DashboardWindow", "Sổ theo dõi hồ sơ (Excel)..."), "book_xlsx"),
        ):
            menu.addAction(text, lambda k=kind: self.ask_and_export(k))
        self.export_button.setMenu(menu)
        bar.addWidget(QLabel(translate("DashboardWindow", "Kỳ báo cáo:")))
        bar.addWidget(self.choice)
        bar.addWidget(QLabel(translate("DashboardWindow", "từ ngày")))
        bar.addWidget(self.first_edit)
        bar.addWidget(QLabel(translate("DashboardWindow", "đến ngày")))
        bar.addWidget(self.last_edit)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self._choice_changed()
        return bar

    def _build_tiles(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.tiles: dict[Figure, FigureTile] = {}
        for r, row in enumerate(TILE_ROWS):
            for c, (figure, colour) in enumerate(row):
                tile = FigureTile(translated(FIGURE_LABELS[figure]), colour, self)
                tile.clicked.connect(lambda _checked=False, f=figure: self.show_dossiers(f))
                grid.addWidget(tile, r, c)
                self.tiles[figure] = tile
        self.rate_tile = FigureTile(translate("DashboardWindow", "Tỷ lệ đúng hạn"), "#1565c0", self)
        self.rate_tile.clicked.connect(lambda: self.show_dossiers(Figure.DECIDED))
        grid.addWidget(self.rate_tile, 0, len(TILE_ROWS[0]))
        self.queue_tile = FigureTile(
            translate("DashboardWindow", "Chờ / phục vụ trung bình (phút)"), "#263238", self
        )
        self.queue_tile.clicked.connect(lambda: self.tabs.setCurrentIndex(QUEUE_TAB))
        grid.addWidget(self.queue_tile, 1, len(TILE_ROWS[1]))
        # Citizens sent to the national portal (online-only procedures): not dossiers,
        # so the tile lists nothing; it spans both rows at the end.
        self.guided_tile = FigureTile(
            translate("DashboardWindow", "Hướng dẫn nộp trực tuyến"), "#6a1b9a", self
        )
        self.guided_tile.setObjectName("guided_online")
        # as tall as the two rows it spans, not one tile floating between them
        self.guided_tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.guided_tile, 0, len(TILE_ROWS[0]) + 1, 2, 1)
        return grid

    def _build_details(self) -> QWidget:
        page = QWidget(self)
        self.dimension_combo = QComboBox(page)
        for dimension in Dimension:
            self.dimension_combo.addItem(translated(DIMENSION_LABELS[dimension]), dimension.value)
        self.dimension_combo.currentIndexChanged.connect(self.load_details)
        self.detail_model = ReportTableModel(
            breakdown_columns(DIMENSION_LABELS[Dimension.FIELD]), self
        )
        self.detail_table = self._table(self.detail_model)
        self.detail_table.clicked.connect(self._detail_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("DashboardWindow", "Chia theo:")))
        top.addWidget(self.dimension_combo)
        top.addWidget(
            QLabel(translate("DashboardWindow", "Bấm vào một số để xem danh sách hồ sơ."))
        )
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.detail_table, 1)
        return page

    def _table(self, model: ReportTableModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(60)
        header.setStretchLastSection(False)
        model.modelReset.connect(lambda: fit_columns(table))
        return table

    def _table_page(self, model: ReportTableModel, note: QLabel | None) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        if note is not None:
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self._table(model), 1)
        return page

    def _time_note(self) -> QLabel:
        return QLabel(
            translate(
                "DashboardWindow",
                "Thời gian làm việc thực tế từ khi tiếp nhận (hoặc từ khi nhận đủ hồ sơ bổ sung) "
                "đến khi có kết quả, so với thời gian mà thời hạn quy định cho phép; 1 ngày = {day} "
                "giờ làm việc. Đề xuất rút ngắn khi 9/10 hồ sơ chỉ dùng không quá 70 % thời gian cho phép.",
            ).format(day=decimal_text(self._day_length().total_seconds() / 3600, 1))
        )

    def _day_length(self):  # noqa: ANN202
        return calendar.working_calendar(self._db).office_hours.daily_duration

    # -- the period ---------------------------------------------------------------------

    def _choice_changed(self) -> None:
        custom = self.choice.currentData() == PeriodChoice.CUSTOM.value
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)

    def chosen_period(self) -> Period:
        choice = PeriodChoice(self.choice.currentData())
        first, last = self.first_edit.date(), self.last_edit.date()
        return period_for(
            choice,
            self._today(),
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
        )

    def set_period(self, period: Period) -> None:
        """Show ``period`` (as "any days", whatever it is)."""
        self.choice.setCurrentIndex(self.choice.findData(PeriodChoice.CUSTOM.value))
        self.first_edit.setDate(QDate(period.first.year, period.first.month, period.first.day))
        self.last_edit.setDate(QDate(period.last.year, period.last.month, period.last.day))
        self.apply_period()

    def apply_period(self) -> None:
        try:
            self.period = self.chosen_period()
        except UserError as exc:
            show_message(self, translate("DashboardWindow", "Kỳ báo cáo"), exc.message)
            return
        self.refresh()

    # -- loading ------------------------------------------------------------------------
    #
    # A year of a busy office takes the server a second or more to count: every count
    # runs on the pool (``desk.ui.widgets.background``) while the window keeps answering
    # and ``progress`` says what it counts. Each kind of count shows only its newest ask
    # (``background.NewestRead``): a result that comes after the clerk asked again (another
    # period, another breakdown) is dropped, so what is shown is always what was asked last.

    def _read(
        self, kind: str, work: Callable[[], Any], then: Callable[[Any], None], label: str
    ) -> None:
        """``work()`` on the pool; ``then(result)`` here, if it is still the newest ``kind``."""
        reads = self._reads.setdefault(kind, background.NewestRead(self))
        if reads.waiting():  # asked again while the last one counts: say what is counted now
            self.progress.say(label)
        else:
            self.progress.start(label)

        def done(result: object, error: str | None) -> None:
            self.progress.stop()
            self.error_label.setText(error or "")
            self.error_label.setVisible(error is not None)
            if error is None:
                then(result)

        reads.run(work, done)

    def reading(self) -> bool:
        """Whether a count is still on its way."""
        return self.progress.running()

    def refresh(self) -> None:
        """Count the period again: the tiles, the chart and the tab being shown."""
        db, period, now = self._db, self.period, self._clock.now()
        self._loaded_tabs = {TREND_TAB, QUEUE_TAB}
        self._read(
            "dashboard",
            lambda: reports.dashboard(db, period, now),
            self._show_dashboard,
            translate("DashboardWindow", "Đang tính số liệu {title}...").format(
                title=period.title_label
            ),
        )
        self._tab_shown(self.tabs.currentIndex())

    def _show_dashboard(self, dashboard: reports.Dashboard) -> None:
        self.dashboard = dashboard
        total = self.dashboard.total
        click = translate("DashboardWindow", "Bấm để xem danh sách hồ sơ")
        for figure, tile in self.tiles.items():
            note = figure_note(figure)
            tile.set_value(number_text(total.count(figure)), f"{note}\n{click}" if note else click)
        self.rate_tile.set_value(percent_text(total.on_time_rate),
                                 translate("DashboardWindow", "(Trước hạn + đúng hạn) / đã giải quyết"))  # fmt: skip
        self.guided_tile.set_value(
            number_text(self.dashboard.guided_online),
            translate(
                "DashboardWindow",
                "Số phiếu hướng dẫn nộp trên Cổng Dịch vụ công quốc gia đã in trong kỳ, cho "
                "thủ tục chỉ tiếp nhận trực tuyến (Chỉ thị 24/CT-TTg)",
            ),
        )
        queue = self.dashboard.queue.total
        self.queue_tile.set_value(
            f"{decimal_text(queue.average_wait_minutes, 1)} / "
            f"{decimal_text(queue.average_service_minutes, 1)}",
            translate("DashboardWindow", "{n} lượt gọi trong kỳ").format(
                n=number_text(queue.called)
            ),
        )
        self.period_label.setText(
            translate("DashboardWindow", "<b>{scope}</b>, <b>{title}</b> ({range}). Số hồ sơ đang giải quyết tính đến {at}.").format(
                scope=Scope.office().heading, title=dashboard.period.title_label,
                range=dashboard.period.range_label, at=time_and_date_label(dashboard.pending_at),
            )
        )  # fmt: skip
        self.setWindowTitle(
            translate("DashboardWindow", "Báo cáo, thống kê - {title}").format(
                title=dashboard.period.title_label
            )
        )
        self.chart.set_months(self.dashboard.months)
        queue_rows = [*self.dashboard.queue.by_clerk, *self.dashboard.queue.by_group]
        self.queue_model.set_rows(queue_rows, queue if queue_rows else None)

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded_tabs:
            return
        self._loaded_tabs.add(index)
        db, period, now = self._db, self.period, self._clock.now()
        if index == DETAIL_TAB:
            self.load_details()
        elif index == RATING_TAB:
            self.rating_tab.load(period)
        elif index == TIME_TAB:
            self._read(
                "time",
                lambda: time_used.time_used(db, period),
                self.time_model.set_rows,
                translate("DashboardWindow", "Đang tính thời gian giải quyết {title}...").format(
                    title=period.title_label
                ),
            )
        elif index == SCORE_TAB:
            self._read(
                "score",
                lambda: reports.report(db, period, now, Dimension.CLERK),
                self._show_scores,
                translate("DashboardWindow", "Đang chấm điểm cán bộ {title}...").format(
                    title=period.title_label
                ),
            )

    def _show_scores(self, by_clerk: reports.Report) -> None:
        self.score_model.set_rows(
            by_clerk.rows,
            reports.BreakdownRow("", translate("DashboardWindow", "Toàn cơ quan"), by_clerk.total),
        )
        self.score_note.setText(
            translate("DashboardWindow", "Điểm theo cách chấm của desk (xem Quản trị › Quy định áp dụng), trung bình "
               "trên các hồ sơ đã giải quyết trong kỳ. Cả cơ quan: thời gian {t}, số lần đi lại {c}.").format(
                t=decimal_text(by_clerk.total.time_score), c=decimal_text(by_clerk.total.comeback_score)
            )
        )  # fmt: skip

    def dimension(self) -> Dimension:
        return Dimension(self.dimension_combo.currentData())

    def load_details(self) -> None:
        db, period, now, dimension = self._db, self.period, self._clock.now(), self.dimension()

        def show(details: reports.Report) -> None:
            self.details = details
            total = reports.BreakdownRow(
                "", translate("DashboardWindow", "Tổng cộng"), details.total
            )
            columns = breakdown_columns(DIMENSION_LABELS[dimension])
            self.detail_model.set_rows(details.rows, total, columns)

        self._read(
            "details",
            lambda: reports.report(db, period, now, dimension),
            show,
            translate("DashboardWindow", "Đang tính số liệu {title}, {by}...").format(
                title=period.title_label, by=translated(DIMENSION_LABELS[dimension]).lower()
            ),
        )

    # -- the dossiers behind a figure ---------------------------------------------------

    def show_dossiers(
        self, figure: Figure, dimension: Dimension | None = None, key: str | None = None,
        label: str = "", count: int | None = None, period: Period | None = None,
    ) -> None:  # fmt: skip
        """List the dossiers ``figure`` counts (in one breakdown row when a key is given),
        in a window of their own once read (``dialogs[-1]``)."""
        db, period, now = self._db, period or self.period, self._clock.now()
        title = f"{translated(FIGURE_LABELS[figure])} - {period.title_label}"
        if label:
            title += f" - {label}"

        def show(found: list) -> None:
            shown = count
            if shown is None:
                shown = self.dashboard.total.count(figure) if self.dashboard else len(found)
                shown = max(shown, len(found))
            dialog = ReportDossiersDialog(title, found, shown, self)
            dialog.open_requested.connect(self.open_requested)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
            self.dialogs.append(dialog)
            dialog.show()

        self._read(
            "dossiers",
            lambda: reports.dossiers_behind(
                db, period, now, figure, dimension, key, limit=LIST_LIMIT
            ),
            show,
            translate("DashboardWindow", "Đang lấy danh sách hồ sơ: {title}...").format(
                title=title
            ),
        )

    def _forget(self, dialog: ReportDossiersDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _detail_clicked(self, index: QModelIndex) -> None:
        figure = self.detail_model.figure_at(index.column())
        if figure is None or not index.isValid():
            return
        row = self.detail_model.item(index.row())
        if self.detail_model.is_total(index.row()):
            self.show_dossiers(figure, count=row.figures.count(figure))
            return
        self.show_dossiers(figure, self.dimension(), row.key, row.label, row.figures.count(figure))

    def show_month_part(self, index: int, figure_value: str) -> None:
        """The dossiers of one part of a bar: decided (or received) in that month."""
        month = self.chart.months()[index]
        figure = Figure(figure_value)
        count = getattr(month, figure.value)
        self.show_dossiers(figure, count=count, period=month.month)
