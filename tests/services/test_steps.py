"""Every step of a dossier's life through the services, with the rules and the audit."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from desk.domain.clock import VN_TZ
from desk.domain.dossier import Applicant, DossierStatus, IntakeDraft, ReceivedPaper, ResultClass
from desk.domain.errors import UserError, ValidationError
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.services import accounts, audit, catalog, changes, dossiers, steps
from desk.services.intake import record_intake

LAND = "1.013978"
DEPT = "Văn phòng đăng ký đất đai"


@pytest.fixture
def code(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, LAND)
    draft = IntakeDraft(
        procedure_code=LAND,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:2]],
    )
    return record_intake(db, draft, clerk, clock).code


@pytest.fixture
def plain_clerk(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    return accounts.log_in(db, "canbo1", "hoa2026ok")


def test_the_whole_life_is_on_the_timeline(db, clerk, clock, code):
    steps.transfer(db, clerk, code, DEPT, clock)
    clock.advance(timedelta(days=3))
    assert steps.mark_ready(db, clerk, code, clock) is ResultClass.EARLY
    clock.advance(timedelta(hours=2))
    steps.return_result(db, clerk, code, clock, collected_by="Phạm Văn Nam")
    line = steps.timeline(db, code)
    assert [s.kind for s in line] == [
        StepKind.INTAKE,
        StepKind.TRANSFER,
        StepKind.RESULT_READY,
        StepKind.RETURN,
    ]
    assert line[1].from_holder == "Bộ phận Một cửa" and line[1].to_holder == DEPT
    assert line[2].result is ResultClass.EARLY
    assert line[3].to_holder == "Phạm Văn Nam"
    assert line[3].by == "Nguyễn Văn An"
    d = dossiers.get_dossier(db, code)
    assert d.status is DossierStatus.RETURNED and d.returned_at == clock.now()


def test_a_decision_after_the_appointment_is_late(db, clerk, clock, code):
    due = dossiers.get_dossier(db, code).appointment_at
    clock.advance(due - clock.now() + timedelta(minutes=1))
    assert steps.mark_ready(db, clerk, code, clock) is ResultClass.LATE


def test_returning_without_a_result_is_refused_and_changes_nothing(db, clerk, clock, code):
    before = steps.timeline(db, code)
    with pytest.raises(UserError) as err:
        steps.return_result(db, clerk, code, clock)
    assert "chưa có kết quả" in err.value.message
    assert steps.timeline(db, code) == before
    assert dossiers.get_dossier(db, code).status is DossierStatus.RECEIVED


def test_supplement_stops_and_restarts_the_clock_and_counts_the_comeback(db, clerk, clock, code):
    p = catalog.get_procedure(db, LAND)
    old_due = dossiers.get_dossier(db, code).appointment_at
    request = SupplementRequest((p.papers[2].name,), "Thiếu sơ đồ thửa đất", "Chị Hoa, 0912345678")
    steps.request_supplement(db, clerk, code, request, clock)
    assert dossiers.get_dossier(db, code).status is DossierStatus.WAITING_SUPPLEMENT
    with pytest.raises(UserError) as err:
        steps.request_supplement(db, clerk, code, request, clock)
    assert "một lần" in err.value.message
    clock.advance(timedelta(days=7))  # Tuesday 17/03/2026 09:15
    steps.receive_supplement(db, clerk, code, clock)
    d = dossiers.get_dossier(db, code)
    assert d.status is DossierStatus.RECEIVED
    assert d.comebacks == 1
    # 27 working days from 17/03 (30/4, 1/5 off): the limit starts from zero
    assert d.appointment_at == datetime(2026, 4, 23, 9, 15, tzinfo=VN_TZ)
    assert d.appointment_at > old_due
    assert d.due_at == d.appointment_at
    # a new round may have its own (single) request
    steps.request_supplement(db, clerk, code, request, clock)


def test_supplement_may_only_name_the_procedures_papers(db, clerk, clock, code):
    with pytest.raises(ValidationError) as err:
        steps.request_supplement(
            db, clerk, code, SupplementRequest(("Sổ hộ khẩu",), "Thiếu sổ"), clock
        )
    assert "danh mục" in err.value.errors["missing"]


def test_refusal_and_stop_need_reasons_and_close(db, clerk, clock, code):
    with pytest.raises(ValidationError):
        steps.refuse(db, clerk, code, "  ", clock)
    steps.refuse(db, clerk, code, "Không thuộc thẩm quyền của UBND xã", clock)
    assert dossiers.get_dossier(db, code).status is DossierStatus.REFUSED
    with pytest.raises(UserError):
        steps.stop(db, clerk, code, "Rút hồ sơ", clock)


def test_return_by_post_needs_a_tracking_number(db, clerk, clock, code):
    steps.mark_ready(db, clerk, code, clock)
    from desk.domain.dossier import ReturnMethod

    with pytest.raises(ValidationError) as err:
        steps.return_result(db, clerk, code, clock, method=ReturnMethod.POST)
    assert "mã vận đơn" in err.value.errors["tracking_number"]
    steps.return_result(
        db, clerk, code, clock, method=ReturnMethod.POST, tracking_number="EB123456789VN"
    )
    assert steps.timeline(db, code)[-1].data["tracking_number"] == "EB123456789VN"


def test_transfer_to_an_unknown_department_is_refused(db, clerk, clock, code):
    with pytest.raises(UserError) as err:
        steps.transfer(db, clerk, code, "Phòng không có", clock)
    assert "danh sách phòng, ban" in err.value.message


def test_a_clerk_may_not_reassign_or_edit_but_a_supervisor_may(db, clerk, clock, code, plain_clerk):
    with pytest.raises(UserError) as err:
        steps.reassign(db, plain_clerk, code, "admin", "Nghỉ phép", clock)
    assert "lãnh đạo" in err.value.message
    with pytest.raises(UserError):
        steps.edit_dossier(db, plain_clerk, code, {"phone": "0987654321"}, "Sai số", clock)
    accounts.add_clerk(db, clerk, "lanhdao", "Trần Thị Bình", "lanhdao2026", role="supervisor")
    boss = accounts.log_in(db, "lanhdao", "lanhdao2026")
    steps.edit_dossier(db, boss, code, {"phone": "0987654321"}, "Người nộp báo sai số", clock)
    steps.reassign(db, boss, code, "canbo1", "Chia việc", clock)
    assert dossiers.get_dossier(db, code).applicant.phone == "0987654321"
    entry = audit.trail(db, "dossier", code)[-2]
    assert entry.action == "edit" and entry.by == "Trần Thị Bình"
    assert entry.before == {"phone": ""}
    assert entry.after["phone"] == "0987654321"
    assert entry.after["note"] == "Người nộp báo sai số"


def test_every_change_is_audited_and_the_trail_cannot_be_changed(db, clerk, clock, code):
    steps.transfer(db, clerk, code, DEPT, clock)
    steps.mark_ready(db, clerk, code, clock)
    actions = [e.action for e in audit.trail(db, "dossier", code)]
    assert actions == ["intake", "transfer", "result_ready"]
    for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError):
            with db.engine.begin() as conn:
                conn.execute(text(sql))
    assert len(audit.trail(db, "dossier", code)) == 3


def test_every_step_bumps_the_change_counter(db, clerk, clock, code):
    before = changes.version(db, changes.DOSSIERS)
    steps.transfer(db, clerk, code, DEPT, clock)
    assert changes.version(db, changes.DOSSIERS) == before + 1


@pytest.mark.parametrize(
    "act, field, words",
    [
        (
            lambda db, c, code, clock: steps.refuse(db, c, code, "x" * 1001, clock),
            "reason",
            "quá mức 1000",
        ),  # fmt: skip
        (
            lambda db, c, code, clock: steps.stop(db, c, code, "rút\x00hồ sơ", clock),
            "reason",
            "(\\x00)",
        ),  # fmt: skip
        (
            lambda db, c, code, clock: steps.transfer(db, c, code, DEPT, clock, "a\nb"),
            "note",
            "một dòng",
        ),  # fmt: skip
        (
            lambda db, c, code, clock: steps.request_supplement(
                db, c, code, SupplementRequest((), "thiếu chữ ký\x1b[0m"), clock
            ),
            "reason",
            "(\\x1b)",
        ),
        (
            lambda db, c, code, clock: steps.edit_dossier(
                db, c, code, {"applicant_name": "H" * 151}, "ghi sai tên", clock
            ),
            "applicant_name",
            "quá mức 150",
        ),
    ],
)
def test_texts_printed_on_a_form_are_checked_like_intake(db, clerk, clock, code, act, field, words):
    before = steps.timeline(db, code)
    with pytest.raises(ValidationError) as err:
        act(db, clerk, code, clock)
    assert words in err.value.errors[field]
    assert steps.timeline(db, code) == before


def test_a_department_typed_decomposed_or_spaced_is_the_same_department(db, clerk, clock, code):
    """Unikey's "Unicode tổ hợp" writes decomposed letters: the name looked right and was
    refused, without the names that would be accepted."""
    import unicodedata

    typed = "  " + unicodedata.normalize("NFD", DEPT).replace(" ", "  ") + " "
    assert typed != DEPT
    steps.transfer(db, clerk, code, typed, clock)
    assert dossiers.get_dossier(db, code).holder == DEPT
    with pytest.raises(UserError) as refused:
        steps.transfer(db, clerk, code, "Phòng không có", clock)
    assert "Không có 'Phòng không có' trong danh sách phòng, ban. Các tên có: " in (
        refused.value.message
    )
    assert DEPT in refused.value.message
