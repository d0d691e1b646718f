"""The apology's rules: once only, a new date in working time after the old one, timely or late."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from desk.domain.apology import (
    DEFAULT_EXTENSION_DAYS,
    NOTIFY_LABELS,
    Apology,
    NotifyMethod,
    check_can_apologise,
    check_new_date,
    check_reason,
    is_late_notice,
    propose_new_date,
)
from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ
from desk.domain.dossier import DossierStatus
from desk.domain.errors import UserError, ValidationError
from desk.domain.time_limit import TimeLimit

CAL = WorkingCalendar()
OLD = datetime(2026, 3, 12, 10, 0, tzinfo=VN_TZ)  # Thursday


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def refusal(new: datetime, now: datetime | None = None) -> str:
    with pytest.raises(ValidationError) as err:
        check_new_date(OLD, new, CAL, now)
    assert set(err.value.errors) == {"new_due"}
    return err.value.errors["new_due"]


def test_every_notify_method_has_a_vietnamese_label():
    assert set(NOTIFY_LABELS) == set(NotifyMethod)
    assert NOTIFY_LABELS[NotifyMethod.SMS] == "Tin nhắn SMS"


def test_a_working_time_after_the_old_appointment_is_accepted():
    check_new_date(OLD, vn(2026, 3, 13, 8, 0), CAL)
    check_new_date(OLD, vn(2026, 3, 12, 10, 1), CAL)  # later the same day is after it too
    check_new_date(OLD, vn(2026, 3, 16, 17, 0), CAL, now=vn(2026, 3, 11, 9, 0))


def test_not_after_the_old_appointment():
    for new in (OLD, vn(2026, 3, 11, 10, 0)):
        message = refusal(new)
        assert "phải sau ngày hẹn cũ (10 giờ 00 phút, ngày 12/03/2026)" in message


def test_a_weekend_or_a_holiday_is_refused_with_its_name():
    assert "14/03/2026 (Thứ Bảy) không phải ngày làm việc" in refusal(vn(2026, 3, 14, 9, 0))
    message = refusal(vn(2026, 4, 30, 9, 0))
    assert "30/04/2026 (Thứ Năm, " in message and "không phải ngày làm việc" in message


def test_outside_office_hours_is_refused():
    assert "12:00 ngoài giờ làm việc (07:30-11:30, 13:30-17:00)" in refusal(vn(2026, 3, 13, 12, 0))
    assert "18:30 ngoài giờ làm việc" in refusal(vn(2026, 3, 13, 18, 30))


def test_a_date_already_past_is_refused():
    message = refusal(vn(2026, 3, 13, 9, 0), now=vn(2026, 3, 16, 9, 0))
    assert "đã qua" in message


def test_a_reason_is_required():
    assert "lý do" in check_reason("   ")["reason"]
    assert check_reason("Chờ xác minh") == {}


def test_only_a_running_dossier_without_an_apology():
    check_can_apologise(DossierStatus.IN_PROGRESS, None)
    check_can_apologise(DossierStatus.RECEIVED, None)
    earlier = Apology(
        "H36.41-260310-0001",
        2026,
        12,
        "Chờ xác minh",
        OLD,
        vn(2026, 3, 17, 10, 0),
        "CHỦ TỊCH",
        "Trần Thị Bình",
        NotifyMethod.SMS,
        vn(2026, 3, 10, 9, 0),
        "An",
        False,
    )
    with pytest.raises(UserError) as err:
        check_can_apologise(DossierStatus.IN_PROGRESS, earlier)
    assert "đã được xin lỗi và hẹn lại một lần (phiếu số 12/PXL" in err.value.message
    assert "chỉ được thay đổi một lần" in err.value.message
    for status in (DossierStatus.WAITING_SUPPLEMENT, DossierStatus.RESULT_READY):
        with pytest.raises(UserError, match="chỉ lập phiếu xin lỗi và hẹn lại cho hồ sơ đang"):
            check_can_apologise(status, None)


def test_the_proposal_is_the_limit_again_after_the_old_appointment():
    proposal = propose_new_date(OLD, CAL, TimeLimit.working_days(5))
    assert proposal == vn(2026, 3, 19, 10, 0)  # five working days after Thursday 12/03


def test_without_a_usable_limit_a_few_working_days():
    expected = CAL.appointment_for(OLD, TimeLimit.working_days(DEFAULT_EXTENSION_DAYS))
    assert propose_new_date(OLD, CAL) == expected == vn(2026, 3, 17, 10, 0)
    assert propose_new_date(OLD, CAL, TimeLimit.same_day(time(15))) == expected
    assert propose_new_date(OLD, CAL, TimeLimit.working_hours(4)) == expected


def test_an_overdue_dossier_gets_a_proposal_from_now():
    now = vn(2026, 3, 20, 14, 0)  # Friday, eight days after the appointment
    assert propose_new_date(OLD, CAL, TimeLimit.working_days(2), now) == vn(2026, 3, 24, 14, 0)


@pytest.mark.parametrize(
    "old, limit",
    [
        (vn(2026, 3, 12, 17, 0), TimeLimit.working_days(1)),  # end of day
        (vn(2026, 4, 29, 9, 0), TimeLimit.working_days(1)),  # before 30/4 and 1/5
        (vn(2026, 2, 13, 10, 0), TimeLimit.calendar_days(2)),  # into Tết
        (vn(2026, 3, 12, 11, 30), TimeLimit.working_hours(8)),
    ],
)
def test_a_proposal_always_passes_the_check(old, limit):
    proposal = propose_new_date(old, CAL, limit)
    check_new_date(old, proposal, CAL)
    assert CAL.working_days_between(old.date(), proposal.date()) >= 1


@pytest.mark.parametrize(
    "made, late",
    [
        (vn(2026, 3, 10, 9, 0), False),  # two days before
        (vn(2026, 3, 11, 16, 59), False),  # the working day before the appointment's day
        (vn(2026, 3, 12, 8, 0), True),  # the appointment's day itself
        (vn(2026, 3, 13, 9, 0), True),  # after it
    ],
)
def test_late_notice_is_less_than_one_working_day_before(made, late):
    assert is_late_notice(made, OLD, CAL) is late


def test_a_weekend_before_a_monday_appointment_is_too_late():
    monday = vn(2026, 3, 16, 9, 0)
    assert is_late_notice(vn(2026, 3, 13, 16, 0), monday, CAL) is False  # Friday
    assert is_late_notice(vn(2026, 3, 14, 9, 0), monday, CAL) is True  # Saturday
