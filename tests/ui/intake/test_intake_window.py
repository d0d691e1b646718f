"""The intake form, driven by keyboard on a real database with the shipped catalog."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest
from background_jobs import appointment_shown, catalog_read, saved, saves_done, settle
from keyboard_input import type_text
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import create_engine

from desk import printing
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import ApplicantKind, ResultDelivery
from desk.domain.procedure import Channel, PaperForm
from desk.services import catalog, dossiers, receipts, settings
from desk.storage.database import Database
from desk.storage.engine import sqlite_path
from desk.ui.intake.intake_window import IntakeWindow

MARRIAGE_STATUS = "1.004873"  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân: 03 ngày làm việc
MARRIAGE = "1.000894"  # Thủ tục đăng ký kết hôn: trong ngày, 15:00 cut-off
LAND = "1.013978"  # first land registration: 27 working days, 17 online, 20 by post


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key, times: int = 1) -> None:
    """Keys to the focused widget, letting queued work run as a live event loop would."""
    for _ in range(times):
        qtbot.keyClick(focused(), key)
        QApplication.processEvents()
        saves_done(qtbot)  # an Enter that saved: its outcome, as the clerk waits for it


def pick(qtbot, w: IntakeWindow, query: str) -> None:
    type_text(qtbot, w.picker.search, query)
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)


def fill_valid(qtbot, w: IntakeWindow, **values: str) -> None:
    """A complete, valid intake of 1.004873 with the first two papers ticked."""
    pick(qtbot, w, "xac nhan tinh trang hon nhan")
    w.papers.set_ticked(0, True)
    w.papers.set_ticked(1, True)
    fields = {
        "name": "Nguyễn Thị Hồng Nhung",
        "id_number": "079190012345",
        "birth_date": "05/09/1990",
        "address": "Ấp 3, xã Tân Phú, tỉnh Đồng Nai",
        "phone": "0912 345 678",
        "email": "nhung@example.vn",
    }
    fields.update(values)
    edits = w.line_edits()
    for key, text in fields.items():
        if text:
            type_text(qtbot, edits[key], text)


def saved_count(db: Database) -> int:
    return dossiers.count_dossiers(db)


def type_papers_by_keyboard(qtbot, w: IntakeWindow) -> None:
    """Pick 1.004873 from the search, tick two papers, change one's form and count."""
    assert focused() is w.picker.search
    type_text(qtbot, w.picker.search, "xac nhan tinh trang hon nhan")
    press(qtbot, Qt.Key.Key_Return)
    assert w.picker.chosen().code == MARRIAGE_STATUS
    assert focused() is w.papers
    press(qtbot, Qt.Key.Key_Space)  # tờ khai
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # giấy tờ tùy thân, published as "Xuất trình"
    press(qtbot, Qt.Key.Key_Right)  # its form
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Up)  # "Bản sao"
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Right)  # the count
    type_text(qtbot, focused(), "2")  # opens the count's editor with "2" typed
    press(qtbot, Qt.Key.Key_Return)  # commits the count, saves nothing
    assert (w.papers.form(1), w.papers.count(1)) == (PaperForm.COPY, 2)


def type_applicant_by_keyboard(qtbot, w: IntakeWindow) -> None:
    """Tab from the papers through every field, typing as a clerk would."""
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is w.person_radio
    press(qtbot, Qt.Key.Key_Tab)
    for text in (
        "Nguyễn Thị Hồng Nhung",
        "079190012345",
        "05/09/1990",
        "Ấp 3, xã Tân Phú, tỉnh Đồng Nai",
        "0912 345 678",
        "nhung@example.vn",
        "Trần Văn Hùng",
    ):
        type_text(qtbot, focused(), text)
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is w.channel_combo
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is w.counter_radio
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is w.sets_spin  # the delivery address stays out of the way at the counter
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Nộp thay cho mẹ")


def test_a_full_intake_by_keyboard_is_saved_with_its_appointment_and_papers(qtbot, intake, db):
    w = intake
    type_papers_by_keyboard(qtbot, w)
    assert saved_count(db) == 0
    type_applicant_by_keyboard(qtbot, w)
    with qtbot.waitSignal(w.dossier_saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_Return)

    code = saved.args[0]
    assert code == "H36.41-260310-0001"
    d = dossiers.get_dossier(db, code)
    assert d.procedure_code == MARRIAGE_STATUS
    assert d.appointment_at == datetime(2026, 3, 13, 9, 15, tzinfo=VN_TZ)
    assert d.received_at == datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ)
    assert d.limit_text == "03 ngày làm việc"
    papers = catalog.get_procedure(db, MARRIAGE_STATUS).papers
    assert [(p.name, p.form, p.count) for p in d.papers] == [
        (papers[0].name, PaperForm.ORIGINAL, 1),
        (papers[1].name, PaperForm.COPY, 2),
    ]
    a = d.applicant
    assert (a.name, a.kind, a.id_number, a.birth_date) == (
        "Nguyễn Thị Hồng Nhung",
        ApplicantKind.PERSON,
        "079190012345",
        date(1990, 9, 5),
    )
    assert (a.address, a.phone, a.email, a.principal) == (
        "Ấp 3, xã Tân Phú, tỉnh Đồng Nai",
        "0912345678",
        "nhung@example.vn",
        "Trần Văn Hùng",
    )
    assert (d.channel, d.result_delivery, d.sets, d.note) == (
        Channel.COUNTER,
        ResultDelivery.COUNTER,
        1,
        "Nộp thay cho mẹ",
    )


def test_after_saving_the_receipt_shows_and_the_form_is_ready_for_the_next_citizen(
    qtbot, intake, db
):
    w = intake
    type_papers_by_keyboard(qtbot, w)
    type_applicant_by_keyboard(qtbot, w)
    press(qtbot, Qt.Key.Key_Return)
    preview = w.last_preview
    assert preview is not None and preview.isVisible() and preview.code == "H36.41-260310-0001"
    assert w.name_edit.text() == "" and w.picker.chosen() is None and w.papers.rowCount() == 0
    assert w.picker.search.text() == "" and not w.is_dirty()
    press(qtbot, Qt.Key.Key_Return)  # "Đóng" is the preview's default button
    assert w.last_preview is None  # closed and gone
    assert focused() is w.picker.search


def test_the_appointment_is_shown_live_before_saving(qtbot, intake, clock: FixedClock):
    w = intake
    assert w.appointment_label.text() == "Hẹn trả: chọn thủ tục để xem ngày hẹn trả kết quả."
    pick(qtbot, w, "xac nhan tinh trang hon nhan")
    appointment_shown(qtbot, w)
    assert w.appointment_label.text() == (
        "Hẹn trả: 09 giờ 15 phút, Thứ Sáu 13/03/2026 (03 ngày làm việc)"
    )
    clock.advance(timedelta(hours=1))
    w.appointment.timer.timeout.emit()  # what the 30-second timer does
    assert w.appointment.timer.isActive() and w.appointment.timer.interval() == 30_000
    appointment_shown(qtbot, w)
    assert w.appointment_label.text() == (
        "Hẹn trả: 10 giờ 15 phút, Thứ Sáu 13/03/2026 (03 ngày làm việc)"
    )


def test_the_appointment_follows_the_channel(qtbot, intake):
    w = intake
    w.picker.choose(LAND)
    appointment_shown(qtbot, w)
    assert "(27 ngày làm việc)" in w.appointment_label.text()
    w.channel_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # Qua dịch vụ bưu chính
    assert w.channel() is Channel.POST
    appointment_shown(qtbot, w)
    assert "(20 ngày làm việc)" in w.appointment_label.text()
    press(qtbot, Qt.Key.Key_Down)
    assert w.channel() is Channel.ONLINE
    appointment_shown(qtbot, w)
    assert "(17 ngày làm việc)" in w.appointment_label.text()


def test_a_same_day_procedure_after_the_cut_off_is_due_the_next_day(qtbot, db, clerk):
    w = IntakeWindow(db, clerk, FixedClock(datetime(2026, 3, 10, 15, 30)))
    qtbot.addWidget(w)
    catalog_read(qtbot, w)
    w.picker.choose(MARRIAGE)
    appointment_shown(qtbot, w)
    assert w.appointment_label.text() == (
        "Hẹn trả: 17 giờ 00 phút, Thứ Tư 11/03/2026 "
        "(Trong ngày (nhận sau 15:00 trả ngày làm việc tiếp theo))"
    )


def test_search_without_accents_finds_the_marriage_registration(qtbot, intake):
    w = intake
    type_text(qtbot, w.picker.search, "dang ky ket hon")
    assert MARRIAGE in w.picker.visible_codes()
    assert all(
        "ket hon" in code_name
        for code_name in (_folded(w, code) for code in w.picker.visible_codes())
    )
    while w.picker.list.currentItem().text(0) != MARRIAGE:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert w.picker.chosen().name == "Thủ tục đăng ký kết hôn"
    assert "Thủ tục đăng ký kết hôn" in w.picker.chosen_label.text()


def _folded(w: IntakeWindow, code: str) -> str:
    from desk.domain.text import fold

    p = next(p for p in w.picker.procedures() if p.code == code)
    return fold(f"{p.code} {p.name} {p.field}")


def test_a_search_that_matches_nothing_says_so(qtbot, intake):
    type_text(qtbot, intake.picker.search, "khong co thu tuc nay")
    assert intake.picker.visible_codes() == []
    assert intake.picker.empty_label.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert intake.picker.chosen() is None


def test_the_checklist_shows_only_the_procedures_papers(qtbot, intake, db):
    pick(qtbot, intake, "dang ky ket hon")
    published = catalog.get_procedure(db, intake.picker.chosen().code).papers
    assert intake.papers.rowCount() == len(published)
    assert [intake.papers.paper_name(r) for r in range(len(published))] == [
        p.name for p in published
    ]
    assert [intake.papers.form(r) for r in range(len(published))] == [p.form for p in published]
    assert intake.papers.received() == []


def test_enter_in_the_search_line_picks_and_does_not_save(qtbot, intake, db):
    fill_valid(qtbot, intake)
    type_text(qtbot, intake.picker.search, " ")
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)
    assert saved_count(db) == 0
    # Picking the same procedure again keeps the ticks.
    assert len(intake.papers.received()) == 2


def test_ctrl_s_saves(qtbot, intake, db):
    fill_valid(qtbot, intake)
    qtbot.keyClick(intake.email_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saves_done(qtbot)
    assert saved_count(db) == 1


# -- one test per message: text under the field, typed values kept, nothing saved --------


def assert_refused(w: IntakeWindow, db: Database, key: str, message: str) -> None:
    assert w.error_text(key) == message
    assert w.errors[key].isVisible()
    assert saved_count(db) == 0


def test_cccd_with_11_digits(qtbot, intake, db):
    fill_valid(qtbot, intake, id_number="07919001234")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(intake, db, "id_number", "Số CCCD phải có đúng 12 chữ số (đang có 11).")
    assert intake.id_edit.text() == "07919001234"
    assert intake.name_edit.text() == "Nguyễn Thị Hồng Nhung"
    assert len(intake.papers.received()) == 2
    assert focused() is intake.id_edit


def test_letters_in_the_cccd(qtbot, intake, db):
    fill_valid(qtbot, intake, id_number="07919001234O")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake, db, "id_number", "Số CCCD chỉ gồm chữ số (12 chữ số), không có chữ hay dấu cách."
    )
    assert intake.id_edit.text() == "07919001234O"
    assert focused() is intake.id_edit


def test_a_bad_phone_number(qtbot, intake, db):
    fill_valid(qtbot, intake, phone="0123 456")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "phone",
        "Số điện thoại không hợp lệ: số di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 "
        "(hoặc +84 và 9 chữ số).",
    )
    assert intake.phone_edit.text() == "0123 456"
    assert focused() is intake.phone_edit


def test_an_empty_name(qtbot, intake, db):
    fill_valid(qtbot, intake, name="")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(intake, db, "name", "Chưa nhập họ và tên người nộp.")
    assert intake.id_edit.text() == "079190012345"
    assert focused() is intake.name_edit


def test_a_pasted_name_with_a_control_character(qtbot, intake, db):
    fill_valid(qtbot, intake)
    intake.name_edit.setText("Nguyễn Thị\x1b[31m Nhung")  # pasted: no key types ESC
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "name",
        "Họ và tên có ký tự điều khiển không in được (\\x1b), thường do dán từ chương trình "
        "khác: hãy xóa ô này rồi gõ lại.",
    )
    assert focused() is intake.name_edit


def test_a_name_too_long_for_the_receipt(qtbot, intake, db):
    fill_valid(qtbot, intake)
    intake.name_edit.setText("Nguyễn " * 30)
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "name",
        "Họ và tên dài 209 ký tự, quá mức 150 ký tự để in vừa trên giấy tờ: hãy viết gọn lại.",
    )


def test_a_note_too_long_is_shown_under_the_note(qtbot, intake, db):
    fill_valid(qtbot, intake)
    intake.note_edit.setText("x" * 501)
    press(qtbot, Qt.Key.Key_Return)
    assert intake.error_text("note").startswith("Ghi chú dài 501 ký tự, quá mức 500")
    assert intake.errors["note"].isVisible()
    assert saved_count(db) == 0
    assert focused() is intake.note_edit


def test_no_procedure_chosen(qtbot, intake, db):
    type_text(qtbot, intake.name_edit, "Lê Văn Tám")
    type_text(qtbot, intake.id_edit, "079190012345")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(intake, db, "procedure", "Chưa chọn thủ tục hành chính.")
    assert intake.name_edit.text() == "Lê Văn Tám"
    assert focused() is intake.picker.search


def test_no_paper_ticked(qtbot, intake, db):
    fill_valid(qtbot, intake)
    intake.papers.set_ticked(0, False)
    intake.papers.set_ticked(1, False)
    intake.email_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "papers",
        "Chưa đánh dấu giấy tờ nào đã nhận: hãy đánh dấu ít nhất một giấy tờ.",
    )
    assert intake.picker.chosen().code == MARRIAGE_STATUS
    assert focused() is intake.papers
    press(qtbot, Qt.Key.Key_Space)  # ticking clears the message
    assert intake.error_text("papers") == ""


def test_result_by_post_without_an_address(qtbot, intake, db):
    fill_valid(qtbot, intake)
    assert not intake.delivery_address_edit.isEnabled()
    intake.counter_radio.setFocus()
    press(qtbot, Qt.Key.Key_Right)  # the arrow moves to "Qua dịch vụ bưu chính"
    assert intake.post_radio.isChecked() and intake.delivery_address_edit.isEnabled()
    intake.note_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "delivery_address",
        "Trả kết quả qua bưu chính: hãy nhập địa chỉ nhận kết quả.",
    )
    assert focused() is intake.delivery_address_edit
    type_text(qtbot, intake.delivery_address_edit, "Ấp 3, xã Tân Phú")
    press(qtbot, Qt.Key.Key_Return)
    assert saved_count(db) == 1
    d = dossiers.list_dossiers(db)[0]
    assert (d.result_delivery, d.delivery_address) == (ResultDelivery.POST, "Ấp 3, xã Tân Phú")


def test_a_bad_email(qtbot, intake, db):
    fill_valid(qtbot, intake, email="nhung@example")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(intake, db, "email", "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).")
    assert intake.email_edit.text() == "nhung@example"


def test_an_unreadable_birth_date_is_shown_with_the_other_problems(qtbot, intake, db):
    fill_valid(qtbot, intake, birth_date="31/02/1990", phone="12")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "birth_date",
        "Ngày sinh phải theo dạng ngày/tháng/năm có thật, ví dụ 05/09/1990.",
    )
    assert intake.error_text("phone").startswith("Số điện thoại không hợp lệ")
    assert focused() is intake.birth_edit
    assert intake.birth_edit.text() == "31/02/1990"


def test_a_birth_date_after_today(qtbot, intake, db):
    fill_valid(qtbot, intake, birth_date="11/03/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(intake, db, "birth_date", "Ngày sinh không được sau ngày hôm nay.")


def test_typing_in_a_field_clears_its_message(qtbot, intake, db):
    fill_valid(qtbot, intake, id_number="1")
    press(qtbot, Qt.Key.Key_Return)
    assert intake.error_text("id_number")
    type_text(qtbot, intake.id_edit, "2")
    assert intake.error_text("id_number") == ""


def test_an_organisation_gives_its_tax_code(qtbot, intake, db):
    w = intake
    w.person_radio.setFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert w.organisation_radio.isChecked()
    assert (w.name_label.text(), w.id_label.text()) == ("Tên tổ chức:", "Mã số thuế:")
    assert not w.birth_edit.isEnabled()
    fill_valid(qtbot, w, name="Công ty TNHH Tân Phú", id_number="3601234567", birth_date="")
    press(qtbot, Qt.Key.Key_Return)
    d = dossiers.list_dossiers(db)[0]
    assert (d.applicant.kind, d.applicant.id_number, d.applicant.birth_date) == (
        ApplicantKind.ORGANISATION,
        "3601234567",
        None,
    )


def test_a_bad_tax_code(qtbot, intake, db):
    intake.organisation_radio.setChecked(True)
    fill_valid(qtbot, intake, name="Công ty TNHH Tân Phú", id_number="36012345", birth_date="")
    press(qtbot, Qt.Key.Key_Return)
    assert_refused(
        intake,
        db,
        "id_number",
        "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0101234567-001).",
    )


# -- starting over ----------------------------------------------------------------------


def test_esc_on_an_empty_form_asks_nothing(qtbot, intake):
    press(qtbot, Qt.Key.Key_Escape)
    assert visible_message_boxes(intake) == []


def test_esc_asks_before_clearing_what_was_typed(qtbot, intake):
    fill_valid(qtbot, intake)
    press(qtbot, Qt.Key.Key_Escape)
    [box] = visible_message_boxes(intake)
    assert box.text() == "Xóa toàn bộ thông tin đang nhập để tiếp nhận hồ sơ mới?"
    click_box_button(box, "Không, giữ lại")
    assert intake.name_edit.text() == "Nguyễn Thị Hồng Nhung"
    assert len(intake.papers.received()) == 2
    press(qtbot, Qt.Key.Key_Escape)
    [box] = visible_message_boxes(intake)
    click_box_button(box, "Xóa và làm mới")
    assert intake.name_edit.text() == "" and intake.picker.chosen() is None
    assert intake.papers.rowCount() == 0 and not intake.is_dirty()


# -- printing ---------------------------------------------------------------------------


def test_with_no_printer_the_receipt_is_shown_and_not_printed(qtbot, intake, db):
    fill_valid(qtbot, intake)
    press(qtbot, Qt.Key.Key_Return)
    preview = intake.last_preview
    assert preview is not None and preview.isVisible()
    settle(qtbot)
    assert preview.status_text() == (
        "Chưa chọn máy in (Hồ sơ > Máy in phiếu của máy này): phiếu của hồ sơ H36.41-260310-0001 "
        "chỉ hiển thị trên màn hình, chưa in ra giấy."
    )
    assert preview.image_size() == receipts.receipt_image(db, preview.code).size


def test_a_printer_failure_keeps_the_dossier_and_reprint_works_once_fixed(
    qtbot, intake, db, tmp_path
):
    settings.set_setting(db, settings.PRINTER_URI, f"file:{tmp_path / 'missing' / 'receipt.bin'}")
    fill_valid(qtbot, intake)
    press(qtbot, Qt.Key.Key_Return)
    assert saved_count(db) == 1
    preview = intake.last_preview
    settle(qtbot)
    assert preview is not None and not preview.printed_ok()
    assert preview.status_text().startswith("Không in được phiếu. ")
    assert "Hồ sơ H36.41-260310-0001 đã được lưu" in preview.status_text()
    assert intake.name_edit.text() == ""  # ready for the next citizen

    target = tmp_path / "receipt.bin"
    settings.set_setting(db, settings.PRINTER_URI, f"file:{target}")
    qtbot.mouseClick(preview.reprint_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert preview.printed_ok() and not preview.confirmed()  # a file cannot confirm
    assert preview.status_text().startswith(
        f"Đã gửi phiếu của hồ sơ H36.41-260310-0001 tới tệp {target}."
    )
    image = receipts.receipt_image(db, "H36.41-260310-0001")
    assert target.read_bytes() == printing.receipt_bytes(image)


# -- a locked database ------------------------------------------------------------------


@pytest.fixture
def impatient_db(db: Database):
    """The same file, opened with a 0.2 s busy timeout instead of 10 s."""
    quick = Database(db.url, engine=create_engine(db.url, connect_args={"timeout": 0.2}))
    yield quick
    quick.dispose()


def test_a_locked_database_keeps_the_form_and_saves_once_released(
    qtbot, impatient_db, clerk, clock
):
    w = IntakeWindow(impatient_db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    catalog_read(qtbot, w)
    fill_valid(qtbot, w)
    other = sqlite3.connect(sqlite_path(impatient_db.url), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        assert saved(qtbot, w) is None
        [box] = visible_message_boxes(w)
        assert box.windowTitle() == "Chưa lưu được hồ sơ"
        assert "khóa" in box.text() and "Dữ liệu trên màn hình vẫn được giữ" in box.text()
        assert w.name_edit.text() == "Nguyễn Thị Hồng Nhung"
        assert w.id_edit.text() == "079190012345"
        assert len(w.papers.received()) == 2 and w.picker.chosen().code == MARRIAGE_STATUS
        click_box_button(box, "Đóng")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert saved_count(impatient_db) == 0
    assert saved(qtbot, w) is not None
    assert saved_count(impatient_db) == 1


def test_a_catalog_that_cannot_be_read_says_so_and_is_read_at_the_next_key(qtbot, db, clerk, clock):
    with db.engine.begin() as conn:  # as a damaged catalog: its table cannot be read
        conn.exec_driver_sql("ALTER TABLE procedures RENAME TO procedures_away")
    w = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    catalog_read(qtbot, w)
    note = w.picker.empty_label
    assert note.isVisible() and note.text().startswith("Không đọc được danh mục thủ tục: ")
    assert note.text().endswith("Gõ vào ô tìm để thử lại.")
    assert w.picker.visible_codes() == []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE procedures_away RENAME TO procedures")
    type_text(qtbot, w.picker.search, "ket hon")
    catalog_read(qtbot, w)
    assert w.picker.visible_codes()[0] == MARRIAGE and not note.isVisible()
