"""Receipts for thermal printers: layout -> 1-bit image -> ESC/POS bytes -> printer.

Plain Python, Pillow, qrcode and python-escpos: no Qt, no database. The receipt
is printed as a raster image so Vietnamese prints the same on every printer.
"""

from __future__ import annotations

from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.printer_status import Delivery, PrintOutcome
from desk.printing.printer_uri import PrinterKind, PrinterTarget, parse_printer_uri
from desk.printing.printers import PrinterError, send
from desk.printing.receipt import PrintedReceipt, print_receipt, receipt_image
from desk.printing.receipt_layout import ReceiptLayout
from desk.printing.receipt_render import PAPER_WIDTHS, render

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
