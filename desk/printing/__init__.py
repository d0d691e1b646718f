"""Receipts for thermal printers: layout -> 1-bit image -> ESC/POS bytes -> printer.

Plain Python, Pillow, qrcode and python-escpos: no Qt, no database. The receipt
is printed as a raster image so Vietnamese prints the same on every printer.

The names below load with their module when first used: a module that only reads a
printer's address (``printer_uri``) or its paper (``paper``) does not load Pillow.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desk.printing.escpos_bytes import receipt_bytes
    from desk.printing.paper import PAPER_WIDTHS
    from desk.printing.printer_status import Delivery, PrintOutcome
    from desk.printing.printer_uri import PrinterKind, PrinterTarget, parse_printer_uri
    from desk.printing.printers import PrinterError, send
    from desk.printing.receipt import PrintedReceipt, print_receipt, receipt_image
    from desk.printing.receipt_layout import ReceiptLayout
    from desk.printing.receipt_render import render

#: name -> the module that defines it
_HOMES = {
    "PAPER_WIDTHS": "paper",
    "Delivery": "printer_status",
    "PrintOutcome": "printer_status",
    "PrintedReceipt": "receipt",
    "PrinterError": "printers",
    "PrinterKind": "printer_uri",
    "PrinterTarget": "printer_uri",
    "ReceiptLayout": "receipt_layout",
    "parse_printer_uri": "printer_uri",
    "print_receipt": "receipt",
    "receipt_bytes": "escpos_bytes",
    "receipt_image": "receipt",
    "render": "receipt_render",
    "send": "printers",
}

__all__ = [
    "PAPER_WIDTHS",
    "Delivery",
    "PrintOutcome",
    "PrintedReceipt",
    "PrinterError",
    "PrinterKind",
    "PrinterTarget",
    "ReceiptLayout",
    "parse_printer_uri",
    "print_receipt",
    "receipt_bytes",
    "receipt_image",
    "render",
    "send",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
