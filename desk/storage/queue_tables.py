"""The queue: service groups, counters, kiosk tickets (migration 0005).

Rules live in ``desk.domain.queue``; transactions in ``desk.services.queue``. Kept apart
from ``tables.py`` (one idea a module), as the outbox's rows are; the package imports
this module, so ``Base.metadata`` always holds these tables too.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.storage.tables import Base
from desk.storage.types import UtcDateTime


class QueueGroupRow(Base):
    """A service group at the kiosk (A = hộ tịch, ...): a letter, a name, the fields it takes."""

    __tablename__ = "queue_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    fields: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of procedure fields
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueCounterGroupRow(Base):
    __tablename__ = "queue_counter_groups"
    counter_id: Mapped[int] = mapped_column(
        ForeignKey("queue_counters.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("queue_groups.id", ondelete="CASCADE"), primary_key=True
    )


class QueueCounterRow(Base):
    """A counter (quầy) with its number, as called out, and the groups it serves."""

    __tablename__ = "queue_counters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    groups: Mapped[list[QueueGroupRow]] = relationship(
        secondary="queue_counter_groups", order_by="QueueGroupRow.position"
    )


class QueueSequenceRow(Base):
    """The last ticket number given for a letter on a day (A001, A002, ... from 001 each day).

    Incremented with an UPDATE first thing in the kiosk's transaction, like
    ``DaySequenceRow``, so two kiosks never print the same number.
    """

    __tablename__ = "queue_sequences"
    letter: Mapped[str] = mapped_column(String(2), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class QueueTicketRow(Base):
    """One kiosk ticket. ``letter`` and ``number`` are what is printed and called;
    ``group_id`` is where it waits now (a transfer moves it, the printed code stays)."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("day", "letter", "number"),
        Index("ix_queue_tickets_day_state", "day", "state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    letter: Mapped[str] = mapped_column(String(2))
    number: Mapped[int] = mapped_column(Integer)
    group_id: Mapped[int] = mapped_column(ForeignKey("queue_groups.id"))
    priority: Mapped[str] = mapped_column(String(20), default="")  # a PriorityReason value or ""
    state: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    waiting_since: Mapped[datetime] = mapped_column(UtcDateTime)  # issued, or transferred
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_called_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counters.id"), nullable=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    group: Mapped[QueueGroupRow] = relationship()
    counter: Mapped[QueueCounterRow | None] = relationship()


class QueueEventRow(Base):
    """What happened to a ticket, in order: issued, called, recalled, transferred, ...

    Kept for ever: the waiting and service figures and the priority ratio are
    read from here, and a past day is never rewritten.
    """

    __tablename__ = "queue_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("queue_tickets.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(12))
    group_id: Mapped[int] = mapped_column(ForeignKey("queue_groups.id"))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counters.id"), nullable=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class QueueTicketDossierRow(Base):
    """A dossier received from a ticket (a ticket may lead to several dossiers, or none)."""

    __tablename__ = "queue_ticket_dossiers"
    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("queue_tickets.id", ondelete="CASCADE"), primary_key=True
    )
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)
