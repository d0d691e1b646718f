"""A receipt printer that hangs never freezes the counter.

The dossier is saved, its receipt shows at once and goes to the printer in the
background: while the printer hangs the window's event loop runs (a timer
ticks, the preview's "Đóng" answers), a moving bar says the printer is waited
for and "In lại" is disabled, so a second click cannot print twice. When the
printer takes the job, the status line says what happened.
"""

from __future__ import annotations

from background_jobs import saves_done, settle, ticks_of
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk import printing
from desk.services import dossiers, receipts, settings
from desk.ui.intake.intake_window import IntakeWindow

CODE = "H36.41-260310-0001"


def save_an_intake(qtbot, w: IntakeWindow) -> None:
    """Certificate of marital status (1.004873), two papers, the applicant; Enter saves."""
    type_text(qtbot, w.picker.search, "xac nhan tinh trang hon nhan")
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
    w.papers.set_ticked(0, True)
    w.papers.set_ticked(1, True)
    edits = w.line_edits()
    type_text(qtbot, edits["name"], "Nguyễn Thị Hồng Nhung")
    type_text(qtbot, edits["id_number"], "079190012345")
    type_text(qtbot, edits["phone"], "0912 345 678")
    qtbot.keyClick(edits["phone"], Qt.Key.Key_Return)
    saves_done(qtbot)


def test_a_hung_printer_leaves_the_window_alive_until_it_prints(qtbot, intake, db, hung_printer):
    settings.set_setting(db, settings.PRINTER_URI, hung_printer.uri)
    ticks = ticks_of(intake)
    save_an_intake(qtbot, intake)
    assert dossiers.count_dossiers(db) == 1  # saved before anything is printed
    preview = intake.last_preview
    assert preview is not None and preview.code == CODE and preview.isVisible()
    assert preview.image_size() == receipts.receipt_image(db, CODE).size  # shown at once

    qtbot.waitUntil(preview.progress.isVisible)
    assert preview.progress.text() == "Đang chờ máy in nhận phiếu..."
    assert preview.status_text() == f"Đang in phiếu của hồ sơ {CODE}..."
    assert preview.printing() and not preview.reprint_button.isEnabled()
    qtbot.mouseClick(preview.reprint_button, Qt.MouseButton.LeftButton)  # refused: disabled
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
    assert preview.printing() and not hung_printer.released_by_watchdog

    hung_printer.release()
    qtbot.waitUntil(lambda: not preview.printing(), timeout=30_000)
    assert hung_printer.job() == printing.receipt_bytes(receipts.receipt_image(db, CODE))
    assert preview.status_text() == (
        f"Đã gửi phiếu của hồ sơ {CODE} tới tệp {hung_printer.path}. Kiểu kết nối này không "
        "cho máy in báo lại: hãy xem phiếu đã ra chưa, nếu chưa thì bấm “In lại”."
    )
    assert preview.printed_ok() and preview.reprint_button.isEnabled()
    assert not preview.progress.isVisible()
    settle(qtbot)  # one print only: a second would wait on the printer for ever


def test_the_preview_closes_while_the_printer_hangs_and_the_form_takes_the_next_citizen(
    qtbot, intake, db, hung_printer
):
    settings.set_setting(db, settings.PRINTER_URI, hung_printer.uri)
    save_an_intake(qtbot, intake)
    preview = intake.last_preview
    assert preview is not None and preview.printing()
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake.last_preview is None)  # closed and gone
    QApplication.processEvents()
    type_text(qtbot, intake.picker.search, "ket hon")  # the next citizen's procedure
    assert intake.picker.search.text() == "ket hon"
    assert not hung_printer.released_by_watchdog

    hung_printer.release()
    assert hung_printer.job() == printing.receipt_bytes(receipts.receipt_image(db, CODE))
    settle(qtbot)  # the outcome finds no preview to tell, and nothing breaks
