"""Each step dialog on a real database: what it asks, what it refuses (with the
service's own message, input kept), and what it changes; and the departments
list the transfer offers."""

from __future__ import annotations

from datetime import datetime

import pytest
from background_jobs import steps_done, submitted
from dossier_factory import PROCEDURE, record
from keyboard_input import type_text
from message_boxes import click_box_button
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import DossierStatus, ResultClass, ReturnMethod
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.domain.office import Clerk
from desk.domain.roles import Role
from desk.services import accounts, audit, catalog, dossiers, steps, worklist
from desk.storage.database import Database
from desk.ui.admin.departments_dialog import DepartmentsDialog
from desk.ui.dossier.result_dialogs import ResultReadyDialog, ReturnDialog
from desk.ui.dossier.step_dialogs import (
    ReceiveSupplementDialog,
    RefuseDialog,
    StepDialog,
    StopDialog,
    SupplementRequestDialog,
    TransferDialog,
)
from desk.ui.dossier.supervisor_dialogs import EditDossierDialog, ReassignDialog


@pytest.fixture
def code(db: Database, clerk: Clerk, clock: FixedClock) -> str:
    return record(db, clerk, clock)


@pytest.fixture
def plain(db: Database, clerk: Clerk) -> Clerk:
    """A counter clerk who is not a supervisor."""
    return accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)


def opened(qtbot, dialog: StepDialog) -> StepDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def paper(db: Database, number: int) -> str:
    """The name of paper ``number`` in the procedure's published list."""
    return catalog.get_procedure(db, PROCEDURE).papers[number].name


def status(db: Database, code: str) -> DossierStatus:
    return dossiers.get_dossier(db, code).status


# -- transfer -------------------------------------------------------------------------


def test_transfer_needs_a_department_then_hands_the_dossier_over(qtbot, db, clerk, clock, code):
    d = opened(qtbot, TransferDialog(db, clerk, code, clock))
    assert d.windowTitle() == f"Chuyển xử lý — hồ sơ {code}"
    assert not submitted(qtbot, d)
    assert d.errors.message("department") == "Hãy chọn nơi nhận hồ sơ."
    d.department_combo.setCurrentIndex(d.department_combo.findData("Công an xã"))
    type_text(qtbot, d.note_edit, "Xác minh nơi cư trú")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    steps_done(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    after = dossiers.get_dossier(db, code)
    assert after.status is DossierStatus.IN_PROGRESS and after.holder == "Công an xã"
    last = steps.timeline(db, code)[-1]
    assert (last.kind, last.to_holder, last.note) == (
        StepKind.TRANSFER,
        "Công an xã",
        "Xác minh nơi cư trú",
    )


# -- supplement -----------------------------------------------------------------------


def test_supplement_request_offers_only_the_procedure_s_papers(qtbot, db, clerk, clock, code):
    d = opened(qtbot, SupplementRequestDialog(db, clerk, code, clock))
    papers = catalog.get_procedure(db, PROCEDURE).papers
    assert d.papers_list.count() == len(papers)
    assert d.papers_list.item(0).text().endswith("— đã nhận")  # the paper handed in
    assert not d.papers_list.item(1).text().endswith("— đã nhận")
    assert d.contact_edit.text() == "Nguyễn Văn An, điện thoại 0251 3822 123"


def test_supplement_request_shows_each_problem_at_its_input(qtbot, db, clerk, clock, code):
    d = opened(qtbot, SupplementRequestDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.errors.message("missing").startswith("Hãy đánh dấu giấy tờ cần bổ sung")
    assert d.errors.message("reason").startswith("Hãy ghi lý do yêu cầu bổ sung")
    papers = [p.name for p in catalog.get_procedure(db, PROCEDURE).papers]
    d.set_missing(papers[1:3])
    assert not submitted(qtbot, d)
    assert d.errors.message("missing") == ""
    assert d.missing() == tuple(papers[1:3])  # the ticks are kept
    type_text(qtbot, d.reason_edit, "Thiếu giấy tờ chứng minh nơi cư trú")
    assert submitted(qtbot, d)
    assert status(db, code) is DossierStatus.WAITING_SUPPLEMENT
    data = steps.timeline(db, code)[-1].data
    assert data["missing"] == papers[1:3]
    assert data["reason"] == "Thiếu giấy tờ chứng minh nơi cư trú"


def test_a_second_supplement_request_in_the_same_round_is_refused(qtbot, db, clerk, clock, code):
    steps.request_supplement(
        db, clerk, code, SupplementRequest((paper(db, 0),), "Thiếu tờ khai"), clock
    )
    d = opened(qtbot, SupplementRequestDialog(db, clerk, code, clock))
    d.set_missing([catalog.get_procedure(db, PROCEDURE).papers[1].name])
    d.reason_edit.setPlainText("Thiếu thêm giấy tờ")
    assert not submitted(qtbot, d)
    assert d.message().startswith("Hồ sơ này đã có một yêu cầu bổ sung trong lượt tiếp nhận này.")
    assert "phải nêu đầy đủ một lần" in d.message()
    assert d.isVisible() and d.reason_edit.toPlainText() == "Thiếu thêm giấy tờ"


def test_receiving_the_papers_restarts_the_time_limit(qtbot, db, clerk, clock, code):
    steps.request_supplement(
        db, clerk, code, SupplementRequest((paper(db, 0),), "Thiếu chữ ký"), clock
    )
    later = FixedClock(datetime(2026, 3, 12, 14, 0, tzinfo=VN_TZ))  # Thursday afternoon
    d = opened(qtbot, ReceiveSupplementDialog(db, clerk, code, later))
    notes = " ".join(label.text() for label in d.findChildren(QLabel))
    assert f"Đã yêu cầu bổ sung: {paper(db, 0)}; Thiếu chữ ký" in notes
    assert "Hẹn trả cũ: 09:15 ngày 13/03/2026. Hẹn trả mới: 14:00 ngày 17/03/2026." in notes
    assert submitted(qtbot, d)
    after = dossiers.get_dossier(db, code)
    assert after.status is DossierStatus.RECEIVED and after.comebacks == 1
    assert after.appointment_at == d.new_appointment == datetime(2026, 3, 17, 14, 0, tzinfo=VN_TZ)
    # A new round: one new request is allowed again.
    again = opened(qtbot, SupplementRequestDialog(db, clerk, code, later))
    again.set_missing([catalog.get_procedure(db, PROCEDURE).papers[2].name])
    again.reason_edit.setPlainText("Bản sao chưa chứng thực")
    assert submitted(qtbot, again)


def test_receive_supplement_is_refused_when_nothing_was_asked(qtbot, db, clerk, clock, code):
    d = opened(qtbot, ReceiveSupplementDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.message() == (
        "Không thể thực hiện 'Nhận hồ sơ bổ sung' khi hồ sơ đang ở trạng thái 'Đã tiếp nhận'. "
        "Hồ sơ không ở trạng thái chờ bổ sung nên không có gì để nhận bổ sung."
    )


# -- refusal, stop ------------------------------------------------------------------------


def test_refusal_needs_its_reasons(qtbot, db, clerk, clock, code):
    d = opened(qtbot, RefuseDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.errors.message("reason") == "Hãy ghi rõ lý do từ chối giải quyết hồ sơ."
    type_text(qtbot, d.reason_edit, "Không thuộc thẩm quyền của UBND xã")
    assert submitted(qtbot, d)
    assert status(db, code) is DossierStatus.REFUSED


def test_stop_needs_the_citizen_s_reason(qtbot, db, clerk, clock, code):
    d = opened(qtbot, StopDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.errors.message("reason") == "Hãy ghi lý do người nộp đề nghị dừng giải quyết."
    type_text(qtbot, d.reason_edit, "Người nộp có đơn xin rút hồ sơ")
    assert submitted(qtbot, d)
    assert status(db, code) is DossierStatus.STOPPED


# -- result and return ---------------------------------------------------------------------


def test_result_ready_says_how_it_will_be_classified(qtbot, db, clerk, clock, code):
    d = opened(qtbot, ResultReadyDialog(db, clerk, code, clock))
    assert d.expected is ResultClass.EARLY
    assert "kết quả được tính là: TRƯỚC HẠN" in " ".join(
        label.text() for label in d.findChildren(QLabel)
    )
    assert submitted(qtbot, d)
    assert d.outcome is ResultClass.EARLY
    assert status(db, code) is DossierStatus.RESULT_READY


def test_a_late_result_is_classified_late(qtbot, db, clerk, clock, code):
    late = FixedClock(datetime(2026, 3, 16, 8, 0, tzinfo=VN_TZ))
    d = opened(qtbot, ResultReadyDialog(db, clerk, code, late))
    assert d.expected is ResultClass.LATE
    assert submitted(qtbot, d) and d.outcome is ResultClass.LATE


def test_return_without_a_result_is_refused(qtbot, db, clerk, clock, code):
    d = opened(qtbot, ReturnDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.message() == (
        "Không thể thực hiện 'Trả kết quả' khi hồ sơ đang ở trạng thái 'Đã tiếp nhận'. "
        "Hồ sơ chưa có kết quả nên chưa thể trả: hãy ghi nhận 'Có kết quả' trước."
    )
    assert d.isVisible() and status(db, code) is DossierStatus.RECEIVED


def test_return_at_the_counter_records_who_collected(qtbot, db, clerk, clock, code):
    steps.mark_ready(db, clerk, code, clock)
    d = opened(qtbot, ReturnDialog(db, clerk, code, clock))
    assert d.method() is ReturnMethod.COUNTER
    assert d.collected_edit.text() == "Trần Văn Hùng" and not d.tracking_edit.isEnabled()
    d.collected_edit.clear()
    type_text(qtbot, d.collected_edit, "Trần Thị Lụa")
    assert submitted(qtbot, d)
    data = steps.timeline(db, code)[-1].data
    assert data["method"] == "counter" and data["collected_by"] == "Trần Thị Lụa"
    assert status(db, code) is DossierStatus.RETURNED


def test_return_by_post_needs_the_tracking_number(qtbot, db, clerk, clock, code):
    steps.mark_ready(db, clerk, code, clock)
    d = opened(qtbot, ReturnDialog(db, clerk, code, clock))
    d.set_method(ReturnMethod.POST)
    assert d.tracking_edit.isEnabled() and not d.collected_edit.isEnabled()
    assert not submitted(qtbot, d)
    assert d.errors.message("tracking_number") == "Trả qua bưu chính: hãy nhập mã vận đơn bưu điện."
    type_text(qtbot, d.tracking_edit, "EL123456789VN")
    assert submitted(qtbot, d)
    data = steps.timeline(db, code)[-1].data
    assert data["method"] == "post" and data["tracking_number"] == "EL123456789VN"


# -- supervisor steps ----------------------------------------------------------------------


def test_a_clerk_may_not_reassign(qtbot, db, plain, clock, code):
    d = opened(qtbot, ReassignDialog(db, plain, code, clock))
    d.set_user("admin")
    d.reason_edit.setPlainText("Nghỉ phép")
    assert not submitted(qtbot, d)
    assert d.message() == "Chỉ lãnh đạo, giám sát mới được giao lại hồ sơ cho cán bộ khác."


def test_a_clerk_may_not_edit_a_dossier(qtbot, db, plain, clock, code):
    d = opened(qtbot, EditDossierDialog(db, plain, code, clock))
    d.edits["phone"].setText("0987654321")
    d.reason_edit.setPlainText("Sai số điện thoại")
    assert not submitted(qtbot, d)
    assert d.message() == "Chỉ lãnh đạo, giám sát mới được sửa thông tin hồ sơ đã tiếp nhận."
    assert dossiers.get_dossier(db, code).applicant.phone == "0912345678"


def test_a_supervisor_reassigns_with_a_reason(qtbot, db, clerk, plain, clock, code):
    d = opened(qtbot, ReassignDialog(db, clerk, code, clock))
    assert not submitted(qtbot, d)
    assert d.errors.message("username") == "Hãy chọn cán bộ nhận hồ sơ."
    d.set_user("canbo1")
    assert not submitted(qtbot, d)
    assert d.errors.message("reason") == "Hãy ghi lý do giao lại hồ sơ."
    type_text(qtbot, d.reason_edit, "Cán bộ phụ trách nghỉ phép")
    assert submitted(qtbot, d)
    [item] = worklist.fetch_page(db, worklist.WorklistFilter(search=code), clock.now())
    assert item.assignee == "Lê Thị Hoa"


def test_a_supervisor_corrects_the_applicant_s_data(qtbot, db, clerk, clock, code):
    d = opened(qtbot, EditDossierDialog(db, clerk, code, clock))
    assert d.edits["applicant_name"].text() == "Trần Văn Hùng"
    assert not submitted(qtbot, d)
    assert d.errors.message("reason") == "Chưa có thông tin nào được sửa."
    d.edits["phone"].setText("12345")
    d.reason_edit.setPlainText("Ghi sai số điện thoại khi tiếp nhận")
    assert not submitted(qtbot, d)
    assert d.errors.message("phone") != ""
    d.edits["phone"].setText("0987654321")
    assert submitted(qtbot, d)
    assert dossiers.get_dossier(db, code).applicant.phone == "0987654321"
    entry = audit.trail(db, "dossier", code)[-1]
    assert entry.before["phone"] == "0912345678" and entry.after["phone"] == "0987654321"
    assert entry.after["note"] == "Ghi sai số điện thoại khi tiếp nhận"


# -- the departments list -------------------------------------------------------------


@pytest.fixture
def departments_dialog(qtbot, db: Database, clerk: Clerk) -> DepartmentsDialog:
    from desk.services import departments

    departments.seed_departments(db)
    d = DepartmentsDialog(db, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_department_added_is_offered_by_the_transfer(
    qtbot, departments_dialog, db, clerk, clock, code
):
    d = departments_dialog
    assert "Công an xã" in d.names()
    type_text(qtbot, d.name_edit, "Công chức Tài chính - Kế toán")
    qtbot.keyPress(d.name_edit, Qt.Key.Key_Return)  # Enter adds
    qtbot.waitUntil(lambda: not d.saving())  # saved off the window's thread
    assert "Công chức Tài chính - Kế toán" in d.names()
    assert d.notice.text() == "Đã thêm “Công chức Tài chính - Kế toán”."
    transfer = opened(qtbot, TransferDialog(db, clerk, code, clock))
    assert transfer.department_combo.findData("Công chức Tài chính - Kế toán") > 0


def test_a_department_twice_is_refused_under_the_name(qtbot, departments_dialog):
    d = departments_dialog
    type_text(qtbot, d.name_edit, "Công an xã")
    assert d.add_department()
    qtbot.waitUntil(lambda: not d.saving())
    assert d.errors.message("department") == "Đã có 'Công an xã' trong danh sách."
    assert d.name_edit.text() == "Công an xã"


def test_a_retired_department_leaves_the_transfer_list(
    qtbot, departments_dialog, db, clerk, clock, code
):
    d = departments_dialog
    d.list.setCurrentRow(d.names().index("Phòng Kinh tế"))
    box = d.ask_retire()
    assert box is not None and "Phòng Kinh tế" in box.text()
    click_box_button(box, "Ngừng sử dụng")
    qtbot.waitUntil(lambda: not d.saving())
    assert "Phòng Kinh tế" not in d.names()
    transfer = opened(qtbot, TransferDialog(db, clerk, code, clock))
    assert transfer.department_combo.findData("Phòng Kinh tế") == -1


def test_only_an_admin_changes_the_departments(qtbot, db, plain):
    d = DepartmentsDialog(db, plain)
    qtbot.addWidget(d)
    assert not d.add_button.isEnabled() and not d.retire_button.isEnabled()
    assert d.notice.text() == "Chỉ quản trị viên mới được sửa danh sách này."
