"""Printing and reprinting a dossier's thermal receipt.

The dossier is already saved when this runs; a printer failure raises a
``PrinterError`` (a ``UserError``) and changes nothing in the database, so a
reprint is always possible. A print is "printed" only when the printer
confirmed it (``desk.printing.printer_status``): the result says what is known.
"""

from __future__ import annotations

from PIL import Image

from desk import printing
from desk.services import dossiers, office, settings
from desk.storage.database import Database


def receipt_image(db: Database, code: str, paper: str | None = None) -> Image.Image:
    """The exact image that would be sent to the printer."""
    paper = paper or settings.get_setting(db, settings.PAPER)
    return printing.receipt_image(dossiers.get_dossier(db, code), office.get_office(db), paper)


def print_receipt(
    db: Database,
    code: str,
    uri: str | None = None,
    paper: str | None = None,
    status_timeout: float | None = None,
) -> printing.PrintedReceipt:
    """Print (or reprint) the receipt: the image sent, and whether the printer confirmed it."""
    uri = uri or settings.get_setting(db, settings.PRINTER_URI)
    paper = paper or settings.get_setting(db, settings.PAPER)
    dossier, the_office = dossiers.get_dossier(db, code), office.get_office(db)
    if status_timeout is None:
        return printing.print_receipt(dossier, the_office, uri, paper)
    return printing.print_receipt(dossier, the_office, uri, paper, status_timeout=status_timeout)
