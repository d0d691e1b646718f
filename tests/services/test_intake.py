"""Intake: validation, the appointment, the dossier code, and what gets saved."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper, ResultDelivery
from desk.domain.errors import ValidationError
from desk.domain.procedure import Channel
from desk.services import catalog, dossiers
from desk.services.intake import record_intake

LAND_FIRST = "1.013978"  # 27 working days at the counter, 17 online, 20 by post
BIRTH = "1.001193"  # same day, 15:00 cut-off


def draft_for(db, code: str, **applicant) -> IntakeDraft:
    p = catalog.get_procedure(db, code)
    person = dict(name="Nguyễn Thị Mai", id_number="079190001234", phone="0912345678")
    person.update(applicant)
    return IntakeDraft(
        procedure_code=code,
        applicant=Applicant(**person),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:2]],
    )


def test_a_complete_intake_is_saved_with_code_and_appointment(db, clerk, clock):
    d = record_intake(db, draft_for(db, LAND_FIRST), clerk, clock)
    assert d.code == "H36.41-260310-0001"
    assert d.received_at == clock.now()
    # 27 working days after Tue 10/03/2026 at 09:15 (no holiday in between before 17/04)
    assert d.appointment_at == datetime(2026, 4, 16, 9, 15, tzinfo=VN_TZ)
    assert d.clerk_name == "Nguyễn Văn An"
    assert d.limit_text == "27 ngày làm việc"
    saved = dossiers.get_dossier(db, d.code)
    assert saved.applicant.name == "Nguyễn Thị Mai"
    assert [p.name for p in saved.papers] == [p.name for p in draft_for(db, LAND_FIRST).papers]


def test_channel_limits_apply(db, clerk, clock):
    draft = draft_for(db, LAND_FIRST)
    draft.channel = Channel.ONLINE
    d = record_intake(db, draft, clerk, clock)
    assert d.limit_text == "17 ngày làm việc"
    assert d.appointment_at == datetime(2026, 4, 2, 9, 15, tzinfo=VN_TZ)


def test_same_day_after_cutoff_goes_to_next_working_day(db, clerk):
    late = FixedClock(datetime(2026, 3, 10, 15, 30))
    d = record_intake(db, draft_for(db, BIRTH), clerk, late)
    assert d.appointment_at == datetime(2026, 3, 11, 17, 0, tzinfo=VN_TZ)


def test_codes_count_up_within_a_day_and_restart_the_next(db, clerk, clock):
    codes = [record_intake(db, draft_for(db, BIRTH), clerk, clock).code for _ in range(3)]
    assert codes == ["H36.41-260310-0001", "H36.41-260310-0002", "H36.41-260310-0003"]
    clock.advance(timedelta(days=1))
    assert record_intake(db, draft_for(db, BIRTH), clerk, clock).code == "H36.41-260311-0001"


@pytest.mark.parametrize(
    "change, field, words",
    [
        (dict(id_number="07919000123"), "id_number", "12 chữ số"),
        (dict(id_number="07919000123A"), "id_number", "chỉ gồm chữ số"),
        (dict(phone="0212345"), "phone", "Số điện thoại không hợp lệ"),
        (dict(name="   "), "name", "Chưa nhập họ và tên"),
        (dict(email="mai@"), "email", "thư điện tử"),
    ],
)
def test_bad_applicant_fields_are_refused_with_a_message(db, clerk, clock, change, field, words):
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft_for(db, BIRTH, **change), clerk, clock)
    assert words in err.value.errors[field]
    assert dossiers.count_dossiers(db) == 0


def test_no_procedure_and_no_paper_are_refused(db, clerk, clock):
    draft = IntakeDraft(applicant=Applicant(name="Lê Văn Tám", id_number="079190001234"))
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft, clerk, clock)
    assert err.value.errors["procedure"] == "Chưa chọn thủ tục hành chính."
    assert "ít nhất một giấy tờ" in err.value.errors["papers"]


def test_papers_the_procedure_does_not_list_are_refused(db, clerk, clock):
    draft = draft_for(db, BIRTH)
    draft.papers.append(ReceivedPaper("Sổ hộ khẩu (bản sao)"))
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft, clerk, clock)
    assert "ngoài danh mục" in err.value.errors["papers"]
    assert "Sổ hộ khẩu" in err.value.errors["papers"]


def test_post_delivery_needs_an_address(db, clerk, clock):
    draft = draft_for(db, BIRTH)
    draft.result_delivery = ResultDelivery.POST
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft, clerk, clock)
    assert "địa chỉ nhận kết quả" in err.value.errors["delivery_address"]


def test_phone_is_stored_normalised_and_searchable(db, clerk, clock):
    d = record_intake(db, draft_for(db, BIRTH, phone="+84 912 345 678"), clerk, clock)
    assert d.applicant.phone == "0912345678"


@pytest.mark.parametrize(
    "change, field, words",
    [
        (dict(name="Nguyễn\x00Thị Mai"), "name", "ký tự điều khiển không in được (\\x00)"),
        (dict(name="Mai\x1b[2J"), "name", "(\\x1b)"),
        (dict(name="x" * 100_000), "name", "Họ và tên dài 100.000 ký tự, quá mức 150"),
        (dict(address="Số 5\nLê Lợi"), "address", "phải viết trên một dòng"),
        (dict(address="ấp " * 120), "address", "quá mức 300"),
        (dict(phone="0912\x9b345678"), "phone", "(\\x9b)"),
        (dict(email="m" * 120 + "@x.vn"), "email", "quá mức 120"),
        (dict(principal="Trần\u202eVăn"), "principal", "(\\u202e)"),
        (dict(principal="T" * 151), "principal", "quá mức 150"),
    ],
)
def test_control_characters_and_overlong_texts_are_refused_at_their_field(
    db, clerk, clock, change, field, words
):
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft_for(db, BIRTH, **change), clerk, clock)
    assert list(err.value.errors) == [field]
    assert words in err.value.errors[field]
    assert dossiers.count_dossiers(db) == 0


def test_a_note_or_delivery_address_that_cannot_be_printed_is_refused(db, clerk, clock):
    draft = draft_for(db, BIRTH)
    draft.note = "ghi chú\x07"
    draft.result_delivery = ResultDelivery.POST
    draft.delivery_address = "x" * 301
    with pytest.raises(ValidationError) as err:
        record_intake(db, draft, clerk, clock)
    assert "(\\x07)" in err.value.errors["note"]
    assert "quá mức 300" in err.value.errors["delivery_address"]
    assert dossiers.count_dossiers(db) == 0
