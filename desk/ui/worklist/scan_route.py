"""The one scan route: a scan is recognised before any field sees it.

A keyboard-wedge scanner types what it reads at a few milliseconds a key and
ends with Enter. Typed into "Họ và tên", a receipt's code used to become the
applicant's name and its Enter saved the dossier. The route is an event filter
on the program's top-level windows (``desk.ui.widgets.top_windows``), which see
every key before the widget it goes to: printable keys going to the focused widget are
held back while they come at scanner speed; an Enter that ends a scanner burst
(``desk.domain.scan_text.is_scanner_burst``) hands the text to
``classify_scan`` and, for a dossier code or a CCCD QR, the keys never reach
the field. Anything else - a clerk typing, or a fast burst that is neither - is
replayed into the widget it was meant for, in order, before the next key.

A COM-port scanner (``desk.services.scanner_port``) feeds ``handle_text``.
The clock is a plain ``() -> seconds`` so tests can drive the key timing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from desk.domain.scan_text import MAX_SCAN_GAP, Scan, ScanKind, classify_scan, is_scanner_burst
from desk.services.scanner_port import ScannerPort, SerialScanner
from desk.ui.widgets.top_windows import TopWindows, same_window

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float


def _is_letter(text: str) -> bool:
    """A key that types something (C1 characters count: a garbled scan is made of them)."""
    return bool(text) and all(ord(c) >= 0x20 and c != "\x7f" for c in text)


class ScanRoute(QObject):
    """Holds back scanner-speed keys; emits what a scan was, or gives the keys back."""

    dossier_code_scanned = Signal(str)
    card_scanned = Signal(object)  # a desk.domain.scan_text.CccdCard
    other_scanned = Signal(str)  # a COM-port scan that is neither
    _port_text = Signal(str)

    def __init__(
        self,
        owner: QWidget,
        clock: Callable[[], float] = time.monotonic,
        max_gap: float = MAX_SCAN_GAP,
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._clock = clock
        self._max_gap = max_gap
        self._keys: list[_Key] = []
        self._target: QWidget | None = None
        self._replaying = False
        self._installed = False
        self._windows: TopWindows | None = None
        self.last_scan: Scan | None = None
        self.serial: SerialScanner | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, int(max_gap * 2000)))
        self._idle.timeout.connect(self._on_idle)
        self._port_text.connect(self.handle_text, Qt.ConnectionType.QueuedConnection)
        owner.destroyed.connect(self._forget)

    # -- installing ---------------------------------------------------------------

    def install(self) -> ScanRoute:
        if self._windows is None:
            self._windows = TopWindows(self)
        self._windows.start()
        self._installed = True
        return self

    def uninstall(self) -> None:
        if self._installed and self._windows is not None:
            self._windows.stop()
        self._installed = False
        self.stop_serial()

    def _forget(self, *_args: object) -> None:
        self._installed = False
        self.stop_serial()

    def start_serial(self, port: ScannerPort) -> SerialScanner:
        """Read scans from ``port`` in the background into this route."""
        self.stop_serial()
        self.serial = SerialScanner(port, self._port_text.emit)
        self.serial.start()
        return self.serial

    def stop_serial(self) -> None:
        if self.serial is not None:
            self.serial.stop()
            self.serial = None

    # -- keys -----------------------------------------------------------------------

    def _watches(self, widget: QWidget) -> bool:
        """Every window of the program but modal dialogs (a sign-in, a question)."""
        window = widget.window()
        if isinstance(window, QDialog) and window.isModal():
            return False
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            return False  # a password is never a scan
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not self._owner.isVisible():
            return False  # its window is closed (or not shown yet): typing elsewhere is typing
        focus = QApplication.focusWidget()  # where the window passes the key on
        if focus is None or not same_window(watched, focus.window().windowHandle()):
            return False
        if not self._watches(focus):
            return False
        assert isinstance(event, QKeyEvent)
        return self._on_key(focus, event)

    def _on_key(self, focus: QWidget, event: QKeyEvent) -> bool:
        now = self._clock()
        if self._keys and (now - self._keys[-1].at > self._max_gap or focus is not self._target):
            self.flush()  # a pause: what was held back was typing
        text = event.text()
        if _is_letter(text) and not event.modifiers() & _COMMAND:
            self._keys.append(_Key(event.key(), event.modifiers(), text, now))
            self._target = focus
            self._idle.start()
            return True
        if event.key() in _ENTER and self._keys:
            if is_scanner_burst([k.at for k in self._keys] + [now], self._max_gap):
                scan = classify_scan("".join(k.text for k in self._keys))
                if scan.kind is not ScanKind.TYPING:
                    self._keys.clear()
                    self._idle.stop()
                    self._dispatch(scan)
                    return True
        self.flush()
        return False

    def _on_idle(self) -> None:
        if not self._keys:
            return
        if self._clock() - self._keys[-1].at > self._max_gap:
            self.flush()
        else:
            self._idle.start()

    def flush(self) -> None:
        """Give the held-back keys to the widget they were typed into."""
        keys, target = self._keys, self._target
        self._keys = []
        self._idle.stop()
        if not keys or target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for k in keys:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    def pending_text(self) -> str:
        return "".join(k.text for k in self._keys)

    # -- scans ----------------------------------------------------------------------

    def handle_text(self, text: str) -> Scan:
        """A whole scan (from a COM port): where it goes."""
        scan = classify_scan(text)
        if scan.kind is ScanKind.TYPING:
            self.last_scan = scan
            self.other_scanned.emit(text)
        else:
            self._dispatch(scan)
        return scan

    def _dispatch(self, scan: Scan) -> None:
        self.last_scan = scan
        log.info("scan recognised: %s", scan.kind.value)
        if scan.kind is ScanKind.DOSSIER_CODE:
            self.dossier_code_scanned.emit(scan.text)
        elif scan.kind is ScanKind.CCCD:
            self.card_scanned.emit(scan.card)
