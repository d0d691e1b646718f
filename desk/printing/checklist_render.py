"""The procedure checklist slip: layout -> 1-bit image -> ESC/POS bytes -> printer.

The same raster route as the receipt and the kiosk ticket, so Vietnamese prints
the same on every printer; with the ``none`` printer nothing is sent and the
kiosk keeps the procedure on screen.
"""

from __future__ import annotations

from datetime import datetime

from PIL import Image

from desk.domain.office import Office
from desk.domain.procedure import Procedure
from desk.printing.checklist_layout import checklist_layout
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.paper import paper_width
from desk.printing.printer_uri import PrinterTarget
from desk.printing.printers import send
from desk.printing.receipt_render import render


def checklist_image(
    procedure: Procedure, office: Office, printed_at: datetime, paper: str | int = "80"
) -> Image.Image:
    """The slip drawn for a paper setting ("80", "80-180dpi", "58") or a width in dots."""
    return render(checklist_layout(procedure, office, printed_at), paper_width(paper))


def print_checklist(
    procedure: Procedure,
    office: Office,
    printed_at: datetime,
    uri: str | PrinterTarget,
    paper: str | int = "80",
    timeout: float = 5,
) -> Image.Image:
    """Print the slip and return its image.

    Raises ``UserError`` for a bad URI or paper, ``PrinterError`` when the
    printer cannot be reached; ``none`` prints nothing.
    """
    image = checklist_image(procedure, office, printed_at, paper)
    send(uri, receipt_bytes(image), timeout=timeout)
    return image
