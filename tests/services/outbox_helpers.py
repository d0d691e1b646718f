"""Dossiers whose applicant agreed to messages, and an office with its senders on."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper, ResultDelivery
from desk.domain.messages import Consent, MessageChannel
from desk.domain.office import Clerk
from desk.services import catalog, intake, notify_settings, outbox
from desk.storage.database import Database

#: Certificate of marital status: 3 working days.
PROCEDURE = "1.004873"
EVERYTHING = Consent(sms=True, email=True, zalo=True)
TOKEN = "zT0k3n-SECRET-abc123"


def receive(
    db: Database,
    clerk: Clerk,
    clock: FixedClock,
    *,
    phone: str = "0912345678",
    email: str = "hung@example.vn",
    consent: Consent = EVERYTHING,
    by_post: bool = False,
) -> str:
    """Receive a dossier through the real intake; its code."""
    p = catalog.get_procedure(db, PROCEDURE)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(
            name="Trần Văn Hùng", id_number="079090001234", phone=phone, email=email
        ),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form, 1)],
        result_delivery=ResultDelivery.POST if by_post else ResultDelivery.COUNTER,
        delivery_address="Ấp 3, xã Tân Phú" if by_post else "",
        consent=consent,
    )
    return intake.record_intake(db, draft, clerk, clock).code


def turn_on(
    db: Database,
    clerk: Clerk,
    clock: FixedClock,
    *,
    smtp: str = "smtp://127.0.0.1:9?starttls=no",
    modem: str = "serial:/dev/null",
    zalo_url: str = "http://127.0.0.1:9/message/template",
) -> None:
    notify_settings.set_up(
        db,
        clerk,
        clock,
        smtp_url=smtp,
        smtp_from="motcua@tanphu.gov.vn",
        modem=modem,
        zalo_token=TOKEN,
        zalo_url=zalo_url,
    )


def messages(db: Database, code: str, step: str | None = None) -> list[outbox.MessageView]:
    found = outbox.dossier_messages(db, code)
    return [m for m in found if step is None or m.step_kind.value == step]


def office_templates(data_home: Path, text: str) -> Path:
    """The office's own copy of the message words (merged over the shipped ones)."""
    folder = data_home / "desk" / "forms"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "messages.toml"
    path.write_text(text, encoding="utf-8")
    return path


class FakeSender:
    """Keeps what it is given; ``failures`` are raised first, one a message sent."""

    def __init__(self, channel=MessageChannel.SMS, failures=(), pause=0.0):
        self.channel = channel
        self.sent = []
        self.failures = list(failures)
        self.pause = pause
        self.closed = 0
        self.lock = threading.Lock()

    def send(self, message):
        time.sleep(self.pause)
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append(message)
        return f"ref-{message.id}"

    def close(self):
        self.closed += 1
