"""Form 06/VPCP/KSTT and the tracking book as Excel files, read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
import pytest

from desk.documents import targets
from desk.documents.statistics_form import FormRow, StatisticsForm
from desk.documents.tracking_book import BookEntry, TrackingBook
from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.office import Office
from desk.domain.statistics import Figures, Period
from desk.services import report_xlsx

OFFICE = Office(
    name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41", head_name="Trần Thị Bình"
)
CIVIL = Figures(
    received=1200, received_online=200, received_direct=1000, carried_over=15, decided=1180,
    early=500, on_time=600, late=80, pending_in_time=30, pending_overdue=5,
)  # fmt: skip
LAND = Figures(received=30, received_direct=30, carried_over=9, decided=25, early=20, late=5,
               pending_in_time=10, pending_overdue=4)  # fmt: skip


def form() -> StatisticsForm:
    total = Figures()
    total.add(CIVIL)
    total.add(LAND)
    return StatisticsForm(
        office=OFFICE,
        place="Tân Phú",
        period=Period.quarter(2026, 1),
        rows=(FormRow("Hộ tịch", CIVIL), FormRow("Đất đai", LAND)),
        total=total,
        pending_at=datetime(2026, 4, 1, tzinfo=VN_TZ),
        made_on=date(2026, 4, 2),
    )


def cells_by_value(sheet) -> dict[object, str]:  # noqa: ANN001
    return {c.value: c.coordinate for row in sheet.iter_rows() for c in row if c.value is not None}


def test_form_06_holds_the_numbers_as_numbers_under_merged_vietnamese_headings(tmp_path):
    path = report_xlsx.write_statistics_xlsx(form(), tmp_path / "bieu-06.xlsx")
    sheet = openpyxl.load_workbook(path)["Biểu 06"]
    where = cells_by_value(sheet)
    for words in (
        "Biểu số 06/VPCP/KSTT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\nTẠI UBND XÃ TÂN PHÚ",
        "Kỳ báo cáo: Quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)",
        "Số hồ sơ nhận giải quyết",
        "Số kỳ trước chuyển qua",
        "Trả quá hạn",
        "Tổng cộng",
        "THỦ TRƯỞNG CƠ QUAN",
        "Trần Thị Bình",
    ):
        assert words in where, words
    header = sheet[where["Số hồ sơ nhận giải quyết"]].row
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"A{header}:A{header + 2}", f"C{header}:F{header}", f"G{header}:M{header}"} <= merged
    numbers_row = header + 3
    assert [sheet.cell(numbers_row, c).value for c in (1, 2, 13)] == ["(1)", "(2)", "(13)"]
    civil = [sheet.cell(numbers_row + 1, c).value for c in range(1, 14)]
    assert civil == [1, "Hộ tịch", 1215, 15, 200, 1000, 1180, 500, 600, 80, 35, 30, 5]
    total = [sheet.cell(numbers_row + 3, c).value for c in range(2, 14)]
    assert total == ["Tổng cộng", 1254, 24, 200, 1030, 1205, 520, 600, 85, 49, 40, 9]
    assert sheet.cell(numbers_row + 3, 3).font.bold
    assert sheet.cell(numbers_row + 1, 3).number_format == "#,##0"
    assert sheet.cell(numbers_row + 1, 3).border.left.style == "thin"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == f"${header}:${numbers_row}"


def entry(n: int) -> BookEntry:
    received = datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ) + timedelta(minutes=20 * n)
    return BookEntry(
        number=n, code=f"H36.41-260302-{n:04d}", procedure="Đăng ký khai sinh",
        applicant=f"Trần Thị Số {n}", address="Ấp 3, xã Tân Phú", phone="0912345678",
        department="Công chức Tư pháp - Hộ tịch", received_at=received,
        appointment_at=received + timedelta(days=1), due_at=received + timedelta(days=1),
        returned_at=None, status="in_progress", return_method="", tracking_number="",
    )  # fmt: skip


def test_the_book_has_one_row_per_dossier_under_the_headings(tmp_path):
    entries = [entry(n) for n in range(1, 301)]
    book = TrackingBook(OFFICE, "Tân Phú", Period.month(2026, 3), len(entries), iter(entries))
    path = report_xlsx.write_tracking_book_xlsx(book, tmp_path / "so.xlsx")
    sheet = openpyxl.load_workbook(path)["Sổ theo dõi"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "UBND XÃ TÂN PHÚ - BỘ PHẬN MỘT CỬA"
    assert rows[1][0] == "SỔ THEO DÕI HỒ SƠ"
    assert rows[2][0] == "Tháng 3/2026 (từ ngày 01/03/2026 đến ngày 31/03/2026): 300 hồ sơ"
    assert rows[4][:3] == ("STT", "Mã hồ sơ", "Tên thủ tục hành chính") and rows[4][-1] == "Ký nhận"
    body = rows[5:]
    assert [r[0] for r in body] == list(range(1, 301))
    assert [r[1] for r in body] == [e.code for e in entries]
    assert body[0][4] == "Ấp 3, xã Tân Phú\n0912345678"
    assert body[0][6] == "08:20\n02/03/2026"
    assert sheet.freeze_panes == "A6"


def test_a_file_open_elsewhere_is_a_message_for_the_clerk(tmp_path, monkeypatch):
    def refuse(source, target):  # noqa: ANN001
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(targets.os, "replace", refuse)
    with pytest.raises(UserError) as caught:
        report_xlsx.write_statistics_xlsx(form(), tmp_path / "bieu-06.xlsx")
    assert "Hãy đóng tệp Excel" in caught.value.message
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind
