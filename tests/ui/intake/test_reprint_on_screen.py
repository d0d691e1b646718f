"""Reprints from the window say "IN LẠI": the reprint by code, the dossier page's
button and the preview's "In lại" alike, each named after the clerk in the trail."""

from __future__ import annotations

from datetime import timedelta

from background_jobs import opened, settle

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import audit, catalog, intake, receipts, settings
from desk.ui.worklist.main_window import MainWindow


def test_every_reprint_from_the_window_is_marked(qtbot, db, clerk, clock, tmp_path):
    settings.set_setting(db, settings.PRINTER_URI, f"file:{tmp_path / 'receipt.bin'}")
    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Nguyễn Thị Ánh Tuyết", id_number="079190012345"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    code = intake.record_intake(db, draft, clerk, clock).code
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.show()
    window.reprint(code)  # the first print of this receipt: not marked
    settle(qtbot)  # drawn, shown and printed off the window's thread
    first = window.last_preview
    assert first is not None and first.printed_ok()
    clock.advance(timedelta(minutes=30))
    page = opened(qtbot, window, code)
    page.print_receipt()  # "In lại phiếu hẹn" on the dossier's page
    settle(qtbot)
    again = page.last_preview
    assert again is not None and again.printed_ok()
    assert again.image_size()[1] > first.image_size()[1]  # the mark on top
    assert again.image_size()[0] == first.image_size()[0] == 576  # within the paper
    again.reprint_button.click()  # the preview's own "In lại"
    settle(qtbot)
    entries = [
        (e.action, e.by)
        for e in audit.trail(db, "dossier", code)
        if e.action in (receipts.PRINTED, receipts.REPRINTED)
    ]
    assert entries == [
        (receipts.PRINTED, "Nguyễn Văn An"),
        (receipts.REPRINTED, "Nguyễn Văn An"),
        (receipts.REPRINTED, "Nguyễn Văn An"),
    ]
    assert [e.at for e in audit.trail(db, "dossier", code)][-1] == clock.now()
