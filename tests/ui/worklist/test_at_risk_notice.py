"""A supervisor who signs in is told how many dossiers need an apology; a clerk is not."""

from __future__ import annotations

from datetime import datetime

import pytest
from dossier_factory import record
from message_boxes import click_box_button, visible_message_boxes

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.roles import Role
from desk.services import accounts, risk
from desk.ui.worklist.main_window import DOSSIERS_TAB, MainWindow
from desk.ui.worklist.worklist_view import AT_RISK_TAB


@pytest.fixture(autouse=True)
def fresh_history(db):
    risk.refresh_history(db)
    yield
    risk.refresh_history(db)


@pytest.fixture
def at_risk(db, clerk) -> list[str]:
    """Two dossiers due today (3 working days from Thu 05/03), one on course."""
    codes = [
        record(db, clerk, FixedClock(datetime(2026, 3, 5, h, 0, tzinfo=VN_TZ)), name)
        for h, name in ((14, "Lê Văn Sớm"), (15, "Phan Văn Muộn"))
    ]
    record(db, clerk, FixedClock(datetime(2026, 3, 10, 8, 0, tzinfo=VN_TZ)), "Đỗ Thị Xa")
    return codes


def signed_in(qtbot, db, who, clock) -> MainWindow:
    window = MainWindow(db, who, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.worklist.at_risk.count is not None)
    return window


def test_a_supervisor_is_told_and_taken_to_the_list(qtbot, db, clerk, clock, at_risk):
    boss = accounts.add_clerk(
        db, clerk, "lanhdao", "Phạm Văn Đức", "matkhau456", role=Role.SUPERVISOR
    )
    window = signed_in(qtbot, db, boss, clock)
    assert risk.at_risk_counts(db, clock.now()).at_risk == 2
    qtbot.waitUntil(lambda: window.sign_in_notice.box is not None)
    [box] = visible_message_boxes(window)
    assert box is window.sign_in_notice.box and not box.isModal()
    assert box.text() == ("Có 2 hồ sơ có nguy cơ trễ hạn, cần xin lỗi và hẹn lại ngày trả kết quả.")
    label = window.sign_in_notice.label
    assert label.isVisible() and "Có 2 hồ sơ có nguy cơ trễ hạn, cần xin lỗi." in label.text()
    assert window.tabs.currentIndex() != DOSSIERS_TAB
    click_box_button(box, "Xem danh sách")
    assert window.tabs.currentIndex() == DOSSIERS_TAB and window.worklist.at_risk_shown()
    assert window.worklist.at_risk.model.codes() == at_risk
    assert visible_message_boxes(window) == []
    window.tabs.setCurrentIndex(0)
    label.linkActivated.emit("at-risk")  # the status bar line leads to the list too
    assert window.tabs.currentIndex() == DOSSIERS_TAB


def test_the_dialog_is_shown_once_per_sign_in(qtbot, db, clerk, clock, at_risk):
    window = signed_in(qtbot, db, clerk, clock)  # the admin is a supervisor too
    qtbot.waitUntil(lambda: window.sign_in_notice.box is not None)
    click_box_button(window.sign_in_notice.box, "Để sau")
    window.hide()
    window.show()
    record(db, clerk, FixedClock(datetime(2026, 3, 5, 16, 0, tzinfo=VN_TZ)), "Vũ Thị Ba")
    window.worklist.at_risk.refresh()  # counted again: the line follows, no second dialog
    qtbot.waitUntil(lambda: "Có 3 hồ sơ" in window.sign_in_notice.label.text())
    assert visible_message_boxes(window) == []


def test_a_clerk_gets_no_dialog(qtbot, db, clerk, clock, at_risk):
    plain = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    window = signed_in(qtbot, db, plain, clock)
    # counted for the worklist's tab: the clerk's own dossiers (the two are the admin's)
    assert window.worklist.at_risk.count == 0
    assert window.worklist.view_tabs.tabText(AT_RISK_TAB) == "Cần xin lỗi - của tôi (0)"
    assert risk.at_risk_counts(db, clock.now()).at_risk == 2
    assert window.sign_in_notice.box is None
    assert visible_message_boxes(window) == []
    assert not window.sign_in_notice.label.isVisible()


def test_a_supervisor_with_nothing_at_risk_gets_a_quiet_line(qtbot, db, clerk, clock):
    window = signed_in(qtbot, db, clerk, clock)
    label = window.sign_in_notice.label
    qtbot.waitUntil(label.isVisible)
    assert label.text() == "Không có hồ sơ nào có nguy cơ trễ hạn."
    assert window.sign_in_notice.box is None and visible_message_boxes(window) == []
