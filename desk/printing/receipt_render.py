"""Draw a ``ReceiptLayout`` into the 1-bit image a thermal printer prints.

``PAPER_WIDTHS`` maps the paper setting to the printable width in dots:

- ``"80"``: 80 mm paper on a 203-dpi printer (Epson TM-T20/T82, Xprinter,
  most counter printers): 576 dots (72 mm printable).
- ``"80-180dpi"``: 80 mm paper on a 180-dpi printer (Epson TM-T88 series):
  512 dots, the same 72 mm.
- ``"58"``: 58 mm paper on a 203-dpi printer: 384 dots (48 mm printable).

Sizes follow the width: the normal text is 24 dots high on 576 and shrinks with
the square root of the width, so 58 mm paper gets a slightly smaller font
(20 dots) rather than a third fewer letters per line than it can hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import qrcode
from PIL import Image, ImageDraw

from desk.printing.paper import PAPER_WIDTHS
from desk.printing.receipt_layout import (
    Block,
    Field,
    Framed,
    PaperList,
    QrBlock,
    ReceiptLayout,
    Rule,
    Spacer,
    TextLine,
    TextSize,
)
from desk.printing.text_wrap import (
    BLACK,
    WHITE,
    Span,
    draw_paragraph,
    fits_one_line,
    fonts,
    keep_together,
)

MIN_WIDTH_DOTS = 256
MAX_WIDTH_DOTS = 2048
SIZE_FACTORS = {
    TextSize.SMALL: 0.8,
    TextSize.NORMAL: 1.0,
    TextSize.LARGE: 1.3,
    TextSize.HUGE: 1.9,
}


@dataclass(frozen=True)
class RenderStyle:
    """Dot sizes for one paper width."""

    width: int
    margin: int
    base_px: int
    qr_module: int

    @classmethod
    def for_width(cls, width: int) -> RenderStyle:
        scale = width / PAPER_WIDTHS["80"]
        return cls(
            width=width,
            margin=max(4, round(8 * scale)),
            base_px=round(24 * scale**0.5),
            # A QR module of 6 dots (0.75 mm at 203 dpi) reads at arm's length
            # with any phone; never below 4 dots.
            qr_module=max(4, round(6 * scale)),
        )

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.margin

    def px(self, size: TextSize) -> int:
        return round(self.base_px * SIZE_FACTORS[size])

    @property
    def line_height(self) -> int:
        return fonts(self.base_px).line_height


def render(
    layout: ReceiptLayout,
    width_dots: int,
    draw: Callable[[Any, RenderStyle, int], Image.Image | None] | None = None,
) -> Image.Image:
    """The receipt as a mode "1" image exactly ``width_dots`` wide (black = 0).

    ``draw`` draws the blocks a slip of its own kind adds (a ticket's big
    number, a test page's ruler): it returns ``None`` for the usual ones.
    Anything with ``blocks`` is a layout here.
    """
    if not MIN_WIDTH_DOTS <= width_dots <= MAX_WIDTH_DOTS:
        raise ValueError(f"width_dots must be {MIN_WIDTH_DOTS}..{MAX_WIDTH_DOTS}, not {width_dots}")
    style = RenderStyle.for_width(width_dots)
    width = style.content_width
    parts = []
    for block in layout.blocks:
        special = draw(block, style, width) if draw is not None else None
        parts.append(special if special is not None else render_block(block, style, width))
    body = stack(parts, width)
    pad = style.margin
    image = Image.new("1", (width_dots, body.height + 2 * pad), WHITE)
    image.paste(body, (style.margin, pad))
    return image


def render_block(block: Block, style: RenderStyle, width: int) -> Image.Image:
    """One block as an image ``width`` dots wide."""
    if isinstance(block, TextLine):
        return _text_line(block, style, width)
    if isinstance(block, Field):
        return _field(block, style, width)
    if isinstance(block, Rule):
        return _rule(style, width)
    if isinstance(block, Spacer):
        return Image.new("1", (width, max(1, round(block.lines_high * style.line_height))), WHITE)
    if isinstance(block, QrBlock):
        return _qr(block.data, style, width)
    if isinstance(block, PaperList):
        return _paper_list(block, style, width)
    if isinstance(block, Framed):
        return _framed(block, style, width)
    raise TypeError(f"no renderer for {type(block).__name__}")


def stack(images: list[Image.Image], width: int) -> Image.Image:
    """Images one under the other, left-aligned, on white."""
    height = sum(image.height for image in images)
    out = Image.new("1", (width, max(1, height)), WHITE)
    y = 0
    for image in images:
        out.paste(image, (0, y))
        y += image.height
    return out


def _text_line(line: TextLine, style: RenderStyle, width: int) -> Image.Image:
    """A paragraph; a ``fit`` line shrinks (down to the normal size) to stay on one line."""
    spans = [Span(line.text, line.bold)]
    px = style.px(line.size)
    if line.fit:
        floor = min(px, style.px(TextSize.NORMAL))
        while px > floor and not fits_one_line(spans, px, width):
            px -= 1
    return draw_paragraph(spans, px, width, align=line.align.value)


def _field(field: Field, style: RenderStyle, width: int) -> Image.Image:
    """A field; a value that fits a line of its own is not split after the label."""
    px = style.px(field.size)
    label = Span(f"{field.label}:", bold=True)
    value = Span(field.value)
    if not fits_one_line([label, value], px, width) and fits_one_line([value], px, width):
        return stack(
            [draw_paragraph([label], px, width), draw_paragraph([value], px, width)], width
        )
    return draw_paragraph([label, value], px, width)


def _rule(style: RenderStyle, width: int) -> Image.Image:
    """A dashed line: solid black bands waste paper heat and look like a print fault."""
    height = max(8, style.line_height // 2)
    thickness = max(2, style.base_px // 12)
    image = Image.new("1", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    top = (height - thickness) // 2
    dash, gap = style.base_px // 2, style.base_px // 4
    for x in range(0, width, dash + gap):
        draw.rectangle((x, top, min(width, x + dash) - 1, top + thickness - 1), fill=BLACK)
    return image


def qr_image(data: str, module: int) -> Image.Image:
    """A QR code with the 4-module quiet zone the standard asks for, 1-bit."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module, border=4
    )
    code.add_data(data)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("1")


def _qr(data: str, style: RenderStyle, width: int) -> Image.Image:
    module = style.qr_module
    image = qr_image(data, module)
    while image.width > width and module > 1:
        module -= 1
        image = qr_image(data, module)
    out = Image.new("1", (width, image.height), WHITE)
    out.paste(image, ((width - image.width) // 2, 0))
    return out


def _paper_list(block: PaperList, style: RenderStyle, width: int) -> Image.Image:
    """Heading, then each paper numbered with a hanging indent under its number."""
    px = style.px(TextSize.NORMAL)
    face = fonts(px)
    parts = [draw_paragraph([Span(f"{block.heading}:", bold=True)], px, width)]
    if not block.items:
        parts.append(draw_paragraph([Span(block.empty_text)], px, width))
    for number, item in enumerate(block.items, 1):
        prefix = item.prefix(number)
        indent = round(face.regular.getlength(prefix))
        spans = [Span(prefix.strip()), Span(item.name)]
        spans += [Span(keep_together(part)) for part in item.suffix_parts()]
        parts.append(draw_paragraph(spans, px, width, indent=indent))
    return stack(parts, width)


def _framed(block: Framed, style: RenderStyle, width: int) -> Image.Image:
    """The blocks inside a heavy black frame, so the eye finds them first."""
    border = max(3, style.base_px // 6)
    pad = max(4, style.base_px // 3)
    inner_width = width - 2 * (border + pad)
    inner = stack([_text_line(line, style, inner_width) for line in block.blocks], inner_width)
    height = inner.height + 2 * (border + pad)
    out = Image.new("1", (width, height), WHITE)
    draw = ImageDraw.Draw(out)
    for i in range(border):
        draw.rectangle((i, i, width - 1 - i, height - 1 - i), outline=BLACK)
    out.paste(inner, (border + pad, border + pad))
    return out
