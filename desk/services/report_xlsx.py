"""Form 06/VPCP/KSTT and the tracking book as Excel workbooks (openpyxl).

Offices send the statistics form on as a spreadsheet and keep the book in
one, so both are laid out like their paper forms: the header of the agency
and the national motto, the title, merged headings with borders, Vietnamese
words (the same TOML files as the PDFs), numbers as numbers (not text), and
a page set up for A4 landscape. The book is written in openpyxl's streaming
mode, so a year of a busy centre does not fill the memory.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desk.documents import layout, statistics_form, targets, tracking_book
from desk.documents.parts import common, letterhead_for
from desk.documents.statistics_form import StatisticsForm
from desk.documents.tracking_book import TrackingBook
from desk.documents.wording import load_wording
from desk.domain.statistics import Figures
from desk.domain.text import nfc, printable

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
NUMBER = "#,##0"
#: The most characters Excel keeps in a cell.
EXCEL_CELL_LIMIT = 32_767


def _cell_value(value: object) -> object:
    """A value a workbook can hold: a text without the control characters Excel
    files refuse (openpyxl raises on them: a name stored before the intake checks
    must not stop the whole export), cut to what a cell keeps."""
    if isinstance(value, str):
        return printable(value, EXCEL_CELL_LIMIT, line_breaks=True)
    return value


def _font(size: float = 12, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _text(markup: str) -> str:
    """Paragraph markup as a cell's text: line breaks kept, tags and entities gone."""
    return nfc(layout.plain(markup.replace("<br/>", "\n"))).replace(" \n", "\n")


# --- form 06/VPCP/KSTT ----------------------------------------------------------------

LAST_COLUMN = 13  # M


def _put(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    value: object,
    font: Font,
    alignment: Alignment = CENTRE,
) -> None:
    """A value in a (merged) range of one row."""
    cell = ws.cell(row=row, column=first, value=_cell_value(value))
    cell.font, cell.alignment = font, alignment
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _statistics_header(ws: Worksheet, form: StatisticsForm) -> int:
    """The agency, the motto, the title; returns the first row of the table."""
    words = load_wording("statistics")
    fields = statistics_form.form_fields(form)
    head = letterhead_for("agency", "", fields)
    _put(ws, 1, 9, LAST_COLUMN, _text(words.text("form_code", fields)), _font(11, bold=True),
         Alignment(horizontal="right"))  # fmt: skip
    _put(ws, 2, 1, 4, _text(layout.upper(head.issuer[0])), _font(12))
    _put(ws, 3, 1, 4, _text(layout.upper(head.issuer[-1])), _font(12, bold=True))
    _put(ws, 2, 7, LAST_COLUMN, _text(layout.upper(head.nation)), _font(12, bold=True))
    _put(ws, 3, 7, LAST_COLUMN, _text(head.motto), _font(13, bold=True))
    _put(ws, 4, 7, LAST_COLUMN, _text(head.place_date), _font(12, italic=True))
    _put(ws, 6, 1, LAST_COLUMN, _text(words.text("title", fields)), _font(13, bold=True))
    ws.row_dimensions[6].height = 36
    _put(ws, 7, 1, LAST_COLUMN, _text(words.text("subtitle", fields)), _font(12))
    _put(ws, 8, 1, LAST_COLUMN, _text(words.text("unit", fields)), _font(11, italic=True),
         Alignment(horizontal="right"))  # fmt: skip
    return 10


def _statistics_table(ws: Worksheet, form: StatisticsForm, top: int) -> int:
    """Headings, one row per field and the totals; returns the row after the table."""
    words = load_wording("statistics")
    heads = statistics_form.header_rows(words)
    for r, head in enumerate(heads):
        for c, text in enumerate(head):
            cell = ws.cell(row=top + r, column=c + 1, value=_cell_value(_text(text) or None))
            cell.font, cell.alignment, cell.border = _font(11, bold=True), CENTRE, BOX
    for (c1, r1), (c2, r2) in statistics_form.HEADER_SPANS:
        ws.merge_cells(start_row=top + r1, start_column=c1 + 1, end_row=top + r2, end_column=c2 + 1)
    ws.row_dimensions[top + 2].height = 48
    row = top + len(heads)
    lines: list[tuple[int | None, str, Figures]] = [
        (n, r.label, r.figures) for n, r in enumerate(form.rows, start=1)
    ]
    lines.append((None, _text(words.text("total_row", {})), form.total))
    for n, (number, label, figures) in enumerate(lines):
        bold = n == len(lines) - 1
        values: list[object] = [number, label, *statistics_form.values(figures)]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=c, value=_cell_value(value))
            cell.font, cell.border = _font(11, bold=bold), BOX
            cell.alignment = LEFT if c == 2 else CENTRE
            if c > 2:
                cell.number_format = NUMBER
        row += 1
    return row


def _statistics_footer(ws: Worksheet, form: StatisticsForm, row: int) -> None:
    words = load_wording("statistics")
    fields = statistics_form.form_fields(form)
    row += 1
    _put(ws, row, 1, LAST_COLUMN, _text(words.text("notes.heading", fields)),
         _font(11, bold=True, italic=True), LEFT)  # fmt: skip
    for line in words.texts("notes.lines", fields):
        row += 1
        _put(ws, row, 1, LAST_COLUMN, "- " + _text(line), _font(11), LEFT)
        ws.row_dimensions[row].height = 30
    row += 2
    _put(ws, row, 1, 5, _text(words.text("sign.maker", fields)), _font(12, bold=True))
    _put(ws, row, 8, LAST_COLUMN, _text(words.text("sign.head", fields)), _font(12, bold=True))
    row += 1
    note = common()
    _put(ws, row, 1, 5, _text(note.text("sign_note", fields)), _font(11, italic=True))
    _put(
        ws, row, 8, LAST_COLUMN, _text(note.text("sign_seal_note", fields)), _font(11, italic=True)
    )
    _put(ws, row + 4, 8, LAST_COLUMN, nfc(form.office.head_name), _font(12, bold=True))


def write_statistics_xlsx(form: StatisticsForm, path: str | Path) -> Path:
    """Form 06/VPCP/KSTT as a workbook with one sheet, "Biểu 06"."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 06"  # untranslated: sheet of the Vietnamese statistical form
    top = _statistics_header(ws, form)
    after = _statistics_table(ws, form, top)
    _statistics_footer(ws, form, after)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for c in range(3, LAST_COLUMN + 1):
        ws.column_dimensions[get_column_letter(c)].width = 12
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{top + 3}"
    return targets.write_whole(path, wb.save, "Excel")


# --- the tracking book ------------------------------------------------------------------

#: Column widths in characters, in the order of the book's columns.
BOOK_WIDTHS = (6, 21, 42, 24, 32, 24, 16, 18, 16, 20, 14)


def _book_cell(ws, value: object, font: Font, alignment: Alignment, border: bool) -> WriteOnlyCell:  # noqa: ANN001
    cell = WriteOnlyCell(ws, value=_cell_value(value))
    cell.font, cell.alignment = font, alignment
    if border:
        cell.border = BOX
    return cell


def write_tracking_book_xlsx(book: TrackingBook, path: str | Path) -> Path:
    """The book as one sheet, "Sổ theo dõi": a title, the headings, one row per dossier."""
    words = load_wording("tracking_book")
    fields = tracking_book.book_fields(book)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sổ theo dõi")  # untranslated: sheet of the Vietnamese tracking book
    for n, width in enumerate(BOOK_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.print_title_rows = "5:5"
    ws.freeze_panes = "A6"
    plain = Alignment(horizontal="left", vertical="center")
    ws.append(
        [_book_cell(ws, _text(words.text("issuer", fields)), _font(12, bold=True), plain, False)]
    )
    ws.append(
        [_book_cell(ws, _text(words.text("title", fields)), _font(14, bold=True), plain, False)]
    )
    ws.append([_book_cell(ws, _text(words.text("subtitle", fields)), _font(12), plain, False)])
    ws.append([])
    ws.append(
        [
            _book_cell(ws, t, _font(11, bold=True), CENTRE, True)
            for t in tracking_book.column_titles(words)
        ]
    )
    for entry in book.entries:
        texts = tracking_book.cells(entry, words)
        row = [_book_cell(ws, entry.number, _font(11), CENTRE, True)]
        for n, text in enumerate(texts[1:], start=1):
            align = CENTRE if 6 <= n <= 8 else LEFT
            row.append(_book_cell(ws, text or None, _font(11), align, True))
        ws.append(row)
    return targets.write_whole(path, wb.save, "Excel")
