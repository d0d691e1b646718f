"""Which senders the office uses, and which of them this PC runs.

Each sender is on or off for the whole office (settings in the database):

- SMS: on when the office has a GSM/4G modem; the modem's port is a setting of
  the PC it is plugged into (this PC's ``sms_modem``), and only that PC sends SMS;
- e-mail: on when the office's SMTP server and sender address are set; every PC
  may send;
- Zalo: on when the Official Account's access token is set; every PC may send.

The unaccented SMS (cheaper: 160 letters a message instead of 70) is the
office's choice, off by default. Secrets (the SMTP password, the Zalo token)
live in the database only and are never shown or logged: ``describe`` and the
audit trail name them without their values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk import config
from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.messages import MessageChannel
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.translation import translate
from desk.domain.validation import check_email
from desk.services import audit
from desk.services.zalo_sender import ZNS_URL, ZaloSender
from desk.storage.database import Database
from desk.storage.tables import SettingRow

SMS_ON = "notify_sms"  # "on": the office sends SMS through its modem
SMS_PLAIN = "notify_sms_plain"  # "on": without accents
SMTP_URL = "notify_smtp_url"
SMTP_FROM = "notify_smtp_from"
ZALO_TOKEN = "notify_zalo_token"
ZALO_URL = "notify_zalo_url"
KEYS = (SMS_ON, SMS_PLAIN, SMTP_URL, SMTP_FROM, ZALO_TOKEN, ZALO_URL)
#: This PC's setting (``machine.json``): the modem's port.
MODEM = "sms_modem"
OFF = "off"


@dataclass(frozen=True)
class NotifySettings:
    sms: bool = False
    sms_plain: bool = False
    smtp_url: str = ""
    smtp_from: str = ""
    zalo_token: str = ""
    zalo_url: str = ""
    modem: str = ""  # this PC's

    def __repr__(self) -> str:  # never the secrets
        return f"NotifySettings(channels={[c.value for c in self.offered()]})"

    def offered(self) -> tuple[MessageChannel, ...]:
        """The channels the office sends through (whatever PC does the sending)."""
        on = {
            MessageChannel.SMS: self.sms,
            MessageChannel.EMAIL: bool(self.smtp_url and self.smtp_from),
            MessageChannel.ZALO: bool(self.zalo_token),
        }
        return tuple(c for c in MessageChannel if on[c])

    def here(self) -> tuple[MessageChannel, ...]:
        """The channels this PC sends."""
        return tuple(c for c in self.offered() if c is not MessageChannel.SMS or self.modem)

    def describe(self) -> list[str]:
        """One line a sender, as an admin reads it (no password, no token)."""
        off = translate("NotifySettings", "tắt")
        sms = off
        if self.sms:
            sms = translate("NotifySettings", "bật ({accents}); modem của máy này: {modem}").format(
                accents=translate("NotifySettings", "không dấu")
                if self.sms_plain
                else translate("NotifySettings", "có dấu"),
                modem=self.modem or translate("NotifySettings", "không có"),
            )
        email = off
        if self.smtp_url:
            from desk.services.email_sender import mask_smtp_url

            email = translate("NotifySettings", "bật: {server}, gửi từ {sender}").format(
                server=mask_smtp_url(self.smtp_url), sender=self.smtp_from or "?"
            )
        zalo = off
        if self.zalo_token:
            zalo = translate(
                "NotifySettings", "bật: đã lưu mã truy cập ({length} ký tự), {url}"
            ).format(length=len(self.zalo_token), url=self.zalo_url or ZNS_URL)
        return [
            f"SMS: {sms}",
            translate("NotifySettings", "Thư điện tử: {state}").format(state=email),
            f"Zalo: {zalo}",
        ]


def _values(s: Session) -> dict[str, str]:
    rows = s.execute(select(SettingRow.key, SettingRow.value).where(SettingRow.key.in_(KEYS)))
    return {k: v for k, v in rows}


def _from_values(values: dict[str, str]) -> NotifySettings:
    modem = config.machine_settings().get(MODEM, "")
    return NotifySettings(
        sms=values.get(SMS_ON, "") == "on",
        sms_plain=values.get(SMS_PLAIN, "") == "on",
        smtp_url=values.get(SMTP_URL, ""),
        smtp_from=values.get(SMTP_FROM, ""),
        zalo_token=values.get(ZALO_TOKEN, ""),
        zalo_url=values.get(ZALO_URL, ""),
        modem=modem if isinstance(modem, str) else "",
    )


def in_session(s: Session) -> NotifySettings:
    """The settings, read in the caller's transaction (a step writing its messages)."""
    return _from_values(_values(s))


def load(db: Database) -> NotifySettings:
    with db.read() as s:
        return in_session(s)


def senders_here(current: NotifySettings) -> dict[MessageChannel, Any]:
    """The senders this PC runs, by channel (none when nothing is set up here). The mail
    and modem libraries are loaded here, by the PC that sends, not by every window."""
    senders: dict[MessageChannel, Any] = {}
    for channel in current.here():
        if channel is MessageChannel.SMS:
            from desk.services.sms_modem import ModemSender

            senders[channel] = ModemSender(current.modem)
        elif channel is MessageChannel.EMAIL:
            from desk.services.email_sender import EmailSender, parse_smtp_url

            senders[channel] = EmailSender(parse_smtp_url(current.smtp_url), current.smtp_from)
        else:
            senders[channel] = ZaloSender(current.zalo_token, current.zalo_url or ZNS_URL)
    return senders


def set_up(
    db: Database,
    clerk: Clerk,
    clock: Clock,
    *,
    smtp_url: str | None = None,
    smtp_from: str | None = None,
    modem: str | None = None,
    zalo_token: str | None = None,
    zalo_url: str | None = None,
    sms_plain: bool | None = None,
) -> NotifySettings:
    """Turn senders on (a value) or off (``"off"``); ``None`` leaves one as it is.

    Only an admin; each change is in the audit trail, secrets named but not kept there.
    ``modem`` is saved on this PC and turns the office's SMS on (``"off"``: off for all).
    """
    from desk.services.email_sender import parse_smtp_url
    from desk.services.sms_modem import parse_modem_uri

    require(clerk.role, Permission.MANAGE)
    changes: dict[str, str] = {}
    if smtp_url is not None:
        if smtp_url.strip().lower() != OFF:
            parse_smtp_url(smtp_url)  # refuses a malformed URL
        changes[SMTP_URL] = _off_or(smtp_url)
    if smtp_from is not None:
        if smtp_from.strip().lower() != OFF and (not smtp_from.strip() or check_email(smtp_from)):
            raise UserError(
                translate(
                    "NotifySettings", "Địa chỉ gửi thư không hợp lệ (ví dụ: motcua@tanphu.gov.vn)."
                ),
                "from",
            )
        changes[SMTP_FROM] = _off_or(smtp_from)
    if zalo_token is not None:
        token = _off_or(zalo_token)
        if token and (len(token.split()) != 1):
            raise UserError(
                translate(
                    "NotifySettings", "Mã truy cập Zalo không hợp lệ: một dòng, không có dấu cách."
                ),
                "zalo",
            )
        changes[ZALO_TOKEN] = token
    if zalo_url is not None:
        changes[ZALO_URL] = _off_or(zalo_url)
    if sms_plain is not None:
        changes[SMS_PLAIN] = "on" if sms_plain else ""
    if modem is not None:
        device = _off_or(modem)
        if device:
            parse_modem_uri(device)
        changes[SMS_ON] = "on" if device else ""
        config.save_machine_setting(MODEM, device)
    _save(db, clerk, clock.now(), changes)
    return load(db)


def _off_or(value: str) -> str:
    value = value.strip()
    return "" if value.lower() == OFF else value


def _save(db: Database, clerk: Clerk, now: datetime, changes: dict[str, str]) -> None:
    if not changes:
        return
    with db.write() as s:
        before = _values(s)
        for key, value in changes.items():
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=value))
            else:
                row.value = value
        audit.record(
            s,
            clerk,
            now,
            "setting",
            "notify",
            "set",
            {k: _shown(k, before.get(k, "")) for k in changes},
            {k: _shown(k, v) for k, v in changes.items()},
        )


def _shown(key: str, value: str) -> str:
    """What the audit trail keeps of a setting: a secret only as set or not."""
    if key == ZALO_TOKEN:
        return "***" if value else ""
    if key == SMTP_URL and value:
        from desk.services.email_sender import mask_smtp_url

        return mask_smtp_url(value)
    return value
