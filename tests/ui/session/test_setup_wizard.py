"""The first-start wizard, filled by keyboard on a fresh database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWizard

from desk.domain.clock import FixedClock
from desk.services import accounts, catalog
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.session.setup_wizard import SetupWizard


@pytest.fixture
def wizard(qtbot, empty_db: Database, clock: FixedClock) -> SetupWizard:
    w = SetupWizard(empty_db, clock=clock)
    qtbot.addWidget(w)
    w.show()
    return w


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    type_text(qtbot, edit, text)


def fill_office(qtbot, w: SetupWizard, code: str = "H36.41") -> None:
    page = w.office_page
    type_into(qtbot, page.name_edit, "UBND xã Tân Phú")
    type_into(qtbot, page.parent_edit, "UBND tỉnh Đồng Nai")
    type_into(qtbot, page.code_edit, code)
    type_into(qtbot, page.address_edit, "Số 1 đường Hùng Vương, xã Tân Phú")
    type_into(qtbot, page.hotline_edit, "0251 3822 123")


def fill_admin(
    qtbot,
    w: SetupWizard,
    username: str = "admin",
    password: str = "matkhau123",
    confirm: str | None = None,
) -> None:
    page = w.admin_page
    type_into(qtbot, page.username_edit, username)
    type_into(qtbot, page.full_name_edit, "Nguyễn Văn An")
    type_into(qtbot, page.password_edit, password)
    type_into(qtbot, page.confirm_edit, password if confirm is None else confirm)


def to_admin_page(qtbot, w: SetupWizard) -> None:
    fill_office(qtbot, w)
    qtbot.keyClick(w.office_page.hotline_edit, Qt.Key.Key_Return)
    assert w.currentId() == w.admin_page_id


def test_buttons_are_in_vietnamese(wizard: SetupWizard) -> None:
    b = QWizard.WizardButton
    assert wizard.buttonText(b.NextButton) == "Tiếp tục"
    assert wizard.buttonText(b.BackButton) == "Quay lại"
    assert wizard.buttonText(b.FinishButton) == "Hoàn tất"
    assert wizard.buttonText(b.CancelButton) == "Hủy"


def test_filled_by_keyboard_creates_the_office_and_admin(qtbot, wizard, empty_db) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard)
    qtbot.keyClick(wizard.admin_page.confirm_edit, Qt.Key.Key_Return)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.clerk is not None and wizard.clerk.is_admin
    assert not office_service.needs_setup(empty_db)
    office = office_service.get_office(empty_db)
    assert (office.name, office.parent, office.code) == (
        "UBND xã Tân Phú",
        "UBND tỉnh Đồng Nai",
        "H36.41",
    )
    assert office.hotline == "0251 3822 123"
    logged_in = accounts.log_in(empty_db, "admin", "matkhau123")
    assert logged_in.full_name == "Nguyễn Văn An"
    assert len(catalog.list_procedures(empty_db)) >= 30


def test_code_example_follows_the_typed_code(qtbot, wizard) -> None:
    type_into(qtbot, wizard.office_page.code_edit, "H36.41")
    assert wizard.office_page.code_example.text() == "Mã hồ sơ sẽ có dạng: H36.41-260310-0001"
    qtbot.keyClicks(wizard.office_page.code_edit, ".07")
    assert "H36.41.07-260310-0001" in wizard.office_page.code_example.text()


def test_empty_agency_code_is_refused_on_page_one(qtbot, wizard, empty_db) -> None:
    fill_office(qtbot, wizard, code="")
    wizard.next()
    assert wizard.currentId() == wizard.office_page_id
    assert wizard.office_page.errors.message("office_code").startswith(
        "Chưa nhập mã định danh của cơ quan"
    )
    assert wizard.office_page.name_edit.text() == "UBND xã Tân Phú"
    assert office_service.needs_setup(empty_db)


def test_agency_code_with_a_space_is_refused(qtbot, wizard) -> None:
    fill_office(qtbot, wizard, code="H36 41")
    wizard.next()
    assert wizard.currentId() == wizard.office_page_id
    assert "không được có dấu cách" in wizard.office_page.errors.message("office_code")
    assert wizard.office_page.code_edit.text() == "H36 41"


def test_weak_password_is_refused(qtbot, wizard, empty_db) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard, password="12345678")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() != QDialog.DialogCode.Accepted
    assert wizard.admin_page.errors.message("password") == "Mật khẩu phải có cả chữ và số."
    assert wizard.admin_page.username_edit.text() == "admin"
    assert office_service.needs_setup(empty_db)


def test_password_mismatch_is_refused(qtbot, wizard, empty_db) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard, confirm="matkhau124")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.admin_page.errors.message("password_confirm") == (
        "Hai lần nhập mật khẩu không giống nhau: hãy nhập lại cho khớp."
    )
    assert wizard.admin_page.errors.message("password") == ""
    assert wizard.admin_page.password_edit.text() == "matkhau123"
    assert office_service.needs_setup(empty_db)


def test_bad_username_is_refused(qtbot, wizard, empty_db) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard, username="Quản Trị")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.admin_page.errors.message("username").startswith("Tên đăng nhập từ 3 ký tự")
    assert wizard.admin_page.username_edit.text() == "Quản Trị"
    assert office_service.needs_setup(empty_db)


def test_fixing_a_mistake_then_finishing_works(qtbot, wizard, empty_db) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard, confirm="khac12345")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.admin_page.errors.message("password_confirm")
    wizard.admin_page.confirm_edit.clear()
    type_into(qtbot, wizard.admin_page.confirm_edit, "matkhau123")
    assert wizard.admin_page.errors.message("password_confirm") == ""  # typing hides it
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert not office_service.needs_setup(empty_db)


def test_office_errors_found_at_the_end_go_back_to_page_one(qtbot, wizard) -> None:
    to_admin_page(qtbot, wizard)
    fill_admin(qtbot, wizard)
    wizard.show_errors({"office_code": "Mã cơ quan đã dùng.", "username": "Tên đã có."})
    assert wizard.currentId() == wizard.office_page_id
    assert wizard.office_page.errors.message("office_code") == "Mã cơ quan đã dùng."
    assert wizard.admin_page.errors.message("username") == "Tên đã có."
    assert wizard.office_page.code_edit.text() == "H36.41"
    assert wizard.admin_page.password_edit.text() == "matkhau123"


def test_an_office_saved_by_a_cut_short_start_fills_page_one(qtbot, empty_db, clock) -> None:
    from desk.domain.office import Office

    saved = Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41",
                   head_title="CHỦ TỊCH", head_name="Trần Thị Bình")  # fmt: skip
    office_service.save_office(empty_db, saved)  # an older desk was cut before the admin
    wizard = SetupWizard(empty_db, clock=clock)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.office_page.name_edit.text() == "UBND xã Tân Phú"
    assert wizard.office_page.code_edit.text() == "H36.41"
    qtbot.keyClick(wizard.office_page.hotline_edit, Qt.Key.Key_Return)
    fill_admin(qtbot, wizard)
    qtbot.keyClick(wizard.admin_page.confirm_edit, Qt.Key.Key_Return)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert office_service.get_office(empty_db) == saved  # the head of the agency kept
    assert office_service.setup_state(empty_db).complete


def test_at_start_an_office_left_half_set_up_is_completed_with_a_message(qtbot, empty_db) -> None:
    from desk.domain.office import Office
    from desk.ui.session.setup_wizard import complete_unfinished_setup

    office_service.save_office(
        empty_db, Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41")
    )
    accounts.create_account(empty_db, "admin", "Nguyễn Văn An", "matkhau123", role="admin")
    box = complete_unfinished_setup(empty_db)
    assert box is not None
    qtbot.addWidget(box)
    assert box.text() == (
        "Lần thiết lập trước chưa xong (có thể máy bị tắt giữa chừng). desk đã bổ sung: "
        "danh mục thủ tục hành chính, lịch nghỉ lễ, Tết, danh sách phòng, ban. "
        "Quản trị viên hãy kiểm tra lại trong mục Quản trị."
    )
    assert office_service.setup_state(empty_db).complete
    assert catalog.list_procedures(empty_db)
    assert complete_unfinished_setup(empty_db) is None  # a complete office: nothing to say
