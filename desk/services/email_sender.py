"""E-mail to applicants through the office's own SMTP server (standard ``smtplib``).

The server is one URL: ``smtp://user:password@mail.example.vn:587`` sends with
STARTTLS (refused by a server that cannot, so a password never goes in clear),
``smtps://...:465`` over TLS from the first byte, and ``smtp://relay.lan:25?starttls=no``
in clear, for a relay inside the office's network that takes no password. The
password never appears in what the desk shows or logs (``describe``).

A server's 5xx answer (no such mailbox, refused) is final; a 4xx answer ("try
later", 451) or a network failure is tried again later (``desk.services.delivery``).
One connection serves a whole sending pass.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from desk.domain.errors import UserError
from desk.domain.messages import MessageChannel, OutgoingMessage, SendError
from desk.domain.translation import translate

log = logging.getLogger(__name__)

TIMEOUT_S = 30.0
_NO = ("no", "0", "false", "off", "khong", "không")  # untranslated: accepted spellings


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    username: str = ""
    password: str = ""

    def describe(self) -> str:
        """The server as an admin reads it, without the password."""
        who = f"{self.username}@" if self.username else ""
        how = {
            "starttls": "STARTTLS",
            "ssl": "TLS",
            "none": translate("EmailSender", "không mã hóa"),
        }[self.security]
        return f"{who}{self.host}:{self.port} ({how})"


def parse_smtp_url(url: str) -> SmtpServer:
    """``smtp://`` or ``smtps://``, with an optional user, password, port and ``?starttls=no``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise UserError(
            translate(
                "EmailSender",
                "Địa chỉ máy chủ thư phải có dạng smtp://tên:mật-khẩu@máy-chủ:587 "
                "(STARTTLS), smtps://tên:mật-khẩu@máy-chủ:465 (TLS) hoặc "
                "smtp://máy-chủ:25?starttls=no (mạng nội bộ, không mã hóa).",
            ),
            "smtp",
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if parts.scheme == "smtps":
        security, default_port = "ssl", 465
    elif query.get("starttls", "yes").strip().lower() in _NO:
        security, default_port = "none", 25
    else:
        security, default_port = "starttls", 587
    try:
        port = parts.port or default_port
    except ValueError:
        raise UserError(
            translate("EmailSender", "Cổng của máy chủ thư không hợp lệ."), "smtp"
        ) from None
    return SmtpServer(
        host=parts.hostname,
        port=port,
        security=security,
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def mask_smtp_url(url: str) -> str:
    """The URL with its password replaced, for the audit trail and the screen."""
    try:
        server = parse_smtp_url(url)
    except UserError:
        return "?"
    return server.describe()


class EmailSender:
    """Sends ``OutgoingMessage`` e-mails from ``sender`` (the office's address)."""

    channel = MessageChannel.EMAIL

    def __init__(self, server: SmtpServer, sender: str, timeout: float = TIMEOUT_S) -> None:
        self.server = server
        self.sender = sender
        self.timeout = timeout
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        s = self.server
        context = ssl.create_default_context()
        if s.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, timeout=self.timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            if s.security == "starttls":
                smtp.starttls(context=context)
        if s.username:
            smtp.login(s.username, s.password)
        self._smtp = smtp
        return smtp

    def build(self, message: OutgoingMessage) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.recipient
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=True)
        domain = self.sender.rpartition("@")[2] or None
        mail["Message-ID"] = make_msgid(idstring=message.tracking_id, domain=domain)
        mail.set_content(message.body)
        if message.attachment is not None:
            mail.add_attachment(
                message.attachment,
                maintype="application",
                subtype="pdf",
                filename=message.attachment_name or "van-ban.pdf",
            )
        return mail

    def send(self, message: OutgoingMessage) -> str:
        """Hand the mail to the server; its Message-ID is the reference kept."""
        mail = self.build(message)
        try:
            self._connect().send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            code, answer = next(iter(exc.recipients.values()))
            raise _answer_error(code, answer) from None
        except (smtplib.SMTPAuthenticationError, smtplib.SMTPSenderRefused) as exc:
            # The office's account or address: tried again once the admin fixes it.
            self.close()
            raise _answer_error(exc.smtp_code, exc.smtp_error, permanent=False) from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise _answer_error(exc.smtp_code, exc.smtp_error) from None
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise SendError(
                translate("EmailSender", "Không kết nối được máy chủ thư {host}: {error}").format(
                    host=self.server.host, error=exc
                )
            ) from None
        log.info("e-mail %s sent to the server %s", message.tracking_id, self.server.host)
        return str(mail["Message-ID"])

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _answer_error(code: int, answer: bytes | str, permanent: bool | None = None) -> SendError:
    """A 5xx answer about the mail or its recipient is final; a 4xx one passes."""
    text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)
    return SendError(
        translate("EmailSender", "Máy chủ thư trả lời {code}: {answer}").format(
            code=code, answer=" ".join(text.split())
        ),
        permanent=500 <= code < 600 if permanent is None else permanent,
    )
