"""The one-call helpers the desk uses, and the rule that printing stays Qt-free."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import VirtualNetworkPrinter
from escpos_decode import decode
from PIL import ImageChops
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.dossier import Dossier
from desk.domain.errors import UserError
from desk.domain.office import Office
from desk.printing import PAPER_WIDTHS, Delivery, PrinterError, print_receipt, receipt_image


def test_print_receipt_sends_what_it_returns(
    dossier: Dossier, office: Office, network_printer: VirtualNetworkPrinter
) -> None:
    printed = print_receipt(dossier, office, network_printer.uri, paper="58")
    image = printed.image
    assert printed.outcome.printed  # the virtual printer answered the status requests
    job = decode(network_printer.next_job())
    assert image.width == PAPER_WIDTHS["58"] == job.rasters[0].width
    assert ImageChops.difference(job.rasters[0].convert("L"), image.convert("L")).getbbox() is None
    assert job.cut


def test_print_receipt_to_none_still_returns_the_preview(dossier: Dossier, office: Office) -> None:
    printed = print_receipt(dossier, office, "none")
    assert printed.outcome.delivery is Delivery.NOTHING
    image = printed.image
    [symbol] = zbar_decode(image.convert("L"))
    assert symbol.data.decode() == dossier.code
    assert image.width == 576


def test_print_receipt_to_a_file(dossier: Dossier, office: Office, tmp_path: Path) -> None:
    target = tmp_path / "receipt.bin"
    printed = print_receipt(dossier, office, f"file:{target}", paper="80-180dpi")
    image = printed.image
    assert printed.outcome.delivery is Delivery.QUEUED  # a file cannot confirm
    assert decode(target.read_bytes()).rasters[0].size == image.size == (512, image.height)


def test_print_receipt_failure_is_a_printer_error(
    dossier: Dossier, office: Office, closed_port: int
) -> None:
    with pytest.raises(PrinterError):
        print_receipt(dossier, office, f"tcp://127.0.0.1:{closed_port}", timeout=2)


def test_unknown_paper_is_refused(dossier: Dossier, office: Office) -> None:
    with pytest.raises(UserError):
        receipt_image(dossier, office, paper="57")


def test_printing_imports_neither_qt_nor_the_database() -> None:
    code = (
        "import sys, desk.printing, desk.printing.printers, desk.printing.escpos_bytes\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy', 'alembic'))\n"
        "bad += [m for m in sys.modules if m.startswith(('desk.ui', 'desk.storage', "
        "'desk.services'))]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
