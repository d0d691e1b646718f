"""The queue's transactions on a real database: tickets, calls, transfers, days, figures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import NotFound, UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.queue import (
    Counter,
    PriorityReason,
    QueueRules,
    ServiceGroup,
    TicketState,
)
from desk.services import catalog, changes, queue, queue_setup
from desk.services.intake import record_intake
from desk.services.queue_figures import queue_figures
from desk.storage.database import Database


@pytest.fixture
def groups(db: Database) -> dict[str, ServiceGroup]:
    assert queue_setup.ensure_defaults(db)
    return {g.letter: g for g in queue_setup.list_groups(db)}


@pytest.fixture
def early() -> FixedClock:
    """Tuesday 10 March 2026, 07:30, when the office opens."""
    return FixedClock(datetime(2026, 3, 10, 7, 30))


def take(db: Database, group: ServiceGroup, clock: FixedClock, priority=None, minutes: int = 1):
    issued = queue.take_ticket(db, group.id, priority, clock)
    clock.advance(timedelta(minutes=minutes))
    return issued


def test_defaults_come_from_the_catalog_fields_and_serve_every_group(db, groups) -> None:
    assert [(g.letter, g.name) for g in groups.values()][:4] == [
        ("A", "Hộ tịch"),
        ("B", "Đất đai - Xây dựng"),
        ("C", "Kinh doanh"),
        ("D", "Chứng thực"),
    ]
    assert "Hộ tịch" in groups["A"].fields
    assert "Hoạt động xây dựng" in groups["B"].fields
    mapped = {f for g in groups.values() for f in g.fields}
    assert set(queue_setup.catalog_fields(db)) == mapped  # no field left without a group
    counters = queue_setup.list_counters(db)
    assert [c.number for c in counters] == [1, 2, 3]
    assert set(counters[2].group_ids) == {g.id for g in groups.values()}
    assert set(counters[0].group_ids) | set(counters[1].group_ids) == set(counters[2].group_ids)
    assert not queue_setup.ensure_defaults(db)  # only once


def test_tickets_are_numbered_per_group_from_001_and_again_each_day(db, groups, early) -> None:
    codes = [take(db, groups[letter], early).ticket.code for letter in "AABAB"]
    assert codes == ["A001", "A002", "B001", "A003", "B002"]
    tomorrow = FixedClock(datetime(2026, 3, 11, 7, 30))
    assert take(db, groups["A"], tomorrow).ticket.code == "A001"
    # Yesterday is still there, untouched.
    assert [w.waiting for w in queue.waiting_counts(db, early.now().date())][:2] == [3, 2]
    assert [w.waiting for w in queue.waiting_counts(db, tomorrow.now().date())][:2] == [1, 0]


def test_a_new_day_calls_only_the_new_days_tickets(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)  # left waiting at closing time
    tomorrow = FixedClock(datetime(2026, 3, 11, 7, 30))
    fresh = take(db, groups["A"], tomorrow).ticket
    called = queue.call_next(db, 1, clerk, tomorrow)
    assert called is not None and called.id == fresh.id
    assert queue.call_next(db, 1, clerk, tomorrow) is None


def test_people_ahead_counts_the_group_and_the_priority_ones(db, groups, early) -> None:
    assert take(db, groups["A"], early).ahead == 0
    assert take(db, groups["B"], early).ahead == 0
    assert take(db, groups["A"], early).ahead == 1
    elderly = take(db, groups["A"], early, PriorityReason.ELDERLY)
    assert elderly.ahead == 0 and elderly.ticket.priority is PriorityReason.ELDERLY
    assert take(db, groups["A"], early).ahead == 3  # two normal, one priority


def test_an_inactive_group_gives_no_ticket(db, groups, early) -> None:
    queue_setup.save_group(db, ServiceGroup(groups["C"].id, "C", "Kinh doanh", active=False))
    with pytest.raises(UserError, match="không nhận số"):
        queue.take_ticket(db, groups["C"].id, None, early)


def test_a_counter_calls_from_its_own_groups_with_the_priority_ratio(
    db, groups, clerk, early
) -> None:
    take(db, groups["D"], early)  # counter 1 does not serve D
    for _ in range(3):
        take(db, groups["A"], early)
    for _ in range(3):
        take(db, groups["B"], early, PriorityReason.DISABLED)
    order = []
    while (called := queue.call_next(db, 1, clerk, early)) is not None:
        order.append(called.code)
    assert order == ["B001", "B002", "A001", "B003", "A002", "A003"]
    called = queue.call_next(db, 2, clerk, early)
    assert called is not None and called.code == "D001"


def test_the_ratio_is_the_offices_setting(db, groups, clerk, early) -> None:
    queue_setup.set_rules(db, QueueRules(max_priority_run=1, no_show_after=3))
    assert queue_setup.get_rules(db) == QueueRules(max_priority_run=1, no_show_after=3)
    take(db, groups["A"], early)
    take(db, groups["A"], early)
    take(db, groups["A"], early, PriorityReason.PREGNANT)
    take(db, groups["A"], early, PriorityReason.MERIT)
    order = [queue.call_next(db, 3, clerk, early).code for _ in range(4)]  # type: ignore[union-attr]
    assert order == ["A003", "A001", "A004", "A002"]


def test_calling_next_finishes_the_current_ticket(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)
    take(db, groups["A"], early)
    first = queue.call_next(db, 1, clerk, early)
    assert first is not None and first.state is TicketState.CALLED and first.counter_number == 1
    assert queue.current_ticket(db, 1, early.now().date()) == first
    second = queue.call_next(db, 1, clerk, early)
    assert second is not None and second.code == "A002"
    assert queue.get_ticket(db, first.id).state is TicketState.DONE


def test_recall_counts_calls_and_no_show_needs_enough_of_them(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None and called.calls == 1
    with pytest.raises(UserError, match="mới được gọi 1 lần"):
        queue.mark_no_show(db, called.id, 1, clerk, early)
    again = queue.recall(db, called.id, 1, clerk, early)
    assert again.calls == 2 and again.state is TicketState.CALLED
    gone = queue.mark_no_show(db, called.id, 1, clerk, early)
    assert gone.state is TicketState.NO_SHOW and gone.finished_at == early.now()
    assert queue.current_ticket(db, 1, early.now().date()) is None
    with pytest.raises(UserError):
        queue.recall(db, called.id, 1, clerk, early)


def test_another_counter_cannot_act_on_a_ticket_it_does_not_hold(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None
    with pytest.raises(UserError, match="quầy khác"):
        queue.finish(db, called.id, 3, clerk, early)
    with pytest.raises(NotFound):
        queue.call_next(db, 9, clerk, early)


def test_transfer_keeps_the_place_by_arrival_time(db, groups, clerk, early) -> None:
    a = take(db, groups["A"], early).ticket  # 07:30
    take(db, groups["B"], early)  # 07:31, B001
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None and called.id == a.id
    early.advance(timedelta(minutes=10))
    moved = queue.transfer(db, a.id, 1, groups["B"].id, clerk, early)
    assert moved.state is TicketState.WAITING and moved.group_name == groups["B"].name
    assert moved.code == "A001"  # the citizen keeps the printed number
    assert moved.counter_number is None and moved.calls == 0
    # A001 arrived before B001, so it is called first in group B.
    again = queue.call_next(db, 1, clerk, early)
    assert again is not None and again.code == "A001"
    with pytest.raises(UserError, match="đã ở nhóm"):
        queue.transfer(db, a.id, 1, groups["B"].id, clerk, early)


def test_finish_and_a_ticket_with_several_dossiers(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None
    serving = queue.start_service(db, called.id, 1, clerk, early)
    assert serving.state is TicketState.SERVING
    with pytest.raises(UserError, match="đang được phục vụ"):
        queue.mark_no_show(db, called.id, 1, clerk, early)
    procedure = catalog.get_procedure(db, "1.001193")
    codes = []
    for name in ("Nguyễn Thị Hoa", "Trần Văn Nam"):
        draft = IntakeDraft(
            procedure_code=procedure.code,
            applicant=Applicant(name=name, id_number="079190001234"),
            papers=[ReceivedPaper(procedure.papers[0].name)],
        )
        code = record_intake(db, draft, clerk, early).code
        queue.link_dossier(db, called.id, code, early)
        codes.append(code)
    queue.link_dossier(db, called.id, codes[0], early)  # twice is harmless
    assert queue.dossiers_of_ticket(db, called.id) == codes
    remembered = queue.ticket_of_dossier(db, codes[1])
    assert remembered is not None and remembered.code == "A001"
    done = queue.finish(db, called.id, 1, clerk, early)
    assert done.state is TicketState.DONE
    with pytest.raises(NotFound):
        queue.link_dossier(db, called.id, "H36.41-000000-9999", early)


def test_link_dossier_marks_a_called_ticket_as_serving(db, groups, clerk, early) -> None:
    take(db, groups["A"], early)
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None
    procedure = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Lê Thị Mai", id_number="079190001234"),
        papers=[ReceivedPaper(procedure.papers[0].name)],
    )
    code = record_intake(db, draft, clerk, early).code
    queue.link_dossier(db, called.id, code)
    assert queue.get_ticket(db, called.id).state is TicketState.SERVING


def test_a_dossier_is_linked_only_to_a_ticket_still_served_at_its_counter(
    db, groups, clerk, early
) -> None:
    take(db, groups["A"], early)
    called = queue.call_next(db, 1, clerk, early)
    assert called is not None
    procedure = catalog.get_procedure(db, "1.001193")
    codes = [
        record_intake(
            db,
            IntakeDraft(
                procedure_code=procedure.code,
                applicant=Applicant(name=name, id_number="079190001234"),
                papers=[ReceivedPaper(procedure.papers[0].name)],
            ),
            clerk,
            early,
        ).code
        for name in ("Lê Thị Mai", "Lê Văn Nam")
    ]
    assert queue.link_if_served(db, called.id, 2, codes[0], early) is None  # another counter
    linked = queue.link_if_served(db, called.id, 1, codes[0], early)
    assert linked is not None and linked.code == "A001"
    queue.finish(db, called.id, 1, clerk, early)
    assert queue.link_if_served(db, called.id, 1, codes[1], early) is None  # finished
    assert queue.dossiers_of_ticket(db, called.id) == [codes[0]]


def test_every_change_moves_the_queue_version(db, groups, clerk, early) -> None:
    before = changes.version(db, changes.QUEUE)
    ticket = take(db, groups["A"], early).ticket
    after_take = changes.version(db, changes.QUEUE)
    queue.call_next(db, 1, clerk, early)
    after_call = changes.version(db, changes.QUEUE)
    queue.recall(db, ticket.id, 1, clerk, early)
    assert before < after_take < after_call < changes.version(db, changes.QUEUE)


def test_last_calls_show_each_ticket_once_newest_first(db, groups, clerk, early) -> None:
    for _ in range(3):
        take(db, groups["A"], early)
    first = queue.call_next(db, 1, clerk, early)
    queue.call_next(db, 3, clerk, early)
    assert first is not None
    start = queue.last_event_id(db)
    queue.recall(db, first.id, 1, clerk, early)
    calls = queue.last_calls(db, early.now().date())
    assert [(c.code, c.counter_number, c.recall) for c in calls] == [
        ("A001", 1, True),
        ("A002", 3, False),
    ]
    spoken = queue.announcements_since(db, early.now().date(), start)
    assert [(c.code, c.counter_number) for c in spoken] == [("A001", 1)]


def test_figures_give_waiting_and_service_times_by_group_counter_and_clerk(
    db, groups, clerk: Clerk, early
) -> None:
    take(db, groups["A"], early, minutes=0)  # 07:30
    take(db, groups["A"], early, minutes=10)  # 07:30 too
    take(db, groups["B"], early, minutes=0)  # 07:40, never called
    early.advance(timedelta(minutes=5))  # 07:45
    first = queue.call_next(db, 1, clerk, early)  # waited 15 min
    early.advance(timedelta(minutes=6))  # 07:51
    second = queue.call_next(db, 3, clerk, early)  # waited 21 min
    early.advance(timedelta(minutes=4))  # 07:55
    assert first is not None and second is not None
    queue.finish(db, first.id, 1, clerk, early)  # served 10 min
    queue.recall(db, second.id, 3, clerk, early)
    queue.mark_no_show(db, second.id, 3, clerk, early)
    day = early.now().date()
    rows = {(r.group_letter, r.counter_number): r for r in queue_figures(db, day, day)}
    at_one = rows[("A", 1)]
    assert (at_one.called, at_one.served, at_one.no_shows) == (1, 1, 0)
    assert at_one.average_wait_minutes == 15 and at_one.average_service_minutes == 10
    assert at_one.clerk_name == "Nguyễn Văn An"
    at_three = rows[("A", 3)]
    assert (at_three.called, at_three.served, at_three.no_shows) == (1, 0, 1)
    assert at_three.wait_minutes_max == 21 and at_three.average_service_minutes is None
    assert rows[("B", None)].not_called == 1
    assert queue_figures(db, day + timedelta(days=1), day + timedelta(days=1)) == []


def test_figures_count_a_transfer_as_two_visits(db, groups, clerk, early) -> None:
    ticket = take(db, groups["A"], early, minutes=5).ticket  # 07:30
    queue.call_next(db, 1, clerk, early)  # 07:35: waited 5 in A
    early.advance(timedelta(minutes=3))
    queue.transfer(db, ticket.id, 1, groups["B"].id, clerk, early)  # 07:38
    early.advance(timedelta(minutes=7))
    queue.call_next(db, 3, clerk, early)  # 07:45: waited 7 in B
    early.advance(timedelta(minutes=2))
    queue.finish(db, ticket.id, 3, clerk, early)
    day = early.now().date()
    rows = {(r.group_letter, r.counter_number): r for r in queue_figures(db, day, day)}
    assert rows[("A", 1)].transferred == 1 and rows[("A", 1)].wait_minutes_total == 5
    assert rows[("B", 3)].served == 1 and rows[("B", 3)].wait_minutes_total == 7
    assert rows[("B", 3)].service_minutes_total == 2


def test_groups_and_counters_are_editable_with_checks(db, groups) -> None:
    with pytest.raises(ValidationError) as error:
        queue_setup.save_group(db, ServiceGroup(0, "A", "Trùng ký hiệu"))
    assert "letter" in error.value.errors
    added = queue_setup.save_group(db, ServiceGroup(0, "k", "Tư pháp", ("Chứng thực",)))
    assert added.letter == "K" and added.position == len(groups) + 1
    counter = queue_setup.save_counter(db, Counter(0, 4, "Quầy Tư pháp", (added.id,)))
    assert queue_setup.get_counter(db, 4) == counter and counter.label == "Quầy Tư pháp"
    with pytest.raises(ValidationError):
        queue_setup.save_counter(db, Counter(0, 4, "", (added.id,)))
    with pytest.raises(ValidationError):
        queue_setup.save_counter(db, Counter(0, 5, "", ()))
    changed = queue_setup.save_counter(db, Counter(counter.id, 4, "", (groups["A"].id,)))
    assert changed.group_ids == (groups["A"].id,) and changed.label == "Quầy 4"


def test_display_settings_round_trip(db) -> None:
    assert "ưu tiên" in queue_setup.get_notices(db)
    queue_setup.set_notices(db, "Hôm nay   nghỉ trưa từ 11 giờ 30.")
    assert queue_setup.get_notices(db) == "Hôm nay nghỉ trưa từ 11 giờ 30."
    assert queue_setup.sound_enabled(db)
    queue_setup.set_sound_enabled(db, False)
    assert not queue_setup.sound_enabled(db)
    assert queue_setup.kiosk_printer(db) == ("none", "80")
    assert not queue_setup.kiosk_prints(db)  # shown on screen only
    assert queue_setup.kiosk_prints(db, "file:/tmp/ve.bin")  # a printer given wins
    queue_setup.set_kiosk_printer(db, "tcp://192.168.1.60:9100", "58")
    assert queue_setup.kiosk_printer(db) == ("tcp://192.168.1.60:9100", "58")
    assert queue_setup.kiosk_prints(db) and not queue_setup.kiosk_prints(db, " None ")
    with pytest.raises(UserError):
        queue_setup.set_kiosk_printer(db, "máy in", "80")
