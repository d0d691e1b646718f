"""Where time goes (working time used per procedure), the queue's figures, who may see
reports, and the data behind form 06 and the tracking book."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from test_reports import NOW, office_database

from desk.domain.clock import VN_TZ, FixedClock, to_vn
from desk.domain.errors import UserError
from desk.domain.lifecycle import StepKind
from desk.domain.office import Clerk
from desk.domain.statistics import Period, median, percentile
from desk.services import calendar, queue, queue_setup, report_book, reports, time_used
from desk.storage.tables import DossierRow, DossierStepRow


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def office_db(request, tmp_path_factory):
    yield from office_database(request, tmp_path_factory.mktemp("time"))


def test_the_working_clock_agrees_with_the_calendar_across_weekends_and_holidays(office_db):
    cal = calendar.working_calendar(office_db)
    clock = time_used.WorkingClock(cal, date(2026, 2, 1))
    rng = random.Random(3)
    base = datetime(2025, 12, 20)  # before the origin, across New Year and Tết 2026
    for _ in range(400):
        a = base + timedelta(
            minutes=rng.randrange(0, 120 * 24 * 60), microseconds=rng.randrange(10**6)
        )
        b = a + timedelta(minutes=rng.randrange(0, 30 * 24 * 60))
        expected = cal.working_time_between(a.replace(tzinfo=VN_TZ), b.replace(tzinfo=VN_TZ))
        assert clock.between(a, b) == expected, (a, b)
    assert clock.between(datetime(2026, 2, 13, 17), datetime(2026, 2, 23, 7, 30)) == timedelta()


def test_time_used_per_procedure_matches_a_count_with_the_calendar(office_db):
    period = Period.month(2026, 2)
    cal = calendar.working_calendar(office_db)
    with office_db.read() as s:
        decided = s.scalars(
            select(DossierRow).where(
                DossierRow.decided_at >= period.start, DossierRow.decided_at < period.end
            )
        ).all()
        arrivals = defaultdict(list)
        for step in s.scalars(
            select(DossierStepRow).where(DossierStepRow.kind == StepKind.SUPPLEMENT_RECEIVED.value)
        ):
            arrivals[step.dossier_id].append(step.at)
    used, allowed = defaultdict(list), defaultdict(list)
    for d in decided:
        before = [a for a in arrivals[d.id] if a <= d.decided_at]
        start = max(before) if d.comebacks and before else d.received_at
        used[(d.procedure_code, d.limit_text)].append(cal.working_time_between(start, d.decided_at))
        allowed[(d.procedure_code, d.limit_text)].append(
            cal.working_time_between(start, d.appointment_at)
        )
    rows = time_used.time_used(office_db, period)
    assert {(t.procedure_code, t.limit_text) for t in rows} == set(used)
    for t in rows:
        key = (t.procedure_code, t.limit_text)
        assert t.decisions == len(used[key])
        assert t.used_median == median(used[key])
        assert t.used_p90 == percentile(used[key], 0.9)
        assert t.allowed == median(allowed[key])
        assert t.limit is not None and t.limit.describe() == t.limit_text
    assert sum(t.decisions for t in rows) == reports.report(office_db, period, NOW).total.decided


def test_the_limit_restarts_when_the_missing_papers_arrive(office_db):
    """The hand-made dossier came back twice: its time runs from the second arrival."""
    times = {d.decided_at: d for d in time_used.decided_times(office_db, Period.month(2026, 2))}
    twice = times[datetime(2026, 2, 24, 10, 0)]
    assert twice.started_at == datetime(2026, 2, 9, 9, 0)  # naive Vietnam time
    assert twice.appointment_at == datetime(2026, 2, 12, 9, 0)


def test_a_limit_is_proposed_where_decisions_use_far_less_than_it(office_db):
    rows = time_used.time_used(office_db, Period.custom(date(2025, 10, 1), date(2026, 3, 10)))
    for t in rows:
        if t.proposal is not None:
            assert t.used_p90 <= t.allowed * 0.7 and t.decisions >= 20
            assert t.proposal.amount < t.limit.amount
        assert t.share_used is None or t.share_used == t.used_p90 / t.allowed


def test_queue_times_are_summed_per_clerk_group_and_office(db, clerk):
    assert queue_setup.ensure_defaults(db)
    clock = FixedClock(datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ))
    group = queue_setup.list_groups(db)[0]
    counter = next(c for c in queue_setup.list_counters(db) if group.id in c.group_ids)
    for wait, service in ((4, 10), (6, 20)):
        queue.take_ticket(db, group.id, None, clock)
        clock.advance(timedelta(minutes=wait))
        ticket = queue.call_next(db, counter.number, clerk, clock)
        clock.advance(timedelta(minutes=service))
        queue.finish(db, ticket.id, counter.number, clerk, clock)
    summary = reports.queue_summary(db, Period.month(2026, 3))
    assert (summary.total.called, summary.total.served) == (2, 2)
    assert summary.total.average_service_minutes == pytest.approx(15)
    assert summary.total.wait_minutes_max >= summary.total.average_wait_minutes > 0
    assert [q.label for q in summary.by_clerk] == [clerk.full_name]
    assert summary.by_group[0].label.startswith(f"{group.letter} - ")
    assert reports.queue_summary(db, Period.month(2026, 2)).total.called == 0


def test_only_supervisors_and_admins_see_reports():
    reports.check_access(Clerk(1, "lanhdao", "Trần Thị Bình", "supervisor"))
    reports.check_access(Clerk(2, "admin", "Nguyễn Văn An", "admin"))
    with pytest.raises(UserError) as caught:
        reports.check_access(Clerk(3, "canbo1", "Lê Thị Hoa", "clerk"))
    assert "báo cáo" in caught.value.message


def test_form_06_data_has_one_row_per_field_and_the_office(office_db):
    period = Period.month(2026, 2)
    form = reports.statistics_form_data(office_db, period, NOW)
    by_field = reports.report(office_db, period, NOW)
    assert [r.label for r in form.rows] == [r.label for r in by_field.rows]
    assert form.total.decided == by_field.total.decided
    assert form.office.name == "UBND xã Tân Phú" and form.place == "Tân Phú"
    assert form.pending_at == period.end and form.made_on == to_vn(NOW).date()


def test_the_book_lists_the_period_s_receipts_in_order(office_db):
    period = Period.month(2026, 2)
    book = report_book.tracking_book_data(office_db, period)
    entries = list(book.entries)
    assert book.count == len(entries) == reports.report(office_db, period, NOW).total.received
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))
    assert [e.received_at for e in entries] == sorted(e.received_at for e in entries)
    assert all(period.contains(e.received_at) for e in entries)
    assert any(e.department for e in entries) and any(e.returned_at for e in entries)
