"""The queue's rules: ordering, the priority ratio, no-show, codes, letters."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.queue import (
    QueueRules,
    TicketState,
    WaitingTicket,
    check_can_act,
    check_no_show,
    choose_next,
    normalise_letter,
    parse_ticket_code,
    priority_run,
    ticket_code,
)

OPEN = datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)


def ticket(id_: int, minute: int, priority: bool = False, group: int = 1) -> WaitingTicket:
    return WaitingTicket(id_, group, OPEN + timedelta(minutes=minute), priority)


def drain(waiting: list[WaitingTicket], rules: QueueRules) -> list[int]:
    """Call every ticket one after another, as one counter would, and list the order."""
    order: list[int] = []
    history: list[bool] = []
    left = list(waiting)
    while (chosen := choose_next(left, history, rules)) is not None:
        order.append(chosen.id)
        history.append(chosen.priority)
        left.remove(chosen)
    return order


def test_first_come_first_served_without_priority() -> None:
    waiting = [ticket(3, 5), ticket(1, 1), ticket(2, 3)]
    assert drain(waiting, QueueRules()) == [1, 2, 3]


def test_same_arrival_time_falls_back_to_the_ticket_id() -> None:
    waiting = [ticket(8, 2), ticket(7, 2)]
    assert drain(waiting, QueueRules()) == [7, 8]


def test_priority_goes_first_but_at_most_two_in_a_row_while_others_wait() -> None:
    normal = [ticket(1, 0), ticket(2, 1), ticket(3, 2)]
    priority = [ticket(11, 5, True), ticket(12, 6, True), ticket(13, 7, True), ticket(14, 8, True)]
    order = drain(normal + priority, QueueRules(max_priority_run=2))
    assert order == [11, 12, 1, 13, 14, 2, 3]


def test_a_ratio_of_one_alternates() -> None:
    waiting = [ticket(1, 0), ticket(2, 1), ticket(11, 2, True), ticket(12, 3, True)]
    assert drain(waiting, QueueRules(max_priority_run=1)) == [11, 1, 12, 2]


def test_priority_tickets_are_all_called_when_nobody_else_waits() -> None:
    waiting = [ticket(11, 0, True), ticket(12, 1, True), ticket(13, 2, True)]
    assert drain(waiting, QueueRules(max_priority_run=1)) == [11, 12, 13]


def test_a_ratio_of_zero_keeps_pure_arrival_order() -> None:
    waiting = [ticket(1, 0), ticket(11, 2, True), ticket(2, 3)]
    assert drain(waiting, QueueRules(max_priority_run=0)) == [1, 11, 2]


def test_the_history_carries_over_between_calls() -> None:
    """Two priority calls just made (maybe by another counter): a normal ticket is next."""
    waiting = [ticket(1, 0), ticket(11, 5, True)]
    chosen = choose_next(waiting, [False, True, True], QueueRules(max_priority_run=2))
    assert chosen is not None and chosen.id == 1
    chosen = choose_next(waiting, [True, False, True], QueueRules(max_priority_run=2))
    assert chosen is not None and chosen.id == 11


def test_groups_of_one_counter_are_served_by_arrival_across_groups() -> None:
    waiting = [ticket(1, 4, group=1), ticket(2, 2, group=2), ticket(3, 3, group=1)]
    assert drain(waiting, QueueRules()) == [2, 3, 1]


def test_a_transferred_ticket_keeps_its_place_by_arrival_time() -> None:
    """A012 came at 07:31, was served at counter 1 and sent to group B at 08:10:
    it goes before B tickets taken after 07:31."""
    waiting = [ticket(20, 30, group=2), ticket(12, 1, group=2), ticket(21, 35, group=2)]
    assert drain(waiting, QueueRules())[0] == 12


def test_nobody_waiting_gives_none() -> None:
    assert choose_next([], [True, True], QueueRules()) is None


def test_priority_run_counts_only_the_latest_unbroken_run() -> None:
    assert priority_run([]) == 0
    assert priority_run([True, True, False]) == 0
    assert priority_run([True, False, True, True]) == 2


def test_no_show_needs_enough_calls_and_a_citizen_not_yet_served() -> None:
    rules = QueueRules(no_show_after=2)
    with pytest.raises(UserError, match="mới được gọi 1 lần"):
        check_no_show(TicketState.CALLED, 1, rules)
    check_no_show(TicketState.CALLED, 2, rules)
    with pytest.raises(UserError, match="đang được phục vụ"):
        check_no_show(TicketState.SERVING, 5, rules)
    with pytest.raises(UserError, match="Đang chờ"):
        check_no_show(TicketState.WAITING, 5, rules)


@pytest.mark.parametrize("state", [TicketState.WAITING, TicketState.DONE, TicketState.NO_SHOW])
def test_only_a_ticket_at_a_counter_can_be_acted_on(state: TicketState) -> None:
    with pytest.raises(UserError):
        check_can_act(state, "gọi lại")


def test_rules_are_bounded() -> None:
    with pytest.raises(UserError):
        QueueRules(max_priority_run=-1)
    with pytest.raises(UserError):
        QueueRules(no_show_after=0)


def test_codes_have_three_digits_and_parse_back() -> None:
    assert ticket_code("A", 12) == "A012"
    assert ticket_code("B", 1234) == "B1234"
    assert parse_ticket_code(" a12 ") == ("A", 12)
    assert parse_ticket_code("C007") == ("C", 7)
    with pytest.raises(UserError):
        parse_ticket_code("12")


def test_group_letters_are_one_plain_capital() -> None:
    assert normalise_letter(" b ") == "B"
    for bad in ("", "AB", "Đ", "1", "á"):
        with pytest.raises(UserError):
            normalise_letter(bad)
