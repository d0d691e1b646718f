"""The waiting-room queue (hàng đợi, số thứ tự): tickets, groups, who is called next.

A citizen takes a ticket at the kiosk for a service group (nhóm dịch vụ, e.g.
A = hộ tịch, B = đất đai); tickets are numbered per group from 001 each day
(A001, A002, ...). Elderly people, people with disabilities, pregnant women,
people with small children and war veterans and others with merit to the
revolution are served first (the priority Vietnamese law gives them, e.g. the
Law on the Elderly 2009 and the Law on Persons with Disabilities 2010), but
never so that the others wait for ever: at most ``max_priority_run`` priority
tickets are called in a row while a normal ticket waits.

Glossary: ticket = phiếu số thứ tự / số; group = nhóm dịch vụ; counter = quầy;
call = gọi số; recall = gọi lại; no-show = vắng mặt (bỏ qua); transfer =
chuyển nhóm; finish = hoàn thành.

Only plain rules live here; the database transactions are in
``desk.services.queue``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

CODE_DIGITS = 3  # "A012": three digits, more only past 999 tickets in a day


class TicketState(StrEnum):
    """Where a ticket is in its day. The state machine::

        WAITING --call--> CALLED --(citizen at the counter)--> SERVING
           ^                |  \\--recall--> CALLED (one more call)
           |                |                 |
           +---transfer-----+-----------------+   (back to WAITING, in another group)
                            |                 |
                            +--finish--> DONE <+--finish
                            +--no-show--> NO_SHOW (only after enough calls)

    A transfer is not a state of its own: the ticket waits again, in the new
    group, at the place its arrival time gives it; the event log remembers it.
    """

    WAITING = "waiting"  # in line in its group
    CALLED = "called"  # called to a counter; the citizen may not be there yet
    SERVING = "serving"  # the citizen is at the counter (an intake was started)
    DONE = "done"  # served; the counter is free
    NO_SHOW = "no_show"  # called enough times and did not come


STATE_LABELS = {
    TicketState.WAITING: QT_TRANSLATE_NOOP("TicketState", "Đang chờ"),
    TicketState.CALLED: QT_TRANSLATE_NOOP("TicketState", "Đã gọi"),
    TicketState.SERVING: QT_TRANSLATE_NOOP("TicketState", "Đang phục vụ"),
    TicketState.DONE: QT_TRANSLATE_NOOP("TicketState", "Đã xong"),
    TicketState.NO_SHOW: QT_TRANSLATE_NOOP("TicketState", "Vắng mặt"),
}

# A ticket a counter holds: it may be recalled, transferred or finished.
AT_COUNTER = frozenset({TicketState.CALLED, TicketState.SERVING})
CLOSED = frozenset({TicketState.DONE, TicketState.NO_SHOW})


class EventKind(StrEnum):
    """One line of a ticket's history (``queue_events``)."""

    ISSUED = "issued"
    CALLED = "called"  # the first call in a group: what the priority ratio counts
    RECALLED = "recalled"
    SERVING = "serving"
    TRANSFERRED = "transferred"
    FINISHED = "finished"
    NO_SHOW = "no_show"


# Events that put a ticket's number on the display and in the speaker.
ANNOUNCED = frozenset({EventKind.CALLED, EventKind.RECALLED})


class PriorityReason(StrEnum):
    """Why a ticket is served first, as chosen at the kiosk."""

    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    SMALL_CHILD = "small_child"
    MERIT = "merit"


PRIORITY_LABELS = {
    PriorityReason.ELDERLY: QT_TRANSLATE_NOOP("PriorityReason", "Người cao tuổi"),
    PriorityReason.DISABLED: QT_TRANSLATE_NOOP("PriorityReason", "Người khuyết tật"),
    PriorityReason.PREGNANT: QT_TRANSLATE_NOOP("PriorityReason", "Phụ nữ mang thai"),
    PriorityReason.SMALL_CHILD: QT_TRANSLATE_NOOP("PriorityReason", "Người có con nhỏ"),
    PriorityReason.MERIT: QT_TRANSLATE_NOOP("PriorityReason", "Thương binh, người có công"),
}


def priority_reason(value: str) -> PriorityReason | None:
    """The stored reason, or ``None`` for a normal ticket ("")."""
    return PriorityReason(value) if value else None


@dataclass(frozen=True)
class QueueRules:
    """What an office may tune.

    ``max_priority_run``: priority tickets called in a row, at most, while a
    normal ticket of the same groups waits (0: priority tickets keep their
    arrival order, no one goes first). ``no_show_after``: how many times a
    ticket must have been called before the counter may mark it absent, so a
    citizen who stepped out for a minute is not dropped at the first call.
    """

    max_priority_run: int = 2
    no_show_after: int = 2

    def __post_init__(self) -> None:
        if not 0 <= self.max_priority_run <= 20:
            raise UserError(
                translate("Queue", "Số lượt ưu tiên liên tiếp phải từ 0 đến 20."),
                "max_priority_run",
            )
        if not 1 <= self.no_show_after <= 10:
            raise UserError(
                translate("Queue", "Số lần gọi trước khi đánh dấu vắng mặt phải từ 1 đến 10."),
                "no_show_after",
            )


_LETTER = re.compile(r"^[A-Z]$")


def normalise_letter(text: str) -> str:
    """A group's letter: one Latin capital A..Z.

    One letter because the number is read aloud letter by letter from recorded
    clips ("A", "B", ...) and printed very large; no Đ or accented letters, which
    have no clip and read badly on a TV from across the room.
    """
    letter = text.strip().upper()
    if not _LETTER.match(letter):
        raise UserError(
            translate("Queue", "Ký hiệu nhóm phải là một chữ cái từ A đến Z (không dấu)."), "letter"
        )
    return letter


def ticket_code(letter: str, number: int) -> str:
    """What is printed, shown and called: "A012"."""
    return f"{letter}{number:0{CODE_DIGITS}d}"


def parse_ticket_code(code: str) -> tuple[str, int]:
    """``"a12"`` -> ``("A", 12)``; for a clerk who types a number to find it."""
    match = re.fullmatch(r"\s*([A-Za-z])\s*0*(\d{1,5})\s*", code)
    if match is None:
        raise UserError(
            translate("Queue", "“{code}” không phải là số thứ tự (ví dụ A012).").format(code=code),
            "ticket",
        )
    return match.group(1).upper(), int(match.group(2))


@dataclass(frozen=True)
class ServiceGroup:
    """A kiosk button: its letter, its name and the procedure fields it takes."""

    id: int
    letter: str
    name: str
    fields: tuple[str, ...] = ()
    position: int = 0
    active: bool = True


@dataclass(frozen=True)
class Counter:
    """A counter as called out ("quầy 3") and the groups whose tickets it calls."""

    id: int
    number: int
    name: str
    group_ids: tuple[int, ...] = ()
    active: bool = True

    @property
    def label(self) -> str:
        """The counter's own name, or "Quầy 3" in the clerk's language."""
        return self.name.strip() or translate("Queue", "Quầy {number}").format(number=self.number)


@dataclass(frozen=True)
class Ticket:
    """One ticket of one day, as a window shows it."""

    id: int
    day: date
    letter: str
    number: int
    group_id: int
    group_name: str
    priority: PriorityReason | None
    state: TicketState
    issued_at: datetime
    called_at: datetime | None = None
    calls: int = 0
    counter_number: int | None = None
    clerk_id: int | None = None
    finished_at: datetime | None = None

    @property
    def code(self) -> str:
        return ticket_code(self.letter, self.number)

    @property
    def is_priority(self) -> bool:
        return self.priority is not None


@dataclass(frozen=True)
class WaitingTicket:
    """A ticket in line, as the choice of the next one needs it."""

    id: int
    group_id: int
    arrived_at: datetime  # when it was issued: a transfer keeps this place
    priority: bool

    def order_key(self) -> tuple[datetime, int]:
        return (self.arrived_at, self.id)


def priority_run(recent_calls: Sequence[bool]) -> int:
    """How many of the latest calls, newest last, were priority calls in a row."""
    run = 0
    for was_priority in reversed(recent_calls):
        if not was_priority:
            break
        run += 1
    return run


def choose_next(
    waiting: Iterable[WaitingTicket],
    recent_calls: Sequence[bool],
    rules: QueueRules,
) -> WaitingTicket | None:
    """The ticket a counter calls next, or ``None`` when nobody waits.

    ``waiting`` holds the tickets of the groups the counter serves; ``recent_calls``
    the priority flags of the day's latest first calls in those groups, newest
    last. Priority tickets go first in their own arrival order; once
    ``max_priority_run`` of them were called in a row, the earliest normal
    ticket is called before the next priority one. Otherwise: first come,
    first served across the groups, by arrival time (a transfer keeps it).
    """
    tickets = sorted(waiting, key=WaitingTicket.order_key)
    if not tickets:
        return None
    if rules.max_priority_run == 0:
        return tickets[0]
    priority = [t for t in tickets if t.priority]
    normal = [t for t in tickets if not t.priority]
    if not priority:
        return normal[0]
    if normal and priority_run(recent_calls) >= rules.max_priority_run:
        return normal[0]
    return priority[0]


def check_can_act(state: TicketState, action: str) -> None:
    """Recall, transfer, finish and no-show need a ticket that a counter holds.

    ``action`` is the verb, already in the clerk's language (e.g.
    ``translate("Queue", "gọi lại")``).
    """
    if state in AT_COUNTER:
        return
    raise UserError(
        translate("Queue", "Không thể {action}: số này đang ở trạng thái “{state}”.").format(
            action=action, state=translated(STATE_LABELS[state])
        ),
        "ticket",
    )


def check_no_show(state: TicketState, calls: int, rules: QueueRules) -> None:
    """A ticket is marked absent only while called and not yet served, after enough calls."""
    if state is TicketState.SERVING:
        raise UserError(
            translate(
                "Queue",
                "Công dân đang được phục vụ tại quầy: không đánh dấu vắng mặt được. "
                "Bấm “Hoàn thành” khi xong.",
            ),
            "ticket",
        )
    check_can_act(state, translate("Queue", "đánh dấu vắng mặt"))
    if calls < rules.no_show_after:
        raise UserError(
            translate(
                "Queue",
                "Số này mới được gọi {calls} lần: hãy bấm “Gọi lại” (cần gọi ít nhất "
                "{needed} lần) trước khi đánh dấu vắng mặt.",
            ).format(calls=calls, needed=rules.no_show_after),
            "ticket",
        )


def waiting_minutes(start: datetime, end: datetime) -> float:
    """Minutes between two moments, never negative (a clock set back on a PC)."""
    return max(0.0, (end - start).total_seconds() / 60)
