"""The apology through the services: once only, numbered per year, the new date drives the
worklist while the legal appointment keeps counting the dossier late."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.apology import NotifyMethod
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, DossierStatus, IntakeDraft, ReceivedPaper, ResultClass
from desk.domain.errors import NotFound, UserError, ValidationError
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.services import apologies, audit, catalog, changes, dossiers, steps
from desk.services import office as office_service
from desk.services.intake import record_intake
from desk.services.worklist import WorklistFilter, fetch_page

CERTIFICATE = "1.004873"  # 3 working days: received Tue 10/03/2026 09:15, due Fri 13/03 09:15
DUE = datetime(2026, 3, 13, 9, 15, tzinfo=VN_TZ)
NEW = datetime(2026, 3, 18, 10, 0, tzinfo=VN_TZ)  # Wednesday
REASON = "Chờ kết quả xác minh nơi cư trú"


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def intake(db, clerk, clock, procedure: str = CERTIFICATE, name: str = "Phạm Thị Hồng") -> str:
    p = catalog.get_procedure(db, procedure)
    draft = IntakeDraft(
        procedure_code=procedure,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    return record_intake(db, draft, clerk, clock).code


@pytest.fixture
def code(db, clerk, clock) -> str:
    return intake(db, clerk, clock)


def test_the_apology_moves_the_worklist_date_and_keeps_the_appointment(db, clerk, clock, code):
    version = changes.version(db, changes.DOSSIERS)
    clock.advance(timedelta(days=1))  # Wednesday 11/03: two days ahead, in time
    apology = apologies.make_apology(db, clerk, code, REASON, NEW, NotifyMethod.SMS, clock)
    assert (apology.year, apology.number, apology.number_text) == (2026, 1, "1/PXL")
    assert (apology.old_due_at, apology.new_due_at) == (DUE, NEW)
    assert (apology.signer_title, apology.signer_name) == ("CHỦ TỊCH", "Trần Thị Bình")
    assert apology.made_by == "Nguyễn Văn An" and apology.late is False
    assert apologies.get_apology(db, code) == apology
    d = dossiers.get_dossier(db, code)
    assert d.appointment_at == DUE and d.due_at == NEW
    assert d.status is DossierStatus.RECEIVED  # the step leaves the status as it was
    [item] = fetch_page(db, WorklistFilter(search=code), clock.now())
    assert item.due_at == NEW
    step = steps.timeline(db, code)[-1]
    assert step.kind is StepKind.APOLOGY and step.note == REASON
    assert step.data["number"] == "1/PXL" and step.data["notify_method"] == "sms"
    entry = audit.trail(db, "dossier", code)[-1]
    assert entry.action == "apology" and entry.by == "Nguyễn Văn An"
    assert entry.before["due_at"].startswith("2026-03-13") and entry.after["late"] is False
    assert changes.version(db, changes.DOSSIERS) == version + 1


def test_a_second_apology_is_refused_and_changes_nothing(db, clerk, clock, code):
    apologies.make_apology(db, clerk, code, REASON, NEW, "letter", clock)
    with pytest.raises(UserError) as err:
        apologies.make_apology(db, clerk, code, "Lần nữa", vn(2026, 3, 25, 9, 0), "sms", clock)
    assert "đã được xin lỗi và hẹn lại một lần (phiếu số 1/PXL" in err.value.message
    assert "không thể hẹn lại nữa" in err.value.message
    assert dossiers.get_dossier(db, code).due_at == NEW
    assert [s.kind for s in steps.timeline(db, code)].count(StepKind.APOLOGY) == 1


def test_a_bad_date_and_no_reason_are_refused_together(db, clerk, clock, code):
    with pytest.raises(ValidationError) as err:
        apologies.make_apology(db, clerk, code, "  ", vn(2026, 3, 12, 9, 0), "sms", clock)
    assert set(err.value.errors) == {"reason", "new_due"}
    assert "phải sau ngày hẹn cũ (09 giờ 15 phút, ngày 13/03/2026)" in err.value.errors["new_due"]
    with pytest.raises(ValidationError, match="không phải ngày làm việc"):
        apologies.make_apology(db, clerk, code, REASON, vn(2026, 3, 15, 9, 0), "sms", clock)
    assert apologies.get_apology(db, code) is None
    assert dossiers.get_dossier(db, code).due_at == DUE


def test_numbers_run_per_year(db, clerk, clock):
    first, second = intake(db, clerk, clock), intake(db, clerk, clock)
    assert apologies.make_apology(db, clerk, first, REASON, NEW, "sms", clock).number == 1
    assert apologies.make_apology(db, clerk, second, REASON, NEW, "sms", clock).number == 2
    new_year = FixedClock(vn(2027, 1, 5, 9, 0))
    third = intake(db, clerk, new_year)
    apology = apologies.make_apology(
        db, clerk, third, REASON, vn(2027, 1, 12, 9, 0), "sms", new_year
    )
    assert (apology.year, apology.number) == (2027, 1)


def test_a_letter_on_the_appointment_day_is_made_but_recorded_late(db, clerk, clock, code):
    on_the_day = FixedClock(vn(2026, 3, 13, 8, 0))
    apology = apologies.make_apology(db, clerk, code, REASON, NEW, "phone", on_the_day)
    assert apology.late is True
    assert apologies.get_apology(db, code).late is True
    assert audit.trail(db, "dossier", code)[-1].after["late"] is True


def test_the_dossier_still_counts_late_against_its_appointment(db, clerk, clock, code):
    apologies.make_apology(db, clerk, code, REASON, NEW, "sms", clock)
    decided = FixedClock(vn(2026, 3, 16, 10, 0))  # after the appointment, before the new date
    assert steps.mark_ready(db, clerk, code, decided) is ResultClass.LATE


def test_only_a_running_dossier(db, clerk, clock, code):
    steps.request_supplement(db, clerk, code, SupplementRequest((), "Tờ khai thiếu chữ ký"), clock)
    with pytest.raises(UserError, match="Chờ bổ sung"):
        apologies.make_apology(db, clerk, code, REASON, NEW, "sms", clock)
    with pytest.raises(NotFound):
        apologies.make_apology(db, clerk, "H36.41-260310-9999", REASON, NEW, "sms", clock)


def test_the_head_of_the_agency_must_be_known(db, clerk, clock, code):
    from dataclasses import replace

    office_service.save_office(db, replace(office_service.get_office(db), head_name=""))
    with pytest.raises(UserError, match="Quản trị > Thông tin cơ quan"):
        apologies.make_apology(db, clerk, code, REASON, NEW, "sms", clock)
    assert apologies.get_apology(db, code) is None


def test_the_proposal_follows_the_procedure_limit(db, clerk, clock, code):
    assert apologies.proposed_new_date(db, code, clock) == vn(2026, 3, 18, 9, 15)
    later = FixedClock(vn(2026, 3, 20, 14, 0))  # already overdue: counted from now
    assert apologies.proposed_new_date(db, code, later) == vn(2026, 3, 25, 14, 0)


def test_a_reason_the_letter_cannot_print_is_refused(db, clerk, clock, code):
    clock.advance(timedelta(days=1))
    for reason, words in (("x" * 1001, "quá mức 1000"), ("chờ\x00xác minh", "(\\x00)")):
        with pytest.raises(ValidationError) as err:
            apologies.make_apology(db, clerk, code, reason, NEW, NotifyMethod.SMS, clock)
        assert words in err.value.errors["reason"]
    assert apologies.get_apology(db, code) is None
