"""What the intake form reads as the clerk types never freezes the counter.

The form lists the catalog once it is read, picking a procedure works out its
appointment from the office's calendar, and a whole CCCD looks up the papers the
office already holds for that person: all three read the server. Here another PC
holds what they read locked: the form keeps answering (a timer ticks, the clerk types
on), the list and the appointment say they are being read or worked out, and each
shows once the lock goes.
"""

from __future__ import annotations

from background_jobs import appointment_shown, catalog_read, held_read, ticks_of
from keyboard_input import type_text
from PySide6.QtCore import Qt
from server_locks import locked

from desk.services import accounts
from desk.ui.intake.intake_window import IntakeWindow


def _form(qtbot, db, clerk, clock) -> IntakeWindow:  # noqa: ANN001
    w = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    qtbot.waitExposed(w)
    catalog_read(qtbot, w)
    appointment_shown(qtbot, w)
    return w


def test_the_appointment_waiting_on_a_locked_calendar_leaves_the_form_alive(
    qtbot, server_db, clock
):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    w = _form(qtbot, server_db, clerk, clock)
    ticks = ticks_of(w)
    with locked(server_db.url, "calendar_days"):
        type_text(qtbot, w.picker.search, "xac nhan tinh trang hon nhan")
        qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
        assert w.appointment_pending()
        qtbot.waitUntil(lambda: w.appointment_label.text() == "Hẹn trả: đang tính...")
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        type_text(qtbot, w.name_edit, "Nguyễn Thị Hồng Nhung")  # and the clerk types on
        assert w.name_edit.text() == "Nguyễn Thị Hồng Nhung" and w.appointment_pending()
    appointment_shown(qtbot, w)
    assert w.appointment_label.text() == (
        "Hẹn trả: 09 giờ 15 phút, Thứ Sáu 13/03/2026 (03 ngày làm việc)"
    )


def test_the_held_papers_waiting_on_a_locked_server_leave_the_form_alive(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    w = _form(qtbot, server_db, clerk, clock)
    with locked(server_db.url, "dossiers"):
        type_text(qtbot, w.id_edit, "079190012345")
        assert w.scans.reuse.looking_up()
        type_text(qtbot, w.phone_edit, "0912 345 678")  # the clerk goes on meanwhile
        assert w.phone_edit.text() == "0912 345 678" and w.scans.reuse.looking_up()
    held_read(qtbot, w)
    assert w.scans.reuse.held == [] and not w.scans.reuse.isVisible()


def test_the_catalog_waiting_on_a_locked_server_leaves_the_form_alive(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    with locked(server_db.url, "procedures"):  # an admin's catalog edit, not yet committed
        w = IntakeWindow(server_db, clerk, clock)
        qtbot.addWidget(w)
        w.resize(1366, 720)
        w.show()
        qtbot.waitExposed(w)
        ticks = ticks_of(w)
        assert w.picker.reading() and w.picker.visible_codes() == []
        assert w.picker.empty_label.isVisible()
        assert w.picker.empty_label.text() == "Đang đọc danh mục thủ tục..."
        type_text(qtbot, w.picker.search, "xac nhan tinh trang hon nhan")  # typed meanwhile
        type_text(qtbot, w.name_edit, "Nguyễn Thị Hồng Nhung")
        qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)  # nothing listed yet to pick
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        assert w.picker.reading() and w.picker.chosen() is None
    catalog_read(qtbot, w)  # the list follows what was typed
    assert w.picker.visible_codes()[0] == "1.004873"
    assert not w.picker.empty_label.isVisible()
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
    assert w.picker.chosen().code == "1.004873"
    assert w.name_edit.text() == "Nguyễn Thị Hồng Nhung"
