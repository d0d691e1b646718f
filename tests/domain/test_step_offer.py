"""Which steps are possible now, and why not: one rule for the page and the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from desk.domain.apology import Apology, NotifyMethod
from desk.domain.dossier import Applicant, Dossier, DossierStatus, ResultDelivery
from desk.domain.lifecycle import StepKind
from desk.domain.procedure import Channel
from desk.domain.roles import Role
from desk.domain.step_offer import apology_allowed, apology_why_not, step_allowed, why_not

RECEIVED = Dossier(
    code="H36.41-260310-0001",
    procedure_code="1.001193",
    procedure_name="Đăng ký khai sinh",
    field="Hộ tịch",
    applicant=Applicant(name="Lê Thị Hoa"),
    papers=[],
    channel=Channel.COUNTER,
    result_delivery=ResultDelivery.COUNTER,
    received_at=datetime(2026, 3, 10, 9, 0),
    appointment_at=datetime(2026, 3, 11, 17, 0),
    limit_text="1 ngày làm việc",
    clerk_username="canbo1",
    clerk_name="Phạm Văn Cường",
)


def test_a_supplement_is_asked_once_a_round():
    assert step_allowed(StepKind.SUPPLEMENT_REQUEST, RECEIVED, Role.CLERK)
    assert why_not(StepKind.SUPPLEMENT_REQUEST, RECEIVED, Role.CLERK) == ""
    waiting = replace(RECEIVED, status=DossierStatus.WAITING_SUPPLEMENT, supplement_round=1)
    assert not step_allowed(StepKind.SUPPLEMENT_REQUEST, waiting, Role.CLERK)
    assert why_not(StepKind.SUPPLEMENT_REQUEST, waiting, Role.CLERK)
    # the citizen came back with the papers: a new round, in which none was asked yet
    back = replace(waiting, status=DossierStatus.IN_PROGRESS, comebacks=1)
    assert step_allowed(StepKind.SUPPLEMENT_REQUEST, back, Role.CLERK)
    # asked again in this round, though the status was moved on by another step
    asked_again = replace(back, supplement_round=2)
    assert not step_allowed(StepKind.SUPPLEMENT_REQUEST, asked_again, Role.CLERK)
    assert why_not(StepKind.SUPPLEMENT_REQUEST, asked_again, Role.CLERK)


def test_the_role_decides_reassigning_and_editing():
    for kind in (StepKind.REASSIGN, StepKind.EDIT):
        assert not step_allowed(kind, RECEIVED, Role.CLERK)
        assert why_not(kind, RECEIVED, Role.CLERK)
        assert step_allowed(kind, RECEIVED, Role.SUPERVISOR)
        assert why_not(kind, RECEIVED, Role.SUPERVISOR) == ""


def test_a_step_the_status_does_not_allow_says_why():
    returned = replace(RECEIVED, status=DossierStatus.RETURNED)
    assert not step_allowed(StepKind.TRANSFER, returned, Role.ADMIN)
    assert why_not(StepKind.TRANSFER, returned, Role.ADMIN) != ""


def test_one_apology_per_dossier():
    assert apology_allowed(RECEIVED, None, Role.CLERK)
    assert apology_why_not(RECEIVED, None, Role.CLERK) == ""
    made = Apology(
        dossier_code=RECEIVED.code,
        year=2026,
        number=1,
        reason="Chờ xác minh",
        old_due_at=RECEIVED.appointment_at,
        new_due_at=datetime(2026, 3, 13, 17, 0),
        signer_title="CHỦ TỊCH",
        signer_name="Trần Thị Bình",
        notify_method=next(iter(NotifyMethod)),
        made_at=datetime(2026, 3, 11, 10, 0),
        made_by="canbo1",
        late=False,
    )
    assert not apology_allowed(RECEIVED, made, Role.CLERK)
    assert apology_why_not(RECEIVED, made, Role.CLERK)
