"""Report periods, the on-time rate, the art. 13 scores, percentiles and proposed limits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.dossier import ResultClass
from desk.domain.errors import UserError
from desk.domain.statistics import (
    Figure,
    Figures,
    Period,
    PeriodChoice,
    comeback_score,
    median,
    on_time_rate,
    percent_text,
    percentile,
    period_for,
    proposed_limit,
    time_score,
    trend_months,
)
from desk.domain.time_limit import TimeLimit

DAY = timedelta(hours=7, minutes=30)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def test_a_month_a_quarter_and_a_year_have_their_days_and_names():
    feb = Period.month(2028, 2)
    assert (feb.first, feb.last, feb.title) == (date(2028, 2, 1), date(2028, 2, 29), "Tháng 2/2028")
    q4 = Period.quarter(2025, 4)
    assert (q4.first, q4.last, q4.title) == (date(2025, 10, 1), date(2025, 12, 31), "Quý IV/2025")
    year = Period.year(2026)
    assert (year.first, year.last, year.title) == (date(2026, 1, 1), date(2026, 12, 31), "Năm 2026")


def test_a_custom_period_is_named_by_its_days_unless_it_is_a_whole_month_quarter_or_year():
    assert Period.custom(date(2026, 3, 1), date(2026, 3, 15)).title == (
        "Từ ngày 01/03/2026 đến ngày 15/03/2026"
    )
    assert Period.custom(date(2026, 4, 1), date(2026, 6, 30)).title == "Quý II/2026"
    assert Period.custom(date(2026, 3, 1), date(2026, 3, 31)).title == "Tháng 3/2026"


def test_a_period_ending_before_it_starts_is_refused_in_vietnamese():
    with pytest.raises(UserError) as caught:
        Period(date(2026, 3, 10), date(2026, 3, 1))
    assert "ngày cuối" in caught.value.message


def test_a_period_runs_from_midnight_vietnam_time_so_the_early_morning_of_the_first_belongs_to_it():
    march = Period.month(2026, 3)
    assert march.start == vn(2026, 3, 1) and march.end == vn(2026, 4, 1)
    # 06:30 on 1 March in Vietnam is still 28 February in UTC.
    from datetime import UTC

    early = vn(2026, 3, 1, 6, 30).astimezone(UTC)
    assert early.day == 28
    assert march.contains(early)
    assert not Period.month(2026, 2).contains(early)
    assert not march.contains(vn(2026, 4, 1))


def test_pending_is_measured_at_the_end_or_now_while_the_period_runs():
    q1 = Period.quarter(2026, 1)
    assert q1.pending_moment(vn(2026, 3, 10, 9)) == vn(2026, 3, 10, 9)
    assert q1.pending_moment(vn(2026, 5, 1)) == vn(2026, 4, 1)
    assert q1.carried_moment(vn(2026, 3, 10)) == vn(2026, 1, 1)


def test_months_of_a_period_are_cut_to_it():
    months = Period.custom(date(2026, 1, 20), date(2026, 3, 5)).months()
    assert [(m.first, m.last) for m in months] == [
        (date(2026, 1, 20), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 5)),
    ]
    assert months[1].title == "Tháng 2/2026" and months[0].label == ""


def test_the_trend_shows_the_year_up_to_the_period_and_at_most_three_years():
    months = trend_months(Period.month(2026, 3))
    assert len(months) == 12
    assert months[0].first == date(2025, 4, 1) and months[-1].last == date(2026, 3, 31)
    long = trend_months(Period.custom(date(2020, 1, 1), date(2026, 3, 10)))
    assert len(long) == 36 and long[-1].last == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("choice", "first", "last"),
    [
        (PeriodChoice.THIS_MONTH, date(2026, 1, 1), date(2026, 1, 31)),
        (PeriodChoice.LAST_MONTH, date(2025, 12, 1), date(2025, 12, 31)),
        (PeriodChoice.THIS_QUARTER, date(2026, 1, 1), date(2026, 3, 31)),
        (PeriodChoice.LAST_QUARTER, date(2025, 10, 1), date(2025, 12, 31)),
        (PeriodChoice.THIS_YEAR, date(2026, 1, 1), date(2026, 12, 31)),
        (PeriodChoice.LAST_YEAR, date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_period_choices_in_january_reach_back_into_last_year(choice, first, last):
    period = period_for(choice, date(2026, 1, 15))
    assert (period.first, period.last) == (first, last)


def test_a_custom_choice_needs_both_days():
    with pytest.raises(UserError):
        period_for(PeriodChoice.CUSTOM, date(2026, 1, 15))
    period = period_for(PeriodChoice.CUSTOM, date(2026, 1, 15), date(2026, 1, 2), date(2026, 1, 9))
    assert (period.first, period.last) == (date(2026, 1, 2), date(2026, 1, 9))


def test_the_on_time_rate_counts_early_and_on_time_over_decided_and_is_none_without_decisions():
    assert on_time_rate(3, 5, 10) == pytest.approx(0.8)
    assert on_time_rate(0, 0, 0) is None
    assert percent_text(0.8967) == "89,7 %"
    assert percent_text(None) == "-"


def test_figures_add_up_and_derive_pending_rate_and_scores():
    a = Figures(decided=4, early=1, on_time=2, late=1, pending_in_time=3, pending_overdue=1,
                time_score_total=4, comeback_score_total=7)  # fmt: skip
    b = Figures(decided=1, early=1, time_score_total=2, comeback_score_total=2)
    a.add(b)
    assert (a.decided, a.early, a.pending) == (5, 2, 4)
    assert a.on_time_rate == pytest.approx(0.8)
    assert a.time_score == pytest.approx(6 / 5)
    assert a.comeback_score == pytest.approx(9 / 5)
    record = a.as_dict()
    assert record["pending"] == 4 and record["on_time_rate"] == 0.8
    assert a.count(Figure.EARLY) == 2


def test_article_13_scores():
    assert [time_score(r) for r in ResultClass] == [2, 1, 0]
    assert time_score("late") == 0
    assert [comeback_score(n) for n in (0, 1, 2, 5)] == [2, 1, 0, 0]


def test_percentiles_by_nearest_rank_and_the_median():
    hours = [timedelta(hours=h) for h in range(1, 11)]
    assert percentile(hours, 0.9) == timedelta(hours=9)
    assert percentile(hours, 1.0) == timedelta(hours=10)
    assert percentile([timedelta(hours=4)], 0.9) == timedelta(hours=4)
    assert median(hours) == timedelta(hours=5, minutes=30)
    assert median(hours[:3]) == timedelta(hours=2)
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_a_shorter_limit_is_proposed_only_when_nine_in_ten_decisions_used_far_less():
    ten_days = TimeLimit.working_days(10)
    allowed = 10 * DAY
    proposal = proposed_limit(ten_days, allowed, 3.2 * DAY, 40, DAY)
    assert proposal == TimeLimit.working_days(4)
    assert proposed_limit(ten_days, allowed, 8 * DAY, 40, DAY) is None  # uses most of it
    assert proposed_limit(ten_days, allowed, 3 * DAY, 5, DAY) is None  # too few decisions
    assert proposed_limit(TimeLimit.same_day(), DAY, DAY / 10, 90, DAY) is None
    hours = proposed_limit(
        TimeLimit.working_hours(8), timedelta(hours=8), timedelta(hours=2.5), 30, DAY
    )
    assert hours == TimeLimit.working_hours(3)


def test_reports_are_for_supervisors_and_admins():
    from desk.domain.roles import Permission, Role, may, require

    assert may(Role.SUPERVISOR, Permission.REPORTS) and may(Role.ADMIN, Permission.REPORTS)
    assert not may(Role.CLERK, Permission.REPORTS)
    with pytest.raises(UserError) as caught:
        require(Role.CLERK, Permission.REPORTS)
    assert "báo cáo" in caught.value.message
