"""The outbox: the messages to applicants and every try to send them (migration 0011).

Rules live in ``desk.domain.messages``; the rows are written with the step that
causes them (``desk.services.outbox``) and sent by ``desk.services.delivery``.
Kept apart from ``tables.py`` (one idea a module); the package imports this
module, so ``Base.metadata`` always holds these tables too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.storage.tables import Base
from desk.storage.types import UtcDateTime


class MessageRow(Base):
    """One message to one address through one channel, with what it says, frozen when
    the step was recorded (the office's later edits to a template change new messages only).

    ``claim`` is the token of the sender that has taken it (status "sending"); the
    result is written only with that token, so a message is sent by one sender at a time.
    """

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_status_next", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    step_kind: Mapped[str] = mapped_column(String(30))  # the StepKind that caused it
    channel: Mapped[str] = mapped_column(String(10))  # a MessageChannel value
    recipient: Mapped[str] = mapped_column(String(120))  # phone or e-mail address
    subject: Mapped[str] = mapped_column(String(300), default="")  # e-mail
    body: Mapped[str] = mapped_column(Text)
    template_id: Mapped[str] = mapped_column(String(60), default="")  # Zalo ZNS
    template_data: Mapped[str] = mapped_column(Text, default="{}")  # Zalo ZNS, JSON
    attachment: Mapped[str] = mapped_column(String(20), default="")  # "apology": form 04 PDF
    status: Mapped[str] = mapped_column(String(10))  # a MessageStatus value
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claim: Mapped[str] = mapped_column(String(40), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    provider_ref: Mapped[str] = mapped_column(String(200), default="")


class MessageAttemptRow(Base):
    """One try to send a message: when, from which PC, and how it ended."""

    __tablename__ = "message_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(Text, default="")
    host: Mapped[str] = mapped_column(String(120), default="")
