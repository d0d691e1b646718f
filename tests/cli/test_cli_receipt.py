"""``desk receipt``: a receipt already printed comes out marked "IN LẠI", and says so."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from desk.cli import main
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import audit, catalog, intake, receipts


def decode(data: bytes):
    """The tests' ESC/POS decoder (``tests/printing/escpos_decode.py``), loaded once."""
    if "escpos_decode" not in sys.modules:
        path = Path(__file__).parents[1] / "printing" / "escpos_decode.py"
        spec = importlib.util.spec_from_file_location("escpos_decode", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["escpos_decode"] = module  # before running it: its dataclasses look it up
        spec.loader.exec_module(module)
    return sys.modules["escpos_decode"].decode(data)


def test_a_second_receipt_is_marked_as_printed_again(
    capsys, tmp_path, db, db_url, clerk, clock, as_admin
):
    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Nguyễn Thị Ánh Tuyết", id_number="079190012345"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    code = intake.record_intake(db, draft, clerk, clock).code
    pictures, said = [], []
    for n in (1, 2):
        target = tmp_path / f"{n}.bin"
        exit_code = main(["receipt", code, "--printer", f"file:{target}", "--db-url", db_url])
        said.append(capsys.readouterr().out)
        assert exit_code == 0
        pictures.append(decode(target.read_bytes()).rasters[0])
    assert "(bản in lại)" not in said[0] and "(bản in lại)" in said[1]
    first, again = pictures
    assert first.width == again.width == 576 and again.height > first.height
    assert [e.action for e in audit.trail(db, "dossier", code)][-2:] == [
        receipts.PRINTED,
        receipts.REPRINTED,
    ]
