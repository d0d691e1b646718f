"""Where the calendar's certainty reaches the clerk: intake, receipt preview, the
supervisor's notice, and Quản trị › Quy định áp dụng."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from background_jobs import appointment_shown, catalog_read, settle
from keyboard_input import type_text
from PySide6.QtCore import Qt

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.legal_rules import RULES, LateCounting
from desk.domain.office import Clerk
from desk.services import accounts, audit, calendar, catalog, intake, office_rules, receipts
from desk.storage.database import Database
from desk.ui.admin.rules_dialog import RulesDialog
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.intake.receipt_preview import ReceiptPreviewDialog
from desk.ui.worklist.main_window import MainWindow

LAND = "1.013978"  # first land registration: 27 working days at the counter
CERTIFY = "2.000815"  # certified copy: the same day
DECEMBER = FixedClock(datetime(2026, 12, 7, 9, 0))
MARCH = FixedClock(datetime(2026, 3, 10, 9, 15))


def intake_window(qtbot, db: Database, clerk: Clerk, clock: FixedClock) -> IntakeWindow:
    window = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    catalog_read(qtbot, window)
    return window


def pick(qtbot, window: IntakeWindow, code: str) -> None:
    window.picker.search.clear()
    type_text(qtbot, window.picker.search, code)
    qtbot.keyClick(window.picker.search, Qt.Key.Key_Return)
    assert window.picker.chosen().code == code


def test_intake_says_an_appointment_in_2027_may_move(qtbot, db, clerk, tmp_path: Path) -> None:
    window = intake_window(qtbot, db, clerk, DECEMBER)
    pick(qtbot, window, LAND)
    appointment_shown(qtbot, window)
    assert "2027" in window.appointment_label.text()
    assert window.calendar_note.isVisible()
    assert window.calendar_note.text().startswith("Ngày hẹn có thể thay đổi")
    assert "01/01/2027" in window.calendar_note.text()
    shots = tmp_path / "intake_unconfirmed.png"
    window.grab().save(str(shots))
    assert shots.stat().st_size > 0
    pick(qtbot, window, CERTIFY)  # decided the same day: nothing to warn about
    appointment_shown(qtbot, window)
    assert not window.calendar_note.isVisible()


def test_intake_in_march_warns_of_nothing(qtbot, db, clerk) -> None:
    window = intake_window(qtbot, db, clerk, MARCH)
    pick(qtbot, window, LAND)
    appointment_shown(qtbot, window)
    assert not window.calendar_note.isVisible()


def test_intake_around_the_proposed_day_says_it_may_move(qtbot, db, clerk) -> None:
    window = intake_window(qtbot, db, clerk, FixedClock(datetime(2026, 11, 20, 9, 0)))
    pick(qtbot, window, LAND)
    appointment_shown(qtbot, window)
    assert "24/11/2026" in window.calendar_note.text()
    calendar.decide_proposed_day(db, clerk, date(2026, 11, 24), False)
    window.refresh_appointment()
    appointment_shown(qtbot, window)
    assert "24/11/2026" not in window.calendar_note.text()


def _record_land(db: Database, clerk: Clerk, clock: FixedClock) -> str:
    procedure = catalog.get_procedure(db, LAND)
    draft = IntakeDraft(
        procedure_code=LAND,
        applicant=Applicant(name="Lê Văn Đức", id_number="079090001234", phone="0987654321"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    return intake.record_intake(db, draft, clerk, clock).code


def test_the_receipt_preview_says_the_date_may_move(qtbot, db, clerk) -> None:
    code = _record_land(db, clerk, DECEMBER)
    dialog = ReceiptPreviewDialog(receipts.receipt_image(db, code), code, db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.calendar_note.isVisible()
    assert "chưa được nhập" in dialog.calendar_note.text()
    march = _record_land(db, clerk, MARCH)
    plain = ReceiptPreviewDialog(receipts.receipt_image(db, march), march, db)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.calendar_note.isVisible()


def test_the_supervisor_sees_the_calendar_notice_until_it_is_decided(qtbot, db, clerk) -> None:
    window = MainWindow(db, clerk, DECEMBER)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    notice = window.calendar_notice
    assert notice is not None and notice.isVisible()
    assert "24/11/2026" in notice.message() and "2027" in notice.message()
    assert notice.message() in notice.toolTip()  # the bar shows a short link, the tip says all
    calendar.decide_proposed_day(db, clerk, date(2026, 11, 24), True)
    notice.refresh()
    settle(qtbot)
    assert "24/11/2026" not in notice.message()
    assert "24/11/2026" not in notice.toolTip()
    window.close()
    plain = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    clerk_window = MainWindow(db, plain, DECEMBER)
    qtbot.addWidget(clerk_window)
    assert clerk_window.calendar_notice is None  # a plain clerk is not asked to decide


def test_the_rules_screen_lists_every_rule_and_saves_the_office_setting(qtbot, db, clerk) -> None:
    dialog = RulesDialog(db, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == len(RULES)
    column = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Chưa" in column and "Có" in column
    sources = " ".join(dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount()))
    assert "Nghị định 118/2025/NĐ-CP điều 19 khoản 6" in sources
    assert office_rules.late_counting(db) is LateCounting.ORIGINAL
    dialog.late_combo.setCurrentIndex(dialog.late_combo.findData("extended"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving())  # saved off the window's thread
    assert office_rules.late_counting(db) is LateCounting.EXTENDED
    assert "Đã lưu" in dialog.notice.text()
    assert audit.trail(db, "setting", "late_counting")[-1].after == {"value": "extended"}


def test_a_clerk_reads_the_rules_but_cannot_change_them(qtbot, db, clerk) -> None:
    plain = accounts.add_clerk(db, clerk, "canbo2", "Phạm Minh Tuấn", "tuan2026ok")
    dialog = RulesDialog(db, plain)
    qtbot.addWidget(dialog)
    assert not dialog.late_combo.isEnabled() and not dialog.save_button.isEnabled()
    with pytest.raises(Exception, match="Chỉ quản trị viên"):
        office_rules.set_late_counting(db, plain, "extended")
