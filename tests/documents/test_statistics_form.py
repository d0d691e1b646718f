"""Statistics form 06/VPCP/KSTT as a PDF: headings, one row per field, totals, notes."""

from __future__ import annotations

from datetime import date, datetime

from pdf_reading import assert_embedded_serif, pdf_pages, pdf_text

from desk.documents import statistics_form
from desk.documents.statistics_form import FormRow, StatisticsForm
from desk.documents.wording import load_wording
from desk.domain.clock import VN_TZ
from desk.domain.office import Office
from desk.domain.statistics import Figures, Period

OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)
CIVIL = Figures(
    received=120, received_online=20, received_direct=100, carried_over=15, decided=118,
    early=50, on_time=60, late=8, pending_in_time=12, pending_overdue=3, refused=1, stopped=1,
)  # fmt: skip
LAND = Figures(
    received=30, received_online=2, received_direct=28, carried_over=9, decided=25,
    early=20, on_time=1, late=4, pending_in_time=10, pending_overdue=4,
)  # fmt: skip


def a_form(rows: tuple[FormRow, ...]) -> StatisticsForm:
    total = Figures()
    for r in rows:
        total.add(r.figures)
    return StatisticsForm(
        office=OFFICE,
        place="Tân Phú",
        period=Period.quarter(2026, 1),
        rows=rows,
        total=total,
        pending_at=datetime(2026, 4, 1, tzinfo=VN_TZ),
        made_on=date(2026, 4, 2),
    )


def test_the_form_prints_every_count_of_every_field_and_the_totals(tmp_path, data_home):
    form = a_form((FormRow("Hộ tịch", CIVIL), FormRow("Đất đai", LAND)))
    path = statistics_form.write(form, tmp_path / "bieu-06.pdf")
    text = pdf_text(path, raw=True)
    for words in (
        "Biểu số 06/VPCP/KSTT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "TẠI UBND XÃ TÂN PHÚ",
        "Kỳ báo cáo: Quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)",
        "Tân Phú, ngày 02 tháng 4 năm 2026",
        "Số kỳ trước chuyển qua",
        "Số mới tiếp nhận trực tuyến",
        "Trả quá hạn",
        "Hộ tịch 135 15 20 100 118 50 60 8 15 12 3",
        "Đất đai 39 9 2 28 25 20 1 4 14 10 4",
        "Tổng cộng 174 24 22 128 143 70 61 12 29 22 7",
        "Trong kỳ có 1 hồ sơ từ chối giải quyết và 1 hồ sơ dừng giải quyết",
        "00 giờ 00 phút, ngày 01/04/2026",
        "trên số hồ sơ đã giải quyết: 91,6 %",
        "THỦ TRƯỞNG CƠ QUAN",
        "NGƯỜI LẬP BIỂU",
        "Trần Thị Bình",
    ):
        assert words in text, words
    assert [f"({n})" in text for n in range(1, 14)] == [True] * 13


def test_the_form_is_one_a4_landscape_page_with_embedded_fonts(tmp_path, data_home):
    rows = tuple(FormRow(f"Lĩnh vực số {n}", CIVIL) for n in range(1, 9))
    path = statistics_form.write(a_form(rows), tmp_path / "bieu-06.pdf")
    pages, size = pdf_pages(path)
    assert (pages, size) == (1, (297, 210))
    assert_embedded_serif(path)


def test_many_fields_flow_onto_a_second_page_with_the_headings_again(tmp_path, data_home):
    rows = tuple(FormRow(f"Lĩnh vực số {n}", LAND) for n in range(1, 41))
    path = statistics_form.write(a_form(rows), tmp_path / "bieu-06.pdf")
    pages, _ = pdf_pages(path)
    assert pages >= 2
    text = pdf_text(path, raw=True)
    assert text.count("Số kỳ trước chuyển qua") == pages
    assert "Lĩnh vực số 40" in text and "Tổng cộng 1.560 360" in text


def test_an_empty_period_says_so(tmp_path, data_home):
    path = statistics_form.write(a_form(()), tmp_path / "bieu-06.pdf")
    text = pdf_text(path, raw=True)
    assert "Trong kỳ không có hồ sơ nào." in text
    assert "Tổng cộng 0 0 0 0 0 0 0 0 0 0 0" in text
    assert "trên số hồ sơ đã giải quyết: -" in text


def test_the_headings_are_three_tiers_and_thirteen_columns():
    rows = statistics_form.header_rows(load_wording("statistics"))
    assert [len(r) for r in rows] == [13, 13, 13, 13]
    assert rows[0][2] == "Số hồ sơ nhận giải quyết" and rows[0][6] == "Kết quả giải quyết"
    assert statistics_form.values(LAND) == [39, 9, 2, 28, 25, 20, 1, 4, 14, 10, 4]
    for (c1, r1), (c2, r2) in statistics_form.HEADER_SPANS:
        covered = [rows[r][c] for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        assert covered[0] and not any(covered[1:])  # only the first cell of a span has words


def test_an_office_s_own_wording_is_used(tmp_path, data_home):
    own = data_home / "forms"
    own.mkdir(parents=True)
    shipped = load_wording("statistics").source.read_text(encoding="utf-8")
    (own / "statistics.toml").write_text(
        shipped.replace('unit = "Đơn vị tính: Số hồ sơ TTHC"', 'unit = "Đơn vị tính: hồ sơ"'),
        encoding="utf-8",
    )
    path = statistics_form.write(a_form((FormRow("Hộ tịch", CIVIL),)), tmp_path / "f.pdf")
    assert "Đơn vị tính: hồ sơ" in pdf_text(path)
