"""The rotation rule: newest of each recent day and month, every copy of today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desk.domain.backup_rotation import Rotation


def test_keeps_14_daily_and_12_monthly_and_all_of_today():
    today = date(2026, 3, 10)
    stamps = [datetime(2026, 3, 10, 8) - timedelta(days=d) for d in range(400)]
    stamps += [datetime(2026, 3, 10, 7), datetime(2026, 3, 10, 6)]  # manual copies today
    stamps += [datetime(2026, 3, 9, 6)]  # an older copy of yesterday
    kept = Rotation().keep(stamps, today)
    days = sorted({s.date() for s in kept}, reverse=True)
    assert {datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 7), datetime(2026, 3, 10, 6)} <= kept
    assert datetime(2026, 3, 9, 6) not in kept  # yesterday keeps only its newest
    assert datetime(2026, 3, 9, 8) in kept
    assert days[:14] == [today - timedelta(days=d) for d in range(14)]
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 12 and (2025, 4) in months and (2025, 3) not in months
    # newest of an older month is its last day
    assert datetime(2025, 12, 31, 8) in kept and datetime(2025, 12, 30, 8) not in kept


def test_days_with_a_backup_count_not_calendar_days():
    # The PC was off for two months: the last 14 copies stay.
    stamps = [datetime(2025, 12, 1, 8) - timedelta(days=d) for d in range(30)]
    kept = Rotation(daily=14, monthly=0).keep(stamps, date(2026, 2, 1))
    assert len(kept) == 14
    assert min(kept) == datetime(2025, 11, 18, 8)


def test_a_month_keeps_its_newest_copy_past_the_daily_ones():
    stamps = [datetime(2026, 1, 1, 8) + timedelta(days=d) for d in range(40)]
    rot = Rotation(daily=3, monthly=2)
    assert (
        len(rot.keep(stamps, date(2026, 3, 1))) == 4
    )  # 3 days of Feb (one is Feb's newest) + Jan's
