"""The dossier page: its facts and timeline, the step buttons each status and
role allows, every step made from it, and what each step prints (forms 02, 03,
05 and 06 of Circular 03/2025 as A5 PDFs, written off the window's thread; a new
thermal receipt after a supplement)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from background_jobs import page_read, settle, step_opened, steps_done
from dossier_factory import PROCEDURE, record
from keyboard_input import type_text
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk import printing
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import DossierStatus, ReturnMethod
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.domain.office import Clerk
from desk.domain.roles import Role
from desk.services import accounts, catalog, dossiers, office, settings, steps
from desk.storage.database import Database
from desk.ui.dossier.dossier_page import DossierPage
from desk.ui.dossier.form_documents import STOP_NOTICE, SUPPLEMENT_REQUEST, form_path
from desk.ui.dossier.step_dialogs import StepDialog
from desk.ui.intake.receipt_preview import ReceiptPreviewDialog


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch) -> Path:
    """The user's data folder (where the forms are written) inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def code(db: Database, clerk: Clerk, clock: FixedClock) -> str:
    return record(db, clerk, clock)


@pytest.fixture
def plain(db: Database, clerk: Clerk) -> Clerk:
    return accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)


def open_page(qtbot, db: Database, clerk: Clerk, code: str, clock: FixedClock) -> DossierPage:
    page = DossierPage(db, clerk, code, clock)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def step_dialog(qtbot, page: DossierPage, kind: StepKind) -> StepDialog:  # noqa: ANN001
    """Press the step's button and return the dialog it opened over the page."""
    button = page.step_buttons[kind]
    assert button.isEnabled(), button.toolTip()
    button.click()
    step_opened(qtbot, page)
    dialog = page.last_dialog
    assert dialog is not None and dialog.isVisible() and dialog.kind is kind
    assert dialog.windowModality() != Qt.WindowModality.NonModal
    return dialog


def confirm(qtbot, dialog: StepDialog) -> None:  # noqa: ANN001
    dialog.ok_button.click()
    steps_done(qtbot, dialog)
    if shiboken6.isValid(dialog):  # a dialog that closed was deleted: it said nothing
        assert dialog.message() == "", dialog.message()
    QApplication.processEvents()


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


def forms_written(qtbot, page: DossierPage) -> None:
    """Wait until the forms the page asked for are written (they are, off its thread)."""
    qtbot.waitUntil(lambda: not page.forms.running, timeout=20_000)
    QApplication.processEvents()


def close_boxes(page: DossierPage) -> list[str]:
    """Close the message boxes the page opened (e.g. "no PDF reader here"); their texts."""
    texts = []
    for box in visible_message_boxes(page):
        texts.append(box.text())
        click_box_button(box, "Đóng")
    return texts


def is_a5(size: tuple[float, float]) -> bool:
    return sorted(round(s) for s in size) == [420, 595]


# -- what the page shows -------------------------------------------------------------------


def test_the_page_shows_the_applicant_the_papers_and_the_appointment(qtbot, db, clerk, clock, code):
    page = open_page(qtbot, db, clerk, code, clock)
    assert page.windowTitle() == f"Hồ sơ {code}"
    assert code in page.heading.text() and "Đã tiếp nhận" in page.heading.text()
    assert page.facts["name"].text() == "Trần Văn Hùng"
    assert page.facts["id_number"].text() == "079090001234 (CCCD)"
    assert page.facts["phone"].text() == "0912345678"
    assert page.facts["appointment"].text() == "09:15 ngày 13/03/2026"
    assert page.facts["holder"].text() == "Bộ phận Một cửa"
    assert page.facts["assignee"].text() == "Nguyễn Văn An"
    assert page.facts["clerk"].text() == "Nguyễn Văn An"
    first_paper = catalog.get_procedure(db, PROCEDURE).papers[0].name
    assert page.papers_table.rowCount() == 1
    assert page.papers_table.item(0, 0).text() == first_paper
    assert page.timeline_table.rowCount() == 1
    assert page.timeline_table.item(0, 1).text() == "Tiếp nhận hồ sơ"


def test_buttons_follow_the_status_and_a_disabled_one_says_why(qtbot, db, clerk, clock, code):
    page = open_page(qtbot, db, clerk, code, clock)
    assert set(page.allowed_steps()) == {
        StepKind.TRANSFER,
        StepKind.SUPPLEMENT_REQUEST,
        StepKind.RESULT_READY,
        StepKind.REFUSE,
        StepKind.STOP,
        StepKind.REASSIGN,
        StepKind.EDIT,
    }
    assert (
        page.step_buttons[StepKind.RETURN]
        .toolTip()
        .endswith("Hồ sơ chưa có kết quả nên chưa thể trả: hãy ghi nhận 'Có kết quả' trước.")
    )
    steps.mark_ready(db, clerk, code, clock)
    page.reload()
    page_read(qtbot, page)
    assert set(page.allowed_steps()) == {StepKind.RETURN, StepKind.REASSIGN, StepKind.EDIT}


def test_a_clerk_gets_no_supervisor_steps_and_no_audit_trail(qtbot, db, plain, clock, code):
    page = open_page(qtbot, db, plain, code, clock)
    for kind, message in (
        (StepKind.REASSIGN, "Chỉ lãnh đạo, giám sát mới được giao lại hồ sơ cho cán bộ khác."),
        (StepKind.EDIT, "Chỉ lãnh đạo, giám sát mới được sửa thông tin hồ sơ đã tiếp nhận."),
    ):
        assert not page.step_buttons[kind].isEnabled()
        assert page.step_buttons[kind].toolTip() == message
    assert page.audit_table is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Quá trình xử lý",
        "Giấy tờ đã nhận",
        "Bản số hóa",
    ]


def test_a_second_supplement_request_is_not_offered_in_the_same_round(
    qtbot, db, clerk, clock, code
):
    name = catalog.get_procedure(db, PROCEDURE).papers[1].name
    steps.request_supplement(db, clerk, code, SupplementRequest((name,), "Thiếu"), clock)
    page = open_page(qtbot, db, clerk, code, clock)
    button = page.step_buttons[StepKind.SUPPLEMENT_REQUEST]
    assert not button.isEnabled()
    assert button.toolTip().startswith("Hồ sơ này đã có một yêu cầu bổ sung")
    assert page.step_buttons[StepKind.SUPPLEMENT_RECEIVED].isEnabled()


# -- every step from the page ----------------------------------------------------------------


def test_a_dossier_s_whole_life_from_the_page(qtbot, db, clerk, clock, code, tmp_path):
    settings.set_setting(db, settings.PRINTER_URI, f"file:{tmp_path / 'receipt.bin'}")
    page = open_page(qtbot, db, clerk, code, clock)
    changed = []
    page.changed.connect(changed.append)

    d = step_dialog(qtbot, page, StepKind.TRANSFER)
    d.department_combo.setCurrentIndex(d.department_combo.findData("Công chức Tư pháp - Hộ tịch"))
    confirm(qtbot, d)
    assert page.facts["holder"].text() == "Công chức Tư pháp - Hộ tịch"
    assert page.notice.text() == "Đã ghi nhận: Chuyển xử lý."

    d = step_dialog(qtbot, page, StepKind.SUPPLEMENT_REQUEST)
    wanted = [p.name for p in catalog.get_procedure(db, PROCEDURE).papers[1:3]]
    d.set_missing(wanted)
    d.reason_edit.setPlainText("Thiếu giấy tờ chứng minh nơi cư trú")
    confirm(qtbot, d)
    assert "Chờ bổ sung" in page.heading.text()
    assert "Đang tạo Phiếu yêu cầu bổ sung" in page.notice.text() or not page.forms.running
    forms_written(qtbot, page)
    form02 = form_path(SUPPLEMENT_REQUEST, code)
    assert form02.exists() and is_a5(pdf_page_size(form02))
    assert code in pdf_text(form02)
    assert any("chưa mở được tệp PDF" in t for t in close_boxes(page))

    clock.advance(datetime(2026, 3, 12, 14, 0, tzinfo=VN_TZ) - clock.now())
    d = step_dialog(qtbot, page, StepKind.SUPPLEMENT_RECEIVED)
    confirm(qtbot, d)
    assert page.facts["appointment"].text() == "14:00 ngày 17/03/2026"
    assert page.notice.text() == "Đã nhận bổ sung. Hẹn trả mới: 14:00 ngày 17/03/2026."
    settle(qtbot)
    assert isinstance(page.last_preview, ReceiptPreviewDialog) and page.last_preview.printed_ok()
    page.last_preview.reject()

    d = step_dialog(qtbot, page, StepKind.RESULT_READY)
    confirm(qtbot, d)
    assert page.notice.text() == "Đã ghi nhận có kết quả: Trước hạn."

    d = step_dialog(qtbot, page, StepKind.RETURN)
    confirm(qtbot, d)
    assert "Đã trả kết quả" in page.heading.text()
    assert page.allowed_steps() == [StepKind.REASSIGN, StepKind.EDIT]

    rows = [
        [page.timeline_table.item(r, c).text() for c in range(7)]
        for r in range(page.timeline_table.rowCount())
    ]
    assert [r[1] for r in rows] == [
        "Tiếp nhận hồ sơ",
        "Chuyển xử lý",
        "Yêu cầu bổ sung hồ sơ",
        "Nhận hồ sơ bổ sung",
        "Có kết quả giải quyết",
        "Trả kết quả",
    ]
    assert rows[1][2:5] == ["Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Nguyễn Văn An"]
    assert rows[2][6].startswith(f"Cần bổ sung: {wanted[0]}; {wanted[1]}")
    assert rows[3][6] == "Hẹn trả mới: 17/03/2026 14:00"
    assert rows[4][5] == "Trước hạn"
    assert rows[5][6] == "Người nhận: Trần Văn Hùng"
    assert changed == [code] * 5
    audit_actions = [page.audit_table.item(r, 2).text() for r in range(page.audit_table.rowCount())]
    assert audit_actions[-1] == "Trả kết quả" and len(audit_actions) >= 5


def test_the_new_receipt_after_a_supplement_carries_the_new_appointment(
    qtbot, db, clerk, clock, code, tmp_path
):
    target = tmp_path / "receipt.bin"
    settings.set_setting(db, settings.PRINTER_URI, f"file:{target}")
    name = catalog.get_procedure(db, PROCEDURE).papers[1].name
    steps.request_supplement(db, clerk, code, SupplementRequest((name,), "Thiếu"), clock)
    old = dossiers.get_dossier(db, code)
    later = FixedClock(datetime(2026, 3, 12, 14, 0, tzinfo=VN_TZ))
    page = open_page(qtbot, db, clerk, code, later)
    confirm(qtbot, step_dialog(qtbot, page, StepKind.SUPPLEMENT_RECEIVED))
    new = dossiers.get_dossier(db, code)
    assert new.appointment_at == datetime(2026, 3, 17, 14, 0, tzinfo=VN_TZ) != old.appointment_at
    settle(qtbot)
    the_office = office.get_office(db)
    printed = target.read_bytes()
    assert printed == printing.receipt_bytes(printing.receipt_image(new, the_office))
    assert printed != printing.receipt_bytes(printing.receipt_image(old, the_office))
    text = printing.ReceiptLayout.for_dossier(new, the_office).text()
    assert "HẸN TRẢ KẾT QUẢ\n14 giờ 00 phút\nThứ Ba, ngày 17/03/2026" in text
    preview = page.last_preview
    assert preview is not None and preview.code == code
    assert preview.image_size() == printing.receipt_image(new, the_office).size


def test_refusal_from_the_page_writes_form_03(qtbot, db, clerk, clock, code, data_home):
    page = open_page(qtbot, db, clerk, code, clock)
    d = step_dialog(qtbot, page, StepKind.REFUSE)
    d.reason_edit.setPlainText("Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã")
    confirm(qtbot, d)
    assert dossiers.get_dossier(db, code).status is DossierStatus.REFUSED
    forms_written(qtbot, page)
    close_boxes(page)
    path = data_home / "desk" / "documents" / f"phieu-tu-choi-{code}.pdf"
    assert path.exists() and is_a5(pdf_page_size(path))
    assert "không thuộc thẩm quyền" in pdf_text(path)
    assert page.refusal_form_button.isEnabled()
    assert page.notice.text().startswith("Đã ghi nhận: Từ chối giải quyết. Đã tạo Phiếu từ chối")


def test_stop_from_the_page_writes_form_05(qtbot, db, clerk, clock, code):
    page = open_page(qtbot, db, clerk, code, clock)
    assert not page.stop_form_button.isEnabled()
    d = step_dialog(qtbot, page, StepKind.STOP)
    assert d.ok_button.text() == "Dừng và in thông báo"
    d.reason_edit.setPlainText("Người nộp có đơn xin rút hồ sơ")
    confirm(qtbot, d)
    assert "Dừng giải quyết" in page.heading.text()
    assert page.allowed_steps() == [StepKind.REASSIGN, StepKind.EDIT]
    forms_written(qtbot, page)
    close_boxes(page)
    path = form_path(STOP_NOTICE, code)
    assert path.name == f"thong-bao-dung-{code}.pdf"
    assert path.exists() and is_a5(pdf_page_size(path))
    text = " ".join(pdf_text(path).split())
    for words in (
        "THÔNG BÁO",
        "DỪNG GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 05 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        code,
        "Trần Văn Hùng",
        "Lý do theo đề nghị: Người nộp có đơn xin rút hồ sơ",
    ):
        assert words in text, words
    assert page.notice.text().startswith(
        "Đã ghi nhận: Dừng giải quyết theo đề nghị. Đã tạo Thông báo dừng giải quyết hồ sơ (mẫu 05)"
    )
    assert page.stop_form_button.isEnabled()
    assert page.stop_form_button.text() == "Thông báo dừng (mẫu 05)"


def test_the_stop_notice_is_written_again_from_the_footer(qtbot, db, clerk, clock, code):
    steps.stop(db, clerk, code, "Xin rút hồ sơ", clock)
    page = open_page(qtbot, db, clerk, code, clock)
    page.stop_form_button.click()
    assert page.forms.running or form_path(STOP_NOTICE, code).exists()
    forms_written(qtbot, page)
    close_boxes(page)
    assert "Xin rút hồ sơ" in pdf_text(form_path(STOP_NOTICE, code))


def test_a_form_that_cannot_be_written_is_told_and_the_page_goes_on(
    qtbot, db, clerk, clock, code, data_home
):
    steps.stop(db, clerk, code, "Xin rút hồ sơ", clock)
    page = open_page(qtbot, db, clerk, code, clock)
    blocked = form_path(STOP_NOTICE, code)
    blocked.mkdir(parents=True)  # a folder where the file should go: it cannot be replaced
    page.stop_form_button.click()
    forms_written(qtbot, page)
    texts = close_boxes(page)
    assert texts and str(blocked) in texts[0]
    assert page.stop_form_button.isEnabled()


def test_return_by_post_from_the_page(qtbot, db, clerk, clock, code):
    steps.mark_ready(db, clerk, code, clock)
    page = open_page(qtbot, db, clerk, code, clock)
    d = step_dialog(qtbot, page, StepKind.RETURN)
    d.set_method(ReturnMethod.POST)
    d.tracking_edit.setText("EL123456789VN")
    confirm(qtbot, d)
    last = page.timeline_table.rowCount() - 1
    assert page.timeline_table.item(last, 6).text() == (
        "Gửi qua bưu chính, mã vận đơn EL123456789VN"
    )
    assert page.timeline_table.item(last, 3).text() == "Bưu điện"


def test_supervisor_steps_from_the_page_show_in_the_audit_trail(
    qtbot, db, clerk, plain, clock, code
):
    page = open_page(qtbot, db, clerk, code, clock)
    d = step_dialog(qtbot, page, StepKind.REASSIGN)
    d.set_user("canbo1")
    d.reason_edit.setPlainText("Cán bộ phụ trách nghỉ phép")
    confirm(qtbot, d)
    assert page.facts["assignee"].text() == "Lê Thị Hoa"
    d = step_dialog(qtbot, page, StepKind.EDIT)
    d.edits["address"].setText("Số 5 đường Lê Lợi, xã Tân Phú")
    d.reason_edit.setPlainText("Ghi thiếu địa chỉ")
    confirm(qtbot, d)
    assert page.facts["address"].text() == "Số 5 đường Lê Lợi, xã Tân Phú"
    rows = [
        [page.audit_table.item(r, c).text() for c in range(5)]
        for r in range(page.audit_table.rowCount())
    ]
    assert rows[-1][2] == "Sửa thông tin hồ sơ"
    assert rows[-1][3] == "Địa chỉ: —"
    assert rows[-1][4] == "Địa chỉ: Số 5 đường Lê Lợi, xã Tân Phú; Ghi chú: Ghi thiếu địa chỉ"
    assert rows[-2][2] == "Giao lại cán bộ phụ trách"


def test_the_control_slip_is_an_a5_pdf_with_the_hand_overs(
    qtbot, db, clerk, clock, code, data_home
):
    steps.transfer(db, clerk, code, "Công an xã", clock)
    page = open_page(qtbot, db, clerk, code, clock)
    assert page.slip_button.text() == "Phiếu kiểm soát (mẫu 06)"
    page.slip_button.click()
    forms_written(qtbot, page)
    close_boxes(page)
    path = data_home / "desk" / "documents" / f"phieu-kiem-soat-{code}.pdf"
    assert path.exists() and is_a5(pdf_page_size(path))
    text = pdf_text(path)
    assert code in text and "Công an xã" in text


def test_a_step_raced_by_another_counter_is_refused_with_the_message(qtbot, db, clerk, clock, code):
    page = open_page(qtbot, db, clerk, code, clock)
    d = step_dialog(qtbot, page, StepKind.RESULT_READY)
    steps.stop(db, clerk, code, "Người nộp xin rút hồ sơ", clock)  # meanwhile, elsewhere
    d.ok_button.click()
    steps_done(qtbot, d)
    assert d.isVisible()
    assert d.message() == (
        "Không thể thực hiện 'Có kết quả giải quyết' khi hồ sơ đang ở trạng thái "
        "'Dừng giải quyết'. Chỉ ghi nhận kết quả cho hồ sơ đang giải quyết."
    )


def test_the_applicant_withdraws_a_channel_from_the_dossier_page(qtbot, db, clerk, clock):
    """At the counter the citizen asks to stop the SMS: the clerk unticks it, notes the
    request, and the intake's SMS still waiting is never sent; Zalo goes on."""
    from desk.domain.consent import Consent, MessageChannel
    from desk.domain.messages import MessageStatus
    from desk.services import audit, notify_settings, outbox

    notify_settings.set_up(
        db,
        clerk,
        clock,
        modem="serial:/dev/null",
        zalo_token="t0k",
        zalo_url="http://127.0.0.1:9/z",
    )
    code = record(db, clerk, clock, consent=Consent(sms=True, zalo=True))
    page = open_page(qtbot, db, clerk, code, clock)
    assert "SMS, Zalo" in page.messages.line.text()
    page.messages.consent_button.click()
    qtbot.waitUntil(lambda: not page.opening_step())  # read off the window's thread
    dialog = page.last_consent_dialog
    assert dialog is not None and dialog.isVisible()
    boxes = dialog.box.boxes
    assert boxes[MessageChannel.SMS].isChecked() and boxes[MessageChannel.ZALO].isChecked()
    assert not boxes[MessageChannel.EMAIL].isEnabled()  # no e-mail address, no box
    qtbot.mouseClick(boxes[MessageChannel.SMS], Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.note, "Đơn ngày 07/12/2026: không nhận SMS")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page_read(qtbot, page)
    assert outbox.consent_for(db, code) == Consent(zalo=True)
    assert "qua: Zalo." in page.messages.line.text()
    assert "chờ gửi 1, gửi không được 0. Không gửi 1 vì người nộp đã rút đồng ý." in (
        page.messages.line.text()
    )
    assert "1 tin nhắn chưa gửi" in page.notice.text()
    sms = [m for m in outbox.dossier_messages(db, code) if m.channel is MessageChannel.SMS]
    assert [m.status for m in sms] == [MessageStatus.WITHDRAWN]
    shown = [page.timeline_table.item(r, 5).text() for r in range(page.timeline_table.rowCount())]
    assert "Không gửi" in shown and "Chờ gửi" in shown  # the SMS stopped, the Zalo waits
    (entry,) = [e for e in audit.trail(db, "dossier", code) if e.action == "consent"]
    assert entry.after["note"] == "Đơn ngày 07/12/2026: không nhận SMS"


def test_a_channel_without_its_address_is_refused_in_the_dialog(qtbot, db, clerk, clock):
    from desk.domain.consent import Consent, MessageChannel
    from desk.services import notify_settings, outbox

    notify_settings.set_up(db, clerk, clock, modem="serial:/dev/null")
    code = record(db, clerk, clock, phone="", consent=Consent())
    page = open_page(qtbot, db, clerk, code, clock)
    page.messages.consent_button.click()
    qtbot.waitUntil(lambda: not page.opening_step())  # read off the window's thread
    dialog = page.last_consent_dialog
    assert not dialog.box.boxes[MessageChannel.SMS].isEnabled()  # no phone: not offered
    dialog.accept()  # nothing ticked, nothing changed: accepted quietly
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert outbox.consent_for(db, code) == Consent()


def test_a_withdrawn_message_is_explained_in_the_readers_language(qtbot, db, clerk, clock):
    """The reason stored with a withdrawn message is in the language of whoever recorded
    it; the page says it in its own."""
    from desk.domain import translation
    from desk.domain.consent import Consent
    from desk.services import notify_settings, outbox
    from desk.ui.session import language

    notify_settings.set_up(db, clerk, clock, modem="serial:/dev/null")
    code = record(db, clerk, clock, consent=Consent(sms=True))
    assert outbox.change_consent(db, clerk, code, Consent(), clock, "Đơn ngày 10/03/2026") == 1
    language.install_language("en")
    try:
        page = open_page(qtbot, db, clerk, code, clock)
        table = page.timeline_table
        details = [table.item(r, 6).text() for r in range(table.rowCount())]
        results = [table.item(r, 5).text() for r in range(table.rowCount())]
        line = page.messages.line.text()
    finally:
        language.install_language("vi")
        translation.install_backend(None)
    (withdrawn,) = [d for d, r in zip(details, results) if r == "Not sent"]
    assert withdrawn.endswith(
        "The applicant withdrew their consent to messages through this channel."
    )
    assert "1 withheld: the applicant withdrew their consent." in line
