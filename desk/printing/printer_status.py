"""Asking an ESC/POS printer, after a job, whether it took it: real-time status.

``DLE EOT n`` (``10 04 n``) makes the printer answer one byte at once, whatever it
is doing: ``n = 1`` the printer's state (bit 3: offline), ``n = 2`` why it is
offline (bit 2: cover open, bit 5: stopped at the end of the paper, bit 6: an
error such as the cutter), ``n = 4`` the roll paper sensor (bits 2-3: near its
end, bits 5-6: no paper). Every answer has bit 1 and bit 4 set and bits 0 and 7
clear, which tells it from other bytes a printer may send (automatic status
blocks, XON/XOFF).

The three requests go right after the job, so the printer answers only once it
has read the whole job: a connection that breaks before the answers (a reset,
the printer closing its side) means the job was NOT printed. Many printers also
answer a ``10 04 n`` that happens to sit inside the job's raster image; those
stray answers come first, so the desk waits for as many answers as requests
(stray ones included) and reads the last three.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desk.domain.translation import translate

#: The three requests, in the order their answers are read.
STATUS_QUERY = b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"
QUERIES = 3
_REQUEST = re.compile(rb"\x10\x04[\x01-\x04]")


def stray_requests(job: bytes) -> int:
    """How many ``DLE EOT n`` a printer may find inside ``job`` itself (raster bytes)."""
    return len(_REQUEST.findall(job))


def is_status_byte(value: int) -> bool:
    """An answer to ``DLE EOT n``: bits 1 and 4 set, bits 0 and 7 clear."""
    return value & 0x93 == 0x12


class Delivery(StrEnum):
    """What the desk knows of a job once it is sent."""

    PRINTED = "printed"  # the printer answered after the whole job: online, paper in
    QUEUED = "queued"  # handed to the Windows print queue or written to a file: no answer
    UNCONFIRMED = "unconfirmed"  # sent; the printer did not answer the status requests
    NOTHING = "nothing"  # the printer setting is "none": nothing sent


@dataclass(frozen=True)
class PrintOutcome:
    delivery: Delivery
    paper_low: bool = False  # printed, and the roll is near its end

    @property
    def printed(self) -> bool:
        return self.delivery is Delivery.PRINTED


@dataclass(frozen=True)
class PrinterStatus:
    """The three answers, read."""

    offline: bool
    cover_open: bool
    paper_out: bool
    paper_low: bool
    error: bool

    @classmethod
    def from_answers(cls, printer: int, cause: int, paper: int) -> PrinterStatus:
        return cls(
            offline=bool(printer & 0x08),
            cover_open=bool(cause & 0x04),
            paper_out=bool(paper & 0x60) or bool(cause & 0x20),
            paper_low=bool(paper & 0x0C),
            error=bool(cause & 0x40),
        )

    @property
    def ready(self) -> bool:
        return not (self.offline or self.cover_open or self.paper_out or self.error)

    def problem(self, printer: str) -> str:
        """What the clerk is told when the printer is not ready ("" when it is)."""
        if self.ready:
            return ""
        if self.paper_out:
            return translate(
                "PrinterStatus",
                "Máy in {printer} báo hết giấy: phiếu chưa in (hoặc in dở). Lắp cuộn giấy "
                "mới rồi in lại.",
            ).format(printer=printer)
        if self.cover_open:
            return translate(
                "PrinterStatus",
                "Máy in {printer} báo nắp đang mở: phiếu chưa in. Đóng nắp máy in rồi in lại.",
            ).format(printer=printer)
        return translate(
            "PrinterStatus",
            "Máy in {printer} đang báo lỗi (đèn lỗi, dao cắt giấy bị kẹt...): phiếu chưa in. "
            "Xem đèn báo lỗi, tắt rồi bật lại máy in, rồi in lại.",
        ).format(printer=printer)


def read_answers(answers: bytes) -> PrinterStatus:
    """The status from the last three answer bytes (stray answers come before them)."""
    printer, cause, paper = answers[-QUERIES:]
    return PrinterStatus.from_answers(printer, cause, paper)


def not_printed_message(printer: str) -> str:
    """The connection broke before the printer answered: the job is taken as not printed."""
    return translate(
        "PrinterStatus",
        "Máy in {printer} ngắt kết nối trước khi xác nhận đã nhận hết lệnh in: coi như phiếu "
        "CHƯA in. Kiểm tra máy in (giấy, nắp, đèn báo lỗi, cáp) rồi in lại.",
    ).format(printer=printer)


#: ``read(remaining_seconds, wanted)``: the bytes that came back, at most ``wanted``
#: (``b""`` when none did in time).
Reader = Callable[[float, int], bytes]


class Gone(Exception):
    """The connection ended (reset, closed, device gone) before the printer answered."""


class Unanswerable(Exception):
    """The connection cannot carry an answer back (a device without a way back)."""


def await_answers(read: Reader, expected: int, seconds: float) -> bytes | None:
    """Status bytes the printer sends back, until ``expected`` of them came or
    ``seconds`` passed; ``None`` when fewer than the three asked for came.

    ``read`` raises ``Gone`` when the connection ended: the caller reports the job
    as not printed.
    """
    answers = bytearray()
    deadline = time.monotonic() + seconds
    while len(answers) < expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            chunk = read(remaining, expected - len(answers))
        except Unanswerable:
            break
        answers += bytes(b for b in chunk if is_status_byte(b))
    return bytes(answers) if len(answers) >= QUERIES else None
