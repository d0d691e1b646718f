"""The catalog booklet: every published procedure on A4, for the office's notice board.

Offices must publish each procedure in full where citizens see it (niêm yết
công khai): its papers (original or copy, and how many), the fee, the time
limit, where and how to file. The booklet gives that for every active
procedure of the catalog, grouped by field (one part per field, each starting
on a new page so a part can be posted on its own board), after a cover with
the date of the catalog and a table of contents whose page numbers are links.
The PDF also carries an outline (bookmarks) of the same entries.

A4 with the margins of Decree 30/2020/ND-CP, Appendix I (20 mm top and bottom,
30 mm left, 15 mm right) and its header in two columns; the serif family of
the other forms, embedded, so ``pdftotext`` reads the Vietnamese back. The
wording is in ``resources/forms/catalog_booklet.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from desk.documents import fonts, targets
from desk.documents.facts import office_fields, place_of
from desk.documents.layout import Page, Rule, document_options, plain, upper
from desk.documents.parts import common
from desk.documents.wording import Wording, load_wording
from desk.domain.office import Office
from desk.domain.procedure import (
    CHANNEL_LABELS,
    LEVEL_LABELS,
    PAPER_FORM_LABELS,
    Channel,
    Procedure,
)
from desk.domain.text import escape_markup, fold, nfc

A4_PORTRAIT = Page(A4, top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)
BODY = 12
CELL = 11
HEADER = 12
#: Columns of the facts table and of the papers table, in mm (165 in all).
FACT_WIDTHS_MM = (42, 123)
PAPER_WIDTHS_MM = (10, 103, 30, 22)
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(n: int) -> str:
    """Parts are numbered I, II, III... as Vietnamese documents do."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


@dataclass(frozen=True)
class Part:
    """One field and its procedures, in the order they are printed."""

    field: str
    procedures: tuple[Procedure, ...]


def group_by_field(procedures: Sequence[Procedure]) -> list[Part]:
    """Active procedures by field, fields and names in Vietnamese alphabetical order."""
    fields: dict[str, list[Procedure]] = {}
    for p in procedures:
        if p.active:
            fields.setdefault(p.field.strip(), []).append(p)
    return [
        Part(name, tuple(sorted(fields[name], key=lambda p: (_sort_name(p.name), p.code))))
        for name in sorted(fields, key=lambda f: (fold(f), f))
    ]


def _sort_name(name: str) -> str:
    """Names sort without their leading "Thủ tục" (most have it, some do not)."""
    return fold(name).removeprefix("thu tuc ").strip()


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    r, b, i = fonts.REGULAR, fonts.BOLD, fonts.ITALIC

    def style(name: str, font: str, size: float, align: int = TA_LEFT, **kw: Any):
        kw.setdefault("leading", size * 1.25)
        return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **kw)

    return {
        "issuer": style("issuer", r, HEADER, TA_CENTER),
        "issuer_bold": style("issuer_bold", b, HEADER, TA_CENTER),
        "nation": style("nation", b, HEADER, TA_CENTER),
        "motto": style("motto", b, HEADER + 1, TA_CENTER),
        "place_date": style("place_date", i, HEADER + 1, TA_CENTER),
        "title": style("title", b, 16, TA_CENTER, spaceBefore=14, spaceAfter=4),
        "subtitle": style("subtitle", b, 13, TA_CENTER, spaceAfter=2),
        "as_of": style("as_of", i, 13, TA_CENTER, spaceAfter=8),
        "notice": style("notice", r, BODY, TA_JUSTIFY, firstLineIndent=8 * mm, spaceAfter=3),
        "contents": style("contents", b, 14, TA_CENTER, spaceBefore=10, spaceAfter=6),
        # rightIndent keeps the text clear of the page numbers' column
        "toc0": style("toc0", b, CELL + 0.5, leading=CELL * 1.3, spaceBefore=3, rightIndent=9 * mm),
        "toc1": style(
            "toc1",
            r,
            CELL,
            leading=CELL * 1.15,
            leftIndent=8 * mm,
            firstLineIndent=-5 * mm,
            rightIndent=9 * mm,
        ),
        "part": style("part", b, 14, TA_CENTER, spaceAfter=2),
        "part_count": style("part_count", i, BODY, TA_CENTER, spaceAfter=8),
        "procedure": style(
            "procedure", b, BODY + 0.5, leading=(BODY + 0.5) * 1.25, spaceBefore=8, spaceAfter=4
        ),
        "label": style("label", b, CELL, leading=CELL * 1.2),
        "cell": style("cell", r, CELL, leading=CELL * 1.2),
        "cell_center": style("cell_center", r, CELL, TA_CENTER, leading=CELL * 1.2),
        "cell_head": style("cell_head", b, CELL, TA_CENTER, leading=CELL * 1.2),
        "legal": style("legal", i, CELL - 1, TA_JUSTIFY, leading=(CELL - 1) * 1.2, spaceBefore=3),
        "empty": style("empty", i, BODY, TA_CENTER, spaceBefore=20),
    }


class Heading(Paragraph):
    """A paragraph that is an entry of the table of contents and of the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.toc_text = text
        self.toc_key = key


class _BookletTemplate(BaseDocTemplate):
    def __init__(self, filename: str, page: Page, title: str, footer: tuple[str, str]) -> None:
        super().__init__(filename, **document_options(page, title, BODY))
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", frames=[frame])])
        self.footer = footer

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(
                plain(flowable.toc_text), flowable.toc_key, flowable.toc_level, closed=True
            )
            self.notify(
                "TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, flowable.toc_key)
            )


class _NumberedCanvas(Canvas):
    """Draws "Trang x/y" and the footer on every page once the number of pages is known."""

    footer: tuple[str, str] = ("", "")
    margins: Page = A4_PORTRAIT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        left, right = self.footer
        page = self.margins
        y = page.bottom / 2
        self.setFont(fonts.ITALIC, 9)
        self.drawString(page.left, y, plain(left))
        text = nfc(right.format(page=self._pageNumber, pages=total))
        self.drawRightString(page.size[0] - page.right, y, text)
        self.setLineWidth(0.4)
        self.line(page.left, y + 11, page.size[0] - page.right, y + 11)


@dataclass(frozen=True)
class Booklet:
    """What the booklet shows: the office, the procedures, and the date of the catalog."""

    office: Office
    procedures: tuple[Procedure, ...]
    as_of: date


def booklet_fields(booklet: Booklet, parts: list[Part]) -> dict[str, Any]:
    fields = office_fields(booklet.office, place_of(booklet.office), booklet.as_of)
    fields["date"] = f"{booklet.as_of:%d/%m/%Y}"
    fields["procedures"] = sum(len(part.procedures) for part in parts)
    fields["fields"] = len(parts)
    return fields


def _header(words: Wording, fields: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    """Decree 30's two-column header, at the A4 sizes (12-13 pt)."""
    shared = common()
    nation = shared.text("nation", fields)
    motto = shared.text("motto", fields)
    right = (
        max(
            stringWidth(plain(upper(nation)), fonts.BOLD, HEADER),
            stringWidth(plain(motto), fonts.BOLD, HEADER + 1),
        )
        + 4 * mm
    )
    left = A4_PORTRAIT.width - right
    issuer_lines = shared.texts("issuer.agency", fields)
    issuer: list[Flowable] = [
        Paragraph(upper(line), st["issuer_bold" if n == len(issuer_lines) - 1 else "issuer"])
        for n, line in enumerate(issuer_lines)
        if plain(line).strip()
    ]
    last = stringWidth(plain(upper(issuer_lines[-1])), fonts.BOLD, HEADER)
    issuer.append(Rule(min(last, left - 6 * mm) / 2.5))
    motto_width = stringWidth(plain(motto), fonts.BOLD, HEADER + 1)
    national = [Paragraph(upper(nation), st["nation"]), Paragraph(motto, st["motto"])]
    national.append(Rule(motto_width))
    place_date = Paragraph(shared.text("place_date", fields), st["place_date"])
    table = Table([[issuer, national], ["", place_date]], colWidths=[left, right])
    table.setStyle(_plain_table())
    return table


def _plain_table() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )


def _cover(words: Wording, fields: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [_header(words, fields, st)]
    story.append(Paragraph(upper(words.text("title", fields)), st["title"]))
    story.append(Paragraph(words.text("subtitle", fields), st["subtitle"]))
    story.append(Paragraph(words.text("as_of", fields), st["as_of"]))
    story.append(Paragraph(words.text("summary", fields), st["notice"]))
    story += [Paragraph(text, st["notice"]) for text in words.texts("notices", fields)]
    if str(fields.get("hotline", "")).strip():
        story.append(Paragraph(words.text("hotline", fields), st["notice"]))
    return story


def _toc(words: Wording, fields: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    # The table's own font must be the embedded one too, or an empty Helvetica
    # (not embedded) is referenced by the PDF.
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc = TableOfContents(
        levelStyles=[st["toc0"], st["toc1"]],
        tableStyle=table_style,
        dotsMinLevel=0,
        rightColumnWidth=12 * mm,
    )
    return [Paragraph(words.text("contents", fields), st["contents"]), toc]


def _limit_text(p: Procedure) -> str:
    limits = {channel: p.limit_for(channel) for channel in Channel}
    if len(set(limits.values())) == 1:
        return escape_markup(p.limit.describe())
    return "<br/>".join(
        f"{escape_markup(CHANNEL_LABELS[c])}: {escape_markup(limit.describe())}"
        for c, limit in limits.items()
    )


def _channels_text(words: Wording, fields: dict[str, Any]) -> str:
    online = words.text("labels.online", fields)
    return "<br/>".join(
        f"- {escape_markup(CHANNEL_LABELS[c])}" + (f" ({online})" if c is Channel.ONLINE else "")
        for c in Channel
    )


def _facts(p: Procedure, words: Wording, fields: dict[str, Any], st) -> Table:
    label = lambda key: Paragraph(words.text(f"labels.{key}", fields), st["label"])  # noqa: E731
    cell = lambda markup: Paragraph(nfc(markup), st["cell"])  # noqa: E731
    rows = [[label("code"), cell(escape_markup(p.code))]]
    if p.level is not None:
        rows.append([label("level"), cell(escape_markup(LEVEL_LABELS[p.level]))])
    rows += [
        [label("limit"), cell(_limit_text(p))],
        [label("fee"), cell(escape_markup(p.fee.strip()) or words.text("labels.no_fee", fields))],
        [label("channels"), cell(_channels_text(words, fields))],
        [label("where"), cell(words.text("labels.where_text", fields))],
    ]
    table = Table(rows, colWidths=[w * mm for w in FACT_WIDTHS_MM])
    table.setStyle(_grid())
    return table


def _papers(p: Procedure, words: Wording, fields: dict[str, Any], st) -> list[Flowable]:
    header = [Paragraph(escape_markup(h), st["cell_head"]) for h in words.raw("papers.header")]
    optional = words.text("labels.optional", fields)
    rows = [header]
    for n, paper in enumerate(p.papers, start=1):
        name = escape_markup(nfc(paper.name)) + (f" <i>({optional})</i>" if paper.optional else "")
        rows.append(
            [
                Paragraph(str(n), st["cell_center"]),
                Paragraph(name, st["cell"]),
                Paragraph(escape_markup(PAPER_FORM_LABELS[paper.form]), st["cell_center"]),
                Paragraph(f"{paper.count:02d}", st["cell_center"]),
            ]
        )
    table = Table(rows, colWidths=[w * mm for w in PAPER_WIDTHS_MM], repeatRows=1)
    table.setStyle(_grid(head=True))
    title = Paragraph(words.text("labels.papers", fields) + ":", st["label"])
    return [Spacer(1, 2 * mm), title, Spacer(1, 1 * mm), table]


def _grid(head: bool = False) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if head:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    return TableStyle(commands)


def _procedure(n: int, p: Procedure, key: str, words: Wording, fields, st) -> list[Flowable]:
    title = words.text("procedure", fields | {"number": n, "name": p.name})
    story: list[Flowable] = [
        KeepTogether([Heading(title, st["procedure"], 1, key), _facts(p, words, fields, st)])
    ]
    story += _papers(p, words, fields, st)
    if p.legal_basis.strip():
        label = words.text("labels.legal_basis", fields)
        story.append(Paragraph(f"<b>{label}:</b> {escape_markup(nfc(p.legal_basis))}", st["legal"]))
    return story


def booklet_story(booklet: Booklet) -> tuple[list[Flowable], dict[str, Any]]:
    """The flowables of the whole booklet, and the fields its wording was filled with."""
    words = load_wording("catalog_booklet")
    st = _styles()
    parts = group_by_field(booklet.procedures)
    fields = booklet_fields(booklet, parts)
    story = _cover(words, fields, st)
    if not parts:
        story.append(Paragraph(words.text("empty", fields), st["empty"]))
        return story, fields
    story += _toc(words, fields, st)
    for number, part in enumerate(parts, start=1):
        part_fields = fields | {
            "number": roman(number),
            "FIELD": part.field.upper(),
            "count": len(part.procedures),
        }
        story.append(PageBreak())
        story.append(Heading(words.text("part", part_fields), st["part"], 0, f"part{number}"))
        story.append(Paragraph(words.text("part_count", part_fields), st["part_count"]))
        for n, p in enumerate(part.procedures, start=1):
            story += _procedure(n, p, f"p{number}_{n}", words, fields, st)
    return story, fields


def write_booklet(path: str | Path, booklet: Booklet) -> Path:
    """Write the booklet PDF; the file appears whole or not at all (see ``layout.write_pdf``)."""
    fonts.register_fonts()
    words = load_wording("catalog_booklet")

    def write(temp_name: str) -> None:
        story, fields = booklet_story(booklet)
        footer = (words.text("footer_left", fields), str(words.raw("footer_right")))
        doc = _BookletTemplate(temp_name, A4_PORTRAIT, plain(words.text("title", fields)), footer)
        canvas_class = type("BookletCanvas", (_NumberedCanvas,), {"footer": footer})
        doc.multiBuild(story, canvasmaker=canvas_class)

    return targets.write_whole(path, write)
