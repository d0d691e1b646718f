"""The page of a Vietnamese administrative letter (Decree 30/2020/ND-CP, Appendix I).

Decree 30 sets A4 with margins of 20-25 mm top and bottom, 30-35 mm left,
15-20 mm right, Times New Roman 13-14 pt, and the header in two columns: left
the issuing body (parent agency above, the body itself in bold, a short rule
under it) and the letter's number "Số: ..."; right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM" (bold capitals) over "Độc lập - Tự do - Hạnh phúc" (bold, a size
larger) with a solid rule as long as the motto, and the place and date in
italics. The one-stop forms (Circular 03/2025/TT-VPCP, Annex I) are printed
on A5 here, a choice of the desk (no paper size of the annex was confirmed): the
same layout scaled by A5/A4 (1/√2): 14 mm top and bottom, 20 mm left, 10 mm
right, body 12 pt, header 10-11 pt. Above the header, at the right and in the
top margin (so it takes no room from a form that must fit one page), a small
line names the form ("Mẫu số 01 - Phụ lục I ...").

Every form is a list of reportlab flowables built from these pieces and
written by ``write_pdf``; all text is NFC-normalised paragraph markup.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import unescape

import qrcode
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desk.documents import fonts, targets
from desk.domain.text import nfc


@dataclass(frozen=True)
class Page:
    """Paper size and margins, in points."""

    size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float

    @property
    def width(self) -> float:
        """The width text may use."""
        return self.size[0] - self.left - self.right


A5_PORTRAIT = Page(A5, top=14 * mm, bottom=14 * mm, left=20 * mm, right=10 * mm)
A5_LANDSCAPE = Page(landscape(A5), top=12 * mm, bottom=12 * mm, left=20 * mm, right=10 * mm)

BODY_SIZE = 12
HEADER_SIZE = 10
MOTTO_SIZE = 11
#: Body sizes tried in turn until a form fits its pages (a long procedure name
#: or many papers); the header keeps its size. The last, 9 pt, is about the
#: 13 pt of an A4 letter scaled to A5: a receipt for the longest procedure with
#: an e-mail and a principal needs it to keep its signatures on its page.
FIT_SIZES = (12, 11.5, 11, 10.5, 10, 9.5, 9)

_body_size: contextvars.ContextVar[float] = contextvars.ContextVar("body_size", default=BODY_SIZE)


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every form at the body size being tried."""
    return _styles(_body_size.get())


@lru_cache(maxsize=8)
def _styles(body: float) -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    r, b, i, bi = fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC
    lead = body * 1.3
    tight = body * 1.2  # lists of facts

    def style(name: str, font: str, size: float, align: int = TA_LEFT, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=kw.pop("leading", size * 1.25),
            alignment=align,
            **kw,
        )

    return {
        "form_label": style("form_label", i, HEADER_SIZE - 1, TA_RIGHT),
        "issuer": style("issuer", r, HEADER_SIZE, TA_CENTER),
        "issuer_bold": style("issuer_bold", b, HEADER_SIZE, TA_CENTER),
        "number": style("number", r, HEADER_SIZE, TA_CENTER),
        "nation": style("nation", b, HEADER_SIZE, TA_CENTER),
        "motto": style("motto", b, MOTTO_SIZE, TA_CENTER),
        "place_date": style("place_date", i, MOTTO_SIZE, TA_CENTER),
        "title": style("title", b, body + 1, TA_CENTER, spaceBefore=6, spaceAfter=2),
        "subtitle": style("subtitle", r, body, TA_CENTER, spaceAfter=2),
        "subtitle_italic": style("subtitle_italic", i, body - 1, TA_CENTER),
        "addressee": style("addressee", r, body, TA_CENTER, spaceBefore=6, spaceAfter=6),
        "body": style(
            "body", r, body, TA_JUSTIFY, leading=lead, firstLineIndent=8 * mm, spaceAfter=2
        ),
        "line": style("line", r, body, TA_LEFT, leading=tight, spaceAfter=1),
        "item": style(
            "item",
            r,
            body,
            TA_LEFT,
            leading=tight,
            leftIndent=12 * mm,
            firstLineIndent=-5 * mm,
        ),
        "sign_title": style("sign_title", b, body, TA_CENTER),
        "sign_note": style("sign_note", i, body - 1, TA_CENTER),
        "sign_name": style("sign_name", b, body, TA_CENTER),
        "recipients_heading": style("recipients_heading", bi, body - 1),
        "recipients": style("recipients", r, body - 2),
        "note": style("note", r, body - 2, leading=(body - 2) * 1.2),
        "cell": style("cell", r, body - 2, leading=(body - 2) * 1.2),
        "cell_center": style("cell_center", r, body - 2, TA_CENTER),
        "cell_head": style("cell_head", b, body - 2, TA_CENTER),
    }


_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&[#A-Za-z0-9]+;)")


def upper(markup: str) -> str:
    """Capitals of the text, leaving tags and entities as they are ("&amp;" stays)."""
    return "".join(
        part if _TAG_OR_ENTITY.fullmatch(part) else part.upper()
        for part in _TAG_OR_ENTITY.split(nfc(markup))
    )


def plain(markup: str) -> str:
    """The text of some markup, without tags and with entities decoded (for measuring)."""
    text = re.sub(r"<br\s*/?>", " ", nfc(markup))
    return unescape(re.sub(r"<[^>]*>", "", text))


def para(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of NFC markup in one of ``styles()``."""
    return Paragraph(nfc(markup), styles()[style])


class Rule(Flowable):
    """A solid line of a given length, centred in the space it is given."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 3) -> None:
        super().__init__()
        self.length, self.thickness, self.space = length, thickness, space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._available = available_width
        return available_width, self.space * 2

    def draw(self) -> None:
        x = (self._available - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.length, self.space)


class MarginLabel(Flowable):
    """A small right-aligned line drawn just above the text frame, in the top margin.

    It takes no height: put it first on a page (the form's "Mẫu số" line).
    """

    #: The line's foot above the top of the text: the frame's own padding (6 pt) and a
    #: little more, so it sits in the margin, clear of the header.
    RISE = 6 + 1 * mm

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.paragraph = para(markup, "form_label")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.paragraph.wrap(available_width, available_height)
        return available_width, 0

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, self.RISE)


@dataclass(frozen=True)
class Letterhead:
    """The two-column header: who issues the letter, its number, the motto, place and date."""

    issuer: tuple[str, ...]  # parent body first; the last line (the issuer) is bold
    number: str  # "Số: 12/PXL"
    place_date: str  # "Tân Phú, ngày 10 tháng 3 năm 2026"
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"


def letterhead(head: Letterhead, page: Page) -> Table:
    """Decree 30's header; the right column is as wide as the national title needs."""
    fonts.register_fonts()
    nation_width = stringWidth(plain(upper(head.nation)), fonts.BOLD, HEADER_SIZE)
    motto_width = stringWidth(plain(head.motto), fonts.BOLD, MOTTO_SIZE)
    right = max(nation_width, motto_width) + 4 * mm
    left = page.width - right
    issuer = [
        para(upper(line), "issuer_bold" if n == len(head.issuer) - 1 else "issuer")
        for n, line in enumerate(head.issuer)
    ]
    last_width = stringWidth(plain(upper(head.issuer[-1])), fonts.BOLD, HEADER_SIZE)
    issuer.append(Rule(min(last_width, left - 6 * mm) / 2.5))
    national = [para(upper(head.nation), "nation"), para(head.motto, "motto"), Rule(motto_width)]
    table = Table(
        [
            [issuer, national],
            [para(head.number, "number"), para(head.place_date, "place_date")],
        ],
        colWidths=[left, right],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def title_block(title: str, *subtitles: str, italic: Sequence[str] = ()) -> list[Flowable]:
    """The form's title in bold capitals, then its subtitles (the code, the copy)."""
    out: list[Flowable] = [para(upper(title), "title")]
    out += [para(s, "subtitle") for s in subtitles if s]
    out += [para(s, "subtitle_italic") for s in italic if s]
    out.append(Spacer(1, 2 * mm))
    return out


class QrCode(Flowable):
    """A QR code of ``data`` (the dossier code), so a scanner at the counter reads it.

    Drawn as filled squares straight on the page (no graphics renderer, which
    would bring in a non-embedded default font).
    """

    def __init__(self, data: str, size: float = 20 * mm) -> None:
        super().__init__()
        code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(nfc(data))
        code.make(fit=True)
        self.matrix = code.get_matrix()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        cell = self.size / len(self.matrix)
        self.canv.setFillColorRGB(0, 0, 0)
        for row, line in enumerate(self.matrix):
            y = self.size - (row + 1) * cell
            for col, dark in enumerate(line):
                if dark:
                    self.canv.rect(col * cell, y, cell, cell, stroke=0, fill=1)


def title_with_code(title: list[Flowable], code: str, page: Page) -> Table:
    """The title block centred, with the dossier code's QR code at its right."""
    side = 22 * mm
    table = Table([["", title, QrCode(code)]], colWidths=[side, page.width - 2 * side, side])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Signer:
    """One signature: the role (bold capitals), a note in italics, room to sign, the name."""

    title: str
    note: str = ""
    name: str = ""


def _signature_cell(signer: Signer) -> list[Flowable]:
    cell: list[Flowable] = [
        para(upper(line), "sign_title") for line in signer.title.splitlines() if line.strip()
    ]
    if signer.note:
        cell.append(para(signer.note, "sign_note"))
    cell.append(Spacer(1, 13 * mm))
    if signer.name:
        cell.append(para(signer.name, "sign_name"))
    return cell


def _recipients_cell(heading: str, items: Sequence[str]) -> list[Flowable]:
    return [para(heading, "recipients_heading")] + [para(f"- {i}", "recipients") for i in items]


def signature_block(
    right: Signer,
    left: Signer | None = None,
    recipients: tuple[str, Sequence[str]] | None = None,
    page: Page = A5_PORTRAIT,
) -> KeepTogether:
    """The signatures at the foot: the signer right; left another signer or "Nơi nhận"."""
    if left is not None:
        left_cell: list[Flowable] = _signature_cell(left)
    elif recipients is not None:
        left_cell = _recipients_cell(*recipients)
    else:
        left_cell = []
    table = Table(
        [[left_cell, _signature_cell(right)]],
        colWidths=[page.width * 0.45, page.width * 0.55],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 1 * mm), table])


def grid(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    """A ruled table (the control slip's hand-overs); the header repeats on each page."""
    data = [[para(h, "cell_head") for h in header]]
    data += [[para(cell, "cell") for cell in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def write_pdf(
    path: str | Path,
    make_story: Callable[[], list[Flowable]],
    page: Page,
    title: str,
    max_pages: int | None = None,
    sizes: Sequence[float] = FIT_SIZES,
) -> Path:
    """Lay out the story and write the PDF; the file appears whole or not at all.

    With ``max_pages`` the story is made again at the smaller ``sizes`` until
    it fits (the last size is kept even if it does not). Written to a
    temporary file beside the target, then moved into place, so a viewer never
    sees half a letter; a file a viewer holds open on Windows cannot be
    replaced, and a folder that cannot be made or written in, which is said in
    Vietnamese.
    """
    fonts.register_fonts()

    def write(temp_name: str) -> None:
        for size in sizes if max_pages is not None else (BODY_SIZE,):
            token = _body_size.set(size)
            try:
                pages = _build(temp_name, make_story(), page, title)
            finally:
                _body_size.reset(token)
            if max_pages is None or pages <= max_pages:
                break

    return targets.write_whole(path, write)


def document_options(page: Page, title: str, font_size: float = BODY_SIZE) -> dict[str, object]:
    """Page size, margins, metadata and body font every desk PDF is made with."""
    return {
        "pagesize": page.size,
        "leftMargin": page.left,
        "rightMargin": page.right,
        "topMargin": page.top,
        "bottomMargin": page.bottom,
        "title": nfc(title),
        "author": "desk",
        "creator": "desk",
        "lang": "vi",
        "initialFontName": fonts.REGULAR,
        "initialFontSize": font_size,
    }


def _build(file_name: str, story: list[Flowable], page: Page, title: str) -> int:
    """Write the PDF; returns its number of pages."""
    doc = SimpleDocTemplate(file_name, **document_options(page, title))
    doc.build(story)
    return doc.page
