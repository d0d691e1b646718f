"""The channels a message to the applicant may take, and the applicant's consent to each.

Recorded at intake with the dossier: a box per channel, each unticked until the
citizen agrees (silence is not consent: docs/legal.md, "Messages to the
applicant", names the source and its doubt). Kept
apart from ``desk.domain.messages`` so the intake draft (``desk.domain.dossier``)
can hold it without importing the lifecycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desk.domain.translation import QT_TRANSLATE_NOOP


class MessageChannel(StrEnum):
    SMS = "sms"  # tin nhắn SMS, through the office's own GSM/4G modem
    EMAIL = "email"  # thư điện tử, through the office's SMTP server
    ZALO = "zalo"  # Zalo Notification Service (ZNS), to the phone's Zalo account


CHANNEL_LABELS = {
    MessageChannel.SMS: QT_TRANSLATE_NOOP("MessageChannel", "SMS"),
    MessageChannel.EMAIL: QT_TRANSLATE_NOOP("MessageChannel", "Thư điện tử"),
    MessageChannel.ZALO: QT_TRANSLATE_NOOP("MessageChannel", "Zalo"),
}


@dataclass(frozen=True)
class Consent:
    """The channels the applicant agreed to be told through (each unticked by default)."""

    sms: bool = False
    email: bool = False
    zalo: bool = False

    def agreed(self) -> tuple[MessageChannel, ...]:
        return tuple(
            c
            for c, yes in (
                (MessageChannel.SMS, self.sms),
                (MessageChannel.EMAIL, self.email),
                (MessageChannel.ZALO, self.zalo),
            )
            if yes
        )
