from __future__ import annotations

import pytest

from desk.domain.errors import UserError
from desk.printing import PrinterKind, PrinterTarget, parse_printer_uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        (
            "win32:EPSON TM-T82 Receipt",
            PrinterTarget(PrinterKind.WIN32, name="EPSON TM-T82 Receipt"),
        ),
        ("tcp://192.168.1.50:9100", PrinterTarget(PrinterKind.TCP, host="192.168.1.50", port=9100)),
        ("tcp://192.168.1.50", PrinterTarget(PrinterKind.TCP, host="192.168.1.50", port=9100)),
        (
            "TCP://printer.local:9101/",
            PrinterTarget(PrinterKind.TCP, host="printer.local", port=9101),
        ),
        ("usb://04b8:0e15", PrinterTarget(PrinterKind.USB, vendor_id=0x04B8, product_id=0x0E15)),
        (
            "usb://0416:5011?out_ep=0x03&in_ep=0x81",
            PrinterTarget(
                PrinterKind.USB, vendor_id=0x0416, product_id=0x5011, out_ep=3, in_ep=0x81
            ),
        ),
        (
            "serial:COM3?baudrate=19200",
            PrinterTarget(PrinterKind.SERIAL, device="COM3", baudrate=19200),
        ),
        ("serial:/dev/ttyUSB0", PrinterTarget(PrinterKind.SERIAL, device="/dev/ttyUSB0")),
        ("file:/tmp/receipt.bin", PrinterTarget(PrinterKind.FILE, path="/tmp/receipt.bin")),
        ("file:///tmp/receipt.bin", PrinterTarget(PrinterKind.FILE, path="/tmp/receipt.bin")),
        ("file:C:\\Hồ sơ\\phiếu.bin", PrinterTarget(PrinterKind.FILE, path="C:\\Hồ sơ\\phiếu.bin")),
        ("  none ", PrinterTarget(PrinterKind.NONE)),
        ("NONE", PrinterTarget(PrinterKind.NONE)),
    ],
)
def test_accepted_forms(uri: str, expected: PrinterTarget) -> None:
    assert parse_printer_uri(uri) == expected


@pytest.mark.parametrize(
    "uri",
    [
        "",
        "   ",
        "EPSON TM-T82",
        "C:\\receipt.bin",
        "lpt1:",
        "win32:",
        "tcp:192.168.1.50",
        "tcp://",
        "tcp://192.168.1.50:99999",
        "tcp://192.168.1.50:abc",
        "tcp://192.168.1.50:9100/queue?x=1",
        "usb://04b8",
        "usb://zzzz:0e15",
        "usb://04b8:0e15?speed=fast",
        "serial:",
        "serial:COM3?baudrate=fast",
        "serial:COM3?parity=N",
        "file:",
    ],
)
def test_garbage_is_refused_with_the_accepted_forms(uri: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_printer_uri(uri)
    message = caught.value.message
    assert message.startswith("Địa chỉ máy in")
    for form in ("win32:", "tcp://", "usb://", "serial:", "file:", "none"):
        assert form in message
    assert "Hồ sơ > Máy in phiếu của máy này" in message
    assert caught.value.field == "printer_uri"


def test_descriptions_are_vietnamese() -> None:
    assert parse_printer_uri("tcp://10.0.0.7").describe() == "máy in mạng 10.0.0.7:9100"
    assert parse_printer_uri("usb://04b8:0e15").describe() == "máy in USB 04b8:0e15"
    assert parse_printer_uri("win32:XP-80C").describe() == "máy in Windows “XP-80C”"
    assert parse_printer_uri("none").describe() == "không in"
