"""Local stand-ins for the three senders' far ends, all on this machine only:

- ``VirtualModem``: a GSM modem on a pseudo-terminal that answers the AT dialogue
  (OK, ``>``, ``+CMGS: n``) and keeps the PDUs it was given;
- ``decode_submit``: an SMS-SUBMIT PDU back to its text, written apart from the
  desk's encoder (its own copy of the GSM 7-bit alphabet);
- ``FakeZalo``: an HTTP server on 127.0.0.1 (port 0) that takes ZNS requests;
- ``SmtpSink``: an aiosmtpd server on 127.0.0.1 that keeps the mails it takes.

Each may be told to fail its next answers (``+CMS ERROR``, HTTP 500, SMTP 451).
"""

from __future__ import annotations

import json
import os
import select
import socket
import threading
import tty
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# -- SMS PDUs ---------------------------------------------------------------------------

_GSM7 = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXT = {0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~"}
_GSM7_EXT |= {0x3E: "]", 0x40: "|", 0x65: "€"}


@dataclass(frozen=True)
class DecodedSms:
    number: str  # the destination's digits
    number_type: int
    dcs: int
    text: str
    reference: int | None = None  # concatenation: reference, total, this part's number
    total: int = 1
    part: int = 1
    tpdu_length: int = 0


def _unpack_septets(data: bytes, count: int) -> list[int]:
    out = []
    for n in range(count):
        bit = n * 7
        byte, shift = divmod(bit, 8)
        value = data[byte] >> shift
        if shift > 1 and byte + 1 < len(data):
            value |= data[byte + 1] << (8 - shift)
        out.append(value & 0x7F)
    return out


def _gsm7_text(septets: list[int]) -> str:
    text, escape = [], False
    for s in septets:
        if escape:
            text.append(_GSM7_EXT.get(s, "?"))
            escape = False
        elif s == 0x1B:
            escape = True
        else:
            text.append(_GSM7[s])
    return "".join(text)


def decode_submit(pdu_hex: str) -> DecodedSms:
    """A PDU as written after ``AT+CMGS`` (service-centre field first) back to its parts."""
    b = bytes.fromhex(pdu_hex)
    i = 1 + b[0]
    tpdu_length = len(b) - i
    first = b[i]
    i += 2  # first octet, message reference
    digits_count, number_type = b[i], b[i + 1]
    i += 2
    semi = b[i : i + (digits_count + 1) // 2].hex().upper()
    number = "".join(semi[k + 1] + semi[k] for k in range(0, len(semi), 2))[:digits_count]
    i += (digits_count + 1) // 2
    dcs = b[i + 1]
    i += 2
    vpf = (first >> 3) & 3
    i += {0: 0, 2: 1}.get(vpf, 7)
    udl = b[i]
    ud = b[i + 1 :]
    header = b""
    if first & 0x40:
        header = ud[1 : 1 + ud[0]]
    reference, total, part = None, 1, 1
    if header[:2] == b"\x00\x03":
        reference, total, part = header[2], header[3], header[4]
    if dcs == 0x08:
        start = 1 + len(header) if header else 0
        text = ud[start:udl].decode("utf-16-be")
    else:
        septets = _unpack_septets(ud, udl)
        if header:
            septets = septets[((1 + len(header)) * 8 + 6) // 7 :]
        text = _gsm7_text(septets)
    return DecodedSms(number, number_type, dcs, text, reference, total, part, tpdu_length)


def join_parts(pdus: list[str]) -> str:
    """The text a phone shows for these PDUs (parts put in order)."""
    decoded = sorted((decode_submit(p) for p in pdus), key=lambda d: d.part)
    return "".join(d.text for d in decoded)


# -- the virtual modem -------------------------------------------------------------------


class VirtualModem:
    """A modem on a pseudo-terminal; ``path`` is the port to open (``serial:<path>``)."""

    def __init__(self, *, echo: bool = True) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self.echo = echo
        self.commands: list[str] = []
        self.pdus: list[str] = []
        self.fail_next = 0  # the next n parts are refused with +CMS ERROR: 500
        self.silent = False  # answers nothing at all
        self._stop = threading.Event()
        self._pdu_length: int | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _reply(self, text: str) -> None:
        os.write(self.master, text.encode("ascii"))

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                buffer += os.read(self.master, 4096)
            except OSError:
                return
            buffer = self._handle(buffer)

    def _handle(self, buffer: bytes) -> bytes:
        while True:
            if self._pdu_length is not None:
                if b"\x1b" in buffer:  # the sender gave up the part
                    buffer = buffer.split(b"\x1b", 1)[1]
                    self._pdu_length = None
                    continue
                if b"\x1a" not in buffer:
                    return buffer
                pdu, buffer = buffer.split(b"\x1a", 1)
                self._take_pdu(pdu.decode("ascii").strip())
                continue
            buffer = buffer.replace(b"\x1b", b"")  # outside a PDU an escape is ignored
            if b"\r" not in buffer:
                return buffer
            line, buffer = buffer.split(b"\r", 1)
            self._command(line.decode("ascii").strip())

    def _command(self, line: str) -> None:
        if not line:
            return
        self.commands.append(line)
        if self.silent:
            return
        if self.echo:
            self._reply(line + "\r\n")
        if line == "ATE0":
            self.echo = False
        if line.startswith("AT+CMGS="):
            self._pdu_length = int(line.split("=", 1)[1])
            self._reply("\r\n> ")
        elif line.startswith("AT"):
            self._reply("\r\nOK\r\n")
        else:
            self._reply("\r\nERROR\r\n")

    def _take_pdu(self, pdu: str) -> None:
        expected, self._pdu_length = self._pdu_length, None
        if self.fail_next:
            self.fail_next -= 1
            self._reply("\r\n+CMS ERROR: 500\r\n")
            return
        try:
            length = decode_submit(pdu).tpdu_length
        except (ValueError, IndexError):
            length = -1
        if length != expected:
            self._reply("\r\n+CMS ERROR: 304\r\n")  # invalid PDU mode parameter
            return
        self.pdus.append(pdu)
        self._reply(f"\r\n+CMGS: {len(self.pdus)}\r\n\r\nOK\r\n")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for fd in (self.master, self._slave):
            try:
                os.close(fd)
            except OSError:
                pass


# -- Zalo ---------------------------------------------------------------------------------


@dataclass
class ZaloRequest:
    path: str
    headers: dict[str, str]
    body: dict


@dataclass
class FakeZalo:
    """ZNS on 127.0.0.1: answers the queued ``(status, json)`` first, then success."""

    answers: list[tuple[int, dict]] = field(default_factory=list)
    requests: list[ZaloRequest] = field(default_factory=list)
    delivered: list[ZaloRequest] = field(default_factory=list)  # those answered with success

    def __post_init__(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                body = json.loads(raw.decode("utf-8"))
                headers = {k.lower(): v for k, v in self.headers.items()}  # names are case-blind
                fake.requests.append(ZaloRequest(self.path, headers, body))
                if fake.answers:
                    status, answer = fake.answers.pop(0)
                else:
                    fake.delivered.append(fake.requests[-1])
                    msg_id = f"m{len(fake.requests)}"
                    status, answer = (
                        200,
                        {"error": 0, "message": "Success", "data": {"msg_id": msg_id}},
                    )
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/message/template"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- SMTP ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    """An SMTP server on 127.0.0.1 (aiosmtpd); ``answers`` are given to the next DATA
    commands ("451 ..." refuses a mail for now); ``mails`` are the raw mails it took."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.answers: list[str] = []
        self.mails: list[bytes] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.tries = 0
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        self.tries += 1
        if self.answers:
            return self.answers.pop(0)
        self.mails.append(envelope.original_content or envelope.content)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}?starttls=no"

    def close(self) -> None:
        self.controller.stop()
