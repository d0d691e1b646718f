"""Each PC its own receipt printer, set by any clerk and audited; the office's, by the admin."""

from __future__ import annotations

import pytest

from desk import config
from desk.domain.errors import UserError
from desk.domain.roles import Role
from desk.services import accounts, audit, receipt_printer, settings
from desk.storage.engine import host_name


@pytest.fixture
def hoa(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok", role=Role.CLERK)
    return accounts.log_in(db, "canbo1", "hoa2026ok")


def pc_trail(db):
    return audit.trail(db, "pc", host_name())


def test_a_clerk_sets_this_pc_s_printer_and_it_is_audited(db, hoa, clock):
    assert receipt_printer.receipt_printer(db) == receipt_printer.ReceiptPrinter("none", "80")
    receipt_printer.set_this_pc_printer(db, hoa, " win32:EPSON TM-T82 ", "58", clock)
    here = receipt_printer.receipt_printer(db)
    assert (here.uri, here.paper, here.this_pc) == ("win32:EPSON TM-T82", "58", True)
    assert config.machine_settings()["receipt_printer"] == {
        "uri": "win32:EPSON TM-T82",
        "paper": "58",
    }
    # The office's printer, for the other PCs, is untouched.
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"
    [entry] = pc_trail(db)
    assert (entry.by, entry.action, entry.at) == ("Lê Thị Hoa", "receipt_printer", clock.now())
    assert entry.before == {"uri": "none", "paper": "80", "this_pc": False}
    assert entry.after == {"uri": "win32:EPSON TM-T82", "paper": "58", "this_pc": True}


def test_back_to_the_office_printer(db, hoa, clock):
    receipt_printer.set_this_pc_printer(db, hoa, "tcp://192.168.1.50:9100", "80", clock)
    receipt_printer.set_this_pc_printer(db, hoa, None, clock=clock)
    assert receipt_printer.this_pc_printer() is None
    assert receipt_printer.receipt_printer(db).uri == "none"
    assert [e.after["this_pc"] for e in pc_trail(db)] == [True, False]


def test_a_bad_address_or_paper_saves_nothing(db, hoa, clock):
    with pytest.raises(UserError) as bad_uri:
        receipt_printer.set_this_pc_printer(db, hoa, "lpt1", "80", clock)
    assert bad_uri.value.field == "printer_uri"
    with pytest.raises(UserError) as bad_paper:
        receipt_printer.set_this_pc_printer(db, hoa, "none", "76", clock)
    assert bad_paper.value.field == "paper"
    assert receipt_printer.this_pc_printer() is None and pc_trail(db) == []


def test_a_settings_file_that_cannot_be_written_leaves_no_entry(db, hoa, clock):
    # The file is written whole through a temporary beside it: a folder in its way.
    (config.data_dir() / config.MACHINE_FILE).with_suffix(".tmp").mkdir()
    with pytest.raises(OSError):
        receipt_printer.set_this_pc_printer(db, hoa, "none", "80", clock)
    assert pc_trail(db) == [] and receipt_printer.this_pc_printer() is None


def test_the_office_printer_is_the_admin_s(db, clerk, hoa, clock):
    with pytest.raises(UserError) as refused:
        receipt_printer.set_office_printer(db, hoa, "tcp://10.0.0.9:9100", "80", clock)
    assert "Chỉ quản trị viên" in refused.value.message
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"
    receipt_printer.set_office_printer(db, clerk, "tcp://10.0.0.9:9100", "80-180dpi", clock)
    assert receipt_printer.office_printer(db) == receipt_printer.ReceiptPrinter(
        "tcp://10.0.0.9:9100", "80-180dpi"
    )
    [entry] = audit.trail(db, "setting", "receipt_printer")
    assert entry.by == "Nguyễn Văn An" and entry.after["uri"] == "tcp://10.0.0.9:9100"


def test_receipts_go_to_this_pc_s_printer(db, clerk, hoa, clock, tmp_path):
    from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
    from desk.services import catalog, intake, receipts

    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Nguyễn Thị Ánh Tuyết", id_number="079190012345"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    code = intake.record_intake(db, draft, hoa, clock).code
    receipt_printer.set_office_printer(db, clerk, f"file:{tmp_path / 'office.bin'}", "80", clock)
    receipt_printer.set_this_pc_printer(db, hoa, f"file:{tmp_path / 'here.bin'}", "58", clock)
    printed = receipts.print_receipt(db, code, clerk=hoa, clock=clock)
    assert printed.image.width == 384  # this PC's paper
    assert (tmp_path / "here.bin").stat().st_size > 0
    assert not (tmp_path / "office.bin").exists()
