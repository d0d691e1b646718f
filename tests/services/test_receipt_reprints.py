"""A receipt printed again for the same appointment is marked "IN LẠI", written in the
dossier's audit trail, and so is the A5 receipt written after it; a new appointment,
a receipt only shown, or one that never reached the printer, start no reprint."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from PIL import ImageChops

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.lifecycle import SupplementRequest
from desk.printing import PrinterError
from desk.services import audit, catalog, form_documents, intake, receipts, steps

LAND = "1.013978"


def receive(db, clerk, clock, code: str = "1.001193") -> str:
    procedure = catalog.get_procedure(db, code)
    draft = IntakeDraft(
        procedure_code=code,
        applicant=Applicant(name="Nguyễn Thị Ánh Tuyết", id_number="079190012345"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    return intake.record_intake(db, draft, clerk, clock).code


def printed(db, code: str) -> list[tuple[str, str]]:
    return [
        (e.action, e.by)
        for e in audit.trail(db, "dossier", code)
        if e.action in (receipts.PRINTED, receipts.REPRINTED)
    ]


def differs(a, b) -> bool:
    return ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is not None


def test_the_second_print_is_a_reprint_with_its_time(db, clerk, clock, tmp_path):
    code = receive(db, clerk, clock)
    first = receipts.print_receipt(db, code, f"file:{tmp_path / '1.bin'}", clerk=clerk, clock=clock)
    assert first.reprinted_at is None
    clock.advance(timedelta(hours=2, minutes=3))
    again = receipts.print_receipt(db, code, f"file:{tmp_path / '2.bin'}", clerk=clerk, clock=clock)
    assert again.reprinted_at == clock.now()
    assert again.image.height > first.image.height and differs(
        first.image.crop((0, 0, first.image.width, 80)),
        again.image.crop((0, 0, again.image.width, 80)),
    )
    assert printed(db, code) == [
        (receipts.PRINTED, "Nguyễn Văn An"),
        (receipts.REPRINTED, "Nguyễn Văn An"),
    ]


def test_a_receipt_only_shown_or_not_printed_starts_no_reprint(db, clerk, clock, tmp_path):
    code = receive(db, clerk, clock)
    assert receipts.print_receipt(db, code, "none", clock=clock).reprinted_at is None
    with pytest.raises(PrinterError):  # a folder that does not exist
        receipts.print_receipt(db, code, f"file:{tmp_path / 'no' / 'dir.bin'}", clock=clock)
    assert printed(db, code) == []
    first = receipts.print_receipt(db, code, f"file:{tmp_path / 'r.bin'}", clock=clock)
    assert first.reprinted_at is None and printed(db, code) == [(receipts.PRINTED, "")]


def test_a_new_appointment_after_a_supplement_is_a_first_receipt(db, clerk, clock, tmp_path):
    code = receive(db, clerk, clock, LAND)
    target = f"file:{tmp_path / 'r.bin'}"
    receipts.print_receipt(db, code, target, clerk=clerk, clock=clock)
    missing = catalog.get_procedure(db, LAND).papers[2].name
    request = SupplementRequest((missing,), "Thiếu sơ đồ thửa đất", "Chị Hoa, 0912345678")
    steps.request_supplement(db, clerk, code, request, clock)
    clock.advance(timedelta(days=7))
    steps.receive_supplement(db, clerk, code, clock)
    assert receipts.print_receipt(db, code, target, clerk=clerk, clock=clock).reprinted_at is None
    assert receipts.print_receipt(db, code, target, clerk=clerk, clock=clock).reprinted_at


def test_the_a5_receipt_after_a_print_says_in_lai(db, clerk, clock, tmp_path):
    code = receive(db, clerk, clock)
    before = form_documents.receipt_pdf(db, code, tmp_path / "before.pdf", clock)
    receipts.print_receipt(db, code, f"file:{tmp_path / 'r.bin'}", clerk=clerk, clock=clock)
    clock.advance(timedelta(minutes=50))  # 10:05
    after = form_documents.receipt_pdf(db, code, tmp_path / "after.pdf", clock)

    def text(path) -> str:
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    assert "IN LẠI" not in text(before)
    assert text(after).count("IN LẠI - 10:05 10/03/2026") == 2  # on both copies
    assert text(after).count("\f") == text(before).count("\f")  # still one page a copy
