"""Form 07 of Circular 03/2025/TT-VPCP, Annex I: the tracking book (Sổ theo dõi hồ sơ).

The register of the period's dossiers, one row each: number, dossier code,
procedure, applicant, address and phone, lead agency, received, appointment,
returned, how the result was collected, and a blank for the signature of
whoever collects it; the form's line and, on the last page, its notes. A4
landscape; the words are in ``resources/forms/tracking_book.toml`` (columns and
notes follow a 2025 ministry adaptation, not compared with the annex itself).

A month of a busy centre is thousands of rows, so the pages are laid out
here rather than by reportlab's table splitting (which re-measures the rest
of a table at every page break): each cell is wrapped once, each row's
height is known, rows are dealt onto pages, and every page is one table with
the column headings and a footer "Trang i/N".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from desk.documents import fonts, layout
from desk.documents.facts import office_fields
from desk.documents.parts import form_label
from desk.documents.parts import notes as form_notes
from desk.documents.wording import Wording, load_wording
from desk.domain.clock import to_vn
from desk.domain.dossier import DossierStatus, ReturnMethod
from desk.domain.office import Office
from desk.domain.statistics import Period
from desk.domain.text import ELLIPSIS, nfc, printable

PAGE = layout.Page(landscape(A4), top=12 * mm, bottom=12 * mm, left=20 * mm, right=10 * mm)
#: Column widths in mm, 267 in all (the text width of A4 landscape with these margins).
WIDTHS_MM = (8, 29, 50, 28, 36, 26, 16, 17, 16, 22, 19)
SIZE = 8
LEADING = 9.6
PAD = 2.0  # left and right padding of a cell, in points
VPAD = 2.0  # top and bottom padding
FOOTER = 7 * mm
#: reportlab's frame keeps 6 points inside the margins on each side.
FRAME_PADDING = 6
#: The most characters a cell shows from one stored text, and the most lines a
#: cell takes on the page: a text stored before the intake checks (a name of a
#: hundred thousand characters) ends with "…" instead of making a row taller than
#: a page, which reportlab cannot lay out. Texts the intake lets in fit whole.
CELL_LIMIT = 600
MAX_CELL_LINES = 24


@dataclass(frozen=True)
class BookEntry:
    """One dossier of the book, as the desk knows it."""

    number: int
    code: str
    procedure: str
    applicant: str
    address: str
    phone: str
    department: str
    received_at: datetime
    appointment_at: datetime
    due_at: datetime
    returned_at: datetime | None
    status: str
    return_method: str
    tracking_number: str


@dataclass(frozen=True)
class TrackingBook:
    office: Office
    place: str
    period: Period
    count: int
    entries: Iterable[BookEntry]  # read once, in order


def moment_text(moment: datetime | None) -> str:
    """ "08:15" over "10/03/2026" (two lines), in Vietnam time; "" for none."""
    if moment is None:
        return ""
    local = to_vn(moment)
    return f"{local:%H:%M}\n{local:%d/%m/%Y}"


def _text(words: Wording, key: str, **values: object) -> str:
    """A wording as plain text (the book's cells are not markup)."""
    return layout.plain(words.text(key, values))


def method_text(entry: BookEntry, words: Wording) -> str:
    """The "Phương thức nhận kết quả" column: how the result was collected."""
    if entry.returned_at is not None:
        if entry.return_method == ReturnMethod.POST.value:
            if entry.tracking_number:
                return _text(
                    words, "methods.post_tracking", tracking=_stored(entry.tracking_number)
                )
            return _text(words, "methods.post")
        return _text(words, "methods.counter")
    by_status = {
        DossierStatus.RESULT_READY.value: "methods.ready",
        DossierStatus.REFUSED.value: "methods.refused",
        DossierStatus.STOPPED.value: "methods.stopped",
    }
    return _text(words, by_status[entry.status]) if entry.status in by_status else ""


def cells(entry: BookEntry, words: Wording) -> list[str]:
    """The eleven cells of an entry as plain text (lines split by "\\n")."""
    appointment = moment_text(entry.appointment_at)
    if to_vn(entry.due_at) != to_vn(entry.appointment_at):
        due = to_vn(entry.due_at)
        appointment += "\n" + _text(words, "methods.rescheduled", due=f"{due:%d/%m/%Y}")
    contact = "\n".join(part for part in (_stored(entry.address), _stored(entry.phone)) if part)
    return [
        nfc(text)
        for text in (
            str(entry.number),
            _stored(entry.code),
            _stored(entry.procedure),
            _stored(entry.applicant),
            contact,
            _stored(entry.department),
            moment_text(entry.received_at),
            appointment,
            moment_text(entry.returned_at),
            method_text(entry, words),
            "",
        )
    ]


def _stored(text: str) -> str:
    """A text from the database as a cell can hold it: no control character, not
    longer than ``CELL_LIMIT`` (``desk.domain.text.printable``)."""
    return printable(nfc(text), CELL_LIMIT)


def column_titles(words: Wording) -> list[str]:
    return [layout.plain(str(c)) for c in words.raw("columns")]


def book_fields(book: TrackingBook) -> dict[str, object]:
    return office_fields(book.office, book.place, book.period.last) | {
        "period": book.period.title,
        "range": book.period.range_text,
        "count": f"{book.count:,}".replace(",", "."),
    }


def column_widths(page: layout.Page) -> list[float]:
    scale = page.width / (sum(WIDTHS_MM) * mm)
    return [w * mm * scale for w in WIDTHS_MM]


def wrap_row(texts: list[str], widths: list[float], font: str) -> tuple[list[str], float]:
    """The cells wrapped to their columns, and the row's height."""
    wrapped, most = [], 1
    for text, width in zip(texts, widths):
        lines: list[str] = []
        for part in text.split("\n"):
            lines += _split(part, font, width - 2 * PAD)
        if len(lines) > MAX_CELL_LINES:
            lines = lines[:MAX_CELL_LINES]
            lines[-1] = lines[-1][:-1].rstrip() + ELLIPSIS
        wrapped.append("\n".join(lines))
        most = max(most, len(lines))
    return wrapped, most * LEADING + 2 * VPAD


def _split(text: str, font: str, width: float) -> list[str]:
    """``text`` in lines that fit ``width``: at spaces, and inside a word longer
    than the column (which would otherwise run over the next cells)."""
    lines: list[str] = []
    for line in simpleSplit(text, font, SIZE, width) or [""]:
        while len(line) > 1 and stringWidth(line, font, SIZE) > width:
            cut = _fitting(line, font, width)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _fitting(line: str, font: str, width: float) -> int:
    """How many first characters of ``line`` fit ``width`` (one at least)."""
    low, high = 1, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(line[:middle], font, SIZE) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class Footer(Flowable):
    """The page's footer line, drawn at the foot of whatever room is left."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = nfc(text)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._width = available_width
        return available_width, max(FOOTER, available_height - 1)

    def draw(self) -> None:
        self.canv.setFont(fonts.ITALIC, SIZE)
        self.canv.drawRightString(self._width, 0, self.text)


def _page_table(
    heading: tuple[list[str], float], rows: list[tuple[list[str], float]], widths: list[float]
) -> Table:
    data = [heading[0]] + [r[0] for r in rows]
    table = Table(
        data, colWidths=widths, rowHeights=[heading[1]] + [r[1] for r in rows], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), SIZE),
                ("LEADING", (0, 0), (-1, -1), LEADING),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (6, 1), (8, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), VPAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), VPAD),
            ]
        )
    )
    return table


def _opening(book: TrackingBook, words: Wording, fields: dict[str, object]) -> list[Flowable]:
    return [
        *form_label(words, fields),
        layout.para(f"<b>{words.text('issuer', fields)}</b>", "line"),
        *layout.title_block(words.text("title", fields), words.text("subtitle", fields)),
    ]


def _empty(words: Wording, fields: dict[str, object]) -> list[Flowable]:
    return [Spacer(1, 4 * mm), layout.para(words.text("empty", fields), "line")]


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(width, PAGE.size[1])[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def deal_pages(
    rows: list[tuple[list[str], float]], first_room: float, room: float, heading_height: float
) -> list[list[tuple[list[str], float]]]:
    """Rows dealt onto pages: as many as fit under the headings on each."""
    pages: list[list[tuple[list[str], float]]] = [[]]
    used, limit = heading_height, first_room
    for row in rows:
        if pages[-1] and used + row[1] > limit:
            pages.append([])
            used, limit = heading_height, room
        pages[-1].append(row)
        used += row[1]
    return pages


def make_room_for_notes(
    pages: list[list[tuple[list[str], float]]],
    notes_height: float,
    last_room: float,
    heading_height: float,
    empty_height: float,
) -> None:
    """Put the notes on the last page: when they do not fit under its rows, a new
    page takes them with the last row (alone when the page has only that row)."""
    last = pages[-1]
    used = heading_height + sum(h for _, h in last) if last else empty_height
    if used + notes_height > last_room:
        pages.append([last.pop()] if len(last) > 1 else [])


def story(book: TrackingBook) -> tuple[str, list[Flowable]]:
    fonts.register_fonts()
    words = load_wording("tracking_book")
    fields = book_fields(book)
    widths = column_widths(PAGE)
    heading = wrap_row(column_titles(words), widths, fonts.BOLD)
    rows = [wrap_row(cells(e, words), widths, fonts.REGULAR) for e in book.entries]
    opening = _opening(book, words, fields)
    room = PAGE.size[1] - PAGE.top - PAGE.bottom - 2 * FRAME_PADDING - FOOTER - 2 * mm
    first_room = room - _height(opening, PAGE.width)
    pages = deal_pages(rows, first_room, room, heading[1])
    notes = form_notes(words, fields, keep=False)  # the pages are dealt here
    if notes:
        last_room = first_room if len(pages) == 1 else room
        empty = _height(_empty(words, fields), PAGE.width)
        make_room_for_notes(pages, _height(notes, PAGE.width), last_room, heading[1], empty)
    flow: list[Flowable] = list(opening)
    for n, page_rows in enumerate(pages, start=1):
        if n > 1:
            flow.append(PageBreak())
        if page_rows:
            flow.append(_page_table(heading, page_rows, widths))
        elif n == 1:
            flow += _empty(words, fields)
        if n == len(pages):
            flow += notes
        flow.append(Footer(words.text("footer", fields | {"page": n, "pages": len(pages)})))
    return layout.plain(words.text("title", fields)), flow


def write(book: TrackingBook, path: str | Path) -> Path:
    made = story(book)
    return layout.write_pdf(path, lambda: made[1], PAGE, made[0])
