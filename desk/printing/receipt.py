"""The one call the desk makes to print a receipt: render, encode, send.

The image is returned so the screen can show exactly what was sent; the caller
saves the dossier before printing (a failed print must never lose an intake).
"""

from __future__ import annotations

from PIL import Image

from desk.domain.dossier import Dossier
from desk.domain.office import Office
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.printer_uri import PrinterTarget
from desk.printing.printers import send
from desk.printing.receipt_layout import ReceiptLayout
from desk.printing.receipt_render import paper_width, render


def receipt_image(dossier: Dossier, office: Office, paper: str | int = "80") -> Image.Image:
    """The receipt drawn for a paper setting ("80", "80-180dpi", "58") or a width in dots."""
    return render(ReceiptLayout.for_dossier(dossier, office), paper_width(paper))


def print_receipt(
    dossier: Dossier,
    office: Office,
    uri: str | PrinterTarget,
    paper: str | int = "80",
    timeout: float = 5,
) -> Image.Image:
    """Print the receipt on the printer ``uri`` names and return the image printed.

    Raises ``UserError`` for a bad URI or paper setting, ``PrinterError`` when the
    printer cannot be reached; nothing is sent for ``none``, and the image is still
    returned for the preview.
    """
    image = receipt_image(dossier, office, paper)
    send(uri, receipt_bytes(image), timeout=timeout)
    return image
