"""Statistics form 06/VPCP/KSTT (Tình hình, kết quả giải quyết TTHC), A4 landscape.

One row per field, with the totals: received (total; carried over from the
previous period; new online; new at the counter or by post), decided (total;
early; on time; late), pending (total; within time; overdue). The headings
are three tiers of merged cells over the column numbers (1)..(13), as on the
paper form; the notes under the table say how refusals and pending dossiers
are counted (the definitions of ``desk.domain.statistics``). The words are in
``resources/forms/statistics.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desk.documents import fonts, layout
from desk.documents.facts import office_fields
from desk.documents.parts import esc, letterhead_for
from desk.documents.wording import Wording, load_wording
from desk.domain.office import Office
from desk.domain.statistics import Figures, Period, percent_text
from desk.domain.text import nfc
from desk.domain.vn_dates import time_and_date_text

A4_LANDSCAPE = layout.Page(landscape(A4), top=12 * mm, bottom=12 * mm, left=20 * mm, right=15 * mm)
#: Column widths in mm (262 in all): number, field, then the eleven counts.
WIDTHS_MM = (10, 54, *([208 / 11] * 11))
#: The body shrinks this far to keep the form on one page.
SIZES = (12, 11, 10, 9)

#: The counts of the columns (3)..(13), in order.
COLUMNS: tuple[str, ...] = (
    "handled",
    "carried_over",
    "received_online",
    "received_direct",
    "decided",
    "early",
    "on_time",
    "late",
    "pending",
    "pending_in_time",
    "pending_overdue",
)


@dataclass(frozen=True)
class FormRow:
    label: str  # the field (lĩnh vực)
    figures: Figures


@dataclass(frozen=True)
class StatisticsForm:
    office: Office
    place: str
    period: Period
    rows: tuple[FormRow, ...]
    total: Figures
    pending_at: datetime
    made_on: date


def values(figures: Figures) -> list[int]:
    """The numbers of columns (3)..(13) of one row."""
    return [int(getattr(figures, name)) for name in COLUMNS]


def form_fields(form: StatisticsForm) -> dict[str, object]:
    """What the wording of the form (PDF and XLSX) may use."""
    return office_fields(form.office, form.place, form.made_on) | {
        "period": form.period.title,
        "range": form.period.range_text,
        "pending_at": time_and_date_text(form.pending_at),
        "refused": form.total.refused,
        "stopped": form.total.stopped,
        "rate": percent_text(form.total.on_time_rate),
        "head_title": form.office.head_title,
        "head_name": form.office.head_name,
    }


def header_rows(words: Wording) -> list[list[str]]:
    """The three tiers of headings and the row of column numbers (13 columns each).

    Cells covered by a merged neighbour are "" (see ``HEADER_SPANS``).
    """
    c = {key: str(value) for key, value in words.raw("columns").items()}
    return [
        [c["number"], c["field"], c["received"], "", "", "", c["result"], *[""] * 6],
        ["", "", c["received_total"], c["of_which"], "", "", c["decided"], "", "", "",
         c["pending"], "", ""],
        ["", "", "", c["carried_over"], c["received_online"], c["received_direct"],
         c["decided_total"], c["early"], c["on_time"], c["late"], c["pending_total"],
         c["in_time"], c["overdue"]],
        [f"({n})" for n in range(1, 14)],
    ]  # fmt: skip


#: Merged heading cells as ((first column, first row), (last column, last row)).
HEADER_SPANS = (
    ((0, 0), (0, 2)),
    ((1, 0), (1, 2)),
    ((2, 0), (5, 0)),
    ((6, 0), (12, 0)),
    ((2, 1), (2, 2)),
    ((3, 1), (5, 1)),
    ((6, 1), (9, 1)),
    ((10, 1), (12, 1)),
)


def _table(form: StatisticsForm, words: Wording, page: layout.Page) -> Table:
    heads = header_rows(words)
    data: list[list[object]] = [
        [layout.para(h, "cell_head") if h else "" for h in row] for row in heads
    ]
    for n, row in enumerate(form.rows, start=1):
        data.append(
            [layout.para(str(n), "cell_center"), layout.para(esc(row.label), "cell")]
            + [layout.para(f"{v:,}".replace(",", "."), "cell_center") for v in values(row.figures)]
        )
    total = [f"<b>{v:,}</b>".replace(",", ".") for v in values(form.total)]
    data.append(
        ["", layout.para(f"<b>{esc(words.text('total_row', {}))}</b>", "cell")]
        + [layout.para(v, "cell_center") for v in total]
    )
    scale = page.width / (sum(WIDTHS_MM) * mm)
    table = Table(data, colWidths=[w * mm * scale for w in WIDTHS_MM], repeatRows=len(heads))
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, len(heads)), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, len(heads)), (-1, -1), 1.5),
    ]
    style += [("SPAN", a, b) for a, b in HEADER_SPANS]
    table.setStyle(TableStyle(style))
    return table


def _form_code(text: str) -> Paragraph:
    """The form's code in the top right corner, above the header."""
    base = layout.styles()["number"]
    style = ParagraphStyle("form_code", parent=base, alignment=TA_RIGHT, fontName=fonts.BOLD)
    return Paragraph(nfc(text), style)


def story(form: StatisticsForm) -> tuple[str, list[Flowable]]:
    words = load_wording("statistics")
    common = load_wording("common")
    fields = form_fields(form)
    page = A4_LANDSCAPE
    flow: list[Flowable] = [
        _form_code(words.text("form_code", fields)),
        layout.letterhead(letterhead_for("agency", "", fields), page),
        *layout.title_block(words.text("title", fields), words.text("subtitle", fields)),
        layout.para(f"<i>{words.text('unit', fields)}</i>", "line"),
        Spacer(1, 1 * mm),
        _table(form, words, page),
    ]
    if not form.rows:
        flow.append(layout.para(words.text("empty", fields), "line"))
    flow.append(Spacer(1, 2 * mm))
    flow.append(layout.para(f"<b><i>{words.text('notes.heading', fields)}</i></b>", "line"))
    flow += [layout.para(f"- {line}", "line") for line in words.texts("notes.lines", fields)]
    flow.append(
        layout.signature_block(
            layout.Signer(
                words.text("sign.head", fields),
                common.text("sign_seal_note", fields),
                esc(form.office.head_name),
            ),
            left=layout.Signer(words.text("sign.maker", fields), common.text("sign_note", fields)),
            page=page,
        )
    )
    return layout.plain(words.text("title", fields)), flow


def write(form: StatisticsForm, path: str | Path) -> Path:
    """The PDF, on one page where the body can shrink to fit it."""
    title = story(form)[0]
    return layout.write_pdf(
        path, lambda: story(form)[1], A4_LANDSCAPE, title, max_pages=1, sizes=SIZES
    )
