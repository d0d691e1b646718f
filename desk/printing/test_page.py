"""The printer test page: does this printer, at this address, print the desk's receipts right?

It goes the same way as a receipt (blocks -> 1-bit raster -> ``GS v 0`` ->
``printers.send``), so what comes out is what the receipts will look like. It
shows the admin, on paper, the four things a receipt depends on:

- every Vietnamese letter with its marks (the 12 vowels in their six tones, both
  cases, and đ), so a font or a driver that drops a mark is seen at once;
- the paper width: a ruler with a bar at each end of the printable width; a
  missing right-hand bar means the paper setting is wider than the printer;
- a QR code, as on the receipt, to try with a phone or the counter's scanner;
- where the page was sent (the printer address) and when.

The page is in Vietnamese whatever language the screen speaks: it is paper at
the counter, like the receipt it stands in for.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from PIL import Image, ImageDraw

from desk import __version__
from desk.domain.office import Office
from desk.domain.text import nfc
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.paper import paper_width
from desk.printing.printers import send
from desk.printing.receipt_layout import (
    Align,
    Block,
    Field,
    QrBlock,
    Rule,
    Spacer,
    TextLine,
    TextSize,
)
from desk.printing.receipt_render import RenderStyle, render
from desk.printing.text_wrap import BLACK, WHITE
from desk.printing.vn_format import time_and_date_text

TITLE = "TRANG IN THỬ MÁY IN"  # untranslated: printed test page
DIACRITICS_LINE = "Tiếng Việt: ă â đ ê ô ơ ư — Ắ Ằ Ẳ Ẵ Ặ Ấ Ầ Ẩ Ẫ Ậ Ế Ề Ể Ễ Ệ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự ỳ ỷ ỹ ỵ"  # untranslated: printed test page
SENTENCE = (
    "Chữ đậm: ĐĂNG KÝ KHAI SINH — Ủy ban nhân dân xã Tân Phú"  # untranslated: printed test page
)
TONES_HEADING = "Đủ sáu thanh trên mười hai nguyên âm:"  # untranslated: printed test page
RULER_NOTE = "Hai vạch đứng ở hai đầu thước phải in đủ; mất vạch bên phải là khổ giấy đang chọn rộng hơn máy in."  # untranslated: printed test page
QR_NOTE = (
    "Quét thử mã QR bằng điện thoại hoặc máy quét của quầy."  # untranslated: printed test page
)
CLOSING = "Nếu mọi dấu ở trên in rõ, máy in đã sẵn sàng in giấy tiếp nhận."  # untranslated: printed test page
PAPER_NAMES = {
    "80": "80 mm",
    "80-180dpi": "80 mm, máy in 180 dpi",  # untranslated: printed test page
    "58": "58 mm",
}
#: Vowels of Vietnamese, and the five tone marks (huyền, sắc, hỏi, ngã, nặng) as
#: combining characters; with "no mark" they give the six tones.
VOWELS = "aăâeêioôơuưy"  # untranslated: the letters printed
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
#: Dots per millimetre of the printers the paper settings stand for.
DOTS_PER_MM = {"80": 8.0, "58": 8.0, "80-180dpi": 180 / 25.4}
RULER_STEP_MM = 10


def tone_lines() -> list[str]:
    """One line per vowel: its six tones, small then capital ("a à á ả ã ạ | A À Á Ả Ã Ạ")."""
    lines = []
    for vowel in VOWELS:
        small = " ".join(unicodedata.normalize("NFC", vowel + mark) for mark in TONE_MARKS)
        lines.append(f"{small} | {small.upper()}")
    lines.append("đ Đ")  # untranslated: the letters printed
    return lines


def paper_text(paper: str | int) -> str:
    """The paper as the page names it: "80 mm — 576 chấm mỗi dòng"."""
    dots = paper_width(paper)
    name = PAPER_NAMES.get(paper, "") if isinstance(paper, str) else ""
    per_line = f"{dots} chấm mỗi dòng"  # untranslated: printed test page
    return f"{name} — {per_line}" if name else per_line


def qr_text(office: Office, paper: str | int, printed_at: datetime) -> str:
    """What the QR holds: plain ASCII, so any phone or scanner shows it unchanged."""
    return f"DESK-TEST {office.code} {printed_at:%Y-%m-%d %H:%M} {paper_width(paper)}"


@dataclass(frozen=True)
class WidthRuler:
    """A ruler as wide as the printable width, a bar at each end, a tick every 10 mm."""

    dots_per_mm: float = 8.0

    def lines(self) -> list[str]:
        return []


PageBlock = Block | WidthRuler


@dataclass(frozen=True)
class PrinterTestPage:
    """The test page as blocks; its text is tested as text, its image by decoding it."""

    blocks: tuple[PageBlock, ...]

    def lines(self) -> list[str]:
        return [line for block in self.blocks for line in block.lines()]

    def text(self) -> str:
        return "\n".join(self.lines())

    def qr_codes(self) -> list[str]:
        return [block.data for block in self.blocks if isinstance(block, QrBlock)]

    @classmethod
    def build(
        cls, office: Office, uri: str, paper: str | int, printed_at: datetime
    ) -> PrinterTestPage:
        blocks: list[PageBlock] = []
        if office.parent.strip():
            blocks.append(TextLine(nfc(office.parent.upper()), TextSize.SMALL, align=Align.CENTER))
        blocks.append(TextLine(nfc(office.name.upper()), bold=True, align=Align.CENTER))
        blocks += [Rule(), TextLine(TITLE, TextSize.LARGE, bold=True, align=Align.CENTER)]
        blocks += [
            Field("In lúc", time_and_date_text(printed_at)),  # untranslated: printed test page
            Field("Địa chỉ máy in", nfc(uri.strip())),  # untranslated: printed test page
            Field("Khổ giấy", paper_text(paper)),  # untranslated: printed test page
            Field("Phần mềm", f"desk {__version__}"),  # untranslated: printed test page
            Rule(),
            TextLine(DIACRITICS_LINE),
            TextLine(SENTENCE, bold=True),
            Spacer(0.3),
            TextLine(TONES_HEADING, TextSize.SMALL),
            *(TextLine(line, align=Align.CENTER) for line in tone_lines()),
            Rule(),
            WidthRuler(_dots_per_mm(paper)),
            TextLine(RULER_NOTE, TextSize.SMALL, align=Align.CENTER),
            Spacer(0.3),
            QrBlock(qr_text(office, paper, printed_at)),
            TextLine(QR_NOTE, TextSize.SMALL, align=Align.CENTER),
            Rule(),
            TextLine(CLOSING, TextSize.SMALL, align=Align.CENTER),
        ]
        return cls(tuple(blocks))


def _dots_per_mm(paper: str | int) -> float:
    return DOTS_PER_MM.get(paper, 8.0) if isinstance(paper, str) else 8.0


def _ruler(ruler: WidthRuler, style: RenderStyle, width: int) -> Image.Image:
    height = max(24, style.line_height)
    bar = max(4, style.base_px // 5)
    line = max(2, style.base_px // 12)
    image = Image.new("1", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    middle = height // 2
    draw.rectangle((0, middle - line // 2, width - 1, middle + (line - 1) // 2), fill=BLACK)
    draw.rectangle((0, 0, bar - 1, height - 1), fill=BLACK)
    draw.rectangle((width - bar, 0, width - 1, height - 1), fill=BLACK)
    step = ruler.dots_per_mm * RULER_STEP_MM
    x = step
    while x < width - bar:
        draw.rectangle((round(x), middle - height // 4, round(x) + line - 1, middle), fill=BLACK)
        x += step
    return image


def render_test_page(page: PrinterTestPage, width_dots: int) -> Image.Image:
    """The page as a mode "1" image exactly ``width_dots`` wide."""
    return render(
        page,  # type: ignore[arg-type]
        width_dots,
        lambda block, style, width: (
            _ruler(block, style, width) if isinstance(block, WidthRuler) else None
        ),
    )


def printer_test_image(
    office: Office, uri: str, paper: str | int, printed_at: datetime
) -> Image.Image:
    """The test page drawn for a paper setting ("80", "80-180dpi", "58") or a width in dots."""
    page = PrinterTestPage.build(office, uri, paper, printed_at)
    return render_test_page(page, paper_width(paper))


def print_test_page(
    office: Office, uri: str, paper: str | int, printed_at: datetime, timeout: float = 5
) -> Image.Image:
    """Print the test page to the printer ``uri`` names and return the image sent.

    Raises ``UserError`` for a bad URI or paper, ``PrinterError`` when the printer
    cannot be reached; ``none`` sends nothing and still returns the image.
    """
    image = printer_test_image(office, uri, paper, printed_at)
    send(uri, receipt_bytes(image), timeout=timeout)
    return image
