"""Quản trị › Lịch làm việc: the office's hours, its calendar days and how settled they are.

Appointments count working days and hours (Civil Code 2015 art. 147-148), so the
calendar must follow each year's civil-servant schedule. The left table lists
the year's days with their source and status: a proposed day (24/11 until the
Labour Code says so) is confirmed or rejected here, and each decision is
audited. A year whose official schedule is not entered is estimated from the
Labour Code 2019 art. 112 (right table, read-only); the admin imports the
official schedule from a CSV file when it is published.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.domain.calendar import DAY_STATUS_LABELS, CalendarDay, DayStatus
from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Clerk
from desk.domain.office_hours import OfficeHours
from desk.domain.translation import translated
from desk.domain.vn_dates import weekday_label
from desk.services import calendar
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import (
    FieldErrors,
    Notice,
    clean_text,
    fill_table,
    read_only_table,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.widgets.qt_helpers import translate

T = TypeVar("T")


def _day_text(day: date) -> str:
    return f"{day:%d/%m/%Y}"


@dataclass(frozen=True)
class YearShown:
    """A year as the dialog shows it: the office's special days in it, whether its
    calendar is confirmed, and its estimated public holidays (day, name)."""

    year: int
    special: list[CalendarDay]
    confirmed: bool
    estimated: list[tuple[date, str]]


@dataclass(frozen=True)
class CalendarShown:
    """What the dialog first shows: the office hours and a year."""

    hours: OfficeHours
    year: YearShown


def read_year(db: Database, year: int) -> YearShown:
    return YearShown(
        year,
        [d for d in calendar.special_days(db) if d.day.year == year],
        year in calendar.confirmed_years(db),
        [
            (day, note)
            for day, _kind, status, note, _source in calendar.days_of_year(db, year)
            if status == "estimated"
        ],
    )


class CalendarDialog(QDialog):
    """Office hours, the office's special days of a year, and that year's public holidays."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        clock: Clock | None = None,
        found: CalendarShown | None = None,
    ) -> None:
        """``found``: what ``read`` gave for this year (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.setWindowTitle(self.title())
        self.errors = FieldErrors()
        clock = clock or SystemClock()
        today = clock.now().date()
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        found = found if found is not None else self.read(db, clock)

        self.hours_edit = QLineEdit(str(found.hours))
        self.save_hours_button = QPushButton(translate("CalendarDialog", "Lưu giờ làm việc"))
        self.save_hours_button.clicked.connect(self.save_hours)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(found.year.year)
        #: The years chosen: each is read off the window's thread, the newest one shown.
        self._year_reads = background.NewestRead(self)
        self.year_spin.valueChanged.connect(lambda _year: self.read_year_chosen())

        self._statuses: dict[date, DayStatus] = {}
        self.special_table = read_only_table(
            [
                translate("CalendarDialog", "Ngày"),
                translate("CalendarDialog", "Thứ"),
                translate("CalendarDialog", "Loại"),
                translate("CalendarDialog", "Trạng thái"),
                translate("CalendarDialog", "Ghi chú"),
                translate("CalendarDialog", "Nguồn"),
            ]
        )
        self.special_table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.special_table.itemSelectionChanged.connect(self._update_decision_buttons)
        self.public_table = read_only_table(
            [
                translate("CalendarDialog", "Ngày"),
                translate("CalendarDialog", "Thứ"),
                translate("CalendarDialog", "Tên ngày"),
            ]
        )
        self.year_status = QLabel()
        self.year_status.setObjectName("year_status")
        self.year_status.setWordWrap(True)
        self.confirm_button = QPushButton(translate("CalendarDialog", "Xác nhận áp dụng"))
        self.confirm_button.setToolTip(
            translate(
                "CalendarDialog",
                "Ngày đề xuất đã có văn bản chính thức: áp dụng khi tính ngày hẹn.",
            )
        )
        self.confirm_button.clicked.connect(lambda: self.decide_selected(True))
        self.reject_button = QPushButton(translate("CalendarDialog", "Không áp dụng"))
        self.reject_button.setToolTip(
            translate("CalendarDialog", "Ngày đề xuất không được áp dụng: tính như ngày thường.")
        )
        self.reject_button.clicked.connect(lambda: self.decide_selected(False))
        self.import_button = QPushButton(translate("CalendarDialog", "Nhập lịch chính thức..."))
        self.import_button.setToolTip(
            translate(
                "CalendarDialog",
                "Tệp CSV có các cột date,kind,note,source,status; các năm có ngày đã xác nhận "
                "trong tệp được coi là đã có lịch chính thức.",
            )
        )
        self.import_button.clicked.connect(self.choose_import_file)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.kind_combo = QComboBox()
        for kind, label in calendar.KINDS.items():
            self.kind_combo.addItem(translated(label), kind)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            translate("CalendarDialog", "Ví dụ: Làm bù cho ngày nghỉ 31/08/2026")
        )
        self.add_button = QPushButton(translate("CalendarDialog", "Thêm ngày"))
        self.add_button.clicked.connect(self.add_special_day)
        self.remove_button = QPushButton(translate("CalendarDialog", "Xóa ngày đã chọn"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.hours_edit.returnPressed.connect(self.save_hours)
        self.note_edit.returnPressed.connect(self.add_special_day)
        self._lay_out()
        set_enter_button(self, None)
        for widget in (
            self.save_hours_button,
            self.add_button,
            self.remove_button,
            self.import_button,
        ):
            widget.setEnabled(clerk.is_admin)
        if not clerk.is_admin:
            self.notice.show_error(
                translate("CalendarDialog", "Chỉ quản trị viên mới được sửa lịch làm việc.")
            )
        self.show_year(found.year)

    def _lay_out(self) -> None:
        hours = QGroupBox(
            translate(
                "CalendarDialog", "Giờ làm việc (các buổi nhận hồ sơ, giống nhau mọi ngày làm việc)"
            )
        )
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.errors.wrap("office_hours", self.hours_edit), 1)
        hours_row.addWidget(self.save_hours_button, 0, Qt.AlignmentFlag.AlignTop)
        hours_layout = QVBoxLayout(hours)
        hours_layout.addLayout(hours_row)
        hint = QLabel(
            translate(
                "CalendarDialog",
                "Các buổi cách nhau bằng dấu phẩy, ví dụ: 07:30-11:30, 13:30-17:00",
            )
        )
        hint.setStyleSheet("color: #455a64;")
        hours_layout.addWidget(hint)

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(translate("CalendarDialog", "Năm:")))
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.year_status, 1)
        year_row.addWidget(self.import_button)

        special = QGroupBox(
            translate("CalendarDialog", "Ngày nghỉ, ngày làm bù của năm (kèm nguồn văn bản)")
        )
        add_form = QFormLayout()
        add_form.addRow(translate("CalendarDialog", "Ngày:"), self.date_edit)
        add_form.addRow(translate("CalendarDialog", "Loại ngày:"), self.kind_combo)
        add_form.addRow(translate("CalendarDialog", "Ghi chú:"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        special_layout = QVBoxLayout(special)
        special_layout.addWidget(self.special_table, 1)
        special_layout.addLayout(add_form)
        special_layout.addLayout(buttons)

        public = QGroupBox(
            translate("CalendarDialog", "Ngày lễ ước tính theo Bộ luật Lao động (chỉ xem)")
        )
        self.public_box = public
        public_layout = QVBoxLayout(public)
        public_layout.addWidget(self.public_table)

        tables = QHBoxLayout()
        tables.addWidget(special, 3)
        tables.addWidget(public, 2)
        close = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hours)
        layout.addLayout(year_row)
        layout.addLayout(tables, 1)
        layout.addWidget(self.notice)
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(min(1180, screen.width() - 40), min(720, screen.height() - 60))

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @staticmethod
    def title() -> str:
        return translate("CalendarDialog", "Lịch làm việc")

    @staticmethod
    def read(db: Database, clock: Clock) -> CalendarShown:
        """What the dialog first shows: the office hours and this year (it may wait on the
        server: read off the window's thread)."""
        return CalendarShown(calendar.office_hours(db), read_year(db, clock.now().year))

    def read_year_chosen(self) -> None:
        """Read the year chosen off the window's thread; the newest one chosen is shown."""
        db, year = self.db, self.year

        def done(shown: YearShown | None, error: str | None) -> None:
            if shown is None:
                self.notice.show_error(error or "")
                return
            self.show_year(shown)

        self._year_reads.run(lambda: read_year(db, year), done)

    def reading(self) -> bool:
        """Whether the year chosen is being read."""
        return self._year_reads.waiting()

    def show_year(self, shown: YearShown) -> None:
        days = shown.special
        fill_table(
            self.special_table,
            [
                (
                    _day_text(d.day),
                    weekday_label(d.day),
                    translated(calendar.KINDS[d.kind]),
                    translated(DAY_STATUS_LABELS[d.status]),
                    d.note,
                    d.source,
                )
                for d in days
            ],
            [d.day.isoformat() for d in days],
        )
        self._statuses = {d.day: d.status for d in days}
        for row, d in enumerate(days):
            if d.status is DayStatus.PROPOSED:
                for column in range(self.special_table.columnCount()):
                    self.special_table.item(row, column).setBackground(Qt.GlobalColor.yellow)
        confirmed, listed = shown.confirmed, shown.estimated
        fill_table(
            self.public_table,
            [(_day_text(day), weekday_label(day), translated(note)) for day, note in listed],
        )
        self.public_box.setVisible(not confirmed)  # a confirmed year has no estimate
        if confirmed:
            text = translate(
                "CalendarDialog",
                "Năm {year} đã có lịch nghỉ chính thức: mọi ngày nghỉ, ngày làm bù có trong "
                "bảng dưới đây.",
            ).format(year=shown.year)
            colour = "#1b5e20"
        else:
            text = translate(
                "CalendarDialog",
                "Năm {year} chưa có lịch nghỉ chính thức: ngày hẹn rơi vào năm này được tính "
                "theo ngày lễ ước tính và được báo là có thể thay đổi.",
            ).format(year=shown.year)
            colour = "#e65100"
        self.year_status.setText(text)
        self.year_status.setStyleSheet(f"color: {colour};")
        self._update_decision_buttons()

    def _update_decision_buttons(self) -> None:
        day = self.selected_day()
        status = self._statuses.get(day) if day is not None else None
        for button, target in (
            (self.confirm_button, DayStatus.CONFIRMED),
            (self.reject_button, DayStatus.REJECTED),
        ):
            button.setEnabled(self.clerk.is_admin and status is not None and status is not target)

    def decide_selected(self, accept: bool) -> bool:
        """Confirm or reject the selected day (a proposed one, or one decided earlier)."""
        self.notice.clear_notice()
        day = self.selected_day()
        if day is None:
            self.notice.show_error(translate("CalendarDialog", "Hãy chọn một ngày trong bảng."))
            return False
        db, clerk = self.db, self.clerk

        def decided(_done: object) -> None:
            self._select(day)
            message = (
                translate("CalendarDialog", "Đã xác nhận ngày {0}: áp dụng khi tính ngày hẹn.")
                if accept
                else translate("CalendarDialog", "Ngày {0} không áp dụng: tính như ngày thường.")
            )
            self.notice.show_ok(message.format(_day_text(day)))

        return self._change(
            lambda: calendar.decide_proposed_day(db, clerk, day, accept),
            lambda _: self.year,
            decided,
        )

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("CalendarDialog", "Chọn tệp lịch nghỉ chính thức"),
            "",
            translate("CalendarDialog", "Tệp CSV (*.csv)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        """Enter an official schedule from a CSV file; the years it covers become confirmed."""
        self.notice.clear_notice()
        db, clerk, year = self.db, self.clerk, self.year

        def imported(done: calendar.ScheduleImport) -> None:
            self.notice.show_ok(done.summary())

        return self._change(
            lambda: calendar.import_schedule(db, clerk, path),
            lambda done: year if year in done.years else done.years[0],
            imported,
        )

    def save_hours(self) -> bool:
        """Save the office hours typed, off the window's thread; a problem is said under
        them. ``False`` when a change is already on its way."""
        self.notice.clear_notice()
        db, clerk, typed = self.db, self.clerk, clean_text(self.hours_edit)

        def saved(hours: object) -> None:
            self.errors.clear()
            self.hours_edit.setText(str(hours))
            self.notice.show_ok(
                translate("CalendarDialog", "Đã lưu giờ làm việc: {0}.").format(hours)
            )

        return self._saves.run(
            lambda: calendar.set_office_hours(db, clerk, typed),
            saved,
            lambda exc: self.errors.show({"office_hours": exc.message}),
        )

    def chosen_day(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def add_special_day(self) -> bool:
        """Declare the chosen date off or a make-up working day (replacing what it was)."""
        self.notice.clear_notice()
        day, kind = self.chosen_day(), str(self.kind_combo.currentData())
        db, clerk, note = self.db, self.clerk, clean_text(self.note_edit)

        def added(_done: object) -> None:
            self.note_edit.clear()
            self._select(day)
            self.notice.show_ok(
                translate("CalendarDialog", "Đã thêm {0}: {1}, {2}.").format(
                    translated(calendar.KINDS[kind]).lower(),
                    weekday_label(day),
                    _day_text(day),
                )
            )

        return self._change(
            lambda: calendar.set_special_day(db, clerk, day, kind, note),
            lambda _: day.year,
            added,
        )

    def _select(self, day: date) -> None:
        for row in range(self.special_table.rowCount()):
            if self.special_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == day.isoformat():
                self.special_table.selectRow(row)

    def selected_day(self) -> date | None:
        rows = self.special_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.special_table.item(rows[0].row(), 0)
        return date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))

    def remove_selected(self) -> bool:
        self.notice.clear_notice()
        day = self.selected_day()
        if day is None:
            self.notice.show_error(
                translate("CalendarDialog", "Hãy chọn một ngày trong bảng để xóa.")
            )
            return False
        db, clerk = self.db, self.clerk
        return self._change(
            lambda: calendar.remove_special_day(db, clerk, day),
            lambda _: self.year,
            lambda _: self.notice.show_ok(
                translate("CalendarDialog", "Đã xóa ngày {0} khỏi lịch của cơ quan.").format(
                    _day_text(day)
                )
            ),
        )

    def _change(
        self,
        work: Callable[[], T],
        year_of: Callable[[T], int],
        done: Callable[[T], None],
    ) -> bool:
        """Change the calendar with ``work()`` off the window's thread, then read the year
        ``year_of(result)`` to show (on that thread too), show it, and ``done(result)``; a
        refusal is said in the notice. ``False`` when a change is already on its way."""
        self.notice.clear_notice()
        db = self.db

        def changed() -> tuple[T, YearShown]:
            result = work()
            return result, read_year(db, year_of(result))

        def shown(outcome: tuple[T, YearShown]) -> None:
            result, year = outcome
            self._year_reads.forget()  # a year still on its way would show what was before
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(year.year)
            self.year_spin.blockSignals(False)
            self.show_year(year)
            done(result)

        return self._saves.run(changed, shown, lambda exc: self.notice.show_error(exc.message))

    def saving(self) -> bool:
        """Whether a change of the calendar is being saved."""
        return self._saves.waiting()
