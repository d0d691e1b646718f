"""The receipt image: exact width, inside the margins, scannable QR, visible appointment."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from PIL import Image
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.dossier import Dossier
from desk.domain.errors import UserError
from desk.domain.office import Office
from desk.printing.paper import paper_width
from desk.printing.receipt_layout import Field, ReceiptLayout, TextLine, TextSize
from desk.printing.receipt_render import (
    PAPER_WIDTHS,
    RenderStyle,
    qr_image,
    render,
)


def _column_is_white(image: Image.Image, x: int) -> bool:
    return image.crop((x, 0, x + 1, image.height)).convert("L").getextrema() == (255, 255)


def _full_black_rows(image: Image.Image, left: int, right: int) -> int:
    return sum(
        1
        for y in range(image.height)
        if image.crop((left, y, right, y + 1)).convert("L").getextrema() == (0, 0)
    )


@pytest.mark.parametrize("width", [576, 512, 384, 640])
def test_image_is_one_bit_and_exactly_as_wide_as_the_paper(
    width: int, dossier: Dossier, office: Office
) -> None:
    image = render(ReceiptLayout.for_dossier(dossier, office), width)
    assert image.mode == "1"
    assert image.width == width
    assert image.height > 1000


@pytest.mark.parametrize("width", [576, 384])
def test_nothing_reaches_the_edges(
    width: int, dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    long_address = "Tổ dân phố Nguyễn Thị Minh Khai " * 8 + "x" * 150
    layout = ReceiptLayout.for_dossier(dossier_factory(delivery_address=long_address), office)
    image = render(layout, width)
    margin = RenderStyle.for_width(width).margin
    assert all(_column_is_white(image, x) for x in range(margin))
    assert all(_column_is_white(image, x) for x in range(width - margin, width))
    assert not _column_is_white(image, margin)  # the frame and rules use the full content width


@pytest.mark.parametrize("width", [576, 512, 384])
def test_qr_scans_to_the_dossier_code(width: int, dossier: Dossier, office: Office) -> None:
    image = render(ReceiptLayout.for_dossier(dossier, office), width)
    [symbol] = zbar_decode(image.convert("L"))
    assert symbol.type == "QRCODE"
    assert symbol.data.decode() == "H36.41-260306-0007"


def test_qr_modules_are_at_least_four_dots_on_80mm(dossier: Dossier) -> None:
    module = RenderStyle.for_width(576).qr_module
    assert module >= 4
    symbol = qr_image(dossier.code, module)
    modules_across = symbol.width // module - 8  # minus the quiet zone, 4 each side
    assert symbol.width == (modules_across + 8) * module
    assert modules_across in (21, 25)  # version 1 or 2 for a dossier code
    assert RenderStyle.for_width(384).qr_module >= 4


def test_font_sizes_follow_the_paper() -> None:
    wide, narrow, tm_t88 = (RenderStyle.for_width(w) for w in (576, 384, 512))
    assert wide.base_px == 24
    assert 18 <= narrow.base_px < wide.base_px
    assert narrow.base_px <= tm_t88.base_px <= wide.base_px
    assert wide.px(TextSize.HUGE) > wide.px(TextSize.LARGE) > wide.px(TextSize.NORMAL)
    assert wide.px(TextSize.SMALL) < wide.px(TextSize.NORMAL)


def test_appointment_frame_stands_out(dossier: Dossier, office: Office) -> None:
    image = render(ReceiptLayout.for_dossier(dossier, office), 576)
    style = RenderStyle.for_width(576)
    # Rules are dashed; only the frame around the appointment is solid across the paper.
    assert _full_black_rows(image, style.margin, 576 - style.margin) >= 2 * 3


def test_long_values_wrap_instead_of_running_off(dossier: Dossier) -> None:
    short = ReceiptLayout((Field("Địa chỉ", "Xã Tân Phú"),))
    long = ReceiptLayout((Field("Địa chỉ", "Khu phố Trảng Dài, phường Trảng Dài " * 6),))
    short_height = render(short, 384).height
    assert render(long, 384).height >= short_height + 3 * RenderStyle.for_width(384).line_height


def test_a_short_value_goes_whole_to_the_next_line() -> None:
    style = RenderStyle.for_width(384)
    field = Field("Nơi nhận kết quả", "Qua dịch vụ bưu chính")
    image = render(ReceiptLayout((field,)), 384)
    assert image.height == 2 * style.line_height + 2 * style.margin
    one_line = render(ReceiptLayout((Field("Số lượng hồ sơ", "01 bộ"),)), 384)
    assert one_line.height == style.line_height + 2 * style.margin


def test_decomposed_text_draws_like_composed_text() -> None:
    composed = "Nguyễn Thị Ánh Tuyết, phường Trảng Dài"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    a = render(ReceiptLayout((TextLine(composed, bold=True),)), 384)
    b = render(ReceiptLayout((TextLine(decomposed, bold=True),)), 384)
    assert a.tobytes() == b.tobytes()


def test_fit_lines_shrink_to_one_line_on_narrow_paper() -> None:
    line = TextLine("Thứ Bảy, ngày 28/11/2026", TextSize.LARGE, bold=True, fit=True)
    wrapped = TextLine(line.text, TextSize.LARGE, bold=True, fit=False)
    style = RenderStyle.for_width(384)
    fitted = render(ReceiptLayout((line,)), 384)
    assert fitted.height < render(ReceiptLayout((wrapped,)), 384).height
    assert fitted.height < 2 * style.line_height + 2 * style.margin


def test_paper_settings() -> None:
    assert PAPER_WIDTHS == {"80": 576, "80-180dpi": 512, "58": 384}
    assert paper_width("58") == 384
    assert paper_width(640) == 640
    with pytest.raises(UserError) as caught:
        paper_width("A4")
    assert "Khổ giấy" in caught.value.message


@pytest.mark.parametrize("width", [0, 100, 5000])
def test_absurd_widths_are_refused(width: int) -> None:
    with pytest.raises(ValueError):
        render(ReceiptLayout((TextLine("x"),)), width)
