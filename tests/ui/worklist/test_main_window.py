"""The main window, the paged dossier list, and the start-up of the program."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date

import pytest
from background_jobs import admin_opened, list_read, settle, shown_page
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from desk import __version__
from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.office import Clerk
from desk.services import accounts, catalog, demo, dossiers, intake
from desk.services.worklist import View
from desk.storage.database import Database
from desk.ui import app as desk_app
from desk.ui.worklist.main_window import DOSSIERS_TAB, INTAKE_TAB, MainWindow

TODAY = date(2026, 3, 10)


@pytest.fixture
def window(qtbot, db: Database, clerk: Clerk, clock: FixedClock) -> MainWindow:
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    list_read(qtbot, w)
    return w


def record(db: Database, clerk: Clerk, clock: FixedClock, name: str = "Trần Văn Hùng") -> str:
    procedure = catalog.get_procedure(db, "1.000894")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name=name, id_number="079090001234"),
        papers=[ReceivedPaper(procedure.papers[0].name, procedure.papers[0].form, 1)],
    )
    return intake.record_intake(db, draft, clerk, clock).code


# -- the window ---------------------------------------------------------------------------


def test_title_tabs_and_status_bar(window, db):
    assert window.windowTitle() == "desk — UBND xã Tân Phú"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Tiếp nhận hồ sơ",
        "Danh sách hồ sơ",
    ]
    # the label shows what fits the window's width with "…", the whole text as tooltip
    for label, whole in (
        (window.clerk_label, "Cán bộ: Nguyễn Văn An (admin, quản trị viên)"),
        (window.database_label, f"Dữ liệu: {db.engine.url.database}"),
    ):
        assert label.full_text() == whole == label.toolTip()
        shown = label.text()
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1]))
    assert window.tabs.currentWidget() is window.intake


def test_menus_are_in_vietnamese(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Hồ sơ", "&Quản trị", "&Báo cáo", "Trợ &giúp"]
    assert window.new_intake_action.shortcut().toString() == "Ctrl+N"
    assert [a.text() for a in window.admin_actions.values()] == [
        "Cán bộ...",
        "Danh mục thủ tục...",
        "Lịch làm việc...",
        "Máy in chung của cơ quan...",
        "Thông tin cơ quan...",
        "Hàng đợi...",
        "Quy định áp dụng...",
    ]


def test_admin_items_are_disabled_for_a_clerk_who_is_not_admin(qtbot, db, clerk, clock):
    plain = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456")
    w = MainWindow(db, plain, clock)
    qtbot.addWidget(w)
    enabled = {key: action.isEnabled() for key, action in w.admin_actions.items()}
    assert enabled == {
        "clerks": False,
        "procedures": False,
        "calendar": False,
        "printer": False,  # the office's printer; this PC's is under "Hồ sơ"
        "office": False,
        "queue": False,
        "rules": True,
    }
    assert w.clerk_label.full_text() == "Cán bộ: Lê Thị Hoa (canbo1, cán bộ)"


def test_admin_items_are_enabled_for_an_admin(window):
    assert all(action.isEnabled() for action in window.admin_actions.values())


def test_the_clerks_dialog_opens_over_the_window(qtbot, window):
    from desk.ui.admin.clerks_dialog import ClerksDialog

    window.admin_actions["clerks"].trigger()
    admin_opened(qtbot, window)
    [dialog] = [d for d in window.findChildren(ClerksDialog) if d.isVisible()]
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    dialog.reject()
    settle(qtbot)
    assert window.windowTitle() == "desk — UBND xã Tân Phú"


def test_the_departments_list_opens_from_the_admin_menu(qtbot, window):
    from desk.ui.admin.departments_dialog import DepartmentsDialog

    assert window.departments_action.text() == "Phòng, ban giải quyết..."
    window.departments_action.trigger()
    admin_opened(qtbot, window)
    [dialog] = [d for d in window.findChildren(DepartmentsDialog) if d.isVisible()]
    assert "Công an xã" in dialog.names()
    dialog.reject()


def test_ctrl_n_goes_to_a_new_intake(qtbot, window):
    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == INTAKE_TAB
    assert window.intake.picker.search.hasFocus()


def test_about_names_the_version_the_database_and_the_log_folder(window, db, log_home):
    box = window.show_about()
    assert box.windowTitle() == "Giới thiệu desk"
    assert f"desk {__version__}" in box.text()
    assert db.engine.url.database in box.text()
    assert str(log_home) in box.text()
    click_box_button(box, "Đóng")


# -- the list of dossiers ----------------------------------------------------------------


def test_the_window_reads_one_page_however_many_dossiers(qtbot, db, clerk, clock):
    demo.add_dossiers(db, 450, today=TODAY, months=3)
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.worklist.select_view(View.CLOSED)  # some 400 finished dossiers
    list_read(qtbot, w)
    assert w.dossier_model.rowCount() == 200
    assert w.dossier_model.canFetchMore()
    w.dossier_model.fetchMore()
    list_read(qtbot, w)
    assert w.dossier_model.rowCount() > 200


def test_a_saved_dossier_appears_in_the_list(qtbot, window, db, clerk, clock):
    assert window.dossier_model.rowCount() == 0
    code = record(db, clerk, clock)
    window.intake.dossier_saved.emit(code)
    list_read(qtbot, window)
    assert window.dossier_model.rowCount() == 1
    assert window.dossier_model.code_at(0) == code
    assert window.statusBar().currentMessage() == f"Đã lưu hồ sơ {code}."


def test_double_click_opens_the_dossier_page(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    window.refresh_dossiers()
    list_read(qtbot, window)
    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    QApplication.processEvents()  # lay the list out
    view = window.dossier_view
    where = view.visualRect(window.dossier_model.index(0, 1)).center()
    assert view.indexAt(where).row() == 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = shown_page(qtbot, window, code)
    assert page.isVisible() and page.code == code
    page.print_receipt()  # the page reprints the receipt too
    settle(qtbot)
    preview = page.last_preview
    assert preview is not None and "chưa in ra giấy" in preview.status_text()


def test_reprint_button_needs_a_selection(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    window.refresh_dossiers()
    list_read(qtbot, window)
    window.reprint_selected()
    [box] = visible_message_boxes(window)
    assert box.text() == "Hãy chọn một hồ sơ trong danh sách trước."
    click_box_button(box, "Đóng")
    window.dossier_view.selectRow(0)
    window.reprint_selected()
    settle(qtbot)
    assert window.last_preview is not None and window.last_preview.code == code


def open_code_dialog(window: MainWindow) -> QInputDialog:
    window.reprint_action.trigger()
    [dialog] = [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    return dialog


def test_reprint_by_code_suggests_the_selected_dossier(qtbot, window, db, clerk, clock):
    code = record(db, clerk, clock)
    window.tabs.setCurrentIndex(DOSSIERS_TAB)
    window.refresh_dossiers()
    list_read(qtbot, window)
    window.dossier_view.selectRow(0)
    dialog = open_code_dialog(window)
    assert dialog.textValue() == code
    assert dialog.labelText() == "Mã hồ sơ (ví dụ H36.41-260310-0001):"
    dialog.accept()
    settle(qtbot)
    assert window.last_preview is not None and window.last_preview.code == code


def test_reprint_by_code_suggests_the_last_saved_dossier(qtbot, window, db, clerk, clock):
    record(db, clerk, clock)
    window.intake.last_dossier = dossiers.get_dossier(db, record(db, clerk, clock, "Lý Thị Mai"))
    dialog = open_code_dialog(window)
    assert dialog.textValue() == "H36.41-260310-0002"
    dialog.setTextValue(" H36.41-260310-0001 ")
    dialog.accept()
    settle(qtbot)
    assert window.last_preview is not None and window.last_preview.code == "H36.41-260310-0001"


def test_reprint_of_an_unknown_code_says_so(qtbot, window):
    window.reprint("H36.41-260310-9999")
    settle(qtbot)
    assert window.last_preview is None
    [box] = visible_message_boxes(window)
    assert box.text() == (
        "Không tìm thấy hồ sơ mã 'H36.41-260310-9999'. Kiểm tra lại mã trên phiếu hẹn."
    )


# -- start-up --------------------------------------------------------------------------------


def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> dict[str, QWidget]:
    """Run ``act`` on the first visible top-level ``kind`` once the event loop shows one."""
    found: dict[str, QWidget] = {}
    # A window some earlier test left open is not the one this test waits for.
    # (The widgets themselves are kept, not their ids: an id may be reused.)
    before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and widget not in before:
                found["widget"] = widget
                found["text"] = widget.text() if isinstance(widget, QMessageBox) else ""
                act(widget)
                return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return found


def test_a_file_that_is_not_a_database_is_left_alone_and_exits_with_2(qtbot, tmp_path):
    path = tmp_path / "ghi-chu.sqlite3"
    path.write_bytes("Đây là ghi chú, không phải dữ liệu.".encode())
    before = path.read_bytes()
    seen = when_shown(QMessageBox, lambda box: box.buttons()[0].click())
    assert desk_app.run(f"sqlite:///{path}") == 2
    assert "không phải là cơ sở dữ liệu của desk" in str(seen["text"])
    assert path.read_bytes() == before


def test_the_demo_signs_in_and_opens_the_main_window(qtbot, db, log_home):
    seen = when_shown(MainWindow, lambda w: w.close())
    assert desk_app.run(db.url, demo_clerk="admin") == 0
    window = seen["widget"]
    assert isinstance(window, MainWindow) and window.windowTitle() == "desk — UBND xã Tân Phú"
    log_text = (log_home / "desk" / "log" / "desk.log").read_text(encoding="utf-8")
    assert "admin signed in" in log_text
    assert sys.excepthook is not None and not isinstance(sys.excepthook, desk_app.ExceptionHook)


def test_an_unknown_demo_clerk_is_refused(qtbot, db):
    seen = when_shown(QMessageBox, lambda box: box.buttons()[0].click())
    assert desk_app.run(db.url, demo_clerk="khongco") == 2
    assert seen["text"] == "Không có tài khoản 'khongco'."


def test_an_unexpected_error_is_logged_and_shown_and_the_program_goes_on(qtbot, tmp_path, caplog):
    log_file = desk_app.setup_logging(tmp_path)
    hook = desk_app.ExceptionHook(log_file)
    try:
        raise ZeroDivisionError("chia cho 0")
    except ZeroDivisionError:
        hook(*sys.exc_info())
    box = hook.box
    assert box is not None and box.isVisible()
    assert box.text().startswith("Đã xảy ra lỗi không mong muốn.")
    assert str(log_file) in box.text()
    assert "ZeroDivisionError: chia cho 0" in log_file.read_text(encoding="utf-8")
    try:
        raise KeyError("again")
    except KeyError:
        hook(*sys.exc_info())
    assert hook.box is box  # one message at a time; the second error is only logged
    assert "KeyError: 'again'" in log_file.read_text(encoding="utf-8")
    click_box_button(box, "Đóng")
    assert hook.box is None


def test_a_user_error_that_escaped_shows_its_own_message(qtbot, tmp_path):
    from desk.domain.errors import UserError

    hook = desk_app.ExceptionHook(desk_app.setup_logging(tmp_path))
    try:
        raise UserError("Máy in đang tắt: hãy bật máy in.")
    except UserError:
        hook(*sys.exc_info())
    assert hook.box is not None and hook.box.text() == "Máy in đang tắt: hãy bật máy in."
    click_box_button(hook.box, "Đóng")


def test_logging_is_set_up_once(tmp_path):
    first = desk_app.setup_logging(tmp_path)
    second = desk_app.setup_logging(tmp_path)
    assert first == second == tmp_path / "desk.log"
    handlers = [h for h in logging.getLogger().handlers if type(h).__name__ == "_DeskLogHandler"]
    assert len(handlers) == 1
