"""What the procedure checklist slip says: the papers to bring, as the catalog publishes them.

A citizen who looks a procedure up at the kiosk takes this slip home, gathers
the papers and ticks each box, and comes back once with everything (the
directive's aim: no repeated trips). The slip carries the published facts the
office must make public for each procedure: the papers (original, copy or
shown, and how many), the fee, the time limit for each channel, where and how
to file. The counter may ask only for the papers listed (Decree 118/2025
art. 16(1), art. 5(1)(đ)), which the slip says in so many words.

Built from the receipt's blocks (``receipt_layout``), so the receipt renderer
draws it; the layout knows nothing about pixels and is tested as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk.domain.office import Office
from desk.domain.procedure import CHANNEL_LABELS, PAPER_FORM_LABELS, Channel, Procedure
from desk.domain.text import nfc
from desk.printing.receipt_layout import (
    Align,
    Block,
    Field,
    PaperItem,
    PaperList,
    ReceiptLayout,
    Rule,
    Spacer,
    TextLine,
    TextSize,
)
from desk.printing.vn_format import time_and_date_text

CHECKLIST_TITLE = "HƯỚNG DẪN CHUẨN BỊ HỒ SƠ"
PAPERS_HEADING = "Thành phần hồ sơ (đánh dấu khi đã có)"
BOX = "☐"
OPTIONAL_NOTE = "tùy trường hợp"
ONLY_LISTED = "Cán bộ tiếp nhận không được yêu cầu giấy tờ ngoài danh mục đã công khai."
NO_FEE = "Không thu phí, lệ phí"
ONLINE_WHERE = "Cổng Dịch vụ công quốc gia, dichvucong.gov.vn"


@dataclass(frozen=True)
class ChecklistItem(PaperItem):
    """A paper to bring, with a box to tick; an optional paper says so."""

    optional: bool = False

    def prefix(self, number: int) -> str:
        return f"{BOX} {number}. "

    def suffix(self) -> str:
        note = f"; {OPTIONAL_NOTE}" if self.optional else ""
        return f"({PAPER_FORM_LABELS[self.form]}: {self.count}{note})"


def limit_lines(procedure: Procedure) -> list[str]:
    """The time limit, once when every channel has the same, else one line per channel."""
    limits = {channel: procedure.limit_for(channel) for channel in Channel}
    if len(set(limits.values())) == 1:
        return [procedure.limit.describe()]
    return [f"{CHANNEL_LABELS[c]}: {limit.describe()}" for c, limit in limits.items()]


def where_to_file(office: Office) -> str:
    """The one-stop desk of the office, with its address when known."""
    place = f"Bộ phận Một cửa, {office.name}"
    return f"{place}, {office.address}" if office.address.strip() else place


def channels_text() -> str:
    return "; ".join(
        f"{CHANNEL_LABELS[c]} ({ONLINE_WHERE})" if c is Channel.ONLINE else CHANNEL_LABELS[c]
        for c in Channel
    )


def checklist_layout(procedure: Procedure, office: Office, printed_at: datetime) -> ReceiptLayout:
    """The slip of one published procedure, every text in NFC."""
    blocks: list[Block] = []
    if office.parent.strip():
        blocks.append(TextLine(office.parent.upper(), TextSize.SMALL, align=Align.CENTER))
    blocks += [
        TextLine(office.name.upper(), bold=True, align=Align.CENTER),
        TextLine("Bộ phận Một cửa", TextSize.SMALL, align=Align.CENTER),
        Rule(),
        TextLine(CHECKLIST_TITLE, TextSize.LARGE, bold=True, align=Align.CENTER),
        Spacer(0.2),
        TextLine(procedure.name, bold=True, align=Align.CENTER),
        Spacer(0.2),
        Field("Mã thủ tục", procedure.code),
        Field("Lĩnh vực", procedure.field),
        Rule(),
        PaperList(
            PAPERS_HEADING,
            tuple(ChecklistItem(p.name, p.form, p.count, p.optional) for p in procedure.papers),
        ),
        Rule(),
    ]
    lines = limit_lines(procedure)
    if len(lines) == 1:
        blocks.append(Field("Thời hạn giải quyết", lines[0]))
    else:
        blocks.append(TextLine("Thời hạn giải quyết:", bold=True))
        blocks += [TextLine(f"- {line}") for line in lines]
    blocks += [
        Field("Phí, lệ phí", procedure.fee.strip() or NO_FEE),
        Field("Nơi nộp hồ sơ", where_to_file(office)),
        Field("Cách thức nộp", channels_text()),
    ]
    if office.hotline.strip():
        blocks.append(Field("Đường dây nóng", office.hotline))
    blocks += [
        Rule(),
        TextLine(ONLY_LISTED, TextSize.SMALL, align=Align.CENTER),
        TextLine(f"In lúc {time_and_date_text(printed_at)}", TextSize.SMALL, align=Align.CENTER),
    ]
    return ReceiptLayout(tuple(_nfc(block) for block in blocks))


def _nfc(block: Block) -> Block:
    if isinstance(block, TextLine):
        return TextLine(nfc(block.text), block.size, block.bold, block.align, block.fit)
    if isinstance(block, Field):
        return Field(nfc(block.label), nfc(block.value), block.size)
    if isinstance(block, PaperList):
        items = tuple(
            ChecklistItem(nfc(i.name), i.form, i.count, getattr(i, "optional", False))
            for i in block.items
        )
        return PaperList(nfc(block.heading), items, block.empty_text)
    return block
