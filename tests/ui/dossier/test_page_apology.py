"""The apology from the dossier page: offered once for a running dossier, the new date
shown beside the original appointment, the letter (form 04) printed again from the footer."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from background_jobs import page_read, settle
from dossier_factory import record
from keyboard_input import type_text
from PySide6.QtCore import QDate, QDateTime, QObject, QTime, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from desk.domain.clock import VN_TZ
from desk.services import apologies, steps
from desk.ui.dossier.apology_dialog import ApologyDialog
from desk.ui.dossier.dossier_page import DossierPage
from desk.ui.dossier.form_documents import APOLOGY, form_path


class Opened(QObject):
    """Takes the place of the PDF viewer: Qt hands it the files the page opens."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[Path] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.paths.append(Path(url.toLocalFile()))


@pytest.fixture
def opened():
    viewer = Opened()
    QDesktopServices.setUrlHandler("file", viewer, "open_url")
    yield viewer
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def code(db, clerk, clock) -> str:
    """Received Tue 10/03/2026 09:15 for 3 working days: due Fri 13/03 09:15."""
    return record(db, clerk, clock)


def open_page(qtbot, db, clerk, code, clock) -> DossierPage:
    page = DossierPage(db, clerk, code, clock)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_button_opens_the_dialog_and_then_says_it_was_done(
    qtbot, db, clerk, clock, code, opened
):
    page = open_page(qtbot, db, clerk, code, clock)
    button = page.apology_button
    assert button.text() == "Xin lỗi và hẹn lại..."
    assert button.isEnabled() and button.toolTip() == ""
    assert not page.apology_form_button.isEnabled()
    assert "chưa có phiếu xin lỗi" in page.apology_form_button.toolTip()
    assert page.facts["rescheduled"].isHidden()
    changed: list[str] = []
    page.changed.connect(changed.append)

    button.click()
    button.click()  # a second click while the dialog is read: one dialog
    qtbot.waitUntil(lambda: not page.apology_part.opening())
    dialog = page.apology_part.last_dialog
    assert isinstance(dialog, ApologyDialog) and dialog.isVisible() and dialog.code == code
    assert len([d for d in page.findChildren(ApologyDialog) if d.isVisible()]) == 1
    type_text(qtbot, dialog.reason_edit, "Chờ kết quả xác minh nơi cư trú")
    dialog.new_due_edit.setDateTime(QDateTime(QDate(2026, 3, 17), QTime(14, 0)))
    dialog.create()
    settle(qtbot)
    page_read(qtbot, page)
    QApplication.processEvents()

    assert changed == [code]
    assert (
        page.notice.text() == "Đã lập phiếu xin lỗi số 1/PXL. Hẹn trả mới: 14:00 ngày 17/03/2026."
    )
    assert not button.isEnabled()
    assert button.toolTip().startswith(
        f"Hồ sơ {code} đã được xin lỗi và hẹn lại một lần (phiếu số 1/PXL, hẹn mới 14 giờ 00 phút, "
        "ngày 17/03/2026)."
    )
    # The original appointment stays (the statistics count against it); the new one beside it.
    assert page.facts["appointment"].text() == "09:15 ngày 13/03/2026"
    assert page.facts["rescheduled"].text() == (
        "14:00 ngày 17/03/2026 (phiếu xin lỗi số 1/PXL, lập 09:15 ngày 10/03/2026)"
    )
    assert not page.facts["rescheduled"].isHidden()
    assert "Đã hẹn lại" in page.heading.text()
    assert [p.name for p in opened.paths] == [f"{code}-PXL-2026-1.pdf"]  # the dialog's letter


def test_a_dossier_already_rescheduled_offers_its_letter_again(
    qtbot, db, clerk, clock, code, opened, data_home
):
    apologies.make_apology(
        db, clerk, code, "Chờ xác minh", datetime(2026, 3, 17, 9, 0, tzinfo=VN_TZ), "sms", clock
    )
    page = open_page(qtbot, db, clerk, code, clock)
    assert not page.apology_button.isEnabled()
    assert "không thể hẹn lại nữa" in page.apology_button.toolTip()
    assert page.apology_form_button.text() == "Văn bản xin lỗi (mẫu 04)"
    assert page.apology_form_button.isEnabled()
    page.apology_form_button.click()
    qtbot.waitUntil(lambda: not page.forms.running, timeout=20_000)
    path = form_path(APOLOGY, code)
    assert path == data_home / "desk" / "documents" / f"phieu-xin-loi-{code}.pdf"
    assert opened.paths == [path]
    text = pdf_text(path)
    assert code in text and "Chờ xác minh" in text and "1/PXL" in text
    assert page.notice.text().startswith(
        "Đã tạo Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)"
    )


def test_a_closed_dossier_says_why_there_is_no_apology(qtbot, db, clerk, clock, code):
    steps.mark_ready(db, clerk, code, clock)
    page = open_page(qtbot, db, clerk, code, clock)
    assert not page.apology_button.isEnabled()
    assert page.apology_button.toolTip().startswith(
        "Hồ sơ đang ở trạng thái 'Có kết quả, chờ trả': chỉ lập phiếu xin lỗi và hẹn lại"
    )
