"""The kiosk's "Tra cứu hồ sơ": a scanned receipt, a typed code with 4 digits, nothing personal."""

from __future__ import annotations

import pytest
from background_jobs import screen_read, ticks_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from server_locks import locked

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import accounts, catalog, queue_setup, steps
from desk.services.intake import record_intake
from desk.services.public_status import NO_MATCH
from desk.ui.public.kiosk_status import KioskStatusPage
from desk.ui.public.kiosk_window import CHOOSE, STATUS, KioskWindow

CERTIFICATE = "1.004873"  # 3 working days: received Tue 10/03/2026 09:15, due Fri 13/03 09:15
PRIVATE = ("Phạm Thị Hồng", "079190001234", "0912345678", "Số 5 đường Lê Lợi", "Nguyễn Văn An")


@pytest.fixture
def code(db, clerk, clock) -> str:
    return received(db, clerk, clock)


def received(db, clerk, clock) -> str:
    """The code of a dossier received for PRIVATE[0]."""
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(
            name=PRIVATE[0], id_number=PRIVATE[1], phone=PRIVATE[2], address=PRIVATE[3]
        ),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def make_page(qtbot, db, size=(1920, 1080)) -> KioskStatusPage:
    page = KioskStatusPage(db)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    status_read(qtbot, page)
    return page


def status_read(qtbot, page: KioskStatusPage) -> None:
    """Wait until the code scanned or typed has been looked up (off the window's thread)."""
    qtbot.waitUntil(lambda: not page.reading(), timeout=30_000)


def screen_text(widget) -> str:
    """Every text the screen shows (labels and inputs)."""
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(texts)


def press(qtbot, page: KioskStatusPage, keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(page.pad_buttons[key], Qt.MouseButton.LeftButton)


def test_a_scanned_receipt_shows_the_status_and_nothing_personal(qtbot, db, code, shots):
    page = make_page(qtbot, db)
    assert page.focusWidget() is page.scan_edit  # the reader types into it
    qtbot.keyClicks(page.scan_edit, code.lower())
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    status_read(qtbot, page)
    assert page.pages.currentIndex() == 1
    assert page.facts["code"].text() == code
    assert page.facts["procedure"].text() == catalog.get_procedure(db, CERTIFICATE).name
    assert page.facts["status"].text() == "Đã tiếp nhận"
    assert page.facts["appointment"].text() == "09 giờ 15 phút, Thứ Sáu, ngày 13/03/2026"
    assert page.ready_label.text() == "Chưa có kết quả."
    shown = screen_text(page)
    for private in PRIVATE:
        assert private not in shown
    page.grab().save(str(shots / "kiosk-status-1920x1080.png"))
    page._clear_timer.timeout.emit()  # left on screen: it clears itself
    assert page.pages.currentIndex() == 0 and page.facts["code"].text() == ""


def test_a_typed_code_needs_the_last_four_digits(qtbot, db, code, shots):
    page = make_page(qtbot, db, size=(1080, 1920))
    digits = code.split("-", 1)[1].replace("-", "")
    press(qtbot, page, digits)
    assert page.code_edit.text() == code.split("-", 1)[1]
    assert page.active is page.id_edit  # ten digits typed: on to the ID digits
    press(qtbot, page, "4321")
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    status_read(qtbot, page)
    assert page.pages.currentIndex() == 0 and page.entry_error.text() == NO_MATCH
    press(qtbot, page, "C1234")
    page.grab().save(str(shots / "kiosk-status-entry-1080x1920.png"))
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    status_read(qtbot, page)
    assert page.pages.currentIndex() == 1 and page.facts["code"].text() == code
    page.grab().save(str(shots / "kiosk-status-1080x1920.png"))


def test_an_incomplete_code_or_missing_digits_are_explained(qtbot, db, code):
    page = make_page(qtbot, db)
    press(qtbot, page, "26031")
    assert page.code_edit.text() == "26031"
    page.find_typed()
    assert "10 chữ số" in page.entry_error.text() and page.active is page.code_edit
    press(qtbot, page, "⌫")
    assert page.code_edit.text() == "2603"
    press(qtbot, page, "100001")
    assert page.code_edit.text() == "260310-0001" and page.active is page.id_edit
    page.find_typed()
    status_read(qtbot, page)
    assert "4 chữ số cuối" in page.entry_error.text() and page.active is page.id_edit


def test_a_ready_result_says_come_and_collect(qtbot, db, clerk, clock, code, shots):
    steps.mark_ready(db, clerk, code, clock)
    page = make_page(qtbot, db)
    page.scan(code)
    status_read(qtbot, page)
    assert page.facts["status"].text() == "Có kết quả, chờ trả"
    assert page.ready_label.text().startswith("ĐÃ CÓ KẾT QUẢ")
    assert page.ready_label.property("ready") is True
    page.grab().save(str(shots / "kiosk-status-ready-1920x1080.png"))


def test_an_unknown_scan_stays_on_the_entry_with_a_message(qtbot, db):
    page = make_page(qtbot, db)
    page.scan("H36.41-260310-0999")
    status_read(qtbot, page)
    assert page.pages.currentIndex() == 0
    assert "H36.41-260310-0999" in page.entry_error.text()


def test_a_receipt_scanned_on_the_start_screen_opens_the_status(qtbot, db, clock, code, shots):
    queue_setup.ensure_defaults(db)
    kiosk = KioskWindow(db, clock, printer_uri="none")
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    screen_read(qtbot, kiosk)
    assert (kiosk.width(), kiosk.height()) == (1080, 1920)
    qtbot.keyClick(kiosk, code[0])  # the reader's first key reaches the start screen
    assert kiosk.focusWidget() is kiosk.status.scan_edit  # the rest go to the status page
    qtbot.keyClicks(kiosk.focusWidget(), code[1:])
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Return)
    screen_read(qtbot, kiosk)
    assert kiosk.pages.currentIndex() == STATUS
    assert kiosk.status.facts["code"].text() == code
    kiosk.grab().save(str(shots / "kiosk-status-kiosk-1080x1920.png"))
    qtbot.mouseClick(kiosk.status.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.status.pages.currentIndex() == 0
    kiosk._idle.timeout.emit()
    assert kiosk.pages.currentIndex() == CHOOSE


def test_a_scan_waiting_on_a_locked_server_leaves_the_page_answering(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    code = received(server_db, clerk, clock)
    page = make_page(qtbot, server_db)
    ticks = ticks_of(page)
    with locked(server_db.url, "dossiers"):  # another PC's long transaction
        qtbot.keyClicks(page.scan_edit, code)
        qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the kiosk keeps answering
        assert page.reading() and page.pages.currentIndex() == 0
    status_read(qtbot, page)
    assert page.pages.currentIndex() == 1 and page.facts["code"].text() == code
