"""The office's working calendar: its hours, and its own days off and make-up days.

Appointments count working days and hours (domain "Time limits and the
appointment"; Civil Code 2015 art. 147-148), so the calendar must follow each
year's civil-servant schedule. Public holidays (Labour Code 2019 art. 112) come
from the ``holidays`` package and are shown read-only; the package lags behind
the yearly notices, so the office adds its own days off and make-up Saturdays
here, and those always win.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
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

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.translation import translated
from desk.domain.vn_dates import weekday_label
from desk.services import calendar
from desk.storage.database import Database
from desk.ui.admin._widgets import (
    FieldErrors,
    Notice,
    clean_text,
    fill_table,
    read_only_table,
    set_enter_button,
    vietnamese_buttons,
)
from desk.ui.qt_helpers import translate


def public_days(year: int) -> list[tuple[date, str]]:
    """The year's public holidays and the make-up days the ``holidays`` package knows.

    Read through the domain calendar with no office days, so what is listed is
    exactly what the calendar applies when the office has declared nothing.
    """
    plain = WorkingCalendar()
    days: list[tuple[date, str]] = []
    day = date(year, 1, 1)
    while day.year == year:
        if plain.is_public_holiday(day) or (day.weekday() >= 5 and plain.is_working_day(day)):
            days.append((day, plain.day_note(day)))
        day += timedelta(days=1)
    return days


def _day_text(day: date) -> str:
    return f"{day:%d/%m/%Y}"


class CalendarDialog(QDialog):
    """Office hours, the office's special days of a year, and that year's public holidays."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.setWindowTitle(translate("CalendarDialog", "Lịch làm việc"))
        self.errors = FieldErrors()
        today = (clock or SystemClock()).now().date()
        self.notice = Notice()

        self.hours_edit = QLineEdit(str(calendar.office_hours(db)))
        self.save_hours_button = QPushButton(translate("CalendarDialog", "Lưu giờ làm việc"))
        self.save_hours_button.clicked.connect(self.save_hours)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.year_spin.valueChanged.connect(lambda _year: self.refresh())

        self.special_table = read_only_table(
            [
                translate("CalendarDialog", "Ngày"),
                translate("CalendarDialog", "Thứ"),
                translate("CalendarDialog", "Loại"),
                translate("CalendarDialog", "Ghi chú"),
            ]
        )
        self.public_table = read_only_table(
            [
                translate("CalendarDialog", "Ngày"),
                translate("CalendarDialog", "Thứ"),
                translate("CalendarDialog", "Tên ngày"),
            ]
        )
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
        for widget in (self.save_hours_button, self.add_button, self.remove_button):
            widget.setEnabled(clerk.is_admin)
        if not clerk.is_admin:
            self.notice.show_error(
                translate("CalendarDialog", "Chỉ quản trị viên mới được sửa lịch làm việc.")
            )
        self.refresh()

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
        year_row.addStretch(1)

        special = QGroupBox(
            translate("CalendarDialog", "Ngày nghỉ, ngày làm bù của cơ quan (ưu tiên hơn ngày lễ)")
        )
        add_form = QFormLayout()
        add_form.addRow(translate("CalendarDialog", "Ngày:"), self.date_edit)
        add_form.addRow(translate("CalendarDialog", "Loại ngày:"), self.kind_combo)
        add_form.addRow(translate("CalendarDialog", "Ghi chú:"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        special_layout = QVBoxLayout(special)
        special_layout.addWidget(self.special_table, 1)
        special_layout.addLayout(add_form)
        special_layout.addLayout(buttons)

        public = QGroupBox(
            translate("CalendarDialog", "Ngày lễ, Tết theo Bộ luật Lao động (chỉ xem)")
        )
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
        self.resize(1180, 720)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        """Both tables for the chosen year."""
        days = [d for d in calendar.special_days(self.db) if d.day.year == self.year]
        fill_table(
            self.special_table,
            [
                (
                    _day_text(d.day),
                    weekday_label(d.day),
                    translated(calendar.KINDS[d.kind]),
                    d.note,
                )
                for d in days
            ],
            [d.day.isoformat() for d in days],
        )
        listed = public_days(self.year)
        fill_table(
            self.public_table,
            [(_day_text(day), weekday_label(day), translated(note)) for day, note in listed],
        )

    def save_hours(self) -> bool:
        self.notice.clear_notice()
        try:
            hours = calendar.set_office_hours(self.db, self.clerk, clean_text(self.hours_edit))
        except UserError as exc:
            self.errors.show({"office_hours": exc.message})
            return False
        self.errors.clear()
        self.hours_edit.setText(str(hours))
        self.notice.show_ok(translate("CalendarDialog", "Đã lưu giờ làm việc: {0}.").format(hours))
        return True

    def chosen_day(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def add_special_day(self) -> bool:
        """Declare the chosen date off or a make-up working day (replacing what it was)."""
        self.notice.clear_notice()
        day, kind = self.chosen_day(), str(self.kind_combo.currentData())
        try:
            calendar.set_special_day(self.db, self.clerk, day, kind, clean_text(self.note_edit))
        except UserError as exc:
            self.notice.show_error(exc.message)
            return False
        self.note_edit.clear()
        if self.year != day.year:
            self.year_spin.setValue(day.year)
        else:
            self.refresh()
        self._select(day)
        self.notice.show_ok(
            translate("CalendarDialog", "Đã thêm {0}: {1}, {2}.").format(
                translated(calendar.KINDS[kind]).lower(),
                weekday_label(day),
                _day_text(day),
            )
        )
        return True

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
        try:
            calendar.remove_special_day(self.db, self.clerk, day)
        except UserError as exc:
            self.notice.show_error(exc.message)
            return False
        self.refresh()
        self.notice.show_ok(
            translate("CalendarDialog", "Đã xóa ngày {0} khỏi lịch của cơ quan.").format(
                _day_text(day)
            )
        )
        return True
