"""SMS through the office's own GSM/4G USB modem, by AT commands on its serial port.

Works with no gateway contract and no internet: the SIM in the modem pays. The
modem is plugged into one PC, so its port is a setting of that PC
(``serial:COM5``, ``serial:/dev/ttyUSB2?baudrate=115200``), and only that PC
sends the office's SMS.

The dialogue (3GPP TS 27.005, PDU mode): ``AT`` -> OK, ``ATE0`` (no echo) -> OK,
``AT+CMGF=0`` -> OK, then per part ``AT+CMGS=<length>`` -> ``> ``, the PDU in
hexadecimal and Ctrl-Z -> ``+CMGS: <ref>`` and OK. The PDUs come from
``desk.domain.sms_pdu`` (UCS-2 for Vietnamese with accents, 7-bit without).
An ``ERROR`` or ``+CMS ERROR`` answer, a silent modem or a missing port is a
failure tried again later; a long text whose later part failed is sent whole
again on the next try (the phone may then show the first part twice).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import serial

from desk.domain.errors import UserError
from desk.domain.messages import MessageChannel, OutgoingMessage, SendError, international_phone
from desk.domain.sms_pdu import encode_sms
from desk.domain.translation import translate

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200
COMMAND_TIMEOUT_S = 10.0
SEND_TIMEOUT_S = 60.0  # the network may take a while to take a part
CTRL_Z, ESC = b"\x1a", b"\x1b"


@dataclass(frozen=True)
class ModemTarget:
    device: str  # COM5, /dev/ttyUSB2
    baudrate: int = DEFAULT_BAUDRATE

    def describe(self) -> str:
        return f"{self.device} ({self.baudrate} baud)"


def parse_modem_uri(uri: str) -> ModemTarget:
    """``serial:DEVICE`` with an optional ``?baudrate=N``."""
    text = uri.strip()
    scheme, _, rest = text.partition(":")
    device, _, query = rest.partition("?")
    device = device.removeprefix("//")
    baudrate = parse_qs(query).get("baudrate", [str(DEFAULT_BAUDRATE)])[-1]
    if scheme != "serial" or not device or not baudrate.isdigit():
        raise UserError(
            translate(
                "SmsModem",
                "Cổng modem phải có dạng serial:COM5 hoặc serial:/dev/ttyUSB2?baudrate=115200.",
            ),
            "modem",
        )
    return ModemTarget(device, int(baudrate))


def _open_serial(target: ModemTarget) -> Any:
    return serial.Serial(target.device, target.baudrate, timeout=0.2, write_timeout=10)


class ModemSender:
    channel = MessageChannel.SMS

    def __init__(
        self,
        uri: str,
        *,
        timeout: float = COMMAND_TIMEOUT_S,
        send_timeout: float = SEND_TIMEOUT_S,
        open_port: Callable[[ModemTarget], Any] = _open_serial,
    ) -> None:
        self.target = parse_modem_uri(uri)
        self.timeout = timeout
        self.send_timeout = send_timeout
        self._open_port = open_port
        self._port: Any = None

    # -- the dialogue ---------------------------------------------------------------

    def _ready(self) -> Any:
        if self._port is not None:
            return self._port
        try:
            self._port = self._open_port(self.target)
        except (serial.SerialException, OSError) as exc:
            raise SendError(
                translate("SmsModem", "Không mở được modem ở cổng {device}: {error}").format(
                    device=self.target.device, error=exc
                )
            ) from None
        try:
            for command in ("AT", "ATE0", "AT+CMGF=0"):
                self._command(command)
        except SendError:
            self.close()
            raise
        return self._port

    def _command(
        self, line: str, *, prompt: bool = False, timeout: float | None = None
    ) -> list[str]:
        self._write(line.encode("ascii") + b"\r")
        return self._answer(line, prompt=prompt, timeout=timeout or self.timeout)

    def _write(self, data: bytes) -> None:
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            raise SendError(
                translate("SmsModem", "Không ghi được ra modem: {error}").format(error=exc)
            ) from None

    def _answer(self, sent: str, *, prompt: bool, timeout: float) -> list[str]:
        """The lines up to OK (or the ``>`` prompt); an error answer raises ``SendError``."""
        deadline = time.monotonic() + timeout
        buffer = b""
        while time.monotonic() < deadline:
            try:
                buffer += self._port.read(max(1, self._port.in_waiting))
            except (serial.SerialException, OSError) as exc:
                raise SendError(
                    translate("SmsModem", "Không đọc được từ modem: {error}").format(error=exc)
                ) from None
            text = buffer.decode("ascii", "replace").replace("\r", "\n")
            lines = [x.strip() for x in text.split("\n") if x.strip() and x.strip() != sent]
            for number, line in enumerate(lines):
                if line == "OK" and not prompt:
                    return lines[:number]
                if line == "ERROR" or line.startswith(("+CMS ERROR", "+CME ERROR")):
                    raise SendError(
                        translate("SmsModem", "Modem báo lỗi: {answer}").format(answer=line)
                    )
            if prompt and ">" in text:
                return []
        raise SendError(
            translate(
                "SmsModem", "Modem không trả lời lệnh {command} sau {seconds:.0f} giây."
            ).format(command=sent[:12], seconds=timeout)
        )

    # -- sending --------------------------------------------------------------------

    def send(self, message: OutgoingMessage) -> str:
        """Send every part; the modem's references (``+CMGS: n``) are kept, comma-separated."""
        try:
            parts = encode_sms(international_phone(message.recipient), message.body, message.id)
        except ValueError as exc:
            raise SendError(
                translate("SmsModem", "Không gửi được SMS tới số {phone}: {error}").format(
                    phone=message.recipient, error=exc
                ),
                permanent=True,
            ) from None
        self._ready()
        references: list[str] = []
        for number, part in enumerate(parts, start=1):
            try:
                self._command(f"AT+CMGS={part.length}", prompt=True)
                self._write(part.hex.encode("ascii") + CTRL_Z)
                lines = self._answer(part.hex, prompt=False, timeout=self.send_timeout)
            except SendError as exc:
                self._cancel()
                if number > 1:
                    raise SendError(
                        translate("SmsModem", "{error} (đã gửi {done}/{total} phần)").format(
                            error=exc.message, done=number - 1, total=len(parts)
                        )
                    ) from None
                raise
            references += [x.split(":", 1)[1].strip() for x in lines if x.startswith("+CMGS")]
        log.info("sms %s sent in %d part(s)", message.tracking_id, len(parts))
        return ",".join(references)

    def _cancel(self) -> None:
        """Leave the modem out of a half-finished CMGS, and start afresh next time."""
        if self._port is not None:
            try:
                self._port.write(ESC)
            except (serial.SerialException, OSError):
                pass
        self.close()

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                pass
