"""Printer URIs: one line in the settings names the receipt printer.

Accepted forms:

- ``win32:EPSON TM-T82``: a printer installed in Windows, by its name; the job is
  sent RAW through the spooler (python-escpos ``Win32Raw``, needs pywin32). The
  usual choice on a Windows counter PC.
- ``tcp://192.168.1.50:9100``: a network printer (raw port, 9100 when omitted).
- ``usb://04b8:0e15``: a USB printer by vendor and product id in hex, through
  pyusb/libusb (on Windows this needs a WinUSB driver instead of the vendor's);
  ``?out_ep=0x01&in_ep=0x82`` for printers with other endpoints.
- ``serial:COM3?baudrate=9600`` (or ``serial:/dev/ttyUSB0``): a serial port
  (pyserial), 9600 baud when omitted.
- ``file:/path/receipt.bin``: the bytes written to a file or device file.
- ``none``: print nothing (the clerk hands over the A4 receipt instead).

After each job the desk asks a network, USB or serial printer to confirm it
(``desk.printing.printer_status``); ``?confirm=0`` (``tcp://192.168.1.50:9100?confirm=0``)
is for a printer that cannot answer, such as a one-way print server: its jobs
are then reported as sent, never as printed.

An empty setting is not ``none``: it is refused, so a printer that was never set
up is noticed at the first receipt rather than silently skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit

from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

DEFAULT_TCP_PORT = 9100
DEFAULT_BAUDRATE = 9600
#: Where the printer is set up; messages show it with ``translated``.
SETTINGS_HINT = QT_TRANSLATE_NOOP("PrinterUri", "Hồ sơ > Máy in phiếu của máy này")
ACCEPTED_FORMS = QT_TRANSLATE_NOOP(
    "PrinterUri",
    "win32:TÊN MÁY IN, tcp://192.168.1.50:9100, usb://04b8:0e15, "
    "serial:COM3?baudrate=9600, file:ĐƯỜNG DẪN TỆP, none (không in)",
)


class PrinterKind(StrEnum):
    WIN32 = "win32"
    TCP = "tcp"
    USB = "usb"
    SERIAL = "serial"
    FILE = "file"
    NONE = "none"


@dataclass(frozen=True)
class PrinterTarget:
    """A parsed printer URI; only the fields of its ``kind`` are meaningful."""

    kind: PrinterKind
    name: str = ""  # win32: the Windows printer name
    host: str = ""  # tcp
    port: int = DEFAULT_TCP_PORT  # tcp
    vendor_id: int = 0  # usb
    product_id: int = 0  # usb
    out_ep: int = 0x01  # usb
    in_ep: int = 0x82  # usb
    device: str = ""  # serial: COM3, /dev/ttyUSB0
    baudrate: int = DEFAULT_BAUDRATE  # serial
    path: str = ""  # file
    confirm: bool = True  # tcp, usb, serial: ask the printer to confirm each job

    @property
    def usb_id(self) -> str:
        return f"{self.vendor_id:04x}:{self.product_id:04x}"

    def describe(self) -> str:
        """Words for the clerk: "máy in mạng 192.168.1.50:9100"."""
        kind = self.kind
        if kind is PrinterKind.WIN32:
            return translate("PrinterUri", "máy in Windows “{name}”").format(name=self.name)
        if kind is PrinterKind.TCP:
            return translate("PrinterUri", "máy in mạng {host}:{port}").format(
                host=self.host, port=self.port
            )
        if kind is PrinterKind.USB:
            return translate("PrinterUri", "máy in USB {id}").format(id=self.usb_id)
        if kind is PrinterKind.SERIAL:
            return translate("PrinterUri", "máy in cổng {device} ({baudrate} baud)").format(
                device=self.device, baudrate=self.baudrate
            )
        if kind is PrinterKind.FILE:
            return translate("PrinterUri", "tệp {path}").format(path=self.path)
        return translate("PrinterUri", "không in")


def _bad_uri(uri: str, reason: str = "") -> UserError:
    if reason:
        text = translate(
            "PrinterUri",
            "Địa chỉ máy in “{uri}” không đúng ({reason}). Nhập lại trong {settings} theo một "
            "trong các dạng: {forms}.",
        )
    else:
        text = translate(
            "PrinterUri",
            "Địa chỉ máy in “{uri}” không đúng. Nhập lại trong {settings} theo một "
            "trong các dạng: {forms}.",
        )
    return UserError(
        text.format(
            uri=uri,
            reason=reason,
            settings=translated(SETTINGS_HINT),
            forms=translated(ACCEPTED_FORMS),
        ),
        "printer_uri",
    )


def parse_printer_uri(uri: str) -> PrinterTarget:
    """The target a settings URI names; ``UserError`` listing the accepted forms if none."""
    text = uri.strip()
    if not text:
        raise _bad_uri(uri, translate("PrinterUri", "chưa nhập"))
    if text.lower() == "none":
        return PrinterTarget(PrinterKind.NONE)
    scheme, colon, rest = text.partition(":")
    parser = _PARSERS.get(scheme.lower()) if colon else None
    if parser is None:
        raise _bad_uri(uri)
    return parser(rest, uri)


def _parse_win32(rest: str, uri: str) -> PrinterTarget:
    name = rest.removeprefix("//").strip()
    if not name:
        raise _bad_uri(uri, translate("PrinterUri", "thiếu tên máy in"))
    return PrinterTarget(PrinterKind.WIN32, name=name)


def _parse_tcp(rest: str, uri: str) -> PrinterTarget:
    if not rest.startswith("//"):
        raise _bad_uri(uri, translate("PrinterUri", "thiếu “//” sau “tcp:”"))
    parts = urlsplit("tcp:" + rest)
    try:
        port = parts.port or DEFAULT_TCP_PORT
    except ValueError:
        raise _bad_uri(uri, translate("PrinterUri", "cổng phải là số từ 1 đến 65535")) from None
    if not parts.hostname:
        raise _bad_uri(uri, translate("PrinterUri", "thiếu địa chỉ IP hoặc tên máy in"))
    if parts.path not in ("", "/") or parts.username:
        raise _bad_uri(uri, translate("PrinterUri", "chỉ ghi địa chỉ và cổng"))
    options = _options(parts.query, uri, {"confirm"})
    return PrinterTarget(
        PrinterKind.TCP, host=parts.hostname, port=port, confirm=_confirm(options, uri)
    )


def _confirm(options: dict[str, str], uri: str) -> bool:
    value = options.get("confirm", "1").strip().lower()
    if value not in ("0", "1"):
        raise _bad_uri(
            uri, translate("PrinterUri", "confirm chỉ nhận 1 (máy in xác nhận) hoặc 0 (không)")
        )
    return value == "1"


def _hex_id(text: str, uri: str, what: str) -> int:
    digits = text.strip().lower().removeprefix("0x")
    if not 1 <= len(digits) <= 4 or any(c not in "0123456789abcdef" for c in digits):
        raise _bad_uri(
            uri, translate("PrinterUri", "{what} phải là số hệ 16, ví dụ 04b8").format(what=what)
        )
    return int(digits, 16)


def _parse_usb(rest: str, uri: str) -> PrinterTarget:
    ids, _, query = rest.removeprefix("//").partition("?")
    vendor, colon, product = ids.strip("/").partition(":")
    if not colon:
        raise _bad_uri(uri, translate("PrinterUri", "cần mã VID:PID, ví dụ usb://04b8:0e15"))
    options = _options(query, uri, {"out_ep", "in_ep", "confirm"})
    return PrinterTarget(
        PrinterKind.USB,
        vendor_id=_hex_id(vendor, uri, "VID"),
        product_id=_hex_id(product, uri, "PID"),
        out_ep=_hex_id(options.get("out_ep", "0x01"), uri, "out_ep"),
        in_ep=_hex_id(options.get("in_ep", "0x82"), uri, "in_ep"),
        confirm=_confirm(options, uri),
    )


def _parse_serial(rest: str, uri: str) -> PrinterTarget:
    device, _, query = rest.removeprefix("//").partition("?")
    if not device.strip():
        raise _bad_uri(uri, translate("PrinterUri", "thiếu tên cổng, ví dụ COM3"))
    options = _options(query, uri, {"baudrate", "confirm"})
    baud_text = options.get("baudrate", str(DEFAULT_BAUDRATE))
    if not baud_text.isdigit() or int(baud_text) <= 0:
        raise _bad_uri(uri, translate("PrinterUri", "tốc độ baud phải là số, ví dụ 9600"))
    return PrinterTarget(
        PrinterKind.SERIAL,
        device=device.strip(),
        baudrate=int(baud_text),
        confirm=_confirm(options, uri),
    )


def _parse_file(rest: str, uri: str) -> PrinterTarget:
    path = rest.removeprefix("//")
    if not path.strip():
        raise _bad_uri(uri, translate("PrinterUri", "thiếu đường dẫn tệp"))
    return PrinterTarget(PrinterKind.FILE, path=path)


def _options(query: str, uri: str, allowed: set[str]) -> dict[str, str]:
    if not query:
        return {}
    parsed = parse_qs(query, keep_blank_values=True)
    unknown = set(parsed) - allowed
    if unknown:
        raise _bad_uri(
            uri,
            translate("PrinterUri", "không hiểu tham số {names}").format(
                names=", ".join(sorted(unknown))
            ),
        )
    return {key: values[-1] for key, values in parsed.items()}


_PARSERS: dict[str, Callable[[str, str], PrinterTarget]] = {
    "win32": _parse_win32,
    "tcp": _parse_tcp,
    "usb": _parse_usb,
    "serial": _parse_serial,
    "file": _parse_file,
}
