"""The printer test page, printed the way a receipt is and decoded back from its bytes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from escpos_decode import decode
from PIL import Image, ImageChops
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.office import Office
from desk.printing import PAPER_WIDTHS, PrinterError
from desk.printing.receipt_render import RenderStyle
from desk.printing.test_page import (
    DIACRITICS_LINE,
    PrinterTestPage,
    WidthRuler,
    print_test_page,
    printer_test_image,
    qr_text,
    render_test_page,
    tone_lines,
)

AT = datetime(2026, 3, 6, 10, 5, tzinfo=VN_TZ)
#: Every Vietnamese letter with a mark: the Latin Extended Additional block
#: U+1EA0..U+1EF9 (ạ..ỹ) and the ones Latin-1 and Latin Extended-A already had.
VIETNAMESE_LETTERS = {chr(c) for c in range(0x1EA0, 0x1EFA)} | set(
    "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ"
)


def test_the_page_says_who_when_where_and_which_paper(office: Office) -> None:
    page = PrinterTestPage.build(office, " win32:EPSON TM-T82 Receipt ", "80", AT)
    lines = page.lines()
    assert lines[:2] == ["UBND TỈNH ĐỒNG NAI", "UBND XÃ TÂN PHÚ"]
    assert "TRANG IN THỬ MÁY IN" in lines
    assert "In lúc: 10 giờ 05 phút, ngày 06/03/2026" in lines
    assert "Địa chỉ máy in: win32:EPSON TM-T82 Receipt" in lines
    assert "Khổ giấy: 80 mm — 576 chấm mỗi dòng" in lines
    assert DIACRITICS_LINE in lines
    assert page.qr_codes() == ["DESK-TEST H36.41 2026-03-06 10:05 576"]


def test_the_page_shows_every_vietnamese_letter(office: Office) -> None:
    text = PrinterTestPage.build(office, "none", "58", AT).text()
    assert VIETNAMESE_LETTERS <= set(text)
    assert len(tone_lines()) == 13  # twelve vowels, then đ


def test_the_paper_is_named_for_each_setting(office: Office) -> None:
    assert (
        "Khổ giấy: 80 mm, máy in 180 dpi — 512 chấm mỗi dòng"
        in PrinterTestPage.build(office, "none", "80-180dpi", AT).lines()
    )
    assert "Khổ giấy: 384 chấm mỗi dòng" in PrinterTestPage.build(office, "none", 384, AT).lines()


def test_printed_to_a_file_it_decodes_to_the_image_and_its_qr_reads(
    office: Office, tmp_path: Path
) -> None:
    target = tmp_path / "trang-thu.bin"
    image = print_test_page(office, f"file:{target}", "80", AT)
    job = decode(target.read_bytes())
    [printed] = job.rasters
    assert printed.size == image.size and printed.width == PAPER_WIDTHS["80"]
    assert ImageChops.difference(printed.convert("L"), image.convert("L")).getbbox() is None
    assert job.cut
    [symbol] = zbar_decode(printed.convert("L"))
    assert symbol.data.decode() == qr_text(office, "80", AT)
    printed.save(tmp_path / "trang-thu.png")  # kept with the test's files for a look


@pytest.mark.parametrize("paper", ["58", "80-180dpi"])
def test_each_paper_width_prints_a_readable_qr(office: Office, tmp_path: Path, paper: str) -> None:
    target = tmp_path / f"trang-thu-{paper}.bin"
    print_test_page(office, f"file:{target}", paper, AT)
    [printed] = decode(target.read_bytes()).rasters
    assert printed.width == PAPER_WIDTHS[paper]
    [symbol] = zbar_decode(printed.convert("L"))
    assert symbol.data.decode().endswith(f" {PAPER_WIDTHS[paper]}")


def _black_rows(image: Image.Image, x: int) -> int:
    return sum(1 for y in range(image.height) if image.getpixel((x, y)) == 0)


def test_the_ruler_marks_both_ends_of_the_printable_width() -> None:
    width = PAPER_WIDTHS["80"]
    style = RenderStyle.for_width(width)
    image = render_test_page(PrinterTestPage((WidthRuler(8.0),)), width)
    left, right = style.margin, width - style.margin - 1
    body = image.height - 2 * style.margin
    assert _black_rows(image, left) == body and _black_rows(image, right) == body
    assert _black_rows(image, left - 1) == 0 and _black_rows(image, right + 1) == 0
    middle = image.height // 2
    row = [image.getpixel((x, middle)) for x in range(left, right + 1)]
    assert all(pixel == 0 for pixel in row)  # one line across
    tick_row = middle - body // 8
    ticks = [x for x in range(left + 8, right - 8) if image.getpixel((x, tick_row)) == 0]
    starts = [x for x in ticks if x - 1 not in ticks]
    assert len(starts) == (right - left) // 80  # a tick every 10 mm (80 dots at 203 dpi)


def test_none_prints_nothing_and_still_draws_the_page(office: Office) -> None:
    image = print_test_page(office, "none", "80", AT)
    assert image.width == 576 and image.mode == "1"


def test_an_unreachable_printer_is_a_printer_error(office: Office, closed_port: int) -> None:
    with pytest.raises(PrinterError):
        print_test_page(office, f"tcp://127.0.0.1:{closed_port}", "80", AT, timeout=2)


def test_a_bad_address_or_paper_is_a_user_error(office: Office) -> None:
    with pytest.raises(UserError) as bad_uri:
        print_test_page(office, "máy in quầy 1", "80", AT)
    assert bad_uri.value.field == "printer_uri"
    with pytest.raises(UserError) as bad_paper:
        printer_test_image(office, "none", "57", AT)
    assert bad_paper.value.field == "paper"
