"""The log never holds a citizen's name, phone or ID number (Law 91/2025/QH15 art. 37(1)(c)).

Everything logged at any level while a dossier goes through intake, steps, a
failed print and a failed login is captured and searched.
"""

from __future__ import annotations

import logging

import pytest

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.services import accounts, catalog, receipts, steps
from desk.services.intake import record_intake
from desk.ui import app as desk_app

LAND = "1.013978"
NAME = "Phạm Thị Hồng"
PHONE = "0912345678"
ID_NUMBER = "079190001234"
DEPT = "Văn phòng đăng ký đất đai"


def _secrets_in(text: str) -> list[str]:
    from desk.domain.text import fold

    folded = fold(text)
    found = [s for s in (NAME, PHONE, ID_NUMBER) if s in text]
    return found + [s for s in ("pham thi hong",) if s in folded]


@pytest.mark.sqlite_only(reason="the log does not depend on the engine")
def test_a_dossiers_life_leaves_no_personal_data_in_the_log(db, clerk, clock, caplog, tmp_path):
    desk_app.setup_logging(tmp_path)  # the window's own log set-up, file handler included
    caplog.set_level(logging.DEBUG)
    p = catalog.get_procedure(db, LAND)
    draft = IntakeDraft(
        procedure_code=LAND,
        applicant=Applicant(name=NAME, id_number=ID_NUMBER, phone=PHONE),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:2]],
    )
    code = record_intake(db, draft, clerk, clock).code
    steps.transfer(db, clerk, code, DEPT, clock)
    steps.mark_ready(db, clerk, code, clock)
    steps.return_result(db, clerk, code, clock, collected_by=NAME)
    with pytest.raises(UserError):
        receipts.print_receipt(db, code, f"file:{tmp_path / 'no-such-folder' / 'x.bin'}")
    with pytest.raises(UserError):
        accounts.log_in(db, "admin", "sai-mat-khau")
    hook = desk_app.ExceptionHook(tmp_path / "desk.log")  # what the window logs on an error
    try:
        raise UserError(f"Không in được phiếu hẹn hồ sơ {code}.")
    except UserError as exc:
        hook(type(exc), exc, exc.__traceback__)
    if hook.box is not None:
        hook.box.done(0)  # leave no window open behind this test
    assert caplog.records, "nothing was logged at all: the capture is not working"
    leaks = [
        f"{r.name}: {r.getMessage()[:200]}" for r in caplog.records if _secrets_in(r.getMessage())
    ]
    assert leaks == []
    assert _secrets_in((tmp_path / "desk.log").read_text(encoding="utf-8")) == []
