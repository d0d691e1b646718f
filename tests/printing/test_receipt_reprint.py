"""A reprinted receipt says "IN LẠI" and when, at its top; the first print does not.

Checked twice: in the layout's text lines, and in the ESC/POS bytes a printer
gets, decoded back into the picture it would print.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from escpos_decode import decode
from PIL import Image, ImageChops

from desk import printing
from desk.printing.receipt_layout import ReceiptLayout, TextSize
from desk.printing.receipt_render import PAPER_WIDTHS, RenderStyle
from desk.printing.text_wrap import Span, fits_one_line

#: 07:05 UTC is 14:05 in Vietnam.
REPRINTED = datetime(2026, 3, 12, 7, 5, tzinfo=UTC)
MARK = "IN LẠI - 14:05 12/03/2026"


def printed_picture(path) -> Image.Image:
    decoded = decode(path.read_bytes())
    assert decoded.cut and len(decoded.rasters) == 1
    return decoded.rasters[0]


def test_the_reprint_says_so_first_and_the_first_print_does_not(dossier, office):
    first = ReceiptLayout.for_dossier(dossier, office)
    again = ReceiptLayout.for_dossier(dossier, office, reprinted_at=REPRINTED)
    assert not any("IN LẠI" in line for line in first.lines())
    assert again.lines()[0] == MARK  # Vietnam time, above the office's name
    assert again.lines()[1:] == ["-" * 32] + first.lines()
    assert again.qr_codes() == first.qr_codes() == [dossier.code]


@pytest.mark.parametrize("paper", ["80", "80-180dpi", "58"])
def test_the_printed_reprint_differs_at_the_top_only(tmp_path, dossier, office, paper):
    width = PAPER_WIDTHS[paper]
    first_job, again_job = tmp_path / "first.bin", tmp_path / "again.bin"
    first = printing.print_receipt(dossier, office, f"file:{first_job}", paper)
    again = printing.print_receipt(
        dossier, office, f"file:{again_job}", paper, reprinted_at=REPRINTED
    )
    assert first.reprinted_at is None and again.reprinted_at == REPRINTED
    one, two = printed_picture(first_job), printed_picture(again_job)
    assert one.width == two.width == width  # within the paper, like every receipt
    # The printer prints what the screen shows.
    assert ImageChops.difference(two.convert("L"), again.image.convert("L")).getbbox() is None
    added = two.height - one.height
    pad = RenderStyle.for_width(width).margin
    assert added > 0
    top = (0, 0, width, pad + added)
    assert (
        ImageChops.difference(one.crop(top).convert("L"), two.crop(top).convert("L")).getbbox()
        is not None
    )
    assert two.crop(top).convert("L").getextrema()[0] == 0  # black: the mark is printed there
    below_one = one.crop((0, pad, width, one.height)).convert("L")
    below_two = two.crop((0, pad + added, width, two.height)).convert("L")
    assert ImageChops.difference(below_one, below_two).getbbox() is None  # the rest unchanged


def test_the_mark_fits_one_line_on_58_mm_paper():
    style = RenderStyle.for_width(PAPER_WIDTHS["58"])
    assert fits_one_line([Span(MARK, True)], style.px(TextSize.NORMAL), style.content_width)
