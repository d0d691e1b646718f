"""Sending the outbox: one sender at a time per message, tried again after a failure,
never sent twice, never given up without a trace.

A pass (``send_pending``) takes the due messages one by one, for the channels
this PC has a sender for:

1. **Claim** the message in a short write transaction: its status becomes
   "sending" with a fresh claim token. On PostgreSQL the row is picked with
   ``SELECT ... FOR UPDATE SKIP LOCKED``, so two PCs picking at the same moment
   take different messages; on SQLite the pick is a conditional
   ``UPDATE ... WHERE status = 'pending'`` inside ``BEGIN IMMEDIATE``, which
   serialises the writers. Nothing is held open while the message is sent.
2. **Send**, outside any transaction (a modem may take a minute).
3. **Record** the outcome, only with the claim token: sent; or pending again
   after a back-off (1, 5, 20, 60 minutes) when trying again may help; or failed
   after ``MAX_ATTEMPTS`` tries, or at once when it cannot help. Every try is a
   row of ``message_attempts``: the dossier's timeline shows them all.

A sender that dies between 1 and 3 leaves its message "sending". Whether it went
out is unknown, so after ``STALE_CLAIM`` it is marked failed with that said,
not sent again by itself: the supervisor sees it and may send it again.
"""

from __future__ import annotations

import json
import logging
import socket
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.messages import (
    MAX_ATTEMPTS,
    STALE_CLAIM,
    MessageChannel,
    MessageStatus,
    OutgoingMessage,
    SendError,
    retry_delay,
)
from desk.domain.translation import translate
from desk.services import changes
from desk.storage.database import Database
from desk.storage.message_tables import MessageAttemptRow, MessageRow
from desk.storage.tables import DossierRow

log = logging.getLogger(__name__)

PENDING, SENDING = MessageStatus.PENDING.value, MessageStatus.SENDING.value
SENT, FAILED = MessageStatus.SENT.value, MessageStatus.FAILED.value


class Sender(Protocol):
    channel: MessageChannel

    def send(self, message: OutgoingMessage) -> str:
        """Send, or raise ``SendError``; returns the provider's reference."""

    def close(self) -> None:
        """Let go of the connection or port held during a pass."""


@dataclass
class PassReport:
    """What one pass did: sent, to be tried again, given up (with the stale claims)."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def handled(self) -> int:
        return self.sent + self.retrying + self.failed


def send_pending(
    db: Database,
    senders: Mapping[MessageChannel, Sender],
    clock: Clock,
    *,
    limit: int | None = None,
    host: str | None = None,
) -> PassReport:
    """Send what is due through ``senders``; returns what happened."""
    report = PassReport()
    host = host or socket.gethostname()
    report.failed += give_up_stale_claims(db, clock.now())
    channels = tuple(senders)
    try:
        while channels and (limit is None or report.handled < limit):
            claimed = claim_next(db, channels, clock.now())
            if claimed is None:
                break
            message, token = claimed
            error: SendError | None = None
            reference = ""
            try:
                reference = senders[message.channel].send(_with_attachment(db, message))
            except SendError as exc:
                error = exc
            except Exception as exc:  # noqa: BLE001 (a bug must not leave it "sending")
                log.exception("sending message %s failed unexpectedly", message.id)
                error = SendError(f"{type(exc).__name__}: {exc}")
            status = record_outcome(db, message.id, token, clock.now(), error, reference, host)
            if status == SENT:
                report.sent += 1
            elif status == FAILED:
                report.failed += 1
            else:
                report.retrying += 1
    finally:
        for sender in senders.values():
            sender.close()
    return report


def claim_next(
    db: Database, channels: tuple[MessageChannel, ...], now: datetime
) -> tuple[OutgoingMessage, str] | None:
    """Take the next due message of ``channels`` for this sender alone."""
    token = uuid.uuid4().hex
    due = (
        select(MessageRow.id)
        .where(
            MessageRow.status == PENDING,
            MessageRow.next_attempt_at <= now,
            MessageRow.channel.in_([c.value for c in channels]),
        )
        .order_by(MessageRow.next_attempt_at, MessageRow.id)
        .limit(1)
    )
    with db.write() as s:
        if s.get_bind().dialect.name == "postgresql":
            message_id = s.scalar(due.with_for_update(skip_locked=True))
            if message_id is None:
                return None
            target = MessageRow.id == message_id
        else:
            target = MessageRow.id == due.scalar_subquery()
        # An UPDATE's result is a CursorResult (the session's signature says Result).
        claimed = cast(
            CursorResult[Any],
            s.execute(
                update(MessageRow)
                .where(target, MessageRow.status == PENDING)
                .values(status=SENDING, claim=token, claimed_at=now)
            ),
        )
        taken = claimed.rowcount
        if not taken:
            return None
        found = s.execute(
            select(MessageRow, DossierRow.code)
            .join(DossierRow, DossierRow.id == MessageRow.dossier_id)
            .where(MessageRow.claim == token)
        ).one()
        return _outgoing(found[0], found[1]), token


def _outgoing(row: MessageRow, code: str) -> OutgoingMessage:
    try:
        data = json.loads(row.template_data or "{}")
    except ValueError:
        data = {}
    return OutgoingMessage(
        id=row.id,
        dossier_code=code,
        channel=MessageChannel(row.channel),
        recipient=row.recipient,
        body=row.body,
        subject=row.subject,
        template_id=row.template_id,
        template_data={str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {},
        attachment=b"" if row.attachment else None,
        attachment_name=row.attachment,
    )


def _with_attachment(db: Database, message: OutgoingMessage) -> OutgoingMessage:
    """The apology's e-mail carries the letter (form 04), written now as a PDF."""
    if message.attachment is None or message.attachment_name != "apology":
        return message
    from dataclasses import replace

    from desk.services.form_documents import apology_pdf  # reportlab, only when needed

    with tempfile.TemporaryDirectory(prefix="desk-mail-") as folder:
        try:
            path = apology_pdf(db, message.dossier_code, Path(folder) / "apology.pdf")
            data = path.read_bytes()
        except (UserError, OSError) as exc:
            text = exc.message if isinstance(exc, UserError) else str(exc)
            raise SendError(
                translate("Delivery", "Chưa viết được văn bản xin lỗi để gửi kèm: {error}").format(
                    error=text
                )
            ) from None
    return replace(
        message, attachment=data, attachment_name=f"van-ban-xin-loi-{message.dossier_code}.pdf"
    )


def record_outcome(
    db: Database,
    message_id: int,
    token: str,
    now: datetime,
    error: SendError | None,
    reference: str = "",
    host: str = "",
) -> str:
    """Write how a try ended, under the claim; returns the message's new status."""
    with db.write() as s:
        row = s.scalar(
            select(MessageRow)
            .where(MessageRow.id == message_id, MessageRow.claim == token)
            .with_for_update()
        )
        if row is None:  # no longer ours (given up as stale meanwhile): leave it
            return ""
        row.attempts += 1
        s.add(
            MessageAttemptRow(
                message_id=row.id,
                at=now,
                ok=error is None,
                error=error.message if error else "",
                host=host[:120],
            )
        )
        row.claim, row.claimed_at = "", None
        if error is None:
            row.status, row.sent_at, row.last_error = SENT, now, ""
            row.provider_ref = reference[:200]
        elif error.permanent or row.attempts >= MAX_ATTEMPTS:
            row.status, row.last_error = FAILED, error.message
        else:
            row.status, row.last_error = PENDING, error.message
            row.next_attempt_at = now + retry_delay(row.attempts)
        if row.status != PENDING:
            changes.bump(s, changes.DOSSIERS)  # the dossier pages show it
        return row.status


def give_up_stale_claims(db: Database, now: datetime) -> int:
    """Messages left "sending" by a sender that stopped: failed, with what is unknown."""
    reason = translate(
        "Delivery",
        "Máy gửi bị ngắt khi đang gửi tin này: không rõ tin đã đi hay chưa. "
        "Hỏi người nộp hoặc gửi lại.",
    )
    with db.write() as s:
        stale = list(
            s.scalars(
                select(MessageRow)
                .where(MessageRow.status == SENDING, MessageRow.claimed_at < now - STALE_CLAIM)
                .with_for_update()
            )
        )
        for row in stale:
            _give_up(s, row, now, reason)
        if stale:
            changes.bump(s, changes.DOSSIERS)
        return len(stale)


def _give_up(s: Session, row: MessageRow, now: datetime, reason: str) -> None:
    row.attempts += 1
    s.add(MessageAttemptRow(message_id=row.id, at=now, ok=False, error=reason, host=""))
    row.status, row.last_error, row.claim, row.claimed_at = FAILED, reason, "", None


def send_now(sender: Any, message: OutgoingMessage) -> str:
    """One message straight through ``sender`` (``desk notify test``); ``UserError`` if not."""
    try:
        return sender.send(message)
    except SendError as exc:
        raise UserError(exc.message) from None
    finally:
        sender.close()


def send_test(
    db: Database, to: str, channel: MessageChannel | None = None
) -> tuple[MessageChannel, str]:
    """One test message (the ``test`` section of the words) to ``to``, now, through this
    PC's sender: e-mail for an address, else SMS when this PC has the modem, else Zalo.
    Returns the channel used and the provider's reference; ``UserError`` when it fails."""
    from desk.services import message_templates, notify_settings, office

    senders = notify_settings.senders_here(notify_settings.load(db))
    if channel is None:
        if "@" in to:
            channel = MessageChannel.EMAIL
        else:
            channel = MessageChannel.SMS if MessageChannel.SMS in senders else MessageChannel.ZALO
    if channel not in senders:
        raise UserError(
            translate(
                "Delivery", "Máy này chưa gửi được qua kênh {channel}: xem desk notify setup."
            ).format(channel=channel.value)
        )
    the_office = office.get_office(db)
    fields = {
        "office": the_office.name,
        "address": the_office.address,
        "hotline": the_office.hotline,
        "delivery_address": "",
        "by_post": False,
    }
    (draft,) = message_templates.render(message_templates.TEST_SECTION, fields, {channel: to})
    message = OutgoingMessage(
        id=0,
        dossier_code="",
        channel=channel,
        recipient=to.strip(),
        body=draft.body,
        subject=draft.subject,
        template_id=draft.template_id,
        template_data=draft.template_data,
    )
    return channel, send_now(senders[channel], message)
