"""Fixtures for receipts: sample dossiers with Vietnamese names and virtual printers."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from desk.domain.clock import VN_TZ
from desk.domain.dossier import Applicant, Dossier, ReceivedPaper, ResultDelivery
from desk.domain.office import Office
from desk.domain.procedure import Channel, PaperForm
from desk.printing.printer_status import STATUS_QUERY

# Long enough for a thread on a loaded machine; only reached when a test is broken.
WAIT_SECONDS = 30


@pytest.fixture
def office() -> Office:
    return Office(
        name="UBND xã Tân Phú",
        parent="UBND tỉnh Đồng Nai",
        code="H36.41",
        address="Ấp 1, xã Tân Phú, tỉnh Đồng Nai",
        hotline="0251 3861 234",
    )


def _make_dossier(**changes: object) -> Dossier:
    """A birth registration received Friday 06/03/2026 10:00, due Tuesday 10:00."""
    values: dict[str, object] = {
        "code": "H36.41-260306-0007",
        "procedure_code": "1.001193",
        "procedure_name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "applicant": Applicant(
            name="Nguyễn Thị Ánh Tuyết",
            id_number="079190012345",
            phone="0912345678",
            address="Số 12, ấp Bến Đình, xã Tân Phú, tỉnh Đồng Nai",
            principal="Trần Văn Hùng",
        ),
        "papers": [
            ReceivedPaper("Tờ khai đăng ký khai sinh theo mẫu", PaperForm.ORIGINAL, 1),
            ReceivedPaper(
                "Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về "
                "việc sinh; nếu không có người làm chứng thì giấy cam đoan về việc sinh",
                PaperForm.ORIGINAL,
                1,
            ),
            ReceivedPaper("Văn bản ủy quyền được chứng thực", PaperForm.COPY, 2),
            ReceivedPaper("Thẻ căn cước công dân", PaperForm.SHOWN, 1),
        ],
        "channel": Channel.COUNTER,
        "result_delivery": ResultDelivery.POST,
        "delivery_address": "Số 5 đường Lê Lợi, phường Trảng Dài, tỉnh Đồng Nai",
        "received_at": datetime(2026, 3, 6, 10, 0, tzinfo=VN_TZ),
        "appointment_at": datetime(2026, 3, 10, 10, 0, tzinfo=VN_TZ),
        "limit_text": "02 ngày làm việc",
        "clerk_username": "duyen",
        "clerk_name": "Lê Thị Mỹ Duyên",
        "sets": 1,
    }
    values.update(changes)
    return Dossier(**values)  # type: ignore[arg-type]


@pytest.fixture
def dossier() -> Dossier:
    return _make_dossier()


@pytest.fixture
def dossier_factory() -> Callable[..., Dossier]:
    """Build the sample dossier with some fields changed."""
    return _make_dossier


#: A printer's answers to DLE EOT 1, 2 and 4 (printer, offline cause, paper sensor).
ONLINE = {1: 0x12, 2: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}  # offline, stopped at the paper end, no paper
COVER_OPEN = {1: 0x1A, 2: 0x16, 4: 0x12}
PAPER_LOW = {1: 0x12, 2: 0x12, 4: 0x1E}
_REQUEST = re.compile(rb"\x10\x04([\x01-\x04])")


class VirtualNetworkPrinter:
    """A raw-port printer on 127.0.0.1: keeps every job it receives, one per connection.

    Like a real ESC/POS printer it answers each real-time status request
    (``DLE EOT n``) in the stream as soon as it reads it, with ``status``
    (``None``: a printer that never answers, a one-way print server). A job is
    kept without the desk's closing status requests.
    """

    def __init__(self, status: dict[int, int] | None = ONLINE) -> None:
        self.status = status
        self._server = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = self._server.getsockname()[:2]
        self.jobs: list[bytes] = []
        self._taken = 0
        self._stopping = threading.Event()
        self._received = threading.Semaphore(0)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def _serve(self) -> None:
        while True:
            connection, _ = self._server.accept()
            if self._stopping.is_set():
                connection.close()
                return
            with connection:
                received = bytearray()
                answered = 0
                while chunk := connection.recv(65536):
                    received += chunk
                    answered = self._answer(connection, received, answered)
            job = bytes(received)
            self.jobs.append(job.removesuffix(STATUS_QUERY))
            self._received.release()

    def _answer(self, connection: socket.socket, received: bytearray, answered: int) -> int:
        """Answer the requests read since ``answered``; where the answering stopped."""
        if self.status is None:
            return answered
        for request in _REQUEST.finditer(received, max(answered - 2, 0)):
            if request.start() < answered:
                continue
            connection.sendall(bytes([self.status[request.group(1)[0]]]))
            answered = request.end()
        return answered

    def next_job(self) -> bytes:
        """The next complete job, waiting for the connection to close."""
        if not self._received.acquire(timeout=WAIT_SECONDS):
            raise AssertionError("the virtual printer received no job")
        job = self.jobs[self._taken]
        self._taken += 1
        return job

    def stop(self) -> None:
        """Wake the accepting thread with one last connection, then close."""
        self._stopping.set()
        socket.create_connection((self.host, self.port), timeout=WAIT_SECONDS).close()
        self._thread.join(WAIT_SECONDS)
        self._server.close()


@pytest.fixture
def network_printer() -> Iterator[VirtualNetworkPrinter]:
    printer = VirtualNetworkPrinter()
    yield printer
    printer.stop()


@pytest.fixture
def stalled_printer() -> Iterator[tuple[str, int]]:
    """A printer that accepts a connection and never reads: its buffers fill up."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    accepted: list[socket.socket] = []

    def accept() -> None:
        accepted.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[:2]
    thread.join(WAIT_SECONDS)
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A port on 127.0.0.1 that is bound but not listening: connecting is refused."""
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.bind(("127.0.0.1", 0))
    yield holder.getsockname()[1]
    holder.close()
