"""The kiosk ticket: layout -> 1-bit image -> ESC/POS bytes -> printer.

The same raster route as the receipt (``receipt_render``, ``escpos_bytes``,
``printers.send``), so Vietnamese prints the same on every printer; with the
``none`` printer nothing is sent and the kiosk shows the number on screen only.
"""

from __future__ import annotations

from PIL import Image

from desk.domain.office import Office
from desk.domain.queue import Ticket
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.paper import paper_width
from desk.printing.printer_uri import PrinterTarget
from desk.printing.printers import send
from desk.printing.receipt_render import RenderStyle, render
from desk.printing.text_wrap import Span, draw_paragraph, fits_one_line
from desk.printing.ticket_layout import BigNumber, TicketLayout

# The number's height against the paper width: "A012" fills about two thirds
# of 80 mm paper (about 15 mm tall letters), readable at arm's length.
BIG_NUMBER_FACTOR = 0.26


def _big_number(block: BigNumber, style: RenderStyle, width: int) -> Image.Image:
    px = round(style.width * BIG_NUMBER_FACTOR)
    while px > style.base_px and not fits_one_line([Span(block.text, True)], px, width):
        px -= 2
    return draw_paragraph([Span(block.text, bold=True)], px, width, align="center")


def render_ticket(layout: TicketLayout, width_dots: int) -> Image.Image:
    """The ticket as a mode "1" image exactly ``width_dots`` wide."""
    return render(
        layout,  # type: ignore[arg-type]
        width_dots,
        lambda block, style, width: (
            _big_number(block, style, width) if isinstance(block, BigNumber) else None
        ),
    )


def ticket_image(
    ticket: Ticket, ahead: int, office: Office, paper: str | int = "80"
) -> Image.Image:
    return render_ticket(TicketLayout.for_ticket(ticket, ahead, office), paper_width(paper))


def print_ticket(
    ticket: Ticket,
    ahead: int,
    office: Office,
    uri: str | PrinterTarget,
    paper: str | int = "80",
    timeout: float = 5,
) -> Image.Image:
    """Print the ticket and return the image; ``none`` prints nothing (screen only).

    Raises ``PrinterError`` when the printer cannot be reached: the ticket is
    already taken and the kiosk still shows its number.
    """
    image = ticket_image(ticket, ahead, office, paper)
    send(uri, receipt_bytes(image), timeout=timeout)
    return image
