"""The apology dialog: proposes a date, refuses at the field, records once, opens the letter."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from background_jobs import WAIT_MS, settle
from keyboard_input import type_text
from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTime, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import apologies, catalog, dossiers
from desk.services.intake import record_intake
from desk.ui.dossier.apology_dialog import ApologyDialog

CERTIFICATE = "1.004873"  # 3 working days: received Tue 10/03/2026 09:15, due Fri 13/03 09:15


class Opened(QObject):
    """Takes the place of the PDF viewer: Qt hands it the URLs the dialog opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened():
    viewer = Opened()
    QDesktopServices.setUrlHandler("file", viewer, "open_url")
    yield viewer
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "desk"


@pytest.fixture
def code(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Hoàng Thị Lan", id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def open_dialog(qtbot, db, clerk, code, clock) -> ApologyDialog:
    dialog = ApologyDialog(db, clerk, code, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def created(qtbot, dialog: ApologyDialog) -> None:  # noqa: ANN001
    """Wait until the apology asked for is recorded, or refused (it is, off the window's
    thread)."""
    qtbot.waitUntil(lambda: not dialog.creating(), timeout=WAIT_MS)


def set_new_due(dialog: ApologyDialog, y: int, m: int, d: int, h: int, mi: int) -> None:
    dialog.new_due_edit.setDateTime(QDateTime(QDate(y, m, d), QTime(h, mi)))


def test_the_proposal_and_the_signer_are_shown(qtbot, db, clerk, code, clock):
    dialog = open_dialog(qtbot, db, clerk, code, clock)
    assert dialog.new_due() == datetime(2026, 3, 18, 9, 15, tzinfo=VN_TZ)
    assert "Đề xuất: 09 giờ 15 phút, ngày 18/03/2026 (Thứ Tư)" in dialog.proposal_hint.text()
    assert dialog.signer_label.text() == "CHỦ TỊCH Trần Thị Bình"
    assert dialog.create_button.text() == "Tạo phiếu xin lỗi"
    assert dialog.create_button.isEnabled() and dialog.open_button.isHidden()
    assert dialog.notice.isHidden()  # three days ahead: in time, nothing to warn about
    assert [dialog.notify_combo.itemText(i) for i in range(dialog.notify_combo.count())] == [
        "Trao phiếu trực tiếp",
        "Gửi qua bưu chính",
        "Tin nhắn SMS",
        "Thư điện tử",
        "Gọi điện thoại",
    ]


def test_refusals_are_shown_at_their_fields(qtbot, db, clerk, code, clock, opened):
    dialog = open_dialog(qtbot, db, clerk, code, clock)
    set_new_due(dialog, 2026, 3, 15, 9, 0)  # a Sunday
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    created(qtbot, dialog)
    assert "lý do" in dialog.errors.message("reason")
    assert "15/03/2026 (Chủ nhật) không phải ngày làm việc" in dialog.errors.message("new_due")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert apologies.get_apology(db, code) is None and opened.urls == []
    type_text(qtbot, dialog.reason_edit, "Chờ xác minh")
    assert dialog.errors.message("reason") == ""  # typing clears the message
    set_new_due(dialog, 2026, 3, 16, 12, 0)
    assert dialog.errors.message("new_due") == ""
    dialog.create()
    created(qtbot, dialog)
    assert "12:00 ngoài giờ làm việc" in dialog.errors.message("new_due")


def test_creating_records_the_apology_and_opens_its_letter(
    qtbot, db, clerk, code, clock, opened, data_home
):
    dialog = open_dialog(qtbot, db, clerk, code, clock)
    type_text(qtbot, dialog.reason_edit, "Chờ kết quả xác minh nơi cư trú")
    set_new_due(dialog, 2026, 3, 17, 14, 0)
    dialog.notify_combo.setCurrentIndex(dialog.notify_combo.findData("email"))
    dialog.create()
    assert dialog.creating() and not dialog.create_button.isEnabled()
    dialog.create()  # a second click while it is recorded: nothing more
    dialog.reject()  # nor does Esc leave it half-told
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    apology = apologies.get_apology(db, code)
    assert apology.reason == "Chờ kết quả xác minh nơi cư trú"
    assert apology.new_due_at == datetime(2026, 3, 17, 14, 0, tzinfo=VN_TZ)
    assert apology.notify_method.value == "email" and apology.number_text == "1/PXL"
    assert dossiers.get_dossier(db, code).due_at == apology.new_due_at
    expected = data_home / "documents" / f"{code}-PXL-2026-1.pdf"
    assert dialog.pdf_path == expected and expected.read_bytes()[:5] == b"%PDF-"
    assert [Path(u.toLocalFile()) for u in opened.urls] == [expected]


def test_a_second_time_the_dialog_says_why_and_offers_the_letter(
    qtbot, db, clerk, code, clock, opened, data_home
):
    apologies.make_apology(
        db, clerk, code, "Chờ xác minh", datetime(2026, 3, 17, 9, 0, tzinfo=VN_TZ), "sms", clock
    )
    dialog = open_dialog(qtbot, db, clerk, code, clock)
    assert not dialog.create_button.isEnabled()
    assert not dialog.reason_edit.isEnabled() and not dialog.new_due_edit.isEnabled()
    assert dialog.reason_edit.toPlainText() == "Chờ xác minh"
    assert "đã được xin lỗi và hẹn lại một lần (phiếu số 1/PXL" in dialog.notice.text()
    assert dialog.open_button.isVisible()
    assert dialog.open_letter() is not None
    settle(qtbot)
    assert [Path(u.toLocalFile()).name for u in opened.urls] == [f"{code}-PXL-2026-1.pdf"]


def test_a_late_letter_is_announced_before_it_is_made(qtbot, db, clerk, code):
    on_the_day = FixedClock(datetime(2026, 3, 13, 8, 0))
    dialog = open_dialog(qtbot, db, clerk, code, on_the_day)
    assert dialog.create_button.isEnabled()
    assert "được ghi nhận là lập muộn" in dialog.notice.text()
    assert dialog.new_due() > datetime(2026, 3, 13, 9, 15, tzinfo=VN_TZ)


def test_a_dossier_waiting_for_papers_cannot_be_rescheduled(qtbot, db, clerk, code, clock):
    from desk.domain.lifecycle import SupplementRequest
    from desk.services import steps

    steps.request_supplement(db, clerk, code, SupplementRequest((), "Thiếu chữ ký"), clock)
    clock.advance(timedelta(hours=1))
    dialog = open_dialog(qtbot, db, clerk, code, clock)
    assert not dialog.create_button.isEnabled() and dialog.open_button.isHidden()
    assert "Chờ bổ sung" in dialog.notice.text()
