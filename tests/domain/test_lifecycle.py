from __future__ import annotations

from datetime import datetime

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.dossier import DossierStatus as S
from desk.domain.dossier import ResultClass
from desk.domain.errors import UserError
from desk.domain.lifecycle import (
    StepKind,
    SupplementRequest,
    check_move,
    check_supplement_request,
    classify_result,
)
from desk.domain.roles import Permission, Role, may, require

DUE = datetime(2026, 3, 10, 10, 0, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    "decided, expected",
    [
        (datetime(2026, 3, 9, 16, 59), ResultClass.EARLY),  # the day before
        (datetime(2026, 3, 10, 8, 0), ResultClass.ON_TIME),  # same date, before the time
        (datetime(2026, 3, 10, 10, 0), ResultClass.ON_TIME),  # exactly at the time
        (datetime(2026, 3, 10, 10, 1), ResultClass.LATE),
        (datetime(2026, 3, 11, 7, 30), ResultClass.LATE),
    ],
)
def test_classification_follows_circular_01(decided, expected):
    assert classify_result(decided.replace(tzinfo=VN_TZ), DUE) is expected


@pytest.mark.parametrize(
    "status, step, after",
    [
        (S.RECEIVED, StepKind.TRANSFER, S.IN_PROGRESS),
        (S.IN_PROGRESS, StepKind.TRANSFER, S.IN_PROGRESS),
        (S.IN_PROGRESS, StepKind.SUPPLEMENT_REQUEST, S.WAITING_SUPPLEMENT),
        (S.WAITING_SUPPLEMENT, StepKind.SUPPLEMENT_RECEIVED, S.RECEIVED),
        (S.IN_PROGRESS, StepKind.RESULT_READY, S.RESULT_READY),
        (S.RESULT_READY, StepKind.RETURN, S.RETURNED),
        (S.WAITING_SUPPLEMENT, StepKind.REFUSE, S.REFUSED),
        (S.RECEIVED, StepKind.STOP, S.STOPPED),
        (S.RETURNED, StepKind.EDIT, S.RETURNED),
    ],
)
def test_legal_moves(status, step, after):
    assert check_move(status, step) is after


def test_returning_without_a_result_is_refused_with_what_to_do():
    with pytest.raises(UserError) as err:
        check_move(S.IN_PROGRESS, StepKind.RETURN)
    assert "chưa có kết quả" in err.value.message
    assert "Đang giải quyết" in err.value.message


@pytest.mark.parametrize("closed", [S.RETURNED, S.REFUSED, S.STOPPED])
@pytest.mark.parametrize("step", [StepKind.TRANSFER, StepKind.RESULT_READY, StepKind.STOP])
def test_nothing_moves_a_closed_dossier(closed, step):
    with pytest.raises(UserError):
        check_move(closed, step)


def test_a_second_supplement_request_in_a_round_is_refused():
    check_supplement_request(S.IN_PROGRESS, already_requested_this_round=False)
    with pytest.raises(UserError) as err:
        check_supplement_request(S.RECEIVED, already_requested_this_round=True)
    assert "một lần" in err.value.message


def test_a_supplement_request_needs_a_reason():
    assert "reason" in SupplementRequest((), "").problems()
    assert SupplementRequest(("Tờ khai",), "Tờ khai thiếu chữ ký").problems() == {}


def test_roles():
    assert may(Role.CLERK, Permission.STEP)
    assert not may(Role.CLERK, Permission.REASSIGN)
    assert may(Role.SUPERVISOR, Permission.EDIT_DOSSIER)
    assert not may(Role.SUPERVISOR, Permission.MANAGE)
    assert may(Role.ADMIN, Permission.MANAGE)
    with pytest.raises(UserError) as err:
        require(Role.CLERK, Permission.EDIT_DOSSIER)
    assert "lãnh đạo" in err.value.message
