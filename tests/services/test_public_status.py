"""What the kiosk tells about a dossier: five facts, no personal data, and the proof asked."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from desk.domain.apology import NotifyMethod
from desk.domain.clock import VN_TZ
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import NotFound, UserError
from desk.domain.lifecycle import SupplementRequest
from desk.services import apologies, catalog, steps
from desk.services.intake import record_intake
from desk.services.public_status import (
    NO_MATCH,
    PublicStatus,
    status_by_receipt,
    status_by_typed_code,
)

CERTIFICATE = "1.004873"  # 3 working days: received Tue 10/03/2026 09:15, due Fri 13/03 09:15
DUE = datetime(2026, 3, 13, 9, 15, tzinfo=VN_TZ)
NAME = "Phạm Thị Hồng"
ID_NUMBER = "079190001234"
PHONE = "0912345678"
ADDRESS = "Số 5 đường Lê Lợi, ấp 3, xã Tân Phú"


@pytest.fixture
def code(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name=NAME, id_number=ID_NUMBER, phone=PHONE, address=ADDRESS),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    return record_intake(db, draft, clerk, clock).code


def test_the_answer_has_exactly_five_fields_and_nothing_personal(db, code):
    status = status_by_receipt(db, code)
    assert [f.name for f in dataclasses.fields(PublicStatus)] == [
        "code",
        "procedure_name",
        "status_label",
        "appointment",
        "result_ready",
    ]
    assert status == PublicStatus(
        code=code,
        procedure_name=catalog.get_procedure(db, CERTIFICATE).name,
        status_label="Đã tiếp nhận",
        appointment=DUE,
        result_ready=False,
    )
    shown = repr(status)
    for private in (NAME, ID_NUMBER, PHONE, ADDRESS, "Nguyễn Văn An"):
        assert private not in shown


def test_a_scanned_receipt_needs_no_digits_and_accepts_lower_case(db, code):
    assert status_by_receipt(db, f"  {code.lower()} ").code == code


def test_a_typed_code_needs_the_last_four_digits_of_the_id(db, code):
    assert status_by_typed_code(db, code, "1234").code == code
    with pytest.raises(NotFound) as wrong:
        status_by_typed_code(db, code, "4321")
    with pytest.raises(NotFound) as unknown:
        status_by_typed_code(db, "H36.41-260310-0999", "1234")
    # the same answer for both: typing does not tell whether a code exists
    assert wrong.value.message == unknown.value.message == NO_MATCH
    with pytest.raises(UserError) as short:
        status_by_typed_code(db, code, "12a4")
    assert short.value.field == "id_last4"


def test_an_unknown_scanned_code_says_so(db):
    with pytest.raises(NotFound) as err:
        status_by_receipt(db, "H36.41-260310-0999")
    assert "H36.41-260310-0999" in err.value.message


def test_after_an_apology_the_new_date_is_shown(db, clerk, clock, code):
    new = datetime(2026, 3, 18, 10, 0, tzinfo=VN_TZ)
    clock.advance(timedelta(days=1))
    apologies.make_apology(db, clerk, code, "Chờ xác minh", new, NotifyMethod.SMS, clock)
    assert status_by_receipt(db, code).appointment == new


def test_a_ready_result_says_so_and_a_returned_one_has_no_date(db, clerk, clock, code):
    clock.advance(timedelta(days=1))
    steps.mark_ready(db, clerk, code, clock)
    ready = status_by_receipt(db, code)
    assert (ready.status_label, ready.result_ready, ready.appointment) == (
        "Có kết quả, chờ trả",
        True,
        DUE,
    )
    steps.return_result(db, clerk, code, clock)
    returned = status_by_receipt(db, code)
    assert (returned.status_label, returned.result_ready, returned.appointment) == (
        "Đã trả kết quả",
        False,
        None,
    )


def test_waiting_for_papers_shows_no_date(db, clerk, clock, code):
    p = catalog.get_procedure(db, CERTIFICATE)
    request = SupplementRequest((p.papers[0].name,), "Tờ khai thiếu chữ ký")
    steps.request_supplement(db, clerk, code, request, clock)
    status = status_by_receipt(db, code)
    assert (status.status_label, status.appointment, status.result_ready) == (
        "Chờ bổ sung",
        None,
        False,
    )
