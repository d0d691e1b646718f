"""Messages to the applicant (tin nhắn báo cho người nộp): which steps send one, through
which channels, with whose consent, and how a send that failed is tried again.

A message saves the citizen a trip at each turn of the dossier: received, papers
to add, result ready, late with a new date, refused, stopped. Decree
118/2025/NĐ-CP art. 19(6) has the One-Stop Unit tell the citizen of a
rescheduled date "qua thư điện tử, tin nhắn, điện thoại hoặc mạng xã hội", and
art. 17(2)(c) mentions automatic notifications by e-mail and SMS.

Consent: a message goes only through a channel the applicant agreed to at
intake, recorded with the dossier. Each box starts unticked (silence is not
consent under the personal-data rules; see docs/legal.md for the source and
its doubt): the clerk ticks what the citizen agrees to. A channel also needs its address: no phone, no SMS or Zalo; no
e-mail address, no e-mail.

Each message is a row of the outbox, written in the same transaction as the
step that causes it (``desk.services.outbox``) and sent later by whichever PC
has the sender (``desk.services.delivery``): pending -> sending -> sent, or back
to pending after a failure the sender may outlive (a network error, a server's
"try later"), until ``MAX_ATTEMPTS``; then failed, shown on the dossier page and
in the supervisor's list.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

# Re-exported, so callers import everything about messages from here.
from desk.domain.consent import CHANNEL_LABELS as CHANNEL_LABELS
from desk.domain.consent import Consent as Consent
from desk.domain.consent import MessageChannel
from desk.domain.lifecycle import StepKind
from desk.domain.translation import QT_TRANSLATE_NOOP


class MessageStatus(StrEnum):
    PENDING = "pending"  # chờ gửi: due at ``next_attempt_at``
    SENDING = "sending"  # đang gửi: claimed by one sender (its claim token)
    SENT = "sent"  # đã gửi: accepted by the modem, the mail server or Zalo
    FAILED = "failed"  # gửi không được: given up; a supervisor sees it and may retry
    WITHDRAWN = "withdrawn"  # không gửi: the applicant withdrew their consent to its channel


STATUS_LABELS = {
    MessageStatus.PENDING: QT_TRANSLATE_NOOP("MessageStatus", "Chờ gửi"),
    MessageStatus.SENDING: QT_TRANSLATE_NOOP("MessageStatus", "Đang gửi"),
    MessageStatus.SENT: QT_TRANSLATE_NOOP("MessageStatus", "Đã gửi"),
    MessageStatus.FAILED: QT_TRANSLATE_NOOP("MessageStatus", "Gửi không được"),
    MessageStatus.WITHDRAWN: QT_TRANSLATE_NOOP("MessageStatus", "Không gửi: rút đồng ý"),
}

#: The steps that tell the applicant, each with its own template.
MESSAGE_STEPS = (
    StepKind.INTAKE,
    StepKind.SUPPLEMENT_REQUEST,
    StepKind.RESULT_READY,
    StepKind.APOLOGY,
    StepKind.REFUSE,
    StepKind.STOP,
)

#: Tries before a message is given up, and the waits between them.
MAX_ATTEMPTS = 5
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=20),
    timedelta(hours=1),
)
#: A claim older than this belongs to a sender that died while sending: the message
#: may or may not have gone out, so it is not sent again by itself (see ``delivery``).
STALE_CLAIM = timedelta(minutes=15)


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed try (1, 5, 20, 60 minutes)."""
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def recipients(consent: Consent, phone: str, email: str) -> dict[MessageChannel, str]:
    """Where each agreed channel sends: the phone for SMS and Zalo, the address for e-mail.

    A channel without its address is left out (no phone, no SMS row)."""
    address = {
        MessageChannel.SMS: phone.strip(),
        MessageChannel.EMAIL: email.strip(),
        MessageChannel.ZALO: phone.strip(),
    }
    return {c: address[c] for c in consent.agreed() if address[c]}


def international_phone(phone: str) -> str:
    """A Vietnamese number as 84xxxxxxxxx (Zalo's form, and the SMS destination).

    "0912 345 678", "+84912345678" and "84912345678" all give "84912345678"."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+") or (digits.startswith("84") and len(digits) == 11):
        return digits
    if digits.startswith("0"):
        return "84" + digits[1:]
    return digits


_PLAIN_PUNCTUATION = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "\u00a0": " ",
        "đ": "d",  # untranslated: letters, not a text
        "Đ": "D",  # untranslated: letters, not a text
    }
)


def unaccented(text: str) -> str:
    """The text without Vietnamese accents, case kept: the cheaper SMS.

    "Hồ sơ Đăng ký" -> "Ho so Dang ky". Typographic quotes and dashes become
    plain ones, so the whole text fits the GSM 7-bit alphabet (160 letters a
    message instead of 70)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_PUNCTUATION))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@dataclass(frozen=True)
class MessageDraft:
    """What one step says through one channel, before it is queued."""

    channel: MessageChannel
    recipient: str
    body: str
    subject: str = ""
    template_id: str = ""  # Zalo ZNS
    template_data: dict[str, str] = field(default_factory=dict)  # Zalo ZNS
    attachment: str = ""  # "apology": the letter (form 04) as a PDF


@dataclass(frozen=True)
class OutgoingMessage:
    """A queued message handed to a sender; ``attachment`` is the PDF's bytes, if any."""

    id: int
    dossier_code: str
    channel: MessageChannel
    recipient: str
    body: str
    subject: str = ""
    template_id: str = ""
    template_data: dict[str, str] = field(default_factory=dict)
    attachment: bytes | None = None
    attachment_name: str = ""

    @property
    def tracking_id(self) -> str:
        """The message's own id as the provider's tracking id (Zalo's ``tracking_id``)."""
        return f"desk-{self.id}"


class SendError(Exception):
    """A send that did not go through; ``permanent`` when trying again cannot help
    (an address the server refuses, a template Zalo does not know)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
