"""The one call the desk makes to print a receipt: render, encode, send.

The image is returned so the screen can show exactly what was sent, with what
is known of the job (printed and confirmed by the printer, or only sent); the
caller saves the dossier before printing (a failed print must never lose an
intake).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PIL import Image

from desk.domain.dossier import Dossier
from desk.domain.office import Office
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.paper import paper_width
from desk.printing.printer_status import PrintOutcome
from desk.printing.printer_uri import PrinterTarget
from desk.printing.printers import STATUS_SECONDS, send
from desk.printing.receipt_layout import ReceiptLayout
from desk.printing.receipt_render import render


def receipt_image(
    dossier: Dossier,
    office: Office,
    paper: str | int = "80",
    reprinted_at: datetime | None = None,
) -> Image.Image:
    """The receipt drawn for a paper setting ("80", "80-180dpi", "58") or a width in dots;
    ``reprinted_at``: a reprint, marked "IN LẠI" with that time."""
    layout = ReceiptLayout.for_dossier(dossier, office, reprinted_at)
    return render(layout, paper_width(paper))


@dataclass(frozen=True)
class PrintedReceipt:
    """The receipt's image and what is known of its job (``outcome.printed`` only
    when the printer confirmed it)."""

    image: Image.Image
    outcome: PrintOutcome
    #: When it was printed as a reprint (marked "IN LẠI"); ``None``: the first print.
    reprinted_at: datetime | None = None


def print_receipt(
    dossier: Dossier,
    office: Office,
    uri: str | PrinterTarget,
    paper: str | int = "80",
    timeout: float = 5,
    status_timeout: float = STATUS_SECONDS,
    reprinted_at: datetime | None = None,
) -> PrintedReceipt:
    """Print the receipt on the printer ``uri`` names: the image and the outcome
    (``reprinted_at``: a reprint, marked with that time).

    Raises ``UserError`` for a bad URI or paper setting, ``PrinterError`` when the
    printer cannot be reached or does not take the job (it broke the connection
    before confirming, it is out of paper...); nothing is sent for ``none``, and
    the image is still returned for the preview.
    """
    image = receipt_image(dossier, office, paper, reprinted_at)
    outcome = send(uri, receipt_bytes(image), timeout=timeout, status_timeout=status_timeout)
    return PrintedReceipt(image, outcome, reprinted_at)
