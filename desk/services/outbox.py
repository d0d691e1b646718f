"""The outbox: messages to applicants, written in the transaction of the step that
causes them, and read back for the dossier page and the supervisor.

``write_for_step`` is called by the steps (``desk.services.steps``), the intake
(``desk.services.intake``) and the apology (``desk.services.apologies``) inside
their own write transaction: the step and its messages are saved together or
not at all. It writes one row per channel the applicant agreed to at intake,
that the office has turned on, and that has an address (no phone, no SMS).
The text is filled in there and then from the office's templates
(``desk.services.message_templates``); a template the office broke does not
stop the step: its message is written as failed, with the reason, for the
supervisor to see. Sending is ``desk.services.delivery``'s work.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.domain.clock import Clock, to_vn
from desk.domain.dossier import ResultDelivery
from desk.domain.errors import NotFound, UserError
from desk.domain.lifecycle import StepKind
from desk.domain.messages import (
    MESSAGE_STEPS,
    Consent,
    MessageChannel,
    MessageDraft,
    MessageStatus,
    recipients,
)
from desk.domain.office import Clerk
from desk.domain.translation import translate
from desk.services import audit, message_templates, notify_settings
from desk.storage.database import Database
from desk.storage.message_tables import MessageAttemptRow, MessageRow
from desk.storage.tables import DossierRow, OfficeRow

#: A message still waiting after this long is listed for the supervisor too
#: (no PC with its sender is running, or the modem's PC is off).
LONG_WAIT = timedelta(hours=2)


def consent_columns(consent: Consent) -> dict[str, bool]:
    """The dossier row's consent columns (``DossierRow(**consent_columns(...))``)."""
    return {
        "consent_sms": consent.sms,
        "consent_email": consent.email,
        "consent_zalo": consent.zalo,
    }


def consent_of(row: DossierRow) -> Consent:
    return Consent(sms=row.consent_sms, email=row.consent_email, zalo=row.consent_zalo)


def consent_for(db: Database, code: str) -> Consent:
    """What the dossier's applicant agreed to at intake (nothing for an unknown code)."""
    with db.read() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.code == code.strip()))
        return consent_of(row) if row is not None else Consent()


#: The messages a withdrawn consent stops: not sent yet, or given up (a retry would send it).
_NOT_SENT = (
    MessageStatus.PENDING.value,
    MessageStatus.SENDING.value,
    MessageStatus.FAILED.value,
)


def change_consent(  # noqa: PLR0913 (who, which dossier, what, why, when)
    db: Database, clerk: Clerk, code: str, consent: Consent, clock: Clock, note: str = ""
) -> int:
    """The applicant agrees to more channels, or withdraws their consent to some, after
    intake (at any counter, at any time: docs/legal.md, "Messages to the applicant").

    The dossier keeps ``consent`` from now on; its messages on a withdrawn channel that
    were not sent are never sent (status "withdrawn"); the audit trail keeps who recorded
    the change, before and after, and ``note`` (the citizen's request: a letter, an
    e-mail). A channel without its address cannot be agreed to.
    Returns how many messages were stopped."""
    now = clock.now()
    with db.write() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.code == code).with_for_update())
        if row is None:
            raise NotFound(translate("Outbox", "Không có hồ sơ {code}.").format(code=code))
        reachable = recipients(consent, row.phone, row.email)
        for channel in consent.agreed():
            if channel not in reachable:
                raise UserError(_no_address(channel))
        before = consent_of(row)
        if before == consent:
            return 0
        for column, value in consent_columns(consent).items():
            setattr(row, column, value)
        withdrawn = [c.value for c in before.agreed() if c not in consent.agreed()]
        stopped = 0
        if withdrawn:
            reason = translate("Outbox", "Người nộp đã rút lại đồng ý nhận tin qua kênh này.")
            for m in s.scalars(
                select(MessageRow).where(
                    MessageRow.dossier_id == row.id,
                    MessageRow.channel.in_(withdrawn),
                    MessageRow.status.in_(_NOT_SENT),
                )
            ):
                m.status = MessageStatus.WITHDRAWN.value
                m.claim, m.claimed_at = "", None
                m.last_error = reason
                stopped += 1
        audit.record(
            s,
            clerk,
            now,
            "dossier",
            code,
            "consent",
            consent_columns(before),
            {**consent_columns(consent), "messages_withdrawn": stopped, "note": note.strip()},
        )
    return stopped


def _no_address(channel: MessageChannel) -> str:
    if channel is MessageChannel.EMAIL:
        return translate(
            "Outbox",
            "Hồ sơ chưa có địa chỉ thư điện tử của người nộp: chưa đăng ký nhận tin qua thư "
            "điện tử được. Hãy bổ sung địa chỉ ở thông tin người nộp trước.",
        )
    return translate(
        "Outbox",
        "Hồ sơ chưa có số điện thoại của người nộp: chưa đăng ký nhận tin qua SMS hoặc Zalo "
        "được. Hãy bổ sung số điện thoại ở thông tin người nộp trước.",
    )


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = to_vn(moment)
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"  # untranslated: message text, in Vietnamese


def _short(text: str, limit: int = 60) -> str:
    """A long text cut at a word for an SMS, marked as cut: "Mức lệ phí cụ thể do…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;.") + "…"


def _fields(s: Session, row: DossierRow, facts: Mapping[str, Any]) -> dict[str, Any]:
    """What a template may say about the dossier and the step."""
    the_office = s.get(OfficeRow, 1)
    missing = facts.get("missing") or []
    new_due = facts.get("new_due")
    return {
        "code": row.code,
        "name": row.applicant_name,
        "procedure": row.procedure_name,
        "office": the_office.name if the_office else "",
        "address": the_office.address if the_office else "",
        "hotline": the_office.hotline if the_office else "",
        "received": _when(row.received_at),
        "appointment": _when(row.appointment_at),
        "appointment_date": f"{to_vn(row.appointment_at):%d/%m/%Y}",
        "fee": row.fee.strip(),
        "fee_short": _short(row.fee),
        "by_post": row.result_delivery == ResultDelivery.POST.value,
        "delivery_address": row.delivery_address,
        "missing": "; ".join(str(m) for m in missing),
        "reason": str(facts.get("reason") or facts.get("reasons") or "").strip().rstrip("."),
        "contact": str(facts.get("contact", "")).strip(),
        "new_date": _when(datetime.fromisoformat(str(new_due))) if new_due else "",
        "number": str(facts.get("number", "")),
    }


def write_for_step(
    s: Session, row: DossierRow, kind: StepKind, facts: Mapping[str, Any], now: datetime
) -> list[MessageRow]:
    """Queue the messages of ``kind`` for the dossier ``row``, in the caller's transaction."""
    if kind not in MESSAGE_STEPS:
        return []
    current = notify_settings.in_session(s)
    offered = current.offered()
    to = {
        c: address
        for c, address in recipients(consent_of(row), row.phone, row.email).items()
        if c in offered
    }
    if not to:
        return []
    try:
        drafts = message_templates.render(
            kind, _fields(s, row, facts), to, plain_sms=current.sms_plain
        )
        error = ""
    except UserError as exc:  # the office's copy of the templates is broken
        drafts = [MessageDraft(c, address, "") for c, address in to.items()]
        error = exc.message
    rows = [_row(row, kind, draft, now, error) for draft in drafts]
    s.add_all(rows)
    return rows


def _row(
    row: DossierRow, kind: StepKind, draft: MessageDraft, now: datetime, error: str
) -> MessageRow:
    return MessageRow(
        dossier_id=row.id,
        step_kind=kind.value,
        channel=draft.channel.value,
        recipient=draft.recipient,
        subject=draft.subject,
        body=draft.body,
        template_id=draft.template_id,
        template_data=json.dumps(draft.template_data, ensure_ascii=False),
        attachment=draft.attachment,
        status=(MessageStatus.FAILED if error else MessageStatus.PENDING).value,
        attempts=0,
        next_attempt_at=now,
        claim="",
        created_at=now,
        last_error=error,
        provider_ref="",
    )


def erase_for(s: Session, row: DossierRow) -> None:
    """With the dossier's personal data (``desk.services.personal_data``), its messages
    lose their addresses, words and the servers' answers (which may name the address);
    a message not sent yet is then never sent."""
    ids = list(s.scalars(select(MessageRow.id).where(MessageRow.dossier_id == row.id)))
    if not ids:
        return
    for m in s.scalars(select(MessageRow).where(MessageRow.id.in_(ids))):
        if m.status in (MessageStatus.PENDING.value, MessageStatus.SENDING.value):
            m.status = MessageStatus.FAILED.value
            m.claim, m.claimed_at = "", None
        m.recipient, m.subject, m.body, m.template_data = "", "", "", "{}"
        m.last_error = translate("Outbox", "Dữ liệu cá nhân của hồ sơ đã được xóa.")
    for a in s.scalars(select(MessageAttemptRow).where(MessageAttemptRow.message_id.in_(ids))):
        a.error = ""


# -- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    at: datetime
    ok: bool
    error: str
    host: str


@dataclass(frozen=True)
class MessageView:
    """A message as the dossier page, the supervisor's list and ``desk outbox`` show it."""

    id: int
    dossier_code: str
    applicant_name: str
    step_kind: StepKind
    channel: MessageChannel
    recipient: str
    subject: str
    body: str
    status: MessageStatus
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str
    history: tuple[Attempt, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "dossier": self.dossier_code,
            "step": self.step_kind.value,
            "channel": self.channel.value,
            "recipient": self.recipient,
            "status": self.status.value,
            "attempts": self.attempts,
            "created_at": self.created_at.isoformat(),
            "next_attempt_at": self.next_attempt_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "error": self.last_error,
        }


def _views(s: Session, stmt: Any, with_history: bool = False) -> list[MessageView]:
    found = s.execute(stmt).all()
    history: dict[int, list[Attempt]] = {}
    if with_history and found:
        ids = [m.id for m, _code, _name in found]
        for a in s.scalars(
            select(MessageAttemptRow)
            .where(MessageAttemptRow.message_id.in_(ids))
            .order_by(MessageAttemptRow.at, MessageAttemptRow.id)
        ):
            history.setdefault(a.message_id, []).append(Attempt(a.at, a.ok, a.error, a.host))
    return [
        MessageView(
            id=m.id,
            dossier_code=code,
            applicant_name=name,
            step_kind=StepKind(m.step_kind),
            channel=MessageChannel(m.channel),
            recipient=m.recipient,
            subject=m.subject,
            body=m.body,
            status=MessageStatus(m.status),
            attempts=m.attempts,
            created_at=m.created_at,
            next_attempt_at=m.next_attempt_at,
            sent_at=m.sent_at,
            last_error=m.last_error,
            history=tuple(history.get(m.id, ())),
        )
        for m, code, name in found
    ]


def _select() -> Any:
    return select(MessageRow, DossierRow.code, DossierRow.applicant_name).join(
        DossierRow, DossierRow.id == MessageRow.dossier_id
    )


def dossier_messages(db: Database, code: str) -> list[MessageView]:
    """The dossier's messages with every try, oldest first."""
    stmt = _select().where(DossierRow.code == code.strip()).order_by(MessageRow.id)
    with db.read() as s:
        return _views(s, stmt, with_history=True)


def list_messages(
    db: Database, statuses: tuple[MessageStatus, ...] = (), limit: int = 500
) -> list[MessageView]:
    """The newest messages first, of the given statuses (all when none)."""
    stmt = _select().order_by(MessageRow.id.desc()).limit(limit)
    if statuses:
        stmt = stmt.where(MessageRow.status.in_([s.value for s in statuses]))
    with db.read() as s:
        return _views(s, stmt)


def problems(db: Database, now: datetime, limit: int = 500) -> list[MessageView]:
    """What a supervisor must see: messages given up, and messages waiting too long."""
    stmt = (
        _select()
        .where(
            or_(
                MessageRow.status == MessageStatus.FAILED.value,
                MessageRow.status.not_in((MessageStatus.SENT.value, MessageStatus.WITHDRAWN.value))
                & (MessageRow.created_at < now - LONG_WAIT),
            )
        )
        .order_by(MessageRow.id.desc())
        .limit(limit)
    )
    with db.read() as s:
        return _views(s, stmt, with_history=True)


def retry(db: Database, clerk: Clerk, message_id: int, clock: Clock) -> None:
    """A supervisor sends a failed message again (after fixing its cause): due now,
    with a fresh count of tries; the audit trail keeps who did it."""
    if not clerk.is_supervisor:
        raise UserError(
            translate(
                "Outbox", "Chỉ lãnh đạo, giám sát hoặc quản trị viên mới được gửi lại tin nhắn."
            )
        )
    now = clock.now()
    with db.write() as s:
        row = s.get(MessageRow, message_id, with_for_update=True)
        if row is None:
            raise NotFound(translate("Outbox", "Không có tin nhắn số {id}.").format(id=message_id))
        if row.status != MessageStatus.FAILED.value:
            raise UserError(
                translate("Outbox", "Tin nhắn số {id} không ở trạng thái gửi không được.").format(
                    id=message_id
                )
            )
        dossier = s.get(DossierRow, row.dossier_id)
        if dossier is None or MessageChannel(row.channel) not in consent_of(dossier).agreed():
            raise UserError(
                translate(
                    "Outbox",
                    "Người nộp đã rút lại đồng ý nhận tin qua kênh này: không gửi lại tin nhắn "
                    "số {id}.",
                ).format(id=message_id)
            )
        if not row.body and not row.template_id:
            raise UserError(
                translate(
                    "Outbox",
                    "Tin nhắn số {id} không có nội dung (tệp lời văn bị lỗi khi ghi nhận bước): "
                    "không gửi lại được.",
                ).format(id=message_id)
            )
        row.status = MessageStatus.PENDING.value
        row.attempts = 0
        row.next_attempt_at = now
        row.claim = ""
        row.claimed_at = None
        audit.record(
            s,
            clerk,
            now,
            "message",
            str(message_id),
            "retry",
            {"status": MessageStatus.FAILED.value, "error": row.last_error},
            {"status": MessageStatus.PENDING.value},
        )
