"""The one scan route: scanner bursts into every field of the intake window, and a COM port."""

from __future__ import annotations

import os
import sys

import pytest
from background_jobs import saved, saves_done, shown_page
from dossier_factory import record
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from desk.domain.clock import FixedClock
from desk.domain.office import Clerk
from desk.services import dossiers
from desk.services.scanner_port import ScannerPort, parse_scanner_setting
from desk.storage.database import Database
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.worklist.scan_route import ScanRoute

NAME = "Nguyễn Thị Hồng Nhung"
ADDRESS = "Ấp 3, xã Tân Phú, tỉnh Đồng Nai"
CODE = "H36.41-260310-0007"
QR_WITH_OLD = f"079190012345|272345678|{NAME}|05091990|Nữ|{ADDRESS}|10052021"
QR_NO_OLD = f"079190012345||{NAME}|05091990|Nữ|{ADDRESS}|10052021"


def garble(text: str) -> str:
    """UTF-8 typed byte by byte as Windows-1252 letters, as a misconfigured scanner does."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


GARBLED_QR = garble(QR_NO_OLD)


class MonotonicStub:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def key_to_focus(char: str) -> None:
    """A key as the keyboard (or a wedge scanner) sends it: to the focused widget's
    window, which passes it on to that widget."""
    target = QApplication.focusWidget()
    assert target is not None
    window = target.window().windowHandle()
    assert window is not None
    if char == "\r":
        key, text = Qt.Key.Key_Return, "\r"
    else:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        text = char
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def feed(clock: MonotonicStub, text: str, gap: float, enter: bool = True) -> None:
    for char in text + ("\r" if enter else ""):
        clock.now += gap
        key_to_focus(char)


@pytest.fixture
def stub() -> MonotonicStub:
    return MonotonicStub()


@pytest.fixture
def route(intake: IntakeWindow, stub: MonotonicStub):
    r = ScanRoute(intake, stub)
    r.opened: list[str] = []
    r.dossier_code_scanned.connect(r.opened.append)
    r.card_scanned.connect(intake.fill_applicant)
    r.install()
    yield r
    r.uninstall()


def fields(w: IntakeWindow) -> list[QWidget]:
    """Every input of the intake window a clerk can put the cursor in."""
    return [w.picker.search, w.papers, *w.applicant_form.tab_chain(), *w.delivery_form.tab_chain()]


def state(w: IntakeWindow) -> dict[str, object]:
    """What the form holds: every text, the combo, the spin box, the ticked papers."""
    out: dict[str, object] = {key: edit.text() for key, edit in w.line_edits().items()}
    out["search"] = w.picker.search.text()
    out["channel"] = w.delivery_form.channel_combo.currentIndex()
    out["sets"] = w.delivery_form.sets_spin.value()
    out["person"] = w.applicant_form.person_radio.isChecked()
    out["consent"] = w.applicant_form.consent_box.consent()
    return out


def name_of(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


@pytest.mark.parametrize("payload", [CODE, "h36.41-260310-0007"])
def test_a_dossier_code_into_each_field_opens_it_and_touches_nothing(
    qtbot, db: Database, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub, payload
) -> None:
    before = dossiers.count_dossiers(db)
    for widget in fields(intake):
        if not widget.isEnabled():
            continue
        widget.setFocus()
        assert QApplication.focusWidget() is widget, name_of(widget)
        was = state(intake)
        feed(stub, payload, gap=0.004)
        QApplication.processEvents()
        assert route.opened[-1] == CODE, name_of(widget)
        assert state(intake) == was, name_of(widget)
        assert route.pending_text() == ""
    assert len(route.opened) == len([f for f in fields(intake) if f.isEnabled()])
    assert dossiers.count_dossiers(db) == before
    assert CODE not in intake.applicant_form.name_edit.text()


@pytest.mark.parametrize("payload", [QR_WITH_OLD, QR_NO_OLD, GARBLED_QR])
def test_a_cccd_qr_into_each_field_fills_the_applicant(
    qtbot, db: Database, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub, payload
) -> None:
    before = dossiers.count_dossiers(db)
    form = intake.applicant_form
    for widget in fields(intake):
        if not widget.isEnabled():
            continue
        intake.clear_form()
        widget.setFocus()
        feed(stub, payload, gap=0.003)
        QApplication.processEvents()
        where = name_of(widget)
        assert form.name_edit.text() == NAME, where
        assert form.id_edit.text() == "079190012345", where
        assert form.birth_edit.text() == "05/09/1990", where
        assert form.address_edit.text() == ADDRESS, where
        assert "|" not in "".join(e.text() for e in intake.line_edits().values()), where
        assert intake.picker.search.text() == "", where
        assert intake.delivery_form.sets_spin.value() == 1, where
    assert dossiers.count_dossiers(db) == before


def test_slow_typing_reaches_the_field_in_order(
    qtbot, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub
) -> None:
    edit = intake.applicant_form.name_edit
    edit.setFocus()
    feed(stub, "Trần Văn Hùng", gap=0.15, enter=False)
    stub.now += 1
    route.flush()
    assert edit.text() == "Trần Văn Hùng"
    intake.applicant_form.phone_edit.setFocus()
    feed(stub, "0912345678", gap=0.12, enter=False)
    intake.applicant_form.email_edit.setFocus()  # the held-back key goes where it was typed
    feed(stub, "a", gap=0.12, enter=False)
    route.flush()
    assert intake.applicant_form.phone_edit.text() == "0912345678"
    assert intake.applicant_form.email_edit.text() == "a"


def test_a_fast_burst_that_is_no_scan_is_typing(
    qtbot, db: Database, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub
) -> None:
    """A fast burst that is neither code nor QR reaches the field, Enter included."""
    before = dossiers.count_dossiers(db)
    edit = intake.applicant_form.phone_edit
    edit.setFocus()
    feed(stub, "0912345678", gap=0.004)
    assert edit.text() == "0912345678"
    assert route.opened == [] and route.last_scan is None
    saves_done(qtbot)
    assert intake.error_text("procedure")  # its Enter tried to save, as a typed Enter does
    assert dossiers.count_dossiers(db) == before


def test_a_scan_typed_slowly_is_typing_and_the_name_check_refuses_it(
    qtbot, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub
) -> None:
    edit = intake.applicant_form.name_edit
    edit.setFocus()
    feed(stub, CODE, gap=0.2, enter=False)
    stub.now += 1
    route.flush()
    assert edit.text() == CODE and route.opened == []
    assert saved(qtbot, intake) is None
    assert "mã" in intake.error_text("name")


def test_keys_for_widgets_of_other_kinds_are_replayed(
    qtbot, intake: IntakeWindow, route: ScanRoute, stub: MonotonicStub
) -> None:
    spin = intake.delivery_form.sets_spin
    assert isinstance(spin, QAbstractSpinBox) and isinstance(intake.picker.search, QLineEdit)
    assert isinstance(intake.delivery_form.channel_combo, QComboBox)
    spin.setFocus()
    spin.selectAll()
    feed(stub, "3", gap=0.5, enter=False)
    stub.now += 1
    route.flush()
    assert spin.value() == 3


def focus(qtbot, window: QWidget, widget: QWidget) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_the_main_window_opens_a_scanned_dossier(
    qtbot, db: Database, clerk: Clerk, clock: FixedClock, stub: MonotonicStub
) -> None:
    from desk.ui.worklist.main_window import MainWindow

    code = record(db, clerk, clock)
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    route = w.install_scan_route(stub)
    try:
        before = dossiers.count_dossiers(db)
        focus(qtbot, w, w.intake.applicant_form.name_edit)
        feed(stub, code, gap=0.005)
        assert shown_page(qtbot, w, code) is not None
        assert w.intake.applicant_form.name_edit.text() == ""
        w.pages[code].close()
        focus(qtbot, w, w.intake.applicant_form.phone_edit)
        feed(stub, QR_WITH_OLD, gap=0.005)
        assert w.intake.applicant_form.name_edit.text() == NAME
        assert dossiers.count_dossiers(db) == before
    finally:
        route.uninstall()


# -- a COM-port scanner -------------------------------------------------------------


def test_the_scanner_setting() -> None:
    assert parse_scanner_setting("serial:COM3") == ScannerPort("COM3", 9600)
    assert parse_scanner_setting("serial:/dev/ttyACM0@115200") == ScannerPort(
        "/dev/ttyACM0", 115200
    )
    assert parse_scanner_setting("keyboard") is None
    assert parse_scanner_setting(None) is None


@pytest.mark.skipif(sys.platform == "win32", reason="os.openpty is POSIX")
@pytest.mark.parametrize(
    "payload",
    [
        CODE.encode() + b"\r",
        QR_WITH_OLD.encode() + b"\r\n",
        QR_NO_OLD.encode() + b"\n",
        GARBLED_QR.encode("utf-8") + b"\r",
        QR_NO_OLD.encode("utf-8")[:25] + QR_NO_OLD.encode("utf-8")[25:] + b"\r",
    ],
)
def test_bytes_on_a_serial_port_take_the_same_route(
    qtbot, db: Database, intake: IntakeWindow, route: ScanRoute, payload: bytes
) -> None:
    before = dossiers.count_dossiers(db)
    master, slave = os.openpty()
    try:
        route.start_serial(ScannerPort(os.ttyname(slave)))
        intake.applicant_form.name_edit.setFocus()
        qtbot.wait(150)  # the port is open
        half = len(payload) // 2
        os.write(master, payload[:half])
        qtbot.wait(20)
        os.write(master, payload[half:])
        qtbot.waitUntil(lambda: route.last_scan is not None, timeout=5000)
        if payload.startswith(CODE.encode()):
            assert route.opened == [CODE]
            assert intake.applicant_form.name_edit.text() == ""
        else:
            assert intake.applicant_form.name_edit.text() == NAME
            assert intake.applicant_form.address_edit.text() == ADDRESS
        assert dossiers.count_dossiers(db) == before
    finally:
        route.stop_serial()
        os.close(master)
        os.close(slave)


@pytest.mark.skipif(sys.platform == "win32", reason="os.openpty is POSIX")
def test_other_text_on_the_port_goes_nowhere(qtbot, intake: IntakeWindow, route: ScanRoute) -> None:
    seen: list[str] = []
    route.other_scanned.connect(seen.append)
    master, slave = os.openpty()
    try:
        route.start_serial(ScannerPort(os.ttyname(slave)))
        qtbot.wait(150)
        os.write(master, b"8934567890123\r")
        qtbot.waitUntil(lambda: seen == ["8934567890123"], timeout=5000)
        assert all(not e.text() for e in intake.line_edits().values())
    finally:
        route.stop_serial()
        os.close(master)
        os.close(slave)
