"""A barcode/QR scanner on a COM port (or a USB scanner set to "virtual COM").

Some counters set their scanner to send what it reads to a serial port instead
of typing it, so that no field ever receives it. The PC's machine setting
``scanner`` says where, as ``serial:COM3`` (``serial:/dev/ttyACM0`` on Linux,
``serial:COM3@115200`` for another speed than 9600 baud). A background thread
reads lines (ended by CR or LF), decodes and repairs them
(``desk.domain.scan_text.decode_scanner_bytes``) and hands each text to a
callback; the window sends it down the same route as a scan typed by a
keyboard-wedge scanner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desk.domain.scan_text import decode_scanner_bytes

log = logging.getLogger(__name__)

#: The machine setting naming this PC's scanner port.
SCANNER_SETTING = "scanner"
DEFAULT_BAUD = 9600


@dataclass(frozen=True)
class ScannerPort:
    device: str
    baudrate: int = DEFAULT_BAUD


def parse_scanner_setting(value: object) -> ScannerPort | None:
    """``serial:COM3`` or ``serial:COM3@115200`` as a port; anything else is no port."""
    if not isinstance(value, str) or not value.lower().startswith("serial:"):
        return None
    device, _, baud = value[len("serial:") :].strip().partition("@")
    if not device:
        return None
    try:
        return ScannerPort(device, int(baud) if baud else DEFAULT_BAUD)
    except ValueError:
        return None


class SerialScanner:
    """Reads scans from a serial port in a daemon thread until ``stop``."""

    def __init__(self, port: ScannerPort, on_scan: Callable[[str], None]) -> None:
        self.port = port
        self._on_scan = on_scan
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: str = ""

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        import serial  # pyserial: only PCs with a COM-port scanner load it

        try:
            with serial.Serial(self.port.device, self.port.baudrate, timeout=0.1) as link:
                self._read(link)
        except (OSError, serial.SerialException) as exc:
            self.error = str(exc)
            log.warning("scanner port %s: %s", self.port.device, exc)

    def _read(self, link) -> None:  # noqa: ANN001 (a serial.Serial)
        pending = bytearray()
        while not self._stop.is_set():
            chunk = link.read(256)
            if not chunk:
                continue
            pending += chunk
            while True:
                ends = [i for i in (pending.find(b"\r"), pending.find(b"\n")) if i >= 0]
                if not ends:
                    break
                line, pending = bytes(pending[: min(ends)]), pending[min(ends) + 1 :]
                text = decode_scanner_bytes(line)
                if text:
                    self._on_scan(text)
