"""The queue's transactions: take a ticket, call, recall, no-show, transfer, finish.

Kiosk, counters and display are usually different PCs sharing one database, so
all the shared state is in the database and every change is one transaction
that first bumps the queue's change counter (``changes.bump``). That first
UPDATE takes the write lock (on SQLite the transaction is already ``BEGIN
IMMEDIATE``; on PostgreSQL it locks the counter's row until commit), so two
counters pressing "call next" at the same moment are served one after the
other and never get the same ticket, and two kiosks never print the same
number. Displays poll ``changes.version(db, changes.QUEUE)`` to know when to
reload.

The day's queue is the tickets whose ``day`` is today: it starts again at 001
each morning by itself, and nothing of a past day is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import NotFound, UserError
from desk.domain.office import Clerk
from desk.domain.queue import (
    AT_COUNTER,
    EventKind,
    PriorityReason,
    Ticket,
    TicketState,
    WaitingTicket,
    check_can_act,
    check_no_show,
    choose_next,
    ticket_code,
)
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.printing import ticket_render
from desk.services import changes, office, queue_setup
from desk.services.queue_views import (  # noqa: F401 (one module for the windows to call)
    Call,
    GroupWaiting,
    announcements_since,
    current_ticket,
    dossiers_of_ticket,
    get_ticket,
    last_calls,
    last_event_id,
    ticket_of_dossier,
    to_ticket,
    waiting_counts,
)
from desk.storage.counters import next_value
from desk.storage.database import Database
from desk.storage.queue_tables import (
    QueueCounterRow,
    QueueEventRow,
    QueueGroupRow,
    QueueSequenceRow,
    QueueTicketDossierRow,
    QueueTicketRow,
)
from desk.storage.tables import DossierRow

#: What a counter does to the ticket it holds, as the refusals name it.
ACTIONS = {
    "recall": QT_TRANSLATE_NOOP("Queue", "gọi lại"),
    "no_show": QT_TRANSLATE_NOOP("Queue", "đánh dấu vắng mặt"),
    "finish": QT_TRANSLATE_NOOP("Queue", "hoàn thành"),
    "serve": QT_TRANSLATE_NOOP("Queue", "tiếp nhận"),
    "transfer": QT_TRANSLATE_NOOP("Queue", "chuyển nhóm"),
}


@dataclass(frozen=True)
class IssuedTicket:
    """A ticket just taken at the kiosk, and how many people of its group are before it."""

    ticket: Ticket
    ahead: int


def _lock(s: Session) -> None:
    """First statement of every queue transaction: serialises them (see module doc)."""
    changes.bump(s, changes.QUEUE)


def _event(
    s: Session,
    row: QueueTicketRow,
    kind: EventKind,
    at: datetime,
    counter_id: int | None = None,
    clerk: Clerk | None = None,
) -> None:
    s.add(
        QueueEventRow(
            ticket_id=row.id,
            at=at,
            kind=kind.value,
            group_id=row.group_id,
            priority=bool(row.priority),
            counter_id=counter_id,
            clerk_id=clerk.id if clerk is not None else None,
        )
    )


# ---------------------------------------------------------------- the kiosk


def take_ticket(
    db: Database, group_id: int, priority: PriorityReason | None, clock: Clock
) -> IssuedTicket:
    """A new ticket for today in the group, numbered from 001 each day per letter."""
    now = clock.now()
    today = now.date()
    with db.write() as s:
        _lock(s)
        group = s.get(QueueGroupRow, group_id)
        if group is None or not group.active:
            raise UserError(
                translate("Queue", "Nhóm dịch vụ này hiện không nhận số. Xin chọn nhóm khác."),
                "group",
            )
        number = _next_number(s, group.letter, today)
        row = QueueTicketRow(
            day=today,
            letter=group.letter,
            number=number,
            group_id=group.id,
            priority=priority.value if priority else "",
            state=TicketState.WAITING.value,
            issued_at=now,
            waiting_since=now,
            calls=0,
        )
        s.add(row)
        s.flush()
        _event(s, row, EventKind.ISSUED, now)
        ahead = _ahead(s, row)
        return IssuedTicket(to_ticket(row), ahead)


def _next_number(s: Session, letter: str, day: date) -> int:
    """Bump and return the letter's ticket number for the day (its lock held until commit)."""
    return next_value(s, QueueSequenceRow.last, letter=letter, day=day)


def _ahead(s: Session, row: QueueTicketRow) -> int:
    """Tickets of the same group that will be called before this one, as things stand.

    A normal ticket has every waiting priority ticket before it as well as the
    earlier normal ones; a priority ticket only the earlier priority ones.
    """
    query = select(func.count()).where(
        QueueTicketRow.day == row.day,
        QueueTicketRow.group_id == row.group_id,
        QueueTicketRow.state == TicketState.WAITING.value,
        QueueTicketRow.id != row.id,
    )
    earlier = QueueTicketRow.issued_at < row.issued_at
    same_time = (QueueTicketRow.issued_at == row.issued_at) & (QueueTicketRow.id < row.id)
    if row.priority:
        query = query.where(QueueTicketRow.priority != "", earlier | same_time)
    else:
        query = query.where((QueueTicketRow.priority != "") | earlier | same_time)
    return s.scalar(query) or 0


def print_ticket(
    db: Database, issued: IssuedTicket, uri: str | None = None, paper: str | None = None
) -> Image.Image:
    """Print the ticket on the kiosk's printer (``none``: nothing) and return its image.

    The ticket is already taken: a ``PrinterError`` here loses nothing, the
    kiosk shows the number on screen.
    """
    setting_uri, setting_paper = queue_setup.kiosk_printer(db)
    return ticket_render.print_ticket(
        issued.ticket,
        issued.ahead,
        office.get_office(db),
        uri or setting_uri,
        paper or setting_paper,
    )


# ---------------------------------------------------------------- a counter


def _counter_row(s: Session, number: int) -> QueueCounterRow:
    row = s.scalar(select(QueueCounterRow).where(QueueCounterRow.number == number))
    if row is None or not row.active:
        raise NotFound(
            translate(
                "Queue",
                "Quầy số {number} chưa được khai báo hoặc đã ngừng: kiểm tra Quản trị > Hàng đợi.",
            ).format(number=number)
        )
    return row


def _held(s: Session, ticket_id: int, counter: QueueCounterRow, action: str) -> QueueTicketRow:
    """The ticket, which this counter must be holding (called or serving) for ``action``."""
    row = s.get(QueueTicketRow, ticket_id)
    if row is None:
        raise NotFound(translate("Queue", "Không tìm thấy số thứ tự này."))
    check_can_act(TicketState(row.state), translated(action))
    if row.counter_id != counter.id:
        raise UserError(
            translate(
                "Queue", "Số {ticket} đang ở quầy khác: quầy {counter} không {action} được."
            ).format(
                ticket=ticket_code(row.letter, row.number),
                counter=counter.number,
                action=translated(action),
            ),
            "ticket",
        )
    return row


def _finish_current(s: Session, counter: QueueCounterRow, clerk: Clerk, now: datetime) -> None:
    """Calling the next ticket ends the one the counter held (the usual counter habit)."""
    rows = s.scalars(
        select(QueueTicketRow).where(
            QueueTicketRow.counter_id == counter.id,
            QueueTicketRow.state.in_([state.value for state in AT_COUNTER]),
        )
    )
    for row in rows:
        _close(s, row, TicketState.DONE, EventKind.FINISHED, now, counter, clerk)


def _close(
    s: Session,
    row: QueueTicketRow,
    state: TicketState,
    kind: EventKind,
    now: datetime,
    counter: QueueCounterRow,
    clerk: Clerk,
) -> None:
    row.state = state.value
    row.finished_at = now
    _event(s, row, kind, now, counter.id, clerk)


def call_next(db: Database, counter_number: int, clerk: Clerk, clock: Clock) -> Ticket | None:
    """Finish the counter's current ticket and call the next one it serves; ``None``: nobody waits.

    The choice is ``domain.queue.choose_next`` over today's waiting tickets of
    the counter's active groups, with the priority flags of the latest first
    calls in those groups.
    """
    now = clock.now()
    rules = queue_setup.get_rules(db)
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        _finish_current(s, counter, clerk, now)
        groups = [g.id for g in counter.groups if g.active]
        if not groups:
            return None
        waiting = [
            WaitingTicket(id_, group_id, issued_at, bool(priority))
            for id_, group_id, issued_at, priority in s.execute(
                select(
                    QueueTicketRow.id,
                    QueueTicketRow.group_id,
                    QueueTicketRow.issued_at,
                    QueueTicketRow.priority,
                ).where(
                    QueueTicketRow.day == now.date(),
                    QueueTicketRow.state == TicketState.WAITING.value,
                    QueueTicketRow.group_id.in_(groups),
                )
            )
        ]
        recent = _recent_calls(s, now.date(), groups, rules.max_priority_run + 1)
        chosen = choose_next(waiting, recent, rules)
        if chosen is None:
            return None
        row = s.get_one(QueueTicketRow, chosen.id)
        row.state = TicketState.CALLED.value
        row.counter = counter
        row.clerk_id = clerk.id
        row.calls = 1
        row.called_at = row.called_at or now
        row.last_called_at = now
        _event(s, row, EventKind.CALLED, now, counter.id, clerk)
        s.flush()
        return to_ticket(row)


def _recent_calls(s: Session, day: date, groups: list[int], count: int) -> list[bool]:
    """Priority flags of the day's latest ``count`` first calls in the groups, newest last."""
    flags = s.scalars(
        select(QueueEventRow.priority)
        .join(QueueTicketRow, QueueTicketRow.id == QueueEventRow.ticket_id)
        .where(
            QueueTicketRow.day == day,
            QueueEventRow.kind == EventKind.CALLED.value,
            QueueEventRow.group_id.in_(groups),
        )
        .order_by(QueueEventRow.id.desc())
        .limit(count)
    ).all()
    return list(reversed(flags))


def recall(db: Database, ticket_id: int, counter_number: int, clerk: Clerk, clock: Clock) -> Ticket:
    """Call the counter's ticket once more (the display shows it and speaks it again)."""
    now = clock.now()
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        row = _held(s, ticket_id, counter, ACTIONS["recall"])
        row.calls += 1
        row.last_called_at = now
        _event(s, row, EventKind.RECALLED, now, counter.id, clerk)
        s.flush()
        return to_ticket(row)


def mark_no_show(
    db: Database, ticket_id: int, counter_number: int, clerk: Clerk, clock: Clock
) -> Ticket:
    """The citizen did not come after ``no_show_after`` calls: the counter is free again."""
    now = clock.now()
    rules = queue_setup.get_rules(db)
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        row = _held(s, ticket_id, counter, ACTIONS["no_show"])
        check_no_show(TicketState(row.state), row.calls, rules)
        _close(s, row, TicketState.NO_SHOW, EventKind.NO_SHOW, now, counter, clerk)
        s.flush()
        return to_ticket(row)


def finish(db: Database, ticket_id: int, counter_number: int, clerk: Clerk, clock: Clock) -> Ticket:
    """The citizen has been served."""
    now = clock.now()
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        row = _held(s, ticket_id, counter, ACTIONS["finish"])
        _close(s, row, TicketState.DONE, EventKind.FINISHED, now, counter, clerk)
        s.flush()
        return to_ticket(row)


def start_service(
    db: Database, ticket_id: int, counter_number: int, clerk: Clerk, clock: Clock
) -> Ticket:
    """The citizen is at the counter (an intake starts): no longer a possible no-show."""
    now = clock.now()
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        row = _held(s, ticket_id, counter, ACTIONS["serve"])
        if row.state == TicketState.CALLED.value:
            row.state = TicketState.SERVING.value
            _event(s, row, EventKind.SERVING, now, counter.id, clerk)
        s.flush()
        return to_ticket(row)


def transfer(
    db: Database,
    ticket_id: int,
    counter_number: int,
    group_id: int,
    clerk: Clerk,
    clock: Clock,
) -> Ticket:
    """Send the ticket to another group's line, at the place its arrival time gives it.

    The citizen keeps the printed number; counters of the new group call it
    before anyone who took a ticket after it (and after the priority rule).
    """
    now = clock.now()
    with db.write() as s:
        _lock(s)
        counter = _counter_row(s, counter_number)
        row = _held(s, ticket_id, counter, ACTIONS["transfer"])
        target = s.get(QueueGroupRow, group_id)
        if target is None or not target.active:
            raise UserError(
                translate("Queue", "Nhóm được chọn không còn nhận số: hãy chọn nhóm khác."), "group"
            )
        if target.id == row.group_id:
            raise UserError(
                translate("Queue", "Số này đã ở nhóm được chọn: hãy chọn nhóm khác."), "group"
            )
        row.group = target
        row.state = TicketState.WAITING.value
        row.counter = None
        row.calls = 0
        row.waiting_since = now
        s.flush()
        _event(s, row, EventKind.TRANSFERRED, now, counter.id, clerk)
        s.flush()
        return to_ticket(row)


# ---------------------------------------------------------------- dossiers


def link_dossier(
    db: Database, ticket_id: int, dossier_code: str, clock: Clock | None = None
) -> None:
    """Remember that the dossier was received from the ticket (one ticket, many dossiers).

    A ticket still only called becomes "serving": its citizen is at the counter.
    """
    now = (clock or SystemClock()).now()
    with db.write() as s:
        _lock(s)
        row = s.get(QueueTicketRow, ticket_id)
        if row is None:
            raise NotFound(translate("Queue", "Không tìm thấy số thứ tự để gắn với hồ sơ."))
        dossier_id = s.scalar(select(DossierRow.id).where(DossierRow.code == dossier_code))
        if dossier_id is None:
            raise NotFound(
                translate("Queue", "Không tìm thấy hồ sơ {code}.").format(code=dossier_code)
            )
        if s.get(QueueTicketDossierRow, (ticket_id, dossier_id)) is None:
            s.add(QueueTicketDossierRow(ticket_id=ticket_id, dossier_id=dossier_id, linked_at=now))
        if row.state == TicketState.CALLED.value:
            row.state = TicketState.SERVING.value
            _event(s, row, EventKind.SERVING, now, row.counter_id)


def link_if_served(
    db: Database, ticket_id: int, counter_number: int | None, dossier_code: str, clock: Clock
) -> Ticket | None:
    """Link the dossier just saved to the ticket its intake was for, when that ticket is
    still at counter ``counter_number``; the ticket, or ``None`` (finished, transferred,
    or moved to another counter meanwhile: the dossier stays unlinked)."""
    ticket = get_ticket(db, ticket_id)
    if ticket.state not in AT_COUNTER or ticket.counter_number != counter_number:
        return None
    link_dossier(db, ticket.id, dossier_code, clock)
    return ticket
