"""The forms of a dossier as PDF files: what each form says, read from the database.

The seven forms of Circular 03/2025/TT-VPCP, Annex I (numbers and titles from
the annex's list; the wording inside each is office data in ``resources/forms``,
not compared with the annex itself). Each function gathers what its form needs
(the dossier, the office, the place letters are dated at, the step the form
records), hands it to the form's layout in ``desk.documents``, which writes the
PDF at ``path`` (folders created, the file replaced whole), and returns the path:

- ``receipt_pdf``: form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5, two copies);
- ``supplement_request_pdf``: form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5);
- ``refusal_pdf``: form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5);
- ``apology_pdf``: form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (A5);
- ``stop_notice_pdf``: form 05, Thông báo dừng giải quyết hồ sơ (A5);
- ``control_slip_pdf``: form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (A5 landscape);
- form 07, Sổ theo dõi hồ sơ, is a period's register rather than one dossier's
  form: ``desk.services.report_book.tracking_book_pdf`` (A4 landscape).

Importing this module loads reportlab: callers that may never write a form
import it when one is asked for.
"""

from __future__ import annotations

from pathlib import Path

from desk.documents import (
    apology_letter,
    control_slip,
    receipt_a5,
    refusal,
    stop_notice,
    supplement_request,
)
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import NotFound, UserError
from desk.domain.lifecycle import Step, StepKind
from desk.domain.translation import translate
from desk.services import apologies, catalog, dossiers, office, receipts, steps
from desk.storage.database import Database


def apology_pdf(db: Database, code: str, path: str | Path) -> Path:
    """Form 04 for the dossier's apology; a ``UserError`` when it has none yet."""
    apology = apologies.get_apology(db, code)
    if apology is None:
        raise UserError(
            translate(
                "FormDocuments",
                "Hồ sơ {code} chưa có phiếu xin lỗi và hẹn lại: hãy lập phiếu trước "
                "(nút 'Xin lỗi và hẹn lại' hoặc lệnh desk apology).",
            ).format(code=code)
        )
    the_office = office.get_office(db)
    letter = apology_letter.ApologyLetter(
        dossier=dossiers.get_dossier(db, code),
        office=the_office,
        apology=apology,
        place=office.document_place(db, the_office),
    )
    return apology_letter.write(letter, path)


def receipt_pdf(db: Database, code: str, path: str | Path, clock: Clock | None = None) -> Path:
    """Form 01, two A5 copies (filed, and for the applicant); marked as printed again
    now when a receipt for the same appointment already went out (``receipts``)."""
    the_office = office.get_office(db)
    dossier = dossiers.get_dossier(db, code)
    reprinted_at = (clock or SystemClock()).now() if receipts.printed_before(db, dossier) else None
    receipt = receipt_a5.Receipt(
        dossier=dossier,
        office=the_office,
        place=office.document_place(db, the_office),
        reprinted_at=reprinted_at,
    )
    return receipt_a5.write(receipt, path)


def _last_step(db: Database, code: str, kind: StepKind, missing: str) -> tuple[Step, int]:
    """The dossier's latest step of ``kind`` and how many of that kind it has had."""
    found = [s for s in steps.timeline(db, code) if s.kind is kind]
    if not found:
        raise UserError(missing)
    return found[-1], len(found)


def supplement_request_pdf(db: Database, code: str, path: str | Path) -> Path:
    """Form 02 for the dossier's latest supplement request."""
    dossier = dossiers.get_dossier(db, code)
    step, rounds = _last_step(
        db,
        dossier.code,
        StepKind.SUPPLEMENT_REQUEST,
        translate(
            "FormDocuments",
            "Hồ sơ {code} chưa có yêu cầu bổ sung nào: hãy ghi nhận "
            "'Yêu cầu bổ sung hồ sơ' trước khi in phiếu.",
        ).format(code=dossier.code),
    )
    the_office = office.get_office(db)
    missing = step.data.get("missing") or ()  # a list, as the step recorded it
    letter = supplement_request.SupplementLetter(
        dossier=dossier,
        office=the_office,
        place=office.document_place(db, the_office),
        missing=tuple(str(m) for m in missing) if isinstance(missing, list | tuple) else (),
        reason=str(step.data.get("reason", "") or step.note),
        contact=str(step.data.get("contact", "")),
        made_at=step.at,
        made_by=step.by,
        round=rounds,
    )
    return supplement_request.write(letter, path)


def refusal_pdf(db: Database, code: str, path: str | Path) -> Path:
    """Form 03 for a refused dossier, with the reasons recorded at the refusal."""
    dossier = dossiers.get_dossier(db, code)
    step, _ = _last_step(
        db,
        dossier.code,
        StepKind.REFUSE,
        translate(
            "FormDocuments",
            "Hồ sơ {code} chưa bị từ chối: phiếu từ chối chỉ in cho hồ sơ đã ghi nhận "
            "'Từ chối giải quyết' kèm lý do.",
        ).format(code=dossier.code),
    )
    try:
        basis = catalog.get_procedure(db, dossier.procedure_code).legal_basis
    except NotFound:
        basis = ""
    the_office = office.get_office(db)
    letter = refusal.RefusalLetter(
        dossier=dossier,
        office=the_office,
        place=office.document_place(db, the_office),
        reasons=str(step.data.get("reasons", "") or step.note),
        made_at=step.at,
        made_by=step.by,
        legal_basis=basis,
    )
    return refusal.write(letter, path)


def stop_notice_pdf(db: Database, code: str, path: str | Path) -> Path:
    """Form 05 for a dossier stopped at the applicant's request, with the date and
    reason recorded at the stop (Decree 118/2025/NĐ-CP art. 21)."""
    dossier = dossiers.get_dossier(db, code)
    step, _ = _last_step(
        db,
        dossier.code,
        StepKind.STOP,
        translate(
            "FormDocuments",
            "Hồ sơ {code} chưa dừng giải quyết: thông báo dừng chỉ in cho hồ sơ đã ghi "
            "nhận 'Dừng giải quyết theo đề nghị' kèm lý do.",
        ).format(code=dossier.code),
    )
    the_office = office.get_office(db)
    notice = stop_notice.StopNotice(
        dossier=dossier,
        office=the_office,
        place=office.document_place(db, the_office),
        reason=str(step.data.get("reason", "") or step.note),
        made_at=step.at,
        made_by=step.by,
        holder=step.from_holder,
    )
    return stop_notice.write(notice, path)


def control_slip_pdf(db: Database, code: str, path: str | Path) -> Path:
    """Form 06: every hand-over of the dossier so far (A5 landscape)."""
    dossier = dossiers.get_dossier(db, code)
    the_office = office.get_office(db)
    slip = control_slip.ControlSlip(
        dossier=dossier,
        office=the_office,
        place=office.document_place(db, the_office),
        steps=tuple(steps.timeline(db, dossier.code)),
        apology=apologies.get_apology(db, dossier.code),
    )
    return control_slip.write(slip, path)
