"""Messages through Zalo Notification Service (ZNS): the office's Official Account
sends an approved template to the applicant's phone number.

One HTTP POST of JSON a message: ``phone`` as 84xxxxxxxxx, ``template_id`` (the
office's approved template for the step, in ``resources/forms/messages.toml``),
``template_data`` (its parameters) and ``tracking_id`` (the desk's own id of the
message); the access token goes in the ``access_token`` header. Zalo answers
``{"error": 0, "data": {"msg_id": ...}}`` when it takes the message.

The token is a secret: it is never written in a log, an error or the outbox
(every text that leaves this module has it blanked out, in case a server echoes
it). A step without a template id fails at once, saying so; an HTTP error, a
network failure or an error code from Zalo (an expired token among them) is
tried again later.
"""

from __future__ import annotations

import json
import logging

from desk.domain.messages import (
    MessageChannel,
    OutgoingMessage,
    SendError,
    international_phone,
)
from desk.domain.translation import translate

log = logging.getLogger(__name__)

ZNS_URL = "https://business.openapi.zalo.me/message/template"
TIMEOUT_S = 30.0


class ZaloSender:
    channel = MessageChannel.ZALO

    def __init__(self, token: str, url: str = ZNS_URL, timeout: float = TIMEOUT_S) -> None:
        self._token = token.strip()
        self.url = url or ZNS_URL
        self.timeout = timeout

    def __repr__(self) -> str:  # never the token
        return f"ZaloSender(url={self.url!r})"

    def _scrub(self, text: str) -> str:
        return text.replace(self._token, "***") if self._token else text

    def payload(self, message: OutgoingMessage) -> dict[str, object]:
        return {
            "phone": international_phone(message.recipient),
            "template_id": message.template_id,
            "template_data": dict(message.template_data),
            "tracking_id": message.tracking_id,
        }

    def send(self, message: OutgoingMessage) -> str:
        """POST the message; Zalo's ``msg_id`` is the reference kept."""
        if not message.template_id:
            raise SendError(
                translate(
                    "ZaloSender",
                    "Chưa có mã mẫu ZNS cho bước này: ghi mã mẫu Zalo đã duyệt vào "
                    "zalo_template_id trong tệp lời văn messages.toml.",
                ),
                permanent=True,
            )
        import urllib.error  # loaded on a PC that sends, as smtplib is
        import urllib.request

        request = urllib.request.Request(
            self.url,
            data=json.dumps(self.payload(message), ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json", "access_token": self._token},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise SendError(
                self._scrub(
                    translate("ZaloSender", "Zalo trả lời HTTP {status}: {reason}").format(
                        status=exc.code, reason=exc.reason
                    )
                )
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SendError(
                self._scrub(
                    translate("ZaloSender", "Không kết nối được Zalo: {error}").format(error=reason)
                )
            ) from None
        return self._reference(raw, message)

    def _reference(self, raw: bytes, message: OutgoingMessage) -> str:
        try:
            answer = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise SendError(translate("ZaloSender", "Zalo trả lời không đọc được.")) from None
        if not isinstance(answer, dict):
            raise SendError(translate("ZaloSender", "Zalo trả lời không đọc được."))
        error = answer.get("error")
        if error != 0:
            raise SendError(
                self._scrub(
                    translate("ZaloSender", "Zalo báo lỗi {error}: {message}").format(
                        error=error, message=answer.get("message", "")
                    )
                )
            )
        data = answer.get("data")
        log.info("zalo message %s accepted", message.tracking_id)
        return str(data.get("msg_id", "")) if isinstance(data, dict) else ""

    def close(self) -> None:
        """Nothing held between messages."""
