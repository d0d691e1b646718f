"""What the kiosk ticket (phiếu số thứ tự) says, as a plain list of blocks.

The number is what the citizen looks for when the display calls, so it is
printed as large as the paper allows; the group, the time it was taken, how
many people are before it and the office's name follow. The same blocks as the
receipt (``receipt_layout``) are used, plus ``BigNumber``; the layout knows
nothing about pixels, so it is tested as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk.domain.office import Office
from desk.domain.queue import PRIORITY_LABELS, Ticket
from desk.domain.text import nfc
from desk.printing.receipt_layout import Align, Block, Framed, Rule, Spacer, TextLine, TextSize
from desk.printing.vn_format import time_and_date_text

TICKET_TITLE = "SỐ THỨ TỰ CỦA QUÝ KHÁCH"
PLEASE_WAIT = "Xin vui lòng chờ đến khi số của quý khách hiện trên màn hình và được gọi."
VALID_TODAY = "Phiếu chỉ có giá trị trong ngày."


@dataclass(frozen=True)
class BigNumber:
    """The ticket's number, centred, as tall as the paper's width allows."""

    text: str

    def lines(self) -> list[str]:
        return [self.text]


TicketBlock = Block | BigNumber


def ahead_text(ahead: int) -> str:
    if ahead == 0:
        return "Không có ai đang chờ trước quý khách."
    return f"Số người đang chờ trước quý khách: {ahead}"


@dataclass(frozen=True)
class TicketLayout:
    blocks: tuple[TicketBlock, ...]

    def lines(self) -> list[str]:
        return [line for block in self.blocks for line in block.lines()]

    def text(self) -> str:
        return "\n".join(self.lines())

    @classmethod
    def for_ticket(
        cls, ticket: Ticket, ahead: int, office: Office, taken_at: datetime | None = None
    ) -> TicketLayout:
        blocks: list[TicketBlock] = []
        if office.parent.strip():
            blocks.append(TextLine(nfc(office.parent.upper()), TextSize.SMALL, align=Align.CENTER))
        blocks.append(TextLine(nfc(office.name.upper()), bold=True, align=Align.CENTER))
        blocks.append(TextLine("Bộ phận Một cửa", TextSize.SMALL, align=Align.CENTER))
        blocks += [Rule(), TextLine(TICKET_TITLE, bold=True, align=Align.CENTER)]
        blocks.append(BigNumber(ticket.code))
        blocks.append(
            TextLine(nfc(ticket.group_name), TextSize.LARGE, bold=True, align=Align.CENTER)
        )
        if ticket.priority is not None:
            label = f"ƯU TIÊN: {PRIORITY_LABELS[ticket.priority]}"
            blocks += [Spacer(0.3), Framed((TextLine(label, bold=True, align=Align.CENTER),))]
        blocks += [
            Spacer(0.4),
            TextLine(ahead_text(ahead), align=Align.CENTER),
            TextLine(
                f"Lấy số lúc {time_and_date_text(taken_at or ticket.issued_at)}",
                TextSize.SMALL,
                align=Align.CENTER,
            ),
            Rule(),
            TextLine(PLEASE_WAIT, TextSize.SMALL, align=Align.CENTER),
            TextLine(VALID_TODAY, TextSize.SMALL, align=Align.CENTER),
        ]
        return cls(tuple(blocks))
