"""The queue as windows see it: a ticket, a counter's current one, who waits, the last calls.

Read-only queries for the kiosk, the counter panel and the waiting-room
display; the changes are in ``desk.services.queue`` (which re-exports these).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.domain.errors import NotFound
from desk.domain.queue import (
    ANNOUNCED,
    AT_COUNTER,
    EventKind,
    ServiceGroup,
    Ticket,
    TicketState,
    priority_reason,
    ticket_code,
)
from desk.domain.translation import translate
from desk.services import queue_setup
from desk.storage.database import Database
from desk.storage.queue_tables import (
    QueueCounterRow,
    QueueEventRow,
    QueueGroupRow,
    QueueTicketDossierRow,
    QueueTicketRow,
)
from desk.storage.tables import DossierRow


@dataclass(frozen=True)
class Call:
    """A number put on the display (and in the speaker): a call or a recall."""

    event_id: int
    ticket_id: int
    code: str
    counter_number: int
    group_name: str
    at: datetime
    recall: bool


@dataclass(frozen=True)
class GroupWaiting:
    group: ServiceGroup
    waiting: int
    priority_waiting: int


def to_ticket(row: QueueTicketRow) -> Ticket:
    return Ticket(
        id=row.id,
        day=row.day,
        letter=row.letter,
        number=row.number,
        group_id=row.group_id,
        group_name=row.group.name,
        priority=priority_reason(row.priority),
        state=TicketState(row.state),
        issued_at=row.issued_at,
        called_at=row.called_at,
        calls=row.calls,
        counter_number=row.counter.number if row.counter is not None else None,
        clerk_id=row.clerk_id,
        finished_at=row.finished_at,
    )


def dossiers_of_ticket(db: Database, ticket_id: int) -> list[str]:
    with db.read() as s:
        return list(
            s.scalars(
                select(DossierRow.code)
                .join(QueueTicketDossierRow, QueueTicketDossierRow.dossier_id == DossierRow.id)
                .where(QueueTicketDossierRow.ticket_id == ticket_id)
                .order_by(QueueTicketDossierRow.linked_at, DossierRow.id)
            )
        )


def ticket_of_dossier(db: Database, dossier_code: str) -> Ticket | None:
    """The ticket the dossier was received from, if it came through the queue."""
    with db.read() as s:
        row = s.scalar(
            select(QueueTicketRow)
            .join(QueueTicketDossierRow, QueueTicketDossierRow.ticket_id == QueueTicketRow.id)
            .join(DossierRow, DossierRow.id == QueueTicketDossierRow.dossier_id)
            .where(DossierRow.code == dossier_code)
        )
        return to_ticket(row) if row is not None else None


def get_ticket(db: Database, ticket_id: int) -> Ticket:
    with db.read() as s:
        row = s.get(QueueTicketRow, ticket_id)
        if row is None:
            raise NotFound(translate("Queue", "Không tìm thấy số thứ tự này."))
        return to_ticket(row)


def current_ticket(db: Database, counter_number: int, day: date) -> Ticket | None:
    """The ticket the counter holds now (called or being served), if any."""
    with db.read() as s:
        row = s.scalar(
            select(QueueTicketRow)
            .join(QueueCounterRow, QueueCounterRow.id == QueueTicketRow.counter_id)
            .where(
                QueueCounterRow.number == counter_number,
                QueueTicketRow.day == day,
                QueueTicketRow.state.in_([state.value for state in AT_COUNTER]),
            )
            .order_by(QueueTicketRow.last_called_at.desc())
        )
        return to_ticket(row) if row is not None else None


def waiting_counts(db: Database, day: date) -> list[GroupWaiting]:
    """Every active group with how many of its tickets wait today (zero included)."""
    groups = queue_setup.list_groups(db, active_only=True)
    with db.read() as s:
        is_priority = (QueueTicketRow.priority != "").label("is_priority")
        counts = {
            (group_id, bool(priority)): n
            for group_id, priority, n in s.execute(
                select(QueueTicketRow.group_id, is_priority, func.count())
                .where(
                    QueueTicketRow.day == day,
                    QueueTicketRow.state == TicketState.WAITING.value,
                )
                .group_by(QueueTicketRow.group_id, is_priority)
            )
        }
    return [
        GroupWaiting(
            g,
            counts.get((g.id, False), 0) + counts.get((g.id, True), 0),
            counts.get((g.id, True), 0),
        )
        for g in groups
    ]


def _calls(s: Session, day: date, since_event: int, limit: int, newest_first: bool) -> list[Call]:
    order = QueueEventRow.id.desc() if newest_first else QueueEventRow.id
    rows = s.execute(
        select(QueueEventRow, QueueTicketRow, QueueCounterRow.number, QueueGroupRow.name)
        .join(QueueTicketRow, QueueTicketRow.id == QueueEventRow.ticket_id)
        .join(QueueCounterRow, QueueCounterRow.id == QueueEventRow.counter_id)
        .join(QueueGroupRow, QueueGroupRow.id == QueueEventRow.group_id)
        .where(
            QueueTicketRow.day == day,
            QueueEventRow.id > since_event,
            QueueEventRow.kind.in_([kind.value for kind in ANNOUNCED]),
        )
        .order_by(order)
        .limit(limit)
    )
    return [
        Call(
            event.id,
            ticket.id,
            ticket_code(ticket.letter, ticket.number),
            number,
            group_name,
            event.at,
            event.kind == EventKind.RECALLED.value,
        )
        for event, ticket, number, group_name in rows
    ]


def last_calls(db: Database, day: date, limit: int = 6) -> list[Call]:
    """The day's latest calls, newest first, each ticket once (its latest call)."""
    with db.read() as s:
        calls = _calls(s, day, 0, limit * 4, newest_first=True)
    return _distinct(calls)[:limit]


def announcements_since(db: Database, day: date, event_id: int, limit: int = 20) -> list[Call]:
    """Calls and recalls after ``event_id``, oldest first: what a display must speak."""
    with db.read() as s:
        return _calls(s, day, event_id, limit, newest_first=False)


def last_event_id(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.max(QueueEventRow.id))) or 0


def _distinct(calls: Iterable[Call]) -> list[Call]:
    seen: set[int] = set()
    out: list[Call] = []
    for call in calls:
        if call.ticket_id not in seen:
            seen.add(call.ticket_id)
            out.append(call)
    return out
