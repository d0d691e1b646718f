"""The scan box: F2 from any screen, a scanned (or typed) code + Enter opens the
dossier, and a dossier whose result is ready goes straight to "Trả kết quả"."""

from __future__ import annotations

import pytest
from background_jobs import list_read, opened, shown_page, step_opened, steps_done
from dossier_factory import record
from keyboard_input import type_text
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk.domain.clock import FixedClock
from desk.domain.dossier import DossierStatus
from desk.domain.lifecycle import StepKind
from desk.domain.office import Clerk
from desk.services import dossiers, steps
from desk.storage.database import Database
from desk.ui.dossier.result_dialogs import ReturnDialog
from desk.ui.worklist.main_window import DOSSIERS_TAB, INTAKE_TAB, MainWindow
from desk.ui.worklist.scan_box import normalise_code


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def window(qtbot, db: Database, clerk: Clerk, clock: FixedClock) -> MainWindow:
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    list_read(qtbot, w)
    w.activateWindow()
    return w


def scan(qtbot, window: MainWindow, text: str) -> None:
    """What a keyboard-wedge scanner does: type the code, then Enter."""
    type_text(qtbot, window.scan_box.edit, text)
    qtbot.keyClick(window.scan_box.edit, Qt.Key.Key_Return)
    shown_page(qtbot, window, normalise_code(text))  # read off the window's thread


def test_codes_are_read_as_stored():
    assert normalise_code(" h36.41-260310-0001\n") == "H36.41-260310-0001"
    assert normalise_code("H36.41 - 260310 - 0001") == "H36.41-260310-0001"
    assert normalise_code("   ") == ""


def test_f2_puts_the_cursor_in_the_scan_box_from_the_intake_form(qtbot, window):
    window.tabs.setCurrentIndex(INTAKE_TAB)
    window.intake.focus_search()
    assert window.intake.picker.search.hasFocus()
    qtbot.keyClick(window.intake.picker.search, Qt.Key.Key_F2)
    assert window.scan_box.edit.hasFocus()
    assert window.scan_action.shortcut().toString() == "F2"
    assert window.scan_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut


def test_a_scanned_code_opens_its_dossier_page(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    scan(qtbot, window, code)
    page = window.pages[code]
    assert page.isVisible() and page.code == code
    assert page.last_dialog is None  # no result yet: only the page
    assert window.scan_box.edit.text() == ""  # ready for the next scan


def test_a_typed_code_in_small_letters_opens_it_too(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    scan(qtbot, window, f" {code.lower()} ")
    assert code in window.pages


def test_scanning_the_same_code_again_brings_the_same_page(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    scan(qtbot, window, code)
    first = window.pages[code]
    scan(qtbot, window, code)
    assert window.pages[code] is first and len(window.pages) == 1


def test_an_unknown_code_says_so_and_keeps_what_was_read(qtbot, window):
    scan(qtbot, window, "H36.41-260310-9999")
    [box] = visible_message_boxes(window)
    assert box.text() == (
        "Không tìm thấy hồ sơ mã 'H36.41-260310-9999'. Kiểm tra lại mã trên phiếu hẹn."
    )
    click_box_button(box, "Đóng")
    assert window.scan_box.edit.text() == "H36.41-260310-9999"
    assert window.pages == {}


def test_a_ready_result_goes_straight_to_the_return(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    steps.mark_ready(db, clerk, code, clock)
    scan(qtbot, window, code)
    page = window.pages[code]
    dialog = page.last_dialog
    assert isinstance(dialog, ReturnDialog) and dialog.isVisible()
    assert dialog.collected_edit.text() == "Trần Văn Hùng"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    steps_done(qtbot, dialog)
    assert dossiers.get_dossier(db, code).status is DossierStatus.RETURNED
    assert "Đã trả kết quả" in page.heading.text()


def test_f2_from_a_dossier_page_goes_back_to_the_scan_box(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    page = opened(qtbot, window, code)
    assert page is not None
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    qtbot.keyClick(page.close_button, Qt.Key.Key_F2)
    qtbot.waitUntil(window.scan_box.edit.hasFocus, timeout=2000)


def test_a_step_on_a_page_refreshes_the_worklist(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    window.refresh_dossiers()
    list_read(qtbot, window)
    assert window.dossier_model.codes() == [code]
    page = opened(qtbot, window, code)
    page.open_step(StepKind.STOP)
    step_opened(qtbot, page)
    dialog = page.last_dialog
    dialog.reason_edit.setPlainText("Người nộp xin rút hồ sơ")
    dialog.ok_button.click()
    steps_done(qtbot, dialog)
    list_read(qtbot, window)
    assert window.dossier_model.codes() == []  # stopped: no longer running
