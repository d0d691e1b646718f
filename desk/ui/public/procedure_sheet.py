"""A procedure's published facts as the kiosk shows them to a citizen: its code, field,
time limit, fee, where and how to file, and its papers (original or copy, how many).
"""

from __future__ import annotations

from desk.domain.office import Office
from desk.domain.procedure import (
    CHANNEL_LABELS,
    PAPER_FORM_LABELS,
    Channel,
    Procedure,
    RequiredPaper,
)
from desk.domain.text import escape_markup
from desk.domain.translation import translated
from desk.ui.widgets.qt_helpers import translate


def limit_lines(procedure: Procedure) -> list[str]:
    """The time limit on screen: once when every channel has the same, else one per channel."""
    limits = {channel: procedure.limit_for(channel) for channel in Channel}
    if len(set(limits.values())) == 1:
        return [procedure.limit.label()]
    return [f"{translated(CHANNEL_LABELS[c])}: {limit.label()}" for c, limit in limits.items()]


def where_to_file(place: Office) -> str:
    """The one-stop desk of the office, with its address when known."""
    text = translate("KioskLookup", "Bộ phận Một cửa, {office}").format(office=place.name)
    return f"{text}, {place.address}" if place.address.strip() else text


def _paper_row(number: int, paper: RequiredPaper) -> str:
    optional = ""
    if paper.optional:
        note = escape_markup(translate("KioskLookup", "tùy trường hợp"))
        optional = f" <i style='color:#7a4b00'>({note})</i>"
    form = escape_markup(translated(PAPER_FORM_LABELS[paper.form]))
    return (
        "<tr>"
        f"<td width='6%' align='right'><b>{number}.</b></td>"
        f"<td>{escape_markup(paper.name)}{optional}</td>"
        f"<td width='17%' align='center'>{form}</td>"
        f"<td width='12%' align='center'>{paper.count:02d}</td></tr>"
    )


def procedure_html(procedure: Procedure, where: str) -> str:
    """The published facts of a procedure as rich text for the detail page."""
    fee = procedure.fee.strip() or translate("KioskLookup", "Không thu phí, lệ phí")
    rows = [
        (translate("KioskLookup", "Mã thủ tục"), escape_markup(procedure.code)),
        (translate("KioskLookup", "Lĩnh vực"), escape_markup(procedure.field)),
        (
            translate("KioskLookup", "Thời hạn giải quyết"),
            "<br>".join(escape_markup(x) for x in limit_lines(procedure)),
        ),
        (translate("KioskLookup", "Phí, lệ phí"), escape_markup(fee)),
        (translate("KioskLookup", "Nơi nộp hồ sơ"), escape_markup(where)),
        (
            translate("KioskLookup", "Cách thức nộp"),
            "<br>".join(f"• {escape_markup(translated(CHANNEL_LABELS[c]))}" for c in Channel),
        ),
    ]
    facts = "".join(
        f"<tr><td width='28%' style='color:#4a5b6c'><b>{label}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    papers = "".join(_paper_row(n, p) for n, p in enumerate(procedure.papers, start=1))
    heading = translate("KioskLookup", "THÀNH PHẦN HỒ SƠ")
    paper_title = translate("KioskLookup", "Giấy tờ")
    form_title = translate("KioskLookup", "Hình thức")
    count_title = translate("KioskLookup", "Số lượng")
    head = (
        f"<tr style='background:#e3ecf5'><th></th><th align='left'>{paper_title}</th>"
        f"<th>{form_title}</th><th>{count_title}</th></tr>"
    )
    return (
        f"<table cellpadding='8' cellspacing='0' width='100%'>{facts}</table>"
        f"<p style='color:#0b4a85; font-weight:bold'>{heading}</p>"
        f"<table cellpadding='8' cellspacing='0' border='1' width='98%' "
        f"style='border-color:#c9d6e3'>{head}{papers}</table>"
    )
