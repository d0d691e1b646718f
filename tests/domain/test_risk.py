"""Dossiers at risk: overdue, due within one working day, or slower than their history allows."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from desk.domain.calendar import WorkingCalendar
from desk.domain.clock import VN_TZ
from desk.domain.risk import (
    MIN_SAMPLES,
    DecidedDossier,
    History,
    RiskKind,
    RunningDossier,
    Typical,
    WorkingTimeline,
    assess,
    build_history,
    horizon,
    working_time_text,
)

CAL = WorkingCalendar()
DAY = CAL.office_hours.daily_duration  # 7 h 30 min
NOW = datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ)  # Tuesday


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def running(due: datetime, **kw) -> RunningDossier:
    values = dict(
        code="H36.41-260301-0001",
        applicant="Nguyễn Thị Mai",
        procedure_code="1.013978",
        procedure_name="Đăng ký đất đai lần đầu",
        due_at=due,
        department_id=5,
        department="Văn phòng đăng ký đất đai",
    )
    values.update(kw)
    return RunningDossier(**values)


def history(median: timedelta, samples: int = MIN_SAMPLES, department_id: int | None = 5):
    typical = Typical(median, samples)
    return History(
        by_department={(department_id, "1.013978"): typical},
        by_procedure={"1.013978": Typical(median, samples, whole_procedure=True)},
    )


def test_the_timeline_agrees_with_the_calendar():
    rng = random.Random(7)
    timeline = WorkingTimeline(CAL, date(2026, 1, 1), date(2026, 12, 31))
    start = vn(2026, 1, 1, 0, 0)
    for _ in range(400):
        a = start + timedelta(minutes=rng.randrange(0, 360 * 24 * 60))
        b = a + timedelta(minutes=rng.randrange(0, 40 * 24 * 60))
        assert timeline.between(a, b) == CAL.working_time_between(a, b), (a, b)
    # outside its range it still answers, by the calendar
    late = vn(2027, 2, 1, 9, 0)
    assert timeline.between(late, late + timedelta(days=3)) == CAL.working_time_between(
        late, late + timedelta(days=3)
    )


def test_overdue_and_due_soon_are_flagged_with_their_reason():
    overdue = assess(running(vn(2026, 3, 9, 16, 0)), NOW, CAL, History())
    assert overdue.kind is RiskKind.OVERDUE
    assert overdue.reason_text == "Đã quá hạn từ 16 giờ 00 phút, ngày 09/03/2026, chưa có kết quả."
    soon = assess(running(vn(2026, 3, 10, 15, 0)), NOW, CAL, History())
    assert soon.kind is RiskKind.DUE_SOON
    assert soon.reason_text == (
        "Chỉ còn 3 giờ 45 phút làm việc đến hạn (15 giờ 00 phút, ngày 10/03/2026), chưa có kết quả."
    )


def test_one_working_day_is_counted_in_working_time():
    assert assess(running(vn(2026, 3, 11, 9, 15)), NOW, CAL, History()).kind is RiskKind.DUE_SOON
    assert assess(running(vn(2026, 3, 11, 9, 16)), NOW, CAL, History()) is None
    friday = vn(2026, 3, 13, 10, 0)  # 5 h left on Friday + 1 h 30 on Monday morning
    item = assess(running(vn(2026, 3, 16, 9, 0)), friday, CAL, History())
    assert item.kind is RiskKind.DUE_SOON
    assert "6 giờ 30 phút làm việc" in item.reason_text


def test_a_department_slower_than_the_time_left():
    due = vn(2026, 3, 17, 9, 15)  # 5 working days left
    item = assess(running(due), NOW, CAL, history(8 * DAY, samples=12))
    assert item.kind is RiskKind.SLOW_HISTORY
    assert item.reason_text == (
        "Văn phòng đăng ký đất đai thường cần khoảng 8 ngày làm việc cho thủ tục này "
        "(trung vị của 12 hồ sơ đã giải quyết trong 12 tháng qua), nhưng hồ sơ chỉ còn "
        "5 ngày làm việc đến hạn (09 giờ 15 phút, ngày 17/03/2026)."
    )
    assert item.department == "Văn phòng đăng ký đất đai"
    assert assess(running(due), NOW, CAL, history(4 * DAY)) is None


def test_too_little_history_says_nothing():
    due = vn(2026, 3, 17, 9, 15)
    assert assess(running(due), NOW, CAL, history(20 * DAY, samples=MIN_SAMPLES - 1)) is None


def test_a_dossier_not_yet_transferred_uses_the_whole_procedure():
    known = History(by_procedure={"1.013978": Typical(9 * DAY, 40, whole_procedure=True)})
    item = assess(
        running(vn(2026, 3, 17, 9, 15), department_id=None, department=""), NOW, CAL, known
    )
    assert item.reason_text.startswith(
        "Thủ tục này thường cần khoảng 9 ngày làm việc (trung vị của 40"
    )


def test_a_rescheduled_dossier_says_it_cannot_be_moved_again():
    item = assess(running(vn(2026, 3, 10, 15, 0), rescheduled=True), NOW, CAL, History())
    assert item.reason_text.endswith("Hồ sơ đã được hẹn lại một lần: không thể hẹn lại nữa.")


def test_history_is_the_median_per_department_and_per_procedure():
    timeline = WorkingTimeline(CAL, date(2026, 1, 1), date(2026, 3, 31))
    start = vn(2026, 3, 2, 8, 0)  # Monday
    decided = [
        DecidedDossier(5, "1.013978", start, CAL.add_working_time(start, n * DAY))
        for n in (1, 2, 3, 10, 11)
    ] + [DecidedDossier(6, "1.013978", start, CAL.add_working_time(start, 20 * DAY))]
    known = build_history(decided, timeline)
    assert known.by_department[(5, "1.013978")] == Typical(3 * DAY, 5)
    assert known.by_department[(6, "1.013978")].samples == 1
    assert known.by_procedure["1.013978"] == Typical(6.5 * DAY, 6, whole_procedure=True)
    assert known.typical_for(5, "1.013978") == Typical(3 * DAY, 5)
    assert known.typical_for(6, "1.013978").whole_procedure  # too few of its own
    assert known.typical_for(6, "9.999999") is None
    assert known.longest() == 6.5 * DAY


def test_the_horizon_keeps_a_due_date_at_lunch_with_the_same_time_left():
    now = vn(2026, 3, 10, 11, 30)  # end of the morning: one working day reaches Wed 11:30
    limit = horizon(now, CAL, History())
    assert limit == vn(2026, 3, 11, 13, 30)
    lunch = assess(running(vn(2026, 3, 11, 12, 0)), now, CAL, History())
    assert lunch is not None and lunch.kind is RiskKind.DUE_SOON
    assert horizon(now, CAL, history(10 * DAY)) >= vn(2026, 3, 24, 11, 30)


@pytest.mark.parametrize(
    "amount, text",
    [
        (timedelta(minutes=45), "45 phút làm việc"),
        (timedelta(hours=3), "3 giờ làm việc"),
        (timedelta(hours=3, minutes=5), "3 giờ 05 phút làm việc"),
        (DAY, "1 ngày làm việc"),
        (2.5 * DAY, "2,5 ngày làm việc"),
        (2.6 * DAY, "2,5 ngày làm việc"),
        (-timedelta(hours=1), "0 phút làm việc"),
    ],
)
def test_working_time_in_words(amount, text):
    assert working_time_text(amount, CAL) == text
