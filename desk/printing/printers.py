"""Sending a print job to the printer a settings URI names.

Network printers and files are written directly (sockets and files say precisely
what went wrong); USB, serial and Windows printers go through python-escpos's
``Usb``, ``Serial`` and ``Win32Raw`` classes. Every failure becomes a
``PrinterError`` whose Vietnamese message says what went wrong and what to check.

After the job, the desk asks the printer for its real-time status (``DLE EOT``,
``desk.printing.printer_status``) where the connection carries an answer back
(network, USB, serial): the answer says the printer read the whole job and is
online with paper. A connection that breaks before it answers (a reset, the
printer closing its side) means the job was NOT printed, and says so. A
printer that never answers (a one-way print server) is reported as sent but
not confirmed; ``?confirm=0`` in its address stops the desk waiting for it. A
Windows queue accepts a job even when the printer is unplugged and a file
cannot answer: those are reported as sent, never as printed.

The dossier is saved before printing, always, so a failed print never loses an
intake: the clerk fixes the printer and prints again.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desk.domain.errors import UserError
from desk.domain.translation import translate, translated
from desk.printing.escpos_setup import configure_escpos_cache, escpos_printer_module
from desk.printing.printer_status import (
    QUERIES,
    STATUS_QUERY,
    Delivery,
    Gone,
    PrintOutcome,
    Reader,
    Unanswerable,
    await_answers,
    not_printed_message,
    read_answers,
    stray_requests,
)
from desk.printing.printer_uri import (
    SETTINGS_HINT,
    PrinterKind,
    PrinterTarget,
    parse_printer_uri,
)

#: Seconds to wait for the printer's answer to the status requests, counted from
#: when the whole job is handed to the connection: a printer reads the job's last
#: bytes (and the requests) only as its buffer empties, while it prints.
STATUS_SECONDS = 10.0
# Seconds to wait, after the last byte, for a network printer to close its side:
# closing a socket that still holds unread status bytes resets the connection,
# and a reset may drop the tail of the job still in flight.
DRAIN_SECONDS = 1.0

__all__ = [
    "Delivery",
    "PrintOutcome",
    "PrinterError",
    "PrinterKind",
    "PrinterTarget",
    "configure_escpos_cache",
    "parse_printer_uri",
    "send",
]


class PrinterError(UserError):
    """The printer could not be reached or refused the job; the clerk can fix it.

    ``detail`` keeps the system's own wording (often English) for the log.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message, "printer")
        self.detail = detail


def send(
    uri: str | PrinterTarget,
    data: bytes,
    timeout: float = 5,
    status_timeout: float = STATUS_SECONDS,
) -> PrintOutcome:
    """Send raw bytes to the printer, confirm with it where the connection allows,
    close it; what is known of the job. ``none`` sends nothing.

    Raises ``UserError`` for a bad URI and ``PrinterError`` for any failure on the
    way, a connection that breaks before the printer confirms, and a printer that
    answers it is out of paper, open or in error.
    """
    target = uri if isinstance(uri, PrinterTarget) else parse_printer_uri(uri)
    if target.kind is PrinterKind.NONE:
        return PrintOutcome(Delivery.NOTHING)
    return _SENDERS[target.kind](target, data, timeout, status_timeout)


def _outcome(answers: bytes | None, printer: str) -> PrintOutcome:
    """What the answers say: printed, not confirmed (no answer), or a ``PrinterError``
    saying what to fix (out of paper, cover open, an error)."""
    if answers is None:
        return PrintOutcome(Delivery.UNCONFIRMED)
    status = read_answers(answers)
    if not status.ready:
        raise PrinterError(status.problem(printer), f"status bytes {answers[-QUERIES:].hex()}")
    return PrintOutcome(Delivery.PRINTED, paper_low=status.paper_low)


def _tcp_reader(sock: socket.socket) -> Reader:
    def read(remaining: float, wanted: int) -> bytes:
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(256)
        except TimeoutError:
            return b""
        except OSError as exc:  # reset by the printer
            raise Gone(str(exc)) from exc
        if not chunk:
            raise Gone("the printer closed the connection before answering")
        return chunk

    return read


def _send_tcp(
    target: PrinterTarget, data: bytes, timeout: float, status_timeout: float
) -> PrintOutcome:
    where = f"{target.host}:{target.port}"
    hint = translated(SETTINGS_HINT)
    try:
        sock = socket.create_connection((target.host, target.port), timeout=timeout)
    except socket.gaierror as exc:
        raise PrinterError(
            translate(
                "Printers",
                "Không tìm thấy máy in có địa chỉ “{host}”: kiểm tra địa chỉ IP hoặc "
                "tên máy in trong {settings}.",
            ).format(host=target.host, settings=hint),
            str(exc),
        ) from exc
    except TimeoutError as exc:
        raise PrinterError(
            translate(
                "Printers",
                "Máy in {printer} không trả lời sau {seconds} giây: kiểm tra máy in đã bật, "
                "cáp mạng, địa chỉ IP trong {settings}.",
            ).format(printer=where, seconds=f"{timeout:g}", settings=hint),
            str(exc),
        ) from exc
    except OSError as exc:
        raise PrinterError(
            translate(
                "Printers",
                "Không kết nối được máy in {printer}: kiểm tra máy in đã bật, cáp mạng, "
                "địa chỉ IP trong {settings}.",
            ).format(printer=where, settings=hint),
            str(exc),
        ) from exc
    with sock:
        try:
            sock.sendall(data + STATUS_QUERY if target.confirm else data)
            if not target.confirm:
                sock.shutdown(socket.SHUT_WR)
        except TimeoutError as exc:
            raise PrinterError(
                translate(
                    "Printers",
                    "Máy in {printer} ngừng nhận dữ liệu (quá {seconds} giây): kiểm tra giấy, "
                    "nắp máy in và đèn báo lỗi, rồi in lại.",
                ).format(printer=where, seconds=f"{timeout:g}"),
                str(exc),
            ) from exc
        except OSError as exc:
            raise PrinterError(
                translate(
                    "Printers",
                    "Mất kết nối với máy in {printer} khi đang in: kiểm tra cáp mạng và máy in, "
                    "rồi in lại.",
                ).format(printer=where),
                str(exc),
            ) from exc
        if not target.confirm:
            _drain(sock, min(timeout, DRAIN_SECONDS))
            return PrintOutcome(Delivery.QUEUED)
        expected = stray_requests(data) + QUERIES
        try:
            answers = await_answers(_tcp_reader(sock), expected, status_timeout)
        except Gone as exc:
            raise PrinterError(not_printed_message(where), str(exc)) from exc
        _finish(sock, answers, timeout)
        return _outcome(answers, where)


def _finish(sock: socket.socket, answers: bytes | None, timeout: float) -> None:
    """Close our side. A printer that answered has read the whole job; one that did
    not may still be reading it, so it gets the time to finish before the close."""
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        return
    if answers is None:
        _drain(sock, min(timeout, DRAIN_SECONDS))


def _drain(sock: socket.socket, seconds: float) -> None:
    """Read what the printer sends back until it closes, for at most ``seconds``.

    The job is already delivered to the printer's socket; a printer that keeps the
    connection open or a reset here does not make the print fail.
    """
    sock.settimeout(seconds)
    try:
        while sock.recv(1024):
            pass
    except OSError:
        return


def _send_file(
    target: PrinterTarget, data: bytes, timeout: float, status_timeout: float
) -> PrintOutcome:
    """A file (or a device file) takes the bytes and cannot answer: sent, not confirmed."""
    try:
        with open(target.path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise PrinterError(
            translate(
                "Printers",
                "Không ghi được vào tệp “{path}”: kiểm tra thư mục có tồn tại và được "
                "phép ghi (với cổng máy in: máy in đã cắm và bật), hoặc chọn đường dẫn khác "
                "trong {settings}.",
            ).format(path=target.path, settings=translated(SETTINGS_HINT)),
            str(exc),
        ) from exc
    return PrintOutcome(Delivery.QUEUED)


@dataclass(frozen=True)
class _Advice:
    """What to tell the clerk at each stage of a python-escpos transport."""

    missing: str  # the driver library is absent on this computer
    unreachable: str  # the device could not be opened
    failed: str  # opened, but writing or finishing the job failed
    open_kwargs: dict[str, Any] = field(default_factory=dict)


def _driver_errors() -> tuple[type[BaseException], ...]:
    """Exceptions python-escpos and its drivers raise for a device that misbehaves."""
    from escpos.exceptions import Error as EscposError

    errors: list[type[BaseException]] = [OSError, ValueError, EscposError]
    try:
        import termios  # a serial port whose other end hung up fails to flush with it

        errors.append(termios.error)
    except ImportError:
        pass
    try:
        import pywintypes

        errors.append(pywintypes.error)
    except ImportError:
        pass
    return tuple(errors)


def _send_with_escpos(
    printer_class: Any,
    make: Callable[[], Any],
    data: bytes,
    advice: _Advice,
    confirm: tuple[str, float] | None = None,
) -> PrintOutcome:
    """Send through a python-escpos class; with ``confirm`` (the printer's name for
    messages, the seconds to wait) ask the printer for its status after the job."""
    if not printer_class.is_usable():
        raise PrinterError(advice.missing)
    errors = _driver_errors()
    try:
        printer = make()
        printer.open(**advice.open_kwargs)
    except errors as exc:
        raise PrinterError(advice.unreachable, str(exc)) from exc
    try:
        # _raw: the documented way to send a prepared job unchanged
        printer._raw(data + STATUS_QUERY if confirm else data)
        if confirm is None:
            printer.close()  # for Win32Raw this ends the document: the spooler takes it now
            return PrintOutcome(Delivery.QUEUED)
    except errors as exc:
        _close_after_failure(printer, errors)
        raise PrinterError(advice.failed, str(exc)) from exc
    where, seconds = confirm
    try:
        answers = await_answers(
            _device_reader(printer, errors), stray_requests(data) + QUERIES, seconds
        )
    except Gone as exc:
        raise PrinterError(not_printed_message(where), str(exc)) from exc
    finally:
        _close_after_failure(printer, errors)
    return _outcome(answers, where)


def _device_reader(printer: Any, errors: tuple[type[BaseException], ...]) -> Reader:
    """Reading a USB or serial printer's answers: a timeout is no answer yet; the
    device gone (unplugged, port closed) ends the wait as not printed; a device
    that cannot be read (no way back) ends it as not confirmed."""

    def read(remaining: float, wanted: int) -> bytes:
        try:
            serial_port = getattr(printer, "_device", None)
            if serial_port is not None and hasattr(serial_port, "in_waiting"):
                return bytes(serial_port.read(wanted))  # pyserial: returns once they came
            return bytes(printer._read() or b"")  # pyusb: returns what came
        except errors as exc:
            if _timed_out(exc):
                return b""
            if getattr(exc, "errno", None) in _GONE or type(exc).__name__ == "SerialException":
                raise Gone(str(exc)) from exc
            raise Unanswerable(str(exc)) from exc

    return read


_GONE = {errno.ENODEV, errno.EIO, errno.EPIPE, errno.ECONNRESET, errno.ENXIO}


def _timed_out(exc: BaseException) -> bool:
    return (
        isinstance(exc, TimeoutError)
        or type(exc).__name__ == "USBTimeoutError"
        or getattr(exc, "errno", None) == errno.ETIMEDOUT
    )


def _close_after_failure(printer: Any, errors: tuple[type[BaseException], ...]) -> None:
    """Release the device after a failed write or wait; that error is the one to report.

    A serial port whose other end hung up cannot be flushed, so python-escpos's
    ``close`` fails and would fail again when the object is collected: the port
    itself is then closed without the flush.
    """
    try:
        printer.close()
    except errors:
        device = getattr(printer, "_device", None)
        try:
            if device:
                device.close()
        except errors:
            pass
        printer._device = False


def _send_usb(
    target: PrinterTarget, data: bytes, timeout: float, status_timeout: float
) -> PrintOutcome:
    escpos_printer = escpos_printer_module()
    usb_id, hint = target.usb_id, translated(SETTINGS_HINT)
    advice = _Advice(
        missing=translate(
            "Printers",
            "Không dùng được máy in USB {id}: máy tính thiếu thư viện USB (pyusb, libusb). "
            "Trên Windows nên cài máy in bằng trình điều khiển của hãng và chọn "
            "“win32:TÊN MÁY IN” trong {settings}.",
        ).format(id=usb_id, settings=hint),
        unreachable=translate(
            "Printers",
            "Không tìm thấy máy in USB {id}: kiểm tra cáp USB, máy in đã bật, mã VID:PID "
            "trong {settings} (trên Windows máy in cần trình điều khiển WinUSB; nếu đã "
            "cài trình điều khiển của hãng, hãy chọn “win32:TÊN MÁY IN”).",
        ).format(id=usb_id, settings=hint),
        failed=translate(
            "Printers",
            "Gửi dữ liệu tới máy in USB {id} bị lỗi: kiểm tra giấy, nắp máy in, cáp USB "
            "rồi in lại.",
        ).format(id=usb_id),
    )

    def make() -> Any:
        return escpos_printer.Usb(
            target.vendor_id,
            target.product_id,
            timeout=max(1, round(timeout * 1000)),  # milliseconds for pyusb
            in_ep=target.in_ep,
            out_ep=target.out_ep,
        )

    confirm = (target.describe(), status_timeout) if target.confirm else None
    return _send_with_escpos(escpos_printer.Usb, make, data, advice, confirm)


def _send_serial(
    target: PrinterTarget, data: bytes, timeout: float, status_timeout: float
) -> PrintOutcome:
    escpos_printer = escpos_printer_module()
    port, hint = target.device, translated(SETTINGS_HINT)
    advice = _Advice(
        missing=translate(
            "Printers",
            "Không dùng được máy in cổng {port}: máy tính thiếu thư viện pyserial. Cài lại "
            "ứng dụng, hoặc chọn kiểu kết nối khác trong {settings}.",
        ).format(port=port, settings=hint),
        unreachable=translate(
            "Printers",
            "Không mở được cổng {port}: kiểm tra cáp, tên cổng và tốc độ baud trong "
            "{settings}, và tắt chương trình khác đang dùng cổng này.",
        ).format(port=port, settings=hint),
        failed=translate(
            "Printers",
            "Gửi dữ liệu qua cổng {port} bị lỗi: kiểm tra cáp, giấy và máy in rồi in lại.",
        ).format(port=port),
    )

    def make() -> Any:  # the timeout is the reads': each answer is waited for this long
        return escpos_printer.Serial(
            port, baudrate=target.baudrate, timeout=min(timeout, status_timeout)
        )

    confirm = (target.describe(), status_timeout) if target.confirm else None
    return _send_with_escpos(escpos_printer.Serial, make, data, advice, confirm)


def _send_win32(
    target: PrinterTarget, data: bytes, timeout: float, status_timeout: float
) -> PrintOutcome:
    """The Windows print queue takes the job; the printer behind it cannot answer here."""
    escpos_printer = escpos_printer_module()
    name, hint = target.name, translated(SETTINGS_HINT)
    advice = _Advice(
        missing=translate(
            "Printers",
            "Không in được qua máy in Windows “{name}”: kiểu “win32:” chỉ dùng được trên "
            "Windows có thư viện pywin32. Trên Windows hãy cài lại ứng dụng; trên máy khác "
            "hãy chọn tcp://, usb://, serial: hoặc file: trong {settings}.",
        ).format(name=name, settings=hint),
        unreachable=translate(
            "Printers",
            "Không tìm thấy máy in “{name}” trong Windows: kiểm tra máy in đã cài trong "
            "Thiết bị và Máy in (Devices and Printers) và tên ghi trong {settings} "
            "đúng từng chữ.",
        ).format(name=name, settings=hint),
        failed=translate(
            "Printers",
            "Windows không nhận lệnh in cho máy in “{name}”: kiểm tra hàng đợi in, máy in "
            "đã bật và còn giấy, rồi in lại.",
        ).format(name=name),
        open_kwargs={
            "job_name": "Giấy tiếp nhận hồ sơ"  # untranslated: the name of a Vietnamese paper
        },
    )

    def make() -> Any:
        return escpos_printer.Win32Raw(name)

    return _send_with_escpos(escpos_printer.Win32Raw, make, data, advice)


_SENDERS: dict[PrinterKind, Callable[[PrinterTarget, bytes, float, float], PrintOutcome]] = {
    PrinterKind.TCP: _send_tcp,
    PrinterKind.FILE: _send_file,
    PrinterKind.USB: _send_usb,
    PrinterKind.SERIAL: _send_serial,
    PrinterKind.WIN32: _send_win32,
}
