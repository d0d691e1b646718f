"""Form 07 of Circular 03/2025/TT-VPCP, Annex I, the tracking book: one row per dossier,
A4 landscape, pages laid out ahead with the headings and "Trang i/N" on each, the
notes on the last page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pdf_reading import assert_embedded_serif, pdf_pages, pdf_text

from desk.documents import fonts, tracking_book
from desk.documents.tracking_book import BookEntry, TrackingBook
from desk.documents.wording import load_wording
from desk.domain.clock import VN_TZ
from desk.domain.office import Office
from desk.domain.statistics import Period

OFFICE = Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41")
MARCH = Period.month(2026, 3)


def entry(n: int, **changes) -> BookEntry:
    received = datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ) + timedelta(minutes=17 * n)
    values = dict(
        number=n,
        code=f"H36.41-260302-{n:04d}",
        procedure="Đăng ký khai sinh"
        if n % 3
        else "Đăng ký đất đai, tài sản gắn liền với đất, "
        "cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu",
        applicant=f"Nguyễn Văn Số {n}",
        address="Số 5 đường Lê Lợi, xã Tân Phú",
        phone="0912345678",
        department="Công chức Tư pháp - Hộ tịch",
        received_at=received,
        appointment_at=received + timedelta(days=2),
        due_at=received + timedelta(days=2),
        returned_at=received + timedelta(days=1, hours=2),
        status="returned",
        return_method="counter",
        tracking_number="",
    )
    values.update(changes)
    return BookEntry(**values)


def book(entries: list[BookEntry]) -> TrackingBook:
    return TrackingBook(OFFICE, "Tân Phú", MARCH, len(entries), iter(entries))


def test_every_dossier_is_one_row_with_its_columns(tmp_path, data_home):
    entries = [
        entry(1),
        entry(2, returned_at=None, status="result_ready"),
        entry(3, return_method="post", tracking_number="EB123456789VN"),
        entry(4, returned_at=None, status="refused"),
        entry(
            5,
            returned_at=None,
            status="in_progress",
            due_at=datetime(2026, 3, 20, 9, 0, tzinfo=VN_TZ),
        ),  # fmt: skip
    ]
    path = tracking_book.write(book(entries), tmp_path / "so.pdf")
    text = pdf_text(path, raw=True)
    for words in (
        "Mẫu số 07 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "UBND XÃ TÂN PHÚ - BỘ PHẬN MỘT CỬA",
        "SỔ THEO DÕI HỒ SƠ",
        "Tháng 3/2026 (từ ngày 01/03/2026 đến ngày 31/03/2026): 5 hồ sơ",
        "Cơ quan chủ trì giải quyết",
        "Phương thức nhận kết quả",
        "Ký nhận",
        "H36.41-260302-0001",
        "Nguyễn Văn Số 1",
        "0912345678",
        "08:17",
        "02/03/2026",
        "Tại Bộ phận Một cửa",
        "Có kết quả, chờ trả",
        "EB123456789VN",
        "Từ chối giải quyết",
        "Hẹn lại: 20/03/2026",
        "Ghi chú: Sổ theo dõi hồ sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực",
        "Trang 1/1",
    ):
        assert words in text, words
    assert [c for c in re.findall(r"H36\.41-260302-\d{4}", text)] == [e.code for e in entries]
    assert pdf_pages(path) == (1, (297, 210))
    assert_embedded_serif(path)


def test_a_long_book_is_dealt_onto_pages_each_with_headings_and_its_number(tmp_path, data_home):
    entries = [entry(n) for n in range(1, 151)]
    path = tracking_book.write(book(entries), tmp_path / "so.pdf")
    pages, _ = pdf_pages(path)
    assert pages >= 8
    text = pdf_text(path, raw=True)
    assert re.findall(r"H36\.41-260302-\d{4}", text) == [e.code for e in entries]
    assert text.count("Cơ quan chủ trì giải quyết") == pages
    assert f"Trang {pages}/{pages}" in text and f"Trang 1/{pages}" in text


def test_rows_fill_each_page_and_never_overflow_it():
    fonts.register_fonts()
    words = load_wording("tracking_book")
    widths = tracking_book.column_widths(tracking_book.PAGE)
    rows = [
        tracking_book.wrap_row(tracking_book.cells(entry(n), words), widths, fonts.REGULAR)
        for n in range(1, 60)
    ]
    pages = tracking_book.deal_pages(rows, 300, 400, 30)
    assert sum(len(p) for p in pages) == len(rows)
    for n, page in enumerate(pages):
        room = 300 if n == 0 else 400
        used = 30 + sum(height for _, height in page)
        assert used <= room
        if n < len(pages) - 1:
            assert used + pages[n + 1][0][1] > room  # the next row would not have fitted


def test_the_notes_close_the_book_and_take_the_last_row_when_they_do_not_fit():
    pages = [[(["a"], 100.0), (["b"], 100.0)], [(["c"], 100.0), (["d"], 150.0)]]
    tracking_book.make_room_for_notes(pages, 40, 400, 30, 20)  # 30 + 250 + 40 fits 400
    assert [len(p) for p in pages] == [2, 2]
    tracking_book.make_room_for_notes(pages, 140, 400, 30, 20)  # 30 + 250 + 140 does not
    assert [[r[0] for r in p] for p in pages] == [[["a"], ["b"]], [["c"]], [["d"]]]
    alone = [[(["a"], 360.0)]]
    tracking_book.make_room_for_notes(alone, 40, 380, 10, 20)
    assert alone == [[(["a"], 360.0)], []]  # never a page left without rows: notes alone


def test_a_long_book_has_its_notes_once_on_its_last_page(tmp_path, data_home):
    for count in (11, 12, 13):  # 12 rows fill the first page to the notes' last line
        path = tracking_book.write(
            book([entry(n) for n in range(1, count + 1)]), tmp_path / f"{count}.pdf"
        )
        pages, _ = pdf_pages(path)
        text = pdf_text(path, raw=True)
        assert text.count("Ghi chú:") == 1
        assert text.index("Ghi chú:") > text.index(f"H36.41-260302-{count:04d}")
        assert f"Trang {pages}/{pages}" in text
        assert re.findall(r"H36\.41-260302-\d{4}", text) == [
            f"H36.41-260302-{n:04d}" for n in range(1, count + 1)
        ]


def test_an_empty_book_says_so_on_one_page(tmp_path, data_home):
    path = tracking_book.write(book([]), tmp_path / "so.pdf")
    text = pdf_text(path)
    assert "Trong kỳ không có hồ sơ nào được tiếp nhận." in text
    assert "Trang 1/1" in text and pdf_pages(path)[0] == 1


def test_cells_are_plain_text_even_with_markup_characters():
    words = load_wording("tracking_book")
    cells = tracking_book.cells(
        entry(7, applicant="Công ty A & B", return_method="post", tracking_number="EB<1>VN"), words
    )
    assert cells[3] == "Công ty A & B"
    assert cells[9] == "Qua bưu chính, mã vận đơn EB<1>VN"
    assert cells[6] == "09:59\n02/03/2026"
    assert len(cells) == len(tracking_book.column_titles(words)) == 11


def test_a_stored_name_of_any_length_or_with_control_characters_still_prints(tmp_path, data_home):
    """A name of 100,000 characters (stored before the intake checks) once raised
    reportlab's LayoutError: its row was taller than a page. It is cut with "…"."""
    huge = "Nguyễn\x00Văn\x1b[31mAn" + "A" * 100_000
    entries = [entry(1, applicant=huge, address="Số 5\x0bấp 3\x9b", phone="0912\x1b345678")]
    out = tracking_book.write(book(entries + [entry(2)]), tmp_path / "so.pdf")
    text = pdf_text(out)
    assert "NguyễnVăn[31mAn" in text.replace(" ", "") and "…" in text
    assert "Nguyễn Văn Số 2" in text
    assert re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", text) is None
    assert pdf_pages(out)[0] == 1
    cells = tracking_book.cells(entries[0], load_wording("tracking_book"))
    assert len(cells[3]) == tracking_book.CELL_LIMIT and cells[3].endswith("…")
    assert cells[4] == "Số 5 ấp 3\n0912345678"
