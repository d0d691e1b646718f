"""Transports, against virtual printers on 127.0.0.1 and real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VirtualNetworkPrinter

from desk.domain.errors import UserError
from desk.printing import Delivery, PrinterError, parse_printer_uri, send

JOB = b"\x1b@" + bytes(range(256)) * 64 + b"\x1bd\x06\x1dV\x00"


def test_network_printer_receives_exactly_the_bytes(
    network_printer: VirtualNetworkPrinter,
) -> None:
    send(network_printer.uri, JOB)
    send(parse_printer_uri(network_printer.uri), b"\x1b@second")
    assert network_printer.next_job() == JOB
    assert network_printer.next_job() == b"\x1b@second"


def test_file_printer_writes_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "phiếu tiếp nhận.bin"
    send(f"file:{target}", b"old job that must be replaced")
    send(f"file:{target}", JOB)
    assert target.read_bytes() == JOB


def test_none_sends_nothing(network_printer: VirtualNetworkPrinter) -> None:
    assert send("none", JOB).delivery is Delivery.NOTHING
    send(network_printer.uri, b"only job")
    assert network_printer.next_job() == b"only job"
    assert network_printer.jobs == [b"only job"]


def test_refused_connection_says_what_to_check(closed_port: int) -> None:
    with pytest.raises(PrinterError) as caught:
        send(f"tcp://127.0.0.1:{closed_port}", JOB, timeout=2)
    error = caught.value
    assert isinstance(error, UserError)
    assert error.message.startswith(f"Không kết nối được máy in 127.0.0.1:{closed_port}")
    assert "kiểm tra máy in đã bật, cáp mạng, địa chỉ IP" in error.message
    assert "Hồ sơ > Máy in phiếu của máy này" in error.message
    assert isinstance(error.__cause__, ConnectionRefusedError)
    assert error.detail
    assert error.field == "printer"


def test_printer_that_stops_reading_times_out(stalled_printer: tuple[str, int]) -> None:
    host, port = stalled_printer
    with pytest.raises(PrinterError) as caught:
        send(f"tcp://{host}:{port}", b"\0" * 64_000_000, timeout=0.5)
    assert "ngừng nhận dữ liệu" in caught.value.message
    assert "in lại" in caught.value.message


def test_unwritable_file_says_what_to_check(tmp_path: Path) -> None:
    missing = tmp_path / "không có thư mục này" / "receipt.bin"
    with pytest.raises(PrinterError) as caught:
        send(f"file:{missing}", JOB)
    assert str(missing) in caught.value.message
    assert "Hồ sơ > Máy in phiếu của máy này" in caught.value.message
    assert isinstance(caught.value.__cause__, OSError)


def test_bad_uri_is_a_user_error_before_anything_is_sent() -> None:
    with pytest.raises(UserError) as caught:
        send("máy in quầy 3", JOB)
    assert not isinstance(caught.value, PrinterError)
    assert "tcp://" in caught.value.message


@pytest.mark.parametrize(
    ("uri", "named"),
    [
        ("win32:Máy in không có thật 4711", "Máy in không có thật 4711"),
        ("usb://dead:beef", "dead:beef"),
        ("serial:/dev/no-such-printer-port", "/dev/no-such-printer-port"),
    ],
)
def test_missing_devices_or_drivers_become_printer_errors(uri: str, named: str) -> None:
    """Whatever this computer lacks (the device, pyusb, pyserial, pywin32), the clerk
    gets a Vietnamese message that names the printer and where to change it."""
    with pytest.raises(PrinterError) as caught:
        send(uri, JOB, timeout=1)
    assert named in caught.value.message
    message = caught.value.message
    assert "Hồ sơ > Máy in phiếu của máy này" in message or "in lại" in message
