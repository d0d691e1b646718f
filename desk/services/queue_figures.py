"""Queue figures: waiting time (ticket to call) and service time (call to finish).

Read from the tickets' event history, so a transfer counts as two visits:
the wait in the first group up to its call, and the wait in the second group
from the transfer to its call there. One row per day, group, counter and clerk,
plus one row per day and group (``counter_number is None``) for the tickets
nobody called that day. A report sums the rows it needs; the averages are the
totals over the counts, so sums of rows stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desk.domain.queue import EventKind, waiting_minutes
from desk.storage.database import Database
from desk.storage.queue_tables import QueueCounterRow, QueueEventRow, QueueGroupRow, QueueTicketRow
from desk.storage.tables import UserRow


@dataclass
class QueueFigures:
    """The counts and minutes of one (day, group, counter, clerk)."""

    day: date
    group_letter: str
    group_name: str
    counter_number: int | None
    clerk_name: str
    called: int = 0  # first calls in the group
    served: int = 0  # finished after the call
    no_shows: int = 0
    transferred: int = 0  # sent on to another group from this counter
    not_called: int = 0  # waited and were never called (counter_number is None)
    wait_minutes_total: float = 0.0
    wait_minutes_max: float = 0.0
    service_minutes_total: float = 0.0

    @property
    def average_wait_minutes(self) -> float | None:
        return self.wait_minutes_total / self.called if self.called else None

    @property
    def average_service_minutes(self) -> float | None:
        return self.service_minutes_total / self.served if self.served else None


@dataclass
class _Visit:
    """One stretch of a ticket in one group: from arrival (or transfer) to its end."""

    waiting_since: datetime
    called_at: datetime | None = None
    key: tuple[int, int | None, int | None] | None = None  # group, counter, clerk


_ENDS = {
    EventKind.FINISHED.value: "served",
    EventKind.NO_SHOW.value: "no_shows",
    EventKind.TRANSFERRED.value: "transferred",
}


def queue_figures(db: Database, first: date, last: date) -> list[QueueFigures]:
    """Rows for the days ``first``..``last`` (inclusive), by day, group, counter, clerk."""
    with db.read() as s:
        groups = {g.id: (g.letter, g.name) for g in s.scalars(select(QueueGroupRow))}
        counters = {c.id: c.number for c in s.scalars(select(QueueCounterRow))}
        clerks = {id_: name for id_, name in s.execute(select(UserRow.id, UserRow.full_name))}
        events = s.execute(
            select(QueueTicketRow.day, QueueEventRow)
            .join(QueueTicketRow, QueueTicketRow.id == QueueEventRow.ticket_id)
            .where(QueueTicketRow.day >= first, QueueTicketRow.day <= last)
            .order_by(QueueEventRow.ticket_id, QueueEventRow.id)
        ).all()
    rows: dict[tuple[date, int, int | None, int | None], QueueFigures] = {}

    def row_for(day: date, key: tuple[int, int | None, int | None]) -> QueueFigures:
        group_id, counter_id, clerk_id = key
        if (day, *key) not in rows:
            letter, name = groups[group_id]
            rows[(day, *key)] = QueueFigures(
                day,
                letter,
                name,
                counters.get(counter_id) if counter_id is not None else None,
                clerks.get(clerk_id, "") if clerk_id is not None else "",
            )
        return rows[(day, *key)]

    visits: dict[int, _Visit] = {}
    days: dict[int, date] = {}
    for day, event in events:
        days[event.ticket_id] = day
        _replay(event, visits, lambda key, d=day: row_for(d, key))
    for ticket_id, visit in visits.items():
        if visit.called_at is None and visit.key is not None:
            row_for(days[ticket_id], visit.key).not_called += 1
    return sorted(
        rows.values(),
        key=lambda r: (r.day, r.group_letter, r.counter_number or 0, r.clerk_name),
    )


def _replay(event: QueueEventRow, visits: dict[int, _Visit], row_for) -> None:  # noqa: ANN001
    """Advance one ticket's current visit by one event."""
    kind = event.kind
    if kind == EventKind.ISSUED.value:
        visits[event.ticket_id] = _Visit(event.at, key=(event.group_id, None, None))
        return
    visit = visits.get(event.ticket_id)
    if visit is None:
        return
    if kind == EventKind.CALLED.value:
        visit.called_at = event.at
        visit.key = (event.group_id, event.counter_id, event.clerk_id)
        row = row_for(visit.key)
        wait = waiting_minutes(visit.waiting_since, event.at)
        row.called += 1
        row.wait_minutes_total += wait
        row.wait_minutes_max = max(row.wait_minutes_max, wait)
    elif kind in _ENDS and visit.called_at is not None and visit.key is not None:
        row = row_for(visit.key)
        setattr(row, _ENDS[kind], getattr(row, _ENDS[kind]) + 1)
        if kind == EventKind.FINISHED.value:
            row.service_minutes_total += waiting_minutes(visit.called_at, event.at)
    if kind == EventKind.TRANSFERRED.value:
        visits[event.ticket_id] = _Visit(event.at, key=(event.group_id, None, None))
