"""Form 01 on A5 lists a paper taken from an earlier dossier's digitised copy."""

from __future__ import annotations

from pathlib import Path

from pdf_reading import pdf_text
from PIL import Image

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog, scan_attach, scan_reuse, steps
from desk.services.form_documents import receipt_pdf
from desk.services.intake import record_intake

CERTIFICATE = "1.004873"


def _intake(db, clerk, clock, papers, reused=None) -> str:
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number="079190001234"),
        papers=papers,
        reused=reused or {},
    )
    return record_intake(db, draft, clerk, clock).code


def test_the_a5_receipt_names_the_dossier_of_the_reused_copy(db, clerk, clock, tmp_path: Path):
    listed = catalog.get_procedure(db, CERTIFICATE).papers
    first = _intake(db, clerk, clock, [ReceivedPaper(listed[0].name, listed[0].form)])
    page = tmp_path / "trang.png"
    Image.new("L", (620, 877), 255).save(page, dpi=(75, 75))
    scan_attach.attach_files(db, clerk, first, 1, [page], clock)
    steps.mark_ready(db, clerk, first, clock)
    (held,) = scan_reuse.held_for(db, "079190001234")
    second = _intake(
        db,
        clerk,
        clock,
        [ReceivedPaper(listed[1].name, listed[1].form)],
        reused={listed[0].name: held.file_id},
    )
    text = pdf_text(receipt_pdf(db, second, tmp_path / "giay-hen.pdf"))
    assert f"1) {' '.join(listed[0].name.split())} (đã có bản số hóa, mã hồ sơ {first})" in text
    assert f"2) {' '.join(listed[1].name.split())}" in text
