"""Sending a print job to the printer a settings URI names.

Network printers and files are written directly (sockets and files say precisely
what went wrong); USB, serial and Windows printers go through python-escpos's
``Usb``, ``Serial`` and ``Win32Raw`` classes. Every failure becomes a
``PrinterError`` whose Vietnamese message says what went wrong and what to check.

A Windows queue accepts a job even when the printer is unplugged, so "sent" is
not proof that paper came out; and the dossier is saved before printing, always,
so a failed print never loses an intake: the clerk fixes the printer and prints
again.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desk.domain.errors import UserError
from desk.domain.translation import translate, translated
from desk.printing.escpos_setup import configure_escpos_cache, escpos_printer_module
from desk.printing.printer_uri import (
    SETTINGS_HINT,
    PrinterKind,
    PrinterTarget,
    parse_printer_uri,
)

# Seconds to wait, after the last byte, for a network printer to close its side:
# closing a socket that still holds unread status bytes resets the connection,
# and a reset may drop the tail of the job still in flight.
DRAIN_SECONDS = 1.0

__all__ = [
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


def send(uri: str | PrinterTarget, data: bytes, timeout: float = 5) -> None:
    """Send raw bytes to the printer and close it; ``none`` sends nothing.

    Raises ``UserError`` for a bad URI and ``PrinterError`` for any failure on the way.
    """
    target = uri if isinstance(uri, PrinterTarget) else parse_printer_uri(uri)
    if target.kind is PrinterKind.NONE:
        return
    _SENDERS[target.kind](target, data, timeout)


def _send_tcp(target: PrinterTarget, data: bytes, timeout: float) -> None:
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
            sock.sendall(data)
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


def _send_file(target: PrinterTarget, data: bytes, timeout: float) -> None:
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
        import pywintypes  # type: ignore[import-not-found]

        errors.append(pywintypes.error)
    except ImportError:
        pass
    return tuple(errors)


def _send_with_escpos(
    printer_class: Any, make: Callable[[], Any], data: bytes, advice: _Advice
) -> None:
    if not printer_class.is_usable():
        raise PrinterError(advice.missing)
    errors = _driver_errors()
    try:
        printer = make()
        printer.open(**advice.open_kwargs)
    except errors as exc:
        raise PrinterError(advice.unreachable, str(exc)) from exc
    try:
        printer._raw(data)  # the documented way to send a prepared job unchanged
        printer.close()  # for Win32Raw this ends the document: the spooler takes it now
    except errors as exc:
        _close_after_failure(printer, errors)
        raise PrinterError(advice.failed, str(exc)) from exc


def _close_after_failure(printer: Any, errors: tuple[type[BaseException], ...]) -> None:
    """Release the device after a failed write; the write's error is the one to report."""
    try:
        printer.close()
    except errors:
        return


def _send_usb(target: PrinterTarget, data: bytes, timeout: float) -> None:
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

    _send_with_escpos(escpos_printer.Usb, make, data, advice)


def _send_serial(target: PrinterTarget, data: bytes, timeout: float) -> None:
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

    def make() -> Any:
        return escpos_printer.Serial(port, baudrate=target.baudrate, timeout=timeout)

    _send_with_escpos(escpos_printer.Serial, make, data, advice)


def _send_win32(target: PrinterTarget, data: bytes, timeout: float) -> None:
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

    _send_with_escpos(escpos_printer.Win32Raw, make, data, advice)


_SENDERS: dict[PrinterKind, Callable[[PrinterTarget, bytes, float], None]] = {
    PrinterKind.TCP: _send_tcp,
    PrinterKind.FILE: _send_file,
    PrinterKind.USB: _send_usb,
    PrinterKind.SERIAL: _send_serial,
    PrinterKind.WIN32: _send_win32,
}
