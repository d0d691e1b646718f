"""After a job the desk asks the printer to confirm it (ESC/POS ``DLE EOT``): a printer
that answers online with paper has printed; one that resets or closes the connection
before answering has NOT; one out of paper says so; a queue or a file cannot confirm.

Every printer here is real enough: a TCP server on 127.0.0.1, a serial port (a
pseudo-terminal); the waits are short (``status_timeout``), and no test measures time.
"""

from __future__ import annotations

import os
import socket
import struct
import threading
import tty
from collections.abc import Iterator

import pytest
from conftest import COVER_OPEN, ONLINE, PAPER_LOW, PAPER_OUT, WAIT_SECONDS, VirtualNetworkPrinter

from desk.domain.dossier import Dossier
from desk.domain.office import Office
from desk.printing import Delivery, PrinterError, print_receipt, send
from desk.printing.escpos_bytes import receipt_bytes
from desk.printing.printer_status import (
    STATUS_QUERY,
    PrinterStatus,
    is_status_byte,
    stray_requests,
)
from desk.printing.receipt import receipt_image

#: Short, so a test that waits for an answer that never comes ends quickly.
ANSWER_SECONDS = 1.0
JOB = b"\x1b@" + b"\x00\x10\x04\x01\x10\x04\x04\xff" * 50 + b"\x1dV\x00"  # two strays in each 8


# --- the answers, read ---------------------------------------------------------------


def test_answers_are_told_from_other_bytes():
    assert all(is_status_byte(b) for b in (0x12, 0x1A, 0x16, 0x32, 0x72, 0x1E))
    assert not any(is_status_byte(b) for b in (0x00, 0x11, 0x13, 0x10, 0x92, 0xFF))  # XON/XOFF


def test_requests_inside_a_job_are_counted():
    assert stray_requests(b"\x1b@") == 0
    assert stray_requests(JOB) == 100
    assert stray_requests(b"\x10\x04\x05\x10\x04\x02") == 1


@pytest.mark.parametrize(
    "answers, ready, words",
    [
        (ONLINE, True, ""),
        (PAPER_LOW, True, ""),
        (PAPER_OUT, False, "báo hết giấy"),
        (COVER_OPEN, False, "báo nắp đang mở"),
        ({1: 0x1A, 2: 0x52, 4: 0x12}, False, "đang báo lỗi"),
    ],
)
def test_the_status_says_what_to_fix(answers, ready, words):
    status = PrinterStatus.from_answers(answers[1], answers[2], answers[4])
    assert status.ready is ready
    assert words in status.problem("máy in mạng 10.0.0.9:9100")


# --- a network printer -----------------------------------------------------------------


@pytest.fixture
def printer_with(request) -> Iterator[VirtualNetworkPrinter]:
    printer = VirtualNetworkPrinter(status=request.param)
    yield printer
    printer.stop()


def test_a_printer_that_answers_online_has_printed(network_printer, dossier, office):
    printed = print_receipt(
        dossier, office, network_printer.uri, "58", status_timeout=ANSWER_SECONDS
    )
    assert printed.outcome.delivery is Delivery.PRINTED and printed.outcome.printed
    assert not printed.outcome.paper_low
    assert network_printer.next_job() == receipt_bytes(printed.image)


def test_answers_to_requests_inside_the_job_do_not_confuse_it(network_printer):
    outcome = send(network_printer.uri, JOB, status_timeout=ANSWER_SECONDS)
    assert outcome.delivery is Delivery.PRINTED
    assert network_printer.next_job() == JOB


@pytest.mark.parametrize(
    "printer_with, words",
    [(PAPER_OUT, "báo hết giấy"), (COVER_OPEN, "báo nắp đang mở")],
    indirect=["printer_with"],
)
def test_a_printer_out_of_paper_or_open_says_so(printer_with, words):
    with pytest.raises(PrinterError) as caught:
        send(printer_with.uri, JOB, status_timeout=ANSWER_SECONDS)
    assert words in caught.value.message
    assert "in lại" in caught.value.message
    assert caught.value.detail.startswith("status bytes")


@pytest.mark.parametrize("printer_with", [PAPER_LOW], indirect=True)
def test_paper_near_its_end_is_printed_with_a_warning(printer_with):
    outcome = send(printer_with.uri, JOB, status_timeout=ANSWER_SECONDS)
    assert outcome.printed and outcome.paper_low


@pytest.mark.parametrize("printer_with", [None], indirect=True)
def test_a_printer_that_never_answers_is_sent_not_confirmed(printer_with):
    outcome = send(printer_with.uri, JOB, status_timeout=ANSWER_SECONDS)
    assert outcome.delivery is Delivery.UNCONFIRMED and not outcome.printed
    assert printer_with.next_job() == JOB  # it still got the whole job


@pytest.mark.parametrize("printer_with", [None], indirect=True)
def test_confirm_0_is_for_a_printer_that_cannot_answer(printer_with):
    outcome = send(f"{printer_with.uri}?confirm=0", JOB)
    assert outcome.delivery is Delivery.QUEUED
    assert printer_with.next_job() == JOB
    assert printer_with.jobs == [JOB]  # and no status request was sent


class DroppingPrinter:
    """A printer that reads the first bytes of each job, then drops the line: with a
    reset (SO_LINGER 0, the way a printer rebooting or a switch port going down ends
    it) or by closing its side. It never answers."""

    def __init__(self, take: int, reset: bool) -> None:
        self.take, self.reset = take, reset
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.took: list[bytes] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            connection, _ = self.server.accept()
            if self.stopping.is_set():
                connection.close()
                return
            got = b""
            while len(got) < self.take and (chunk := connection.recv(self.take - len(got))):
                got += chunk
            self.took.append(got)
            if self.reset:
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.close()

    def close(self) -> None:
        """Wake the accepting thread with one last connection, then close."""
        self.stopping.set()
        socket.create_connection(("127.0.0.1", self.port), timeout=WAIT_SECONDS).close()
        self.thread.join(WAIT_SECONDS)
        self.server.close()


@pytest.mark.parametrize("reset", [True, False], ids=["reset", "closed"])
def test_a_printer_that_drops_the_line_after_the_first_bytes_is_never_printed(
    dossier: Dossier, office: Office, reset: bool
):
    """Once reported printed 6 runs in 9: now 30 runs of 30 say "not printed"."""
    data = receipt_bytes(receipt_image(dossier, office, "80"))
    printer = DroppingPrinter(take=256, reset=reset)
    outcomes = []
    try:
        for _ in range(30):
            try:
                outcomes.append(
                    send(f"tcp://127.0.0.1:{printer.port}", data, status_timeout=ANSWER_SECONDS)
                )
            except PrinterError as exc:
                outcomes.append(exc.message)
    finally:
        printer.close()
    assert len(printer.took) == 30 and all(t == data[:256] for t in printer.took)
    assert all(isinstance(o, str) for o in outcomes), [
        o for o in outcomes if not isinstance(o, str)
    ]
    assert all("in lại" in o for o in outcomes)
    assert any("CHƯA in" in o for o in outcomes) or any("khi đang in" in o for o in outcomes)


def test_the_whole_job_read_then_the_line_closed_is_not_printed():
    """EOF before the status byte: the printer took everything and said nothing."""
    printer = DroppingPrinter(take=len(JOB) + len(STATUS_QUERY), reset=False)
    try:
        with pytest.raises(PrinterError) as caught:
            send(f"tcp://127.0.0.1:{printer.port}", JOB, status_timeout=ANSWER_SECONDS)
    finally:
        printer.close()
    assert "trước khi xác nhận" in caught.value.message and "CHƯA in" in caught.value.message


# --- a serial printer (a pseudo-terminal), a queue and a file ---------------------------


class SerialPrinter:
    """The other end of a pseudo-terminal: a serial printer that answers ``status``,
    or hangs up (``None``) once it read the whole job."""

    def __init__(self, status: dict[int, int] | None) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.master)
        self.port = os.ttyname(self.slave)
        self.status = status
        self.received = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.received.endswith(STATUS_QUERY):
            try:
                self.received += os.read(self.master, 4096)
            except OSError:
                return
        if self.status is None:
            os.close(self.slave)
            os.close(self.master)
            return
        answers = [self.status[n] for n in (1, 2, 4)] * (stray_requests(self.received) // 3)
        os.write(self.master, bytes(answers))

    def close(self) -> None:
        self.thread.join(WAIT_SECONDS)
        for fd in (self.slave, self.master):
            try:
                os.close(fd)
            except OSError:
                pass


def test_a_serial_printer_confirms_too():
    printer = SerialPrinter(ONLINE)
    try:
        outcome = send(f"serial:{printer.port}", b"\x1b@xin chao", status_timeout=ANSWER_SECONDS)
    finally:
        printer.close()
    assert outcome.delivery is Delivery.PRINTED
    assert printer.received == b"\x1b@xin chao" + STATUS_QUERY


def test_a_serial_printer_that_hangs_up_has_not_printed():
    printer = SerialPrinter(None)
    try:
        with pytest.raises(PrinterError) as caught:
            send(f"serial:{printer.port}", b"\x1b@xin chao", status_timeout=ANSWER_SECONDS)
    finally:
        printer.close()
    assert "CHƯA in" in caught.value.message


def test_a_file_cannot_confirm(tmp_path):
    outcome = send(f"file:{tmp_path / 'job.bin'}", JOB)
    assert outcome.delivery is Delivery.QUEUED and not outcome.printed
    assert (tmp_path / "job.bin").read_bytes() == JOB  # no status request in a file


def test_the_windows_queue_cannot_confirm(monkeypatch):
    """The spooler takes the job whether or not the printer is there: sent, never printed."""
    from desk.printing import escpos_setup

    sent: list[bytes] = []

    class FakeQueue:
        def __init__(self, name: str) -> None:
            self.name = name

        @staticmethod
        def is_usable() -> bool:
            return True

        def open(self, job_name: str) -> None:
            pass

        def _raw(self, data: bytes) -> None:
            sent.append(data)

        def close(self) -> None:
            pass

    module = escpos_setup.escpos_printer_module()
    monkeypatch.setattr(module, "Win32Raw", FakeQueue)
    outcome = send("win32:EPSON TM-T82", JOB)
    assert outcome.delivery is Delivery.QUEUED
    assert sent == [JOB]


class FakeUsb:
    """python-escpos's ``Usb`` for a printer on a cable: ``answers`` come back in
    packets; an ``OSError`` in them is the cable pulled, a timeout is silence."""

    answers: list[bytes | BaseException] = []
    sent: list[bytes] = []

    def __init__(self, vendor, product, timeout, in_ep, out_ep) -> None:  # noqa: ANN001
        self._device = None

    @staticmethod
    def is_usable() -> bool:
        return True

    def open(self) -> None:
        pass

    def _raw(self, data: bytes) -> None:
        FakeUsb.sent.append(data)

    def _read(self) -> bytes:
        answer = FakeUsb.answers.pop(0) if FakeUsb.answers else TimeoutError("timed out")
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def close(self) -> None:
        pass


@pytest.fixture
def usb_printer(monkeypatch):
    from desk.printing import escpos_setup

    monkeypatch.setattr(escpos_setup.escpos_printer_module(), "Usb", FakeUsb)
    FakeUsb.answers, FakeUsb.sent = [], []
    return FakeUsb


def test_a_usb_printer_confirms_and_a_pulled_cable_is_not_printed(usb_printer):
    usb_printer.answers = [b"\x12", b"\x12\x12"]
    assert send("usb://04b8:0e15", b"\x1b@").delivery is Delivery.PRINTED
    assert usb_printer.sent == [b"\x1b@" + STATUS_QUERY]
    usb_printer.answers = [OSError(19, "No such device")]
    with pytest.raises(PrinterError) as caught:
        send("usb://04b8:0e15", b"\x1b@")
    assert "CHƯA in" in caught.value.message
    usb_printer.answers = []  # a printer that stays silent
    outcome = send("usb://04b8:0e15", b"\x1b@", status_timeout=ANSWER_SECONDS)
    assert outcome.delivery is Delivery.UNCONFIRMED
