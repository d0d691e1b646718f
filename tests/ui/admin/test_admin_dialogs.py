"""The admin dialogs on a real set-up database: clerks, catalog, calendar, printer, office."""

from __future__ import annotations

import csv
import importlib.util
import os
import socket
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from background_jobs import WAIT_MS, dialog_saved, settle
from keyboard_input import type_text
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.clock import FixedClock
from desk.domain.office import Clerk
from desk.domain.procedure import Channel, Level, PaperForm, RequiredPaper
from desk.domain.roles import Role
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.printing.system_printers import CUPS, SystemPrinter
from desk.services import accounts, calendar, catalog, settings
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.admin.calendar_dialog import CalendarDialog
from desk.ui.admin.clerks_dialog import ClerksDialog
from desk.ui.admin.office_dialog import OfficeDialog
from desk.ui.admin.printer_dialog import PrinterSettingsDialog
from desk.ui.admin.procedures_dialog import ProceduresDialog

MARRIAGE = "1.000894"  # Thủ tục đăng ký kết hôn
LAND = "1.013978"  # first land registration: 27 / 17 online / 20 by post


def table_column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def the_editor(parent: QWidget, kind: type) -> QWidget:
    """The cell editor a delegate opened (the only visible one of its type)."""
    editors = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def press_enter_in(qtbot, editor: QWidget) -> None:
    """Enter in a cell editor; the view commits the value on its next event-loop turn."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


# --- clerks -----------------------------------------------------------------------


@pytest.fixture
def clerks(qtbot, db: Database, clerk: Clerk) -> ClerksDialog:
    d = ClerksDialog(db, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def added(qtbot, d: ClerksDialog) -> bool:
    """Add the account typed and wait for the outcome: whether it was added."""
    before = d.last_added
    asked = d.add_clerk()
    qtbot.waitUntil(lambda: not d.saving(), timeout=30_000)
    return asked and d.last_added is not before


def fill_clerk(qtbot, d: ClerksDialog, username: str, password: str, confirm: str) -> None:
    type_text(qtbot, d.username_edit, username)
    type_text(qtbot, d.full_name_edit, "Nguyễn Thị Lan")
    type_text(qtbot, d.password_edit, password)
    type_text(qtbot, d.confirm_edit, confirm)


def test_adding_a_clerk_lets_the_clerk_log_in(qtbot, clerks: ClerksDialog, db) -> None:
    fill_clerk(qtbot, clerks, "lan.nt", "matkhau456", "matkhau456")
    qtbot.keyPress(clerks.confirm_edit, Qt.Key.Key_Return)  # Enter adds, as the button does
    qtbot.waitUntil(lambda: not clerks.saving())  # saved off the window's thread
    qtbot.keyRelease(clerks.confirm_edit, Qt.Key.Key_Return)  # (the key let go after)
    assert "lan.nt" in table_column(clerks.table, 0)
    assert "Nguyễn Thị Lan" in table_column(clerks.table, 1)
    assert clerks.notice.text() == "Đã thêm tài khoản “lan.nt” (Nguyễn Thị Lan)."
    assert clerks.username_edit.text() == "" and clerks.password_edit.text() == ""
    lan = accounts.log_in(db, "lan.nt", "matkhau456")
    assert lan.full_name == "Nguyễn Thị Lan" and not lan.is_admin


def test_adding_an_admin(qtbot, clerks: ClerksDialog, db) -> None:
    assert [clerks.role_combo.itemText(i) for i in range(clerks.role_combo.count())] == [
        "Cán bộ tiếp nhận",
        "Lãnh đạo, giám sát",
        "Quản trị",
    ]
    fill_clerk(qtbot, clerks, "lan.nt", "matkhau456", "matkhau456")
    clerks.set_role(Role.ADMIN)
    assert added(qtbot, clerks)
    assert accounts.log_in(db, "lan.nt", "matkhau456").is_admin
    assert table_column(clerks.table, 2)[table_column(clerks.table, 0).index("lan.nt")] == (
        "Quản trị"
    )
    assert clerks.role_combo.currentData() == Role.CLERK.value  # back to the usual choice


def test_adding_a_supervisor(qtbot, clerks: ClerksDialog, db) -> None:
    fill_clerk(qtbot, clerks, "lan.nt", "matkhau456", "matkhau456")
    clerks.set_role(Role.SUPERVISOR)
    assert added(qtbot, clerks)
    lan = accounts.log_in(db, "lan.nt", "matkhau456")
    assert lan.role == "supervisor" and lan.is_supervisor and not lan.is_admin
    assert table_column(clerks.table, 2)[table_column(clerks.table, 0).index("lan.nt")] == (
        "Lãnh đạo, giám sát"
    )


def test_clerk_form_shows_each_message_under_its_field(qtbot, clerks: ClerksDialog, db) -> None:
    type_text(qtbot, clerks.username_edit, "Lan NT")
    type_text(qtbot, clerks.password_edit, "12345678")
    type_text(qtbot, clerks.confirm_edit, "12345679")
    assert not added(qtbot, clerks)
    assert clerks.errors.message("username").startswith("Tên đăng nhập từ 3 ký tự")
    assert clerks.errors.message("full_name") == "Chưa nhập họ và tên cán bộ."
    assert clerks.errors.message("password") == "Mật khẩu phải có cả chữ và số."
    assert clerks.errors.message("password_confirm").startswith("Hai lần nhập mật khẩu")
    assert clerks.username_edit.text() == "Lan NT"
    assert [c.username for c in accounts.list_clerks(db)] == ["admin"]


def test_a_taken_username_is_refused_under_the_username(qtbot, clerks: ClerksDialog) -> None:
    fill_clerk(qtbot, clerks, "admin", "matkhau456", "matkhau456")
    assert not added(qtbot, clerks)
    assert "đã có người dùng" in clerks.errors.message("username")


# --- procedures --------------------------------------------------------------------


def procedure_saved(qtbot, d: ProceduresDialog):  # noqa: ANN201
    """Save the editor's procedure and wait (off the window's thread): what was saved, or
    ``None`` when it was refused."""
    before = d.last_saved
    d.save()
    qtbot.waitUntil(lambda: not d.saving(), timeout=30_000)
    return d.last_saved if d.last_saved is not before else None


@pytest.fixture
def procedures(qtbot, db: Database, clerk: Clerk) -> ProceduresDialog:
    d = ProceduresDialog(db, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def test_search_ignores_accents(qtbot, procedures: ProceduresDialog) -> None:
    type_text(qtbot, procedures.search_edit, "dang ky ket hon")
    qtbot.waitUntil(lambda: not procedures.searching(), timeout=WAIT_MS)
    names = table_column(procedures.table, 1)
    assert "Thủ tục đăng ký kết hôn" in names
    assert all("kết hôn" in n.lower() for n in names)
    assert procedures.count_label.text() == f"{len(names)} thủ tục"


def test_editing_papers_persists(qtbot, procedures: ProceduresDialog, db) -> None:
    assert procedures.select_code(MARRIAGE)
    table = procedures.editor.papers_table
    before = catalog.get_procedure(db, MARRIAGE).papers
    assert table.rowCount() == len(before) == 3

    table.setCurrentCell(table.rowCount() - 1, 0)
    qtbot.mouseClick(procedures.editor.add_paper_button, Qt.MouseButton.LeftButton)
    new_row = table.rowCount() - 1
    name_editor = the_editor(table, QLineEdit)
    type_text(qtbot, name_editor, "Giấy xác nhận tình trạng hôn nhân")
    press_enter_in(qtbot, name_editor)

    table.editItem(table.item(new_row, table.FORM))
    combo = the_editor(table, QComboBox)
    combo.setCurrentIndex(combo.findData(PaperForm.COPY))
    press_enter_in(qtbot, combo)
    table.editItem(table.item(new_row, table.COUNT))
    spin = the_editor(table, QSpinBox)
    spin.setValue(2)
    press_enter_in(qtbot, spin)

    table.setCurrentCell(new_row, 0)
    qtbot.mouseClick(procedures.editor.up_button, Qt.MouseButton.LeftButton)  # now row 2
    table.setCurrentCell(1, 0)
    qtbot.mouseClick(procedures.editor.remove_paper_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(procedures.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not procedures.saving())  # saved off the window's thread
    assert procedures.notice.text() == f"Đã lưu thủ tục {MARRIAGE}."
    saved = catalog.get_procedure(db, MARRIAGE).papers
    assert saved == [
        before[0],
        RequiredPaper("Giấy xác nhận tình trạng hôn nhân", PaperForm.COPY, 2, False),
        before[2],
    ]


def test_channel_limits_and_cutoff_persist(qtbot, procedures: ProceduresDialog, db) -> None:
    procedures.select_code(LAND)
    editor = procedures.editor
    assert (editor.amount_spin.value(), editor.online_spin.value(), editor.post_spin.value()) == (
        27,
        17,
        20,
    )
    editor.online_spin.setValue(15)
    editor.post_spin.setValue(0)  # "như tại quầy": no own limit by post
    assert procedure_saved(qtbot, procedures) is not None
    land = catalog.get_procedure(db, LAND)
    assert land.limit == TimeLimit.working_days(27)
    assert land.channel_limits == {Channel.ONLINE: TimeLimit.working_days(15)}
    assert land.limit_for(Channel.POST) == TimeLimit.working_days(27)


def test_the_level_is_one_of_three_and_online_only_is_a_checkbox(
    qtbot, procedures: ProceduresDialog, db
) -> None:
    combo = procedures.editor.level_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["(không ghi)", "Trung ương", "Cấp tỉnh", "Cấp xã"]  # no district
    procedures.select_code("1.004222")  # permanent residence: commune, online only
    editor = procedures.editor
    assert editor.level() is Level.COMMUNE and combo.currentText() == "Cấp xã"
    assert editor.online_only_check.isChecked()
    procedures.select_code(MARRIAGE)
    assert not editor.online_only_check.isChecked()
    combo.setCurrentIndex(combo.findData(Level.PROVINCE.value))
    editor.online_only_check.setChecked(True)
    assert procedure_saved(qtbot, procedures) is not None
    saved = catalog.get_procedure(db, MARRIAGE)
    assert (saved.level, saved.online_only) == (Level.PROVINCE, True)


def test_limit_kinds_use_the_vietnamese_labels(procedures: ProceduresDialog) -> None:
    combo = procedures.editor.kind_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["Ngày làm việc", "Ngày", "Giờ làm việc", "Trong ngày"]
    procedures.select_code(MARRIAGE)
    assert procedures.editor.kind() is LimitKind.SAME_DAY
    assert not procedures.editor.amount_spin.isEnabled()
    assert procedures.editor.cutoff_edit.time().toString("HH:mm") == "15:00"


def test_new_procedure_problems_are_shown_under_their_fields(qtbot, procedures, db) -> None:
    count = len(catalog.list_procedures(db, include_inactive=True))
    qtbot.mouseClick(procedures.new_button, Qt.MouseButton.LeftButton)
    editor = procedures.editor
    assert editor.code_edit.text() == "" and not editor.code_edit.isReadOnly()
    type_text(qtbot, editor.code_edit, MARRIAGE)
    editor.papers_table.add_paper(RequiredPaper("  "))
    assert procedure_saved(qtbot, procedures) is None
    assert editor.errors.message("name") == "Chưa nhập tên thủ tục."
    assert editor.errors.message("field") == "Chưa nhập lĩnh vực."
    assert editor.errors.message("papers") == (
        "Giấy tờ ở dòng 1 chưa có tên: hãy nhập tên hoặc xóa dòng đó."
    )
    assert "đã có trong danh mục" in editor.errors.message("code")
    assert len(catalog.list_procedures(db, include_inactive=True)) == count


def test_a_new_procedure_is_added(qtbot, procedures: ProceduresDialog, db) -> None:
    procedures.new_procedure()
    editor = procedures.editor
    type_text(qtbot, editor.code_edit, "9.000001")
    type_text(qtbot, editor.name_edit, "Xác nhận thông tin hộ tịch")
    editor.field_combo.setCurrentText("Hộ tịch")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(LimitKind.WORKING_HOURS))
    editor.amount_spin.setValue(4)
    editor.papers_table.add_paper(RequiredPaper("Tờ khai theo mẫu", PaperForm.ORIGINAL, 1))
    saved = procedure_saved(qtbot, procedures)
    assert saved is not None and saved.id is not None
    assert catalog.get_procedure(db, "9.000001").limit == TimeLimit.working_hours(4)
    assert procedures.current_code() == "9.000001"
    assert editor.code_edit.isReadOnly()


def test_unsaved_edits_are_not_dropped_without_asking(qtbot, procedures: ProceduresDialog) -> None:
    procedures.select_code(MARRIAGE)
    type_text(qtbot, procedures.editor.fee_edit, " (đang sửa)")
    procedures.select_code(LAND)
    assert procedures.question is not None and procedures.question.isVisible()
    assert procedures.editor.code_edit.text() == MARRIAGE  # still the edited one
    assert procedures.current_code() == MARRIAGE
    yes = next(b for b in procedures.question.buttons() if b.text() == "Bỏ thay đổi")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert procedures.editor.code_edit.text() == LAND
    assert procedures.current_code() == LAND


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Mã thủ tục",
                "Tên thủ tục",
                "Lĩnh vực",
                "Loại thời hạn",
                "Thời hạn",
                "Thành phần hồ sơ",
            ]
        )
        writer.writerows(rows)
    return path


def test_import_reports_each_bad_row_and_keeps_the_good(procedures, db, tmp_path, qtbot) -> None:
    path = write_csv(
        tmp_path / "danh-muc.csv",
        [
            [
                "9.000001",
                "Thủ tục thử nghiệm",
                "Hộ tịch",
                "ngày làm việc",
                "3",
                "Tờ khai (bản chính)",
            ],
            ["9.000002", "Thủ tục lỗi", "Hộ tịch", "ngày làm việc", "ba", "Tờ khai (bản chính)"],
        ],
    )
    job = procedures.import_from(path)
    assert job.running and not procedures.import_button.isEnabled()  # in the background
    settle(qtbot)
    assert not job.running and procedures.import_button.isEnabled()
    report = procedures.last_import
    assert report is not None and (report.added, report.updated) == (1, 0)
    assert procedures.report_dialog is not None and procedures.report_dialog.isVisible()
    messages = procedures.report_dialog.messages()
    assert len(messages) == 1
    assert messages[0].startswith("Dòng 3 (9.000002): ")
    assert "'ba'" in messages[0] and "limit_amount" in messages[0]
    assert "đã thêm 1 thủ tục" in procedures.report_dialog.summary.text()
    assert catalog.get_procedure(db, "9.000001").name == "Thủ tục thử nghiệm"
    assert "9.000001" in table_column(procedures.table, 0)
    assert procedures.notice.is_error


def test_import_of_a_file_that_is_not_a_catalog(procedures, tmp_path, qtbot) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("không phải danh mục", encoding="utf-8")
    procedures.import_from(path)
    settle(qtbot)
    assert procedures.last_import is None
    assert procedures.notice.is_error and procedures.notice.text()


def test_import_of_a_missing_file_says_which(procedures, tmp_path, qtbot) -> None:
    procedures.import_from(tmp_path / "khong-co.csv")
    settle(qtbot)
    assert procedures.last_import is None
    assert procedures.notice.is_error and "khong-co.csv" in procedures.notice.text()


def test_export_then_import_round_trips(procedures, db, tmp_path, qtbot) -> None:
    count = len(catalog.list_procedures(db, include_inactive=True))
    for name in ("danh-muc.csv", "danh-muc.xlsx"):
        job = procedures.export_to(tmp_path / name)
        assert job.running and not procedures.export_button.isEnabled()  # in the background
        settle(qtbot)
        assert not job.running and procedures.export_button.isEnabled()
        assert procedures.last_export_count == count
        assert procedures.notice.text() == f"Đã xuất {count} thủ tục ra tệp {tmp_path / name}."
        assert (tmp_path / name).stat().st_size > 0
        procedures.import_from(tmp_path / name)
        settle(qtbot)
        report = procedures.last_import
        assert report is not None
        assert (report.added, report.updated, report.errors) == (0, count, [])


def test_export_to_a_missing_folder_says_so(procedures, tmp_path, qtbot) -> None:
    procedures.export_to(tmp_path / "khong-co" / "danh-muc.csv")
    settle(qtbot)
    assert procedures.last_export_count is None
    assert procedures.notice.is_error and "khong-co" in procedures.notice.text()


# --- calendar ---------------------------------------------------------------------


@pytest.fixture
def calendar_dialog(qtbot, db: Database, clerk: Clerk, clock: FixedClock) -> CalendarDialog:
    d = CalendarDialog(db, clerk, clock=clock)
    qtbot.addWidget(d)
    d.show()
    return d


def test_adding_and_removing_a_makeup_saturday(qtbot, calendar_dialog: CalendarDialog, db) -> None:
    saturday = date(2026, 3, 14)
    assert not calendar.working_calendar(db).is_working_day(saturday)
    d = calendar_dialog
    d.date_edit.setDate(QDate(2026, 3, 14))
    d.kind_combo.setCurrentIndex(d.kind_combo.findData("makeup"))
    type_text(qtbot, d.note_edit, "Làm bù cho ngày nghỉ thứ Hai")
    qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.saving())  # saved off the window's thread
    assert calendar.working_calendar(db).is_working_day(saturday)
    row = table_column(d.special_table, 0).index("14/03/2026")
    assert d.special_table.item(row, 1).text() == "Thứ Bảy"
    assert d.special_table.item(row, 2).text() == "Ngày làm bù"
    assert d.special_table.item(row, 3).text() == "Đã xác nhận"
    assert d.special_table.item(row, 4).text() == "Làm bù cho ngày nghỉ thứ Hai"
    assert d.special_table.item(row, 5).text() == "Quản trị viên nhập"
    assert d.notice.text() == "Đã thêm ngày làm bù: Thứ Bảy, 14/03/2026."

    assert d.selected_day() == saturday
    qtbot.mouseClick(d.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.saving())
    assert not calendar.working_calendar(db).is_working_day(saturday)
    assert "14/03/2026" not in table_column(d.special_table, 0)


def test_removing_without_a_selection_asks_for_one(calendar_dialog: CalendarDialog, db) -> None:
    calendar_dialog.special_table.clearSelection()
    before = calendar.special_days(db)
    assert not calendar_dialog.remove_selected()
    assert calendar_dialog.notice.text() == "Hãy chọn một ngày trong bảng để xóa."
    assert calendar.special_days(db) == before


def test_office_hours_are_checked_and_saved(qtbot, calendar_dialog: CalendarDialog, db) -> None:
    d = calendar_dialog
    d.hours_edit.clear()
    type_text(qtbot, d.hours_edit, "7h30-11h30, 13:30-25:00")
    qtbot.keyPress(d.hours_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not d.saving())
    assert "không có thật" in d.errors.message("office_hours")
    assert str(calendar.office_hours(db)) == "07:30-11:30, 13:30-17:00"
    d.hours_edit.clear()
    type_text(qtbot, d.hours_edit, "7h-11h, 13h-16h30")
    assert d.save_hours()
    qtbot.waitUntil(lambda: not d.saving())
    assert d.errors.message("office_hours") == ""
    assert str(calendar.office_hours(db)) == "07:00-11:00, 13:00-16:30"
    assert d.hours_edit.text() == "07:00-11:00, 13:00-16:30"


def test_a_confirmed_year_lists_its_days_with_sources(
    qtbot, calendar_dialog: CalendarDialog
) -> None:
    d = calendar_dialog
    assert d.year == 2026
    dates = table_column(d.special_table, 0)
    assert "02/01/2026" in dates and "16/02/2026" in dates and "02/09/2026" in dates
    row = dates.index("02/01/2026")
    assert "12729/VPCP-KGVX" in d.special_table.item(row, 5).text()
    assert table_column(d.public_table, 0) == []  # nothing estimated in a confirmed year
    assert "Năm 2026 đã có lịch nghỉ chính thức" in d.year_status.text()
    d.year_spin.setValue(2025)
    qtbot.waitUntil(lambda: not d.reading(), timeout=WAIT_MS)
    assert all(s.endswith("/2025") for s in table_column(d.special_table, 0))


def test_a_year_not_confirmed_shows_the_estimate(qtbot, calendar_dialog: CalendarDialog) -> None:
    d = calendar_dialog
    d.year_spin.setValue(2027)
    qtbot.waitUntil(lambda: not d.reading(), timeout=WAIT_MS)
    assert "Năm 2027 chưa có lịch nghỉ chính thức" in d.year_status.text()
    estimated = table_column(d.public_table, 0)
    assert "08/02/2027" in estimated and "02/09/2027" in estimated
    assert "24/11/2027" not in estimated  # only proposed
    assert d.public_table.item(estimated.index("02/09/2027"), 2).text() == "Quốc khánh"


def test_the_admin_confirms_then_rejects_the_proposed_day(
    qtbot, calendar_dialog: CalendarDialog, db
) -> None:
    d = calendar_dialog
    row = table_column(d.special_table, 0).index("24/11/2026")
    assert d.special_table.item(row, 3).text() == "Đề xuất, chờ quyết định"
    assert calendar.working_calendar(db).is_working_day(date(2026, 11, 24))
    d.special_table.selectRow(row)
    assert d.confirm_button.isEnabled() and d.reject_button.isEnabled()
    qtbot.mouseClick(d.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.saving())
    assert not calendar.working_calendar(db).is_working_day(date(2026, 11, 24))
    assert d.notice.text() == "Đã xác nhận ngày 24/11/2026: áp dụng khi tính ngày hẹn."
    assert d.selected_day() == date(2026, 11, 24)
    assert not d.confirm_button.isEnabled()
    qtbot.mouseClick(d.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.saving())
    assert calendar.working_calendar(db).is_working_day(date(2026, 11, 24))
    row = table_column(d.special_table, 0).index("24/11/2026")
    assert d.special_table.item(row, 3).text() == "Không áp dụng"


def test_importing_an_official_schedule(
    qtbot, calendar_dialog: CalendarDialog, db, tmp_path
) -> None:
    d = calendar_dialog
    bad = tmp_path / "thieu-nguon.csv"
    bad.write_text("date,kind,note\n2027-02-08,off,Tết\n", encoding="utf-8")
    assert d.import_from(bad)
    qtbot.waitUntil(lambda: not d.saving())
    assert "chưa ghi nguồn" in d.notice.text() and d.notice.is_error
    good = tmp_path / "lich-2027.csv"
    good.write_text(
        "date,kind,note,source,status\n"
        "2027-02-08,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n",
        encoding="utf-8",
    )
    assert d.import_from(good)
    qtbot.waitUntil(lambda: not d.saving())
    assert d.year == 2027
    assert "lịch năm 2027 đã xác nhận" in d.notice.text()
    assert table_column(d.special_table, 0) == ["08/02/2027"]
    assert 2027 in calendar.confirmed_years(db)


def test_a_clerk_sees_the_calendar_but_changes_nothing(qtbot, db, clerk, clock) -> None:
    accounts.add_clerk(db, clerk, "canbo9", "Lê Văn Chín", "chin2026ok")
    plain = accounts.log_in(db, "canbo9", "chin2026ok")
    d = CalendarDialog(db, plain, clock=clock)
    qtbot.addWidget(d)
    d.special_table.selectRow(table_column(d.special_table, 0).index("24/11/2026"))
    assert not d.confirm_button.isEnabled() and not d.import_button.isEnabled()


# --- printer ----------------------------------------------------------------------


@pytest.fixture
def printer(qtbot, db: Database, clerk: Clerk, clock: FixedClock) -> PrinterSettingsDialog:
    d = PrinterSettingsDialog(db, clerk, clock=clock)
    qtbot.addWidget(d)
    d.show()
    return d


def sent(qtbot, dialog: PrinterSettingsDialog, start: Callable[[], object]) -> Image.Image | None:
    """Start a test print, wait for its outcome: the image that went out, or ``None``."""
    start()
    settle(qtbot)
    return dialog.last_sent


def test_test_print_to_a_file_writes_the_receipt(qtbot, printer, tmp_path) -> None:
    target = tmp_path / "phieu.bin"
    printer.uri_edit.setText(f"file:{target}")
    qtbot.mouseClick(printer.test_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    data = target.read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dv0" in data  # init, then a raster image
    assert printer.last_image is not None and printer.last_image.width == 576
    assert not printer.notice.is_error
    assert printer.notice.text().startswith("Đã gửi phiếu in thử tới tệp ")
    assert printer.preview.pixmap().width() == 576


def test_test_print_follows_the_paper_chosen(qtbot, printer, tmp_path) -> None:
    printer.uri_edit.setText(f"file:{tmp_path / 'phieu58.bin'}")
    printer.paper_combo.setCurrentIndex(printer.paper_combo.findData("58"))
    image = sent(qtbot, printer, printer.test_print)
    assert image is not None and image.width == 384


def test_test_print_to_a_bad_uri_shows_how_to_write_one(qtbot, printer) -> None:
    printer.uri_edit.setText("máy in quầy 1")
    assert sent(qtbot, printer, printer.test_print) is None
    message = printer.errors.message("printer_uri")
    assert message.startswith("Địa chỉ máy in “máy in quầy 1” không đúng")
    assert "tcp://192.168.1.50:9100" in message


def test_test_print_to_a_printer_that_does_not_answer(qtbot, printer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends
    printer.uri_edit.setText(f"tcp://127.0.0.1:{port}")
    assert sent(qtbot, printer, printer.test_print) is None
    message = printer.errors.message("printer_uri")  # said at the address it is about
    assert message.startswith(f"Không kết nối được máy in 127.0.0.1:{port}")
    assert not printer.notice.is_error
    assert printer.last_image is not None  # the sample is still shown


def test_printer_settings_are_saved(qtbot, printer, db) -> None:
    printer.uri_edit.setText("tcp://192.168.1.50:9100")
    printer.paper_combo.setCurrentIndex(printer.paper_combo.findData("80-180dpi"))
    assert dialog_saved(qtbot, printer)
    assert settings.get_setting(db, settings.PRINTER_URI) == "tcp://192.168.1.50:9100"
    assert settings.get_setting(db, settings.PAPER) == "80-180dpi"


def test_a_bad_uri_is_not_saved(qtbot, printer, db) -> None:
    printer.uri_edit.setText("")
    assert not dialog_saved(qtbot, printer)
    assert "chưa nhập" in printer.errors.message("printer_uri")
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"


def decode(data: bytes):
    """The tests' ESC/POS decoder (``tests/printing/escpos_decode.py``)."""
    if "escpos_decode" not in sys.modules:
        path = Path(__file__).parents[2] / "printing" / "escpos_decode.py"
        spec = importlib.util.spec_from_file_location("escpos_decode", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["escpos_decode"] = module
        spec.loader.exec_module(module)
    return sys.modules["escpos_decode"].decode(data)


INSTALLED = [
    SystemPrinter("Microsoft Print to PDF"),
    SystemPrinter("EPSON TM-T82 Receipt", is_default=True),
    SystemPrinter("Máy in quầy 2", offline=True),
]


def printer_dialog(qtbot, db, clerk, clock, installed) -> PrinterSettingsDialog:
    """The dialog with the printers Windows would list (the spooler does not run here)."""
    d = PrinterSettingsDialog(db, clerk, clock=clock, system_printers=lambda: list(installed))
    qtbot.addWidget(d)
    d.show()
    return d


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_installed_printers_are_listed_with_the_default_marked(qtbot, db, clerk, clock) -> None:
    d = printer_dialog(qtbot, db, clerk, clock, INSTALLED)
    assert combo_texts(d.installed.combo) == [
        "— Chọn máy in —",
        "Microsoft Print to PDF",
        "EPSON TM-T82 Receipt (mặc định)",
        "Máy in quầy 2 (Windows báo đang ngoại tuyến)",
    ]
    assert d.installed.combo.isEnabled() and d.installed.combo.currentIndex() == 0


def test_choosing_an_installed_printer_fills_the_address(qtbot, db, clerk, clock) -> None:
    d = printer_dialog(qtbot, db, clerk, clock, INSTALLED)
    d.installed.combo.setCurrentIndex(2)
    assert d.uri_edit.text() == "win32:EPSON TM-T82 Receipt"
    assert dialog_saved(qtbot, d)
    assert settings.get_setting(db, settings.PRINTER_URI) == "win32:EPSON TM-T82 Receipt"


def test_a_typed_address_still_works_and_leaves_the_list(qtbot, db, clerk, clock) -> None:
    d = printer_dialog(qtbot, db, clerk, clock, INSTALLED)
    d.installed.combo.setCurrentIndex(1)
    d.uri_edit.clear()
    type_text(qtbot, d.uri_edit, "tcp://192.168.1.50:9100")
    assert d.installed.combo.currentIndex() == 0  # no installed printer is this one
    d.uri_edit.selectAll()
    type_text(qtbot, d.uri_edit, "win32:Microsoft Print to PDF")
    assert d.installed.combo.currentText() == "Microsoft Print to PDF"
    d.uri_edit.selectAll()
    type_text(qtbot, d.uri_edit, "serial:COM3?baudrate=19200")
    assert dialog_saved(qtbot, d)
    assert settings.get_setting(db, settings.PRINTER_URI) == "serial:COM3?baudrate=19200"


def test_the_saved_printer_is_shown_chosen(qtbot, db, clerk, clock) -> None:
    settings.set_setting(db, settings.PRINTER_URI, "win32:EPSON TM-T82 Receipt")
    d = printer_dialog(qtbot, db, clerk, clock, INSTALLED)
    assert d.installed.combo.currentText() == "EPSON TM-T82 Receipt (mặc định)"


def test_printers_by_name_are_a_windows_feature(qtbot, db, clerk, clock) -> None:
    d = printer_dialog(qtbot, db, clerk, clock, [SystemPrinter("EPSON_TM_T82", True, CUPS)])
    assert not d.installed.combo.isEnabled()
    assert d.installed.combo.currentText().startswith("Chỉ chọn theo tên được trên Windows")
    d = printer_dialog(qtbot, db, clerk, clock, [])
    assert d.installed.combo.currentText() == "Không tìm thấy máy in nào đã cài trên máy này"


def test_the_list_is_read_again_on_request(qtbot, db, clerk, clock) -> None:
    installed = [SystemPrinter("EPSON TM-T82 Receipt", True)]
    d = printer_dialog(qtbot, db, clerk, clock, installed)
    d.installed.combo.setCurrentIndex(1)
    installed.insert(0, SystemPrinter("Xprinter XP-58"))  # plugged in while the dialog is open
    qtbot.mouseClick(d.installed.refresh_button, Qt.MouseButton.LeftButton)
    assert combo_texts(d.installed.combo)[1:] == [
        "Xprinter XP-58",
        "EPSON TM-T82 Receipt (mặc định)",
    ]
    assert d.installed.combo.currentText() == "EPSON TM-T82 Receipt (mặc định)"


def test_the_test_page_goes_to_the_unsaved_address(qtbot, printer, db, tmp_path) -> None:
    target = tmp_path / "trang-thu.bin"
    printer.uri_edit.setText(f"file:{target}")
    qtbot.mouseClick(printer.test_page_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [printed] = decode(target.read_bytes()).rasters
    assert printer.last_image is not None and printed.size == printer.last_image.size
    [symbol] = zbar_decode(printed.convert("L"))
    assert symbol.data.decode() == "DESK-TEST H36.41 2026-03-10 09:15 576"
    assert printer.notice.text().startswith("Đã gửi trang in thử tới tệp ")
    assert not printer.notice.is_error
    assert printer.preview.pixmap().width() == 576
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"  # nothing saved


def test_the_test_page_follows_the_paper_chosen(qtbot, printer, tmp_path) -> None:
    printer.uri_edit.setText(f"file:{tmp_path / 'trang-thu-58.bin'}")
    printer.paper_combo.setCurrentIndex(printer.paper_combo.findData("58"))
    image = sent(qtbot, printer, printer.print_test_page)
    assert image is not None and image.width == 384


def test_a_windows_printer_missing_here_is_said_at_the_address(qtbot, db, clerk, clock) -> None:
    """This computer has no Windows spooler: the chosen printer cannot be reached."""
    d = printer_dialog(qtbot, db, clerk, clock, INSTALLED)
    d.installed.combo.setCurrentIndex(2)
    assert sent(qtbot, d, d.print_test_page) is None
    message = d.errors.message("printer_uri")
    assert "“EPSON TM-T82 Receipt”" in message
    assert not d.notice.is_error
    assert d.last_image is not None  # the page is still shown


def test_a_test_page_to_a_printer_that_is_off(qtbot, printer, closed_port_here) -> None:
    printer.uri_edit.setText(f"tcp://127.0.0.1:{closed_port_here}")
    qtbot.mouseClick(printer.test_page_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    message = printer.errors.message("printer_uri")
    assert message.startswith(f"Không kết nối được máy in 127.0.0.1:{closed_port_here}")
    assert printer.last_image is not None


def test_the_test_page_with_none_prints_nothing(qtbot, printer) -> None:
    printer.uri_edit.setText("none")
    assert sent(qtbot, printer, printer.print_test_page) is not None
    assert printer.notice.text().startswith("Đang chọn “none”")


@pytest.fixture
def closed_port_here():
    """A port on 127.0.0.1 that is bound but not listening: connecting is refused."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


# --- office -----------------------------------------------------------------------


@pytest.fixture
def office_dialog(qtbot, db: Database, clerk: Clerk) -> OfficeDialog:
    d = OfficeDialog(db, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def test_office_info_is_edited(qtbot, office_dialog: OfficeDialog, db) -> None:
    assert office_dialog.name_edit.text() == "UBND xã Tân Phú"
    office_dialog.head_title_edit.clear()
    type_text(qtbot, office_dialog.head_title_edit, "KT. CHỦ TỊCH")
    office_dialog.head_name_edit.clear()
    type_text(qtbot, office_dialog.head_name_edit, "Lê Văn Cường")
    qtbot.keyPress(office_dialog.head_name_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not office_dialog.saving())  # off the window's thread
    assert office_dialog.result() == QDialog.DialogCode.Accepted
    office = office_service.get_office(db)
    assert (office.head_title, office.head_name) == ("KT. CHỦ TỊCH", "Lê Văn Cường")
    assert office.code == "H36.41"


def test_office_problems_are_shown_under_their_fields(
    qtbot, office_dialog: OfficeDialog, db
) -> None:
    office_dialog.code_edit.setText("H36 41")
    office_dialog.name_edit.clear()
    office_dialog.save()
    qtbot.waitUntil(lambda: not office_dialog.saving())  # refused by the service
    assert office_dialog.result() != QDialog.DialogCode.Accepted
    assert "không được có dấu cách" in office_dialog.errors.message("office_code")
    assert office_dialog.errors.message("office_name").startswith("Chưa nhập tên cơ quan")
    assert office_service.get_office(db).code == "H36.41"


def test_a_clerk_who_is_not_admin_cannot_save(qtbot, db: Database, clerk: Clerk) -> None:
    plain = accounts.add_clerk(db, clerk, "lan.nt", "Nguyễn Thị Lan", "matkhau456")
    d = OfficeDialog(db, plain)
    qtbot.addWidget(d)
    d.name_edit.setText("UBND xã Khác")
    assert not d.save()
    assert d.notice.text() == "Chỉ quản trị viên mới được sửa thông tin cơ quan."
    assert office_service.get_office(db).name == "UBND xã Tân Phú"
