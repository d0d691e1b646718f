"""Intake of a procedure accepted online only (Directive 24/CT-TTg): the notice, the
printed guide to the national portal (off the window's thread), and the clerk's
explicit confirmation before such a dossier is received at the counter."""

from __future__ import annotations

from pathlib import Path

from background_jobs import saved
from keyboard_input import type_text
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.statistics import Period
from desk.printing.online_guide import PORTAL_URL
from desk.services import audit, dossiers, reports, settings
from desk.ui.intake.intake_window import IntakeWindow

PERMANENT_RESIDENCE = "1.004222"  # Đăng ký thường trú
MARRIAGE_STATUS = "1.004873"
NOTICE = (
    "Thủ tục này chỉ tiếp nhận trực tuyến từ 01/10/2025 (Chỉ thị 24/CT-TTg). Hãy hướng dẫn "
    "người dân nộp trên Cổng Dịch vụ công quốc gia."
)


def pick(qtbot, w: IntakeWindow, query: str) -> None:
    type_text(qtbot, w.picker.search, query)
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)


def guided(db, clock) -> int:
    return reports.report(db, Period.month(2026, 3), clock.now()).guided_online


def fill_applicant(qtbot, w: IntakeWindow) -> None:
    edits = w.line_edits()
    for key, text in {
        "name": "Lê Văn Phúc",
        "id_number": "075090001234",
        "address": "Ấp 2, xã Tân Phú, tỉnh Đồng Nai",
        "phone": "0903 111 222",
    }.items():
        type_text(qtbot, edits[key], text)


def test_an_online_only_procedure_shows_the_notice_and_another_does_not(qtbot, intake):
    assert not intake.online_notice.isVisible()
    pick(qtbot, intake, PERMANENT_RESIDENCE)
    assert intake.picker.chosen().code == PERMANENT_RESIDENCE
    assert intake.online_notice.isVisible()
    assert intake.online_notice.message.text() == NOTICE
    assert intake.online_notice.print_button.text() == "In hướng dẫn nộp trực tuyến"
    assert not intake.online_notice.accept_check.isChecked()
    intake.clear_form()
    pick(qtbot, intake, MARRIAGE_STATUS)
    assert not intake.online_notice.isVisible()


def test_the_guide_prints_off_the_window_thread_and_is_counted(
    qtbot, intake, db, clock, tmp_path: Path, shots
):
    target = tmp_path / "guide.bin"
    settings.set_setting(db, settings.PRINTER_URI, f"file:{target}")
    assert guided(db, clock) == 0
    pick(qtbot, intake, PERMANENT_RESIDENCE)
    intake.resize(1366, 768)
    with qtbot.waitSignal(intake.guide_printed, timeout=20_000) as printed:
        qtbot.mouseClick(intake.online_notice.print_button, Qt.MouseButton.LeftButton)
        assert not intake.online_notice.print_button.isEnabled()  # one print at a time
    assert printed.args == [PERMANENT_RESIDENCE]
    assert intake.online_notice.print_button.isEnabled()
    assert intake.online_notice.status.text() == (
        "Đã in phiếu hướng dẫn nộp trực tuyến cho thủ tục 1.004222."
    )
    assert target.read_bytes()
    assert guided(db, clock) == 1
    image = intake.last_guide
    assert isinstance(image, Image.Image)
    assert {s.data.decode() for s in zbar_decode(image.convert("L"))} == {PORTAL_URL}
    QApplication.processEvents()
    intake.grab().save(str(shots / "intake-online-only.png"))
    image.save(shots / "intake-online-guide.png")


def test_a_printer_that_is_off_says_so_and_counts_nothing(qtbot, intake, db, clock, tmp_path):
    settings.set_setting(db, settings.PRINTER_URI, f"file:{tmp_path / 'no' / 'guide.bin'}")
    pick(qtbot, intake, PERMANENT_RESIDENCE)
    with qtbot.waitSignal(intake.guide_printer.failed, timeout=20_000):
        intake.print_guide()
    assert intake.online_notice.status.text().startswith("Chưa in được phiếu hướng dẫn: ")
    assert guided(db, clock) == 0


def test_the_dossier_is_received_at_the_counter_only_once_the_clerk_confirms(qtbot, intake, db):
    pick(qtbot, intake, PERMANENT_RESIDENCE)
    intake.papers.set_ticked(0, True)
    fill_applicant(qtbot, intake)
    assert saved(qtbot, intake) is None
    assert dossiers.count_dossiers(db) == 0
    message = intake.error_text("procedure")
    assert "Chỉ thị 24/CT-TTg" in message and "Vẫn tiếp nhận tại quầy" in message
    assert intake.online_notice.isVisible()  # the form is kept as typed

    intake.online_notice.accept_check.setChecked(True)
    assert intake.error_text("procedure") == ""
    dossier = saved(qtbot, intake)
    assert dossier is not None and dossiers.count_dossiers(db) == 1
    assert audit.trail(db, "dossier", dossier.code)[0].after["online_only_received_at_counter"]
    assert not intake.online_notice.isVisible()  # a fresh form for the next citizen
