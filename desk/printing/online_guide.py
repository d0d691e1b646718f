"""The slip that sends a citizen to the national portal (hướng dẫn nộp hồ sơ trực tuyến).

Directive 24/CT-TTg (2025) made some services online-only from 01/10/2025
(permanent and temporary residence registration, judicial record certificates
among them). When a citizen brings such a dossier to the counter, the clerk
prints this short guide on the receipt printer: the procedure's name and code,
the portal's address with a QR code to open it on a phone, the steps (sign in
with VNeID level 2, find the procedure by its code, fill in and attach the
papers, pay online, follow the dossier) and the office's hotline for help.

It goes the same way as the receipt and the ticket: blocks ->
``receipt_render.render`` (with a hook for the numbered steps) -> 1-bit raster
-> ``GS v 0`` -> ``printers.send``, so Vietnamese prints the same on every
printer. The slip is Vietnamese whatever language the screen speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PIL import Image

from desk.domain.office import Office
from desk.domain.text import nfc
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.paper import paper_width
from desk.printing.printer_uri import PrinterTarget
from desk.printing.printers import send
from desk.printing.receipt_layout import (
    Align,
    Block,
    Field,
    Framed,
    QrBlock,
    Rule,
    Spacer,
    TextLine,
    TextSize,
)
from desk.printing.receipt_render import RenderStyle, render, stack
from desk.printing.text_wrap import Span, draw_paragraph, fonts
from desk.printing.vn_format import time_and_date_text

PORTAL_NAME = "Cổng Dịch vụ công quốc gia"
PORTAL_ADDRESS = "dichvucong.gov.vn"
PORTAL_URL = "https://dichvucong.gov.vn"
GUIDE_TITLE = "HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN"
ONLINE_ONLY_NOTE = (
    "Từ ngày 01/10/2025, thủ tục này chỉ tiếp nhận hồ sơ trực tuyến (Chỉ thị 24/CT-TTg)."
)
QR_NOTE = "Quét mã QR bằng điện thoại để mở Cổng."
STEPS_HEADING = "Các bước"
STEP_TEXTS = (
    "Đăng nhập {portal} bằng tài khoản định danh điện tử VNeID mức độ 2.",
    "Tìm thủ tục theo mã {code} ở ô tìm kiếm.",
    "Điền tờ khai trực tuyến, đính kèm bản chụp hoặc bản điện tử các giấy tờ theo hướng dẫn.",
    "Nộp phí, lệ phí trực tuyến (nếu có).",
    "Theo dõi hồ sơ bằng mã hồ sơ được cấp, tại mục quản lý hồ sơ của tài khoản trên Cổng "
    "hoặc qua thư điện tử, tin nhắn.",
)
HELP_WITH_HOTLINE = "Cần hỗ trợ, xin gọi Bộ phận Một cửa:"
HELP_WITHOUT_HOTLINE = "Cần hỗ trợ, xin hỏi cán bộ Bộ phận Một cửa."


@dataclass(frozen=True)
class NumberedSteps:
    """The steps, numbered, each wrapped under its own text (hanging indent)."""

    heading: str
    items: tuple[str, ...]

    def lines(self) -> list[str]:
        return [f"{self.heading}:"] + [f"{n}. {item}" for n, item in enumerate(self.items, 1)]


GuideBlock = Block | NumberedSteps


@dataclass(frozen=True)
class OnlineGuide:
    """The guide as blocks; its text is tested as text, its image by decoding it."""

    blocks: tuple[GuideBlock, ...]

    def lines(self) -> list[str]:
        return [line for block in self.blocks for line in block.lines()]

    def text(self) -> str:
        return "\n".join(self.lines())

    def qr_codes(self) -> list[str]:
        return [block.data for block in self.blocks if isinstance(block, QrBlock)]

    @classmethod
    def build(
        cls, procedure_code: str, procedure_name: str, office: Office, printed_at: datetime
    ) -> OnlineGuide:
        code = nfc(procedure_code.strip())
        blocks: list[GuideBlock] = []
        if office.parent.strip():
            blocks.append(TextLine(nfc(office.parent.upper()), TextSize.SMALL, align=Align.CENTER))
        blocks.append(TextLine(nfc(office.name.upper()), bold=True, align=Align.CENTER))
        blocks.append(TextLine("Bộ phận Một cửa", TextSize.SMALL, align=Align.CENTER))
        blocks += [
            Rule(),
            TextLine(GUIDE_TITLE, TextSize.LARGE, bold=True, align=Align.CENTER, fit=True),
            Spacer(0.3),
            Field("Thủ tục", nfc(procedure_name.strip())),
            Field("Mã thủ tục", code),
            TextLine(ONLINE_ONLY_NOTE, TextSize.SMALL),
            Spacer(0.3),
            Framed(
                (
                    TextLine(f"Nộp tại {PORTAL_NAME}", bold=True, align=Align.CENTER),
                    TextLine(PORTAL_ADDRESS, TextSize.LARGE, bold=True, align=Align.CENTER),
                )
            ),
            Spacer(0.3),
            QrBlock(PORTAL_URL),
            TextLine(QR_NOTE, TextSize.SMALL, align=Align.CENTER),
            Spacer(0.3),
            NumberedSteps(
                STEPS_HEADING,
                tuple(text.format(portal=PORTAL_NAME, code=code) for text in STEP_TEXTS),
            ),
            Rule(),
            *_help(office),
            TextLine(
                f"In lúc {time_and_date_text(printed_at)}", TextSize.SMALL, align=Align.CENTER
            ),
        ]
        return cls(tuple(blocks))


def _help(office: Office) -> list[TextLine]:
    """Where to call for help: the hotline in large print, or the counter itself."""
    hotline = nfc(office.hotline.strip())
    if not hotline:
        return [TextLine(HELP_WITHOUT_HOTLINE, bold=True, align=Align.CENTER)]
    return [
        TextLine(HELP_WITH_HOTLINE, align=Align.CENTER),
        TextLine(hotline, TextSize.LARGE, bold=True, align=Align.CENTER, fit=True),
    ]


def _steps(block: NumberedSteps, style: RenderStyle, width: int) -> Image.Image:
    """Heading, then each step under its number, the text's later lines indented."""
    px = style.base_px
    face = fonts(px)
    parts = [draw_paragraph([Span(f"{block.heading}:", bold=True)], px, width)]
    for number, item in enumerate(block.items, 1):
        prefix = f"{number}. "
        indent = round(face.bold.getlength(prefix))
        parts.append(
            draw_paragraph([Span(prefix.strip(), bold=True), Span(item)], px, width, indent=indent)
        )
    return stack(parts, width)


def render_guide(guide: OnlineGuide, width_dots: int) -> Image.Image:
    """The guide as a mode "1" image exactly ``width_dots`` wide."""
    return render(
        guide,  # type: ignore[arg-type]
        width_dots,
        lambda block, style, width: (
            _steps(block, style, width) if isinstance(block, NumberedSteps) else None
        ),
    )


def guide_image(
    procedure_code: str,
    procedure_name: str,
    office: Office,
    printed_at: datetime,
    paper: str | int = "80",
) -> Image.Image:
    guide = OnlineGuide.build(procedure_code, procedure_name, office, printed_at)
    return render_guide(guide, paper_width(paper))


def print_guide(
    procedure_code: str,
    procedure_name: str,
    office: Office,
    printed_at: datetime,
    uri: str | PrinterTarget,
    paper: str | int = "80",
    timeout: float = 5,
) -> Image.Image:
    """Print the guide and return the image sent; ``none`` sends nothing.

    Raises ``UserError`` for a bad URI or paper and ``PrinterError`` when the
    printer cannot be reached.
    """
    image = guide_image(procedure_code, procedure_name, office, printed_at, paper)
    send(uri, receipt_bytes(image), timeout=timeout)
    return image
