"""Word-wrapped Vietnamese text drawn into 1-bit images with the bundled font.

Receipt printers cannot be trusted with Vietnamese in text mode (code pages
CP1258 and TCVN-3 need combining marks or sit at different numbers on
different firmware), so the receipt is drawn with a TTF that covers Vietnamese
(DejaVu Sans, shipped in ``resources/fonts``) and sent as a raster image.

Vietnamese capitals carry stacked marks ("Ẩ", "Ễ") that rise above the font's
nominal ascent, so line boxes are measured on such letters, not on ``getmetrics``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from desk.config import resource
from desk.domain.text import nfc

REGULAR_FONT = "DejaVuSans.ttf"
BOLD_FONT = "DejaVuSans-Bold.ttf"
WHITE = 1
BLACK = 0
_TALLEST = "ẨẪỖỸẤỆỶÁ"
_DEEPEST = "gjpqyỵỹ"
NO_BREAK_SPACE = "\u00a0"
# Break only at ordinary spaces; a no-break space keeps "ngày 06/03/2026" whole.
_BREAKS = re.compile(r"[ \t\r\n]+")
_DATE_GLUE = re.compile(r"(?<=\bngày) (?=\d)")


@dataclass(frozen=True)
class Span:
    """A run of text in one weight."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Word:
    text: str
    bold: bool
    width: float


@dataclass(frozen=True)
class Fonts:
    """Regular and bold faces of one pixel size, with the line box they need."""

    px: int
    regular: ImageFont.FreeTypeFont
    bold: ImageFont.FreeTypeFont
    above: int  # dots from the top of the line box to the baseline
    below: int  # dots from the baseline to the bottom of the line box
    leading: int

    def face(self, bold: bool) -> ImageFont.FreeTypeFont:
        return self.bold if bold else self.regular

    @property
    def line_height(self) -> int:
        return self.above + self.below + self.leading

    @property
    def space(self) -> float:
        return self.regular.getlength(" ")


@lru_cache(maxsize=64)
def fonts(px: int) -> Fonts:
    """The bundled faces at ``px`` dots; cached because loading a TTF is not free."""
    regular = ImageFont.truetype(str(resource("fonts", REGULAR_FONT)), px)
    bold = ImageFont.truetype(str(resource("fonts", BOLD_FONT)), px)
    # Whole dots: FreeType answers in them, though Pillow's types allow fractions.
    above = max(math.ceil(-face.getbbox(_TALLEST, anchor="ls")[1]) for face in (regular, bold))
    below = max(math.ceil(face.getbbox(_DEEPEST, anchor="ls")[3]) for face in (regular, bold))
    return Fonts(px, regular, bold, above, below, leading=max(2, round(px * 0.18)))


def keep_together(text: str) -> str:
    """The text with no-break spaces where a line break would read badly."""
    return text.replace(" ", NO_BREAK_SPACE)


def split_words(spans: list[Span], face: Fonts) -> list[Word]:
    words: list[Word] = []
    for span in spans:
        text = _DATE_GLUE.sub(NO_BREAK_SPACE, nfc(span.text))
        for token in filter(None, _BREAKS.split(text)):
            words.append(Word(token, span.bold, face.face(span.bold).getlength(token)))
    return words


def _break_word(word: Word, face: Fonts, width: float) -> list[Word]:
    """Pieces of a word too long for a line (a long code or address), by characters."""
    pieces: list[Word] = []
    current = ""
    font = face.face(word.bold)
    for char in word.text:
        if current and font.getlength(current + char) > width:
            pieces.append(Word(current, word.bold, font.getlength(current)))
            current = ""
        current += char
    pieces.append(Word(current, word.bold, font.getlength(current)))
    return pieces


def wrap(words: list[Word], face: Fonts, width: int, indent: int = 0) -> list[list[Word]]:
    """Greedy wrapping; lines after the first start ``indent`` dots in (hanging indent)."""
    lines: list[list[Word]] = [[]]
    used = 0.0
    for word in words:
        room = width - (indent if len(lines) > 1 else 0)
        gap = face.space if lines[-1] else 0.0
        if used + gap + word.width <= room:
            lines[-1].append(word)
            used += gap + word.width
            continue
        if lines[-1]:
            lines.append([])
            room = width - indent
        if word.width <= room:
            lines[-1].append(word)
            used = word.width
            continue
        pieces = _break_word(word, face, width - indent)
        for piece in pieces[:-1]:
            lines[-1].append(piece)
            lines.append([])
        lines[-1].append(pieces[-1])
        used = pieces[-1].width
    return lines


def _balanced(words: list[Word], face: Fonts, width: int, count: int) -> list[list[Word]]:
    """The same number of lines at the narrowest width: a centred heading breaks
    into lines of similar length ("GIẤY TIẾP NHẬN HỒ SƠ / VÀ HẸN TRẢ KẾT QUẢ")
    instead of leaving one word alone on the last line."""
    low, high = 1, width
    while low < high:
        middle = (low + high) // 2
        if len(wrap(words, face, middle)) <= count:
            high = middle
        else:
            low = middle + 1
    return wrap(words, face, high)


def line_width(line: list[Word], face: Fonts) -> float:
    if not line:
        return 0.0
    return sum(word.width for word in line) + face.space * (len(line) - 1)


def fits_one_line(spans: list[Span], px: int, width: int) -> bool:
    face = fonts(px)
    return line_width(split_words(spans, face), face) <= width


def draw_paragraph(
    spans: list[Span], px: int, width: int, align: str = "left", indent: int = 0
) -> Image.Image:
    """A 1-bit image ``width`` dots wide holding the wrapped paragraph."""
    face = fonts(px)
    words = split_words(spans, face)
    lines = wrap(words, face, width, indent)
    if align == "center" and len(lines) > 1:
        lines = _balanced(words, face, width, len(lines))
    image = Image.new("1", (width, face.line_height * len(lines)), WHITE)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        x = _line_start(line_width(line, face), width, align, indent if row else 0)
        baseline = row * face.line_height + face.above
        for word in line:
            draw.text((x, baseline), word.text, font=face.face(word.bold), fill=BLACK, anchor="ls")
            x += word.width + face.space
    return image


def _line_start(used: float, width: int, align: str, indent: int) -> float:
    if align == "center":
        return max(0.0, (width - used) / 2)
    if align == "right":
        return max(0.0, width - used)
    return float(indent)
