"""The "Cần xin lỗi" view of the worklist: running dossiers at risk of being late.

Decree 118/2025 art. 19(6): when a dossier will be late, the agency must send the
citizen a written apology with the one new date, at the latest one day before
the appointment. This view lists the dossiers ``desk.services.risk.at_risk``
flags, most urgent first, each with its reason, so the office can act in time;
opening one opens its page, where "Xin lỗi và hẹn lại..." writes the letter.
A clerk's list holds their own dossiers, a supervisor's the whole office's; the line
under it says which, and how many of them are overdue (the worklist's band "Quá
hạn") and overdue with no letter yet (the report's "quá hạn chưa xin lỗi").

The list is computed off the window's thread (``desk.ui.worklist.at_risk_loader``). The
worklist asks for a new list when the dossiers changed while this view is
shown, and once a minute for the count on its tab, never on each of its
two-second polls.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.risk import RiskCounts, RiskItem, RiskKind
from desk.domain.scope import Scope
from desk.domain.translation import translated
from desk.storage.database import Database
from desk.ui.widgets.forms import list_rows
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, translate
from desk.ui.worklist.at_risk_loader import AtRiskLoader
from desk.ui.worklist.at_risk_table_model import (
    DOSSIER,
    DUE,
    KIND,
    KIND_TEXTS,
    PROCEDURE,
    REASON,
    AtRiskTableModel,
)

log = logging.getLogger(__name__)

CONTEXT = "AtRiskView"
#: A list older than this is computed again (dossiers drift into the last day).
RECOUNT_AFTER = timedelta(minutes=1)
#: Never shown: only sets how wide the department column starts.
DEPARTMENT_SAMPLE = "Công chức Tư pháp - Hộ tịch"  # untranslated: width sample


class AtRiskView(QWidget):
    """The at-risk list with its explanation; ``open_requested(code)`` on a double-click
    or Enter, ``counted(n)`` each time a new list arrives."""

    open_requested = Signal(str)
    counted = Signal(int)

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        scope: Scope | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock: Clock = clock or SystemClock()
        #: Whose dossiers the list holds: the clerk's own, or the whole office's.
        self.scope = scope or Scope.office()
        self.loader = AtRiskLoader(db, self, self.scope)
        self.model = AtRiskTableModel(self)
        #: How many dossiers the last list held (None until the first one arrives).
        self.count: int | None = None
        #: The last list's figures (overdue, overdue without a letter), as the report counts.
        self.counts: RiskCounts | None = None
        #: The moment the last list asked for was computed for.
        self.requested_at: datetime | None = None
        self._build()
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)

    def _build(self) -> None:
        self.intro = QLabel(
            translate(
                "AtRiskView",
                "Hồ sơ đang giải quyết có nguy cơ trễ hạn, khẩn nhất ở trên. Phiếu xin lỗi và "
                "hẹn lại phải đến người nộp chậm nhất một ngày làm việc trước ngày hẹn "
                "(Nghị định 118/2025/NĐ-CP, điều 19 khoản 6): mở hồ sơ rồi bấm “Xin lỗi và hẹn lại...”.",
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #37474f;")
        self.table = QTableView(self)
        self.table.setObjectName("at_risk_table")
        self.table.setModel(self.model)
        self._set_up_table()
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("at_risk_reason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("at_risk_status")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.status_label)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_reason(current.row())
        )

    def _set_up_table(self) -> None:
        table = self.table
        list_rows(table, wrap=True)
        table.setAlternatingRowColors(True)
        table.setIconSize(QSize(18, 18))
        # Two lines a row, fixed: thousands of rows lay out without measuring each one.
        lines = table.fontMetrics().lineSpacing() * 2 + 10
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(lines)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = table.fontMetrics()
        widths = {
            KIND: metrics.horizontalAdvance(translated(KIND_TEXTS[RiskKind.SLOW_HISTORY])) + 48,
            DOSSIER: metrics.horizontalAdvance("H36.41-000000-0000") + 24,
            DUE: metrics.horizontalAdvance("00/00/0000 00:00") + 24,
            PROCEDURE: metrics.horizontalAdvance(DEPARTMENT_SAMPLE) + 24,
        }
        for column, width in widths.items():  # at least as wide as its heading
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(
                column, max(width, header.fontMetrics().horizontalAdvance(title) + 24)
            )
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)

    # -- the list ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for the list as of now (it arrives with ``counted``)."""
        self.requested_at = self._clock.now()
        if self.count is None:
            self.status_label.setText(translate("AtRiskView", "Đang tính danh sách..."))
        self.loader.request(self.requested_at)

    def seed(self, items: list[RiskItem], now: datetime) -> None:
        """The list as of ``now``, worked out before this view existed (the window's first
        screen): shown as if it had been asked for then."""
        self.requested_at = now
        self.count = len(items)  # not the first list: the first screen announced it
        self._on_loaded(items, now)

    def is_stale(self) -> bool:
        """No list asked for yet, or the last one is a minute old."""
        return self.requested_at is None or self._clock.now() - self.requested_at >= RECOUNT_AFTER

    def _on_loaded(self, items: list[RiskItem], _now: datetime) -> None:
        if self.count is None:  # the first list since the window opened
            log.info("at-risk list ready: %d dossiers", len(items))
        code = self.selected_code()
        self.model.set_items(items)
        self.count = len(items)
        self.counts = RiskCounts.of(items)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.summary_text())
        self.status_label.show()
        row = self.model.row_of(code) if code is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._show_reason(row if row is not None else -1)
        self.counted.emit(self.count)

    def summary_text(self) -> str:
        """Whose dossiers, how many, and how many of them are the report's overdue ones."""
        counts = self.counts
        if counts is None:
            return ""
        if not counts.at_risk:
            return translate(
                "AtRiskView", "Phạm vi: {scope}. Không có hồ sơ nào có nguy cơ trễ hạn."
            ).format(scope=self.scope.label)
        return translate(
            "AtRiskView",
            "Phạm vi: {scope}. {n} hồ sơ có nguy cơ trễ hạn; {overdue} đã quá hạn, "
            "{without} trong số đó chưa có phiếu xin lỗi.",
        ).format(
            scope=self.scope.label,
            n=counts.at_risk,
            overdue=counts.overdue,
            without=counts.overdue_without_apology,
        )

    def _on_failed(self, message: str) -> None:
        self.status_label.show()
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.status_label.setText(message)

    def _show_reason(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            item = self.model.item(row)
            self.reason_label.setText(
                translate("AtRiskView", "{code}: {reason}").format(
                    code=item.code, reason=item.reason_text
                )
            )
            self.reason_label.show()
        else:
            self.reason_label.clear()
            self.reason_label.hide()

    # -- the selection -------------------------------------------------------------------

    def selected_code(self) -> str | None:
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.is_stale():
            self.refresh()
