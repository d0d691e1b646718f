"""The "Cần xin lỗi" view of the worklist, and the "Đã hẹn lại" marker of the other views."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from background_jobs import list_read, settle, shown_page
from dossier_factory import record
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desk.domain.clock import VN_TZ, FixedClock
from desk.services import apologies, risk, worklist
from desk.services.worklist import View, WorklistFilter
from desk.ui.worklist.at_risk_table_model import (
    CODE_ROLE,
    DOSSIER,
    HEADERS,
    KIND,
    PROCEDURE,
    REASON,
    AtRiskTableModel,
)
from desk.ui.worklist.at_risk_view import RECOUNT_AFTER, AtRiskView
from desk.ui.worklist.main_window import DOSSIERS_TAB, MainWindow
from desk.ui.worklist.worklist_table_model import URGENCY
from desk.ui.worklist.worklist_view import AT_RISK_TAB, WorklistView


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


@pytest.fixture(autouse=True)
def fresh_history(db):
    risk.refresh_history(db)
    yield
    risk.refresh_history(db)


@pytest.fixture
def due_soon(db, clerk) -> str:
    """Received Thu 05/03 14:00 for 3 working days: due Tue 10/03 14:00, today."""
    return record(db, clerk, FixedClock(vn(2026, 3, 5, 14, 0)), "Lê Văn Sớm")


@pytest.fixture
def overdue(db, clerk) -> str:
    """Received Mon 02/03 09:00: due Thu 05/03 09:00, overdue now."""
    return record(db, clerk, FixedClock(vn(2026, 3, 2, 9, 0)), "Trần Văn Trễ")


@pytest.fixture
def on_course(db, clerk, clock) -> str:
    """Received now (Tue 10/03 09:15): due Fri 13/03, not at risk."""
    return record(db, clerk, clock, "Đỗ Thị Xa")


def make_view(qtbot, db, clerk, clock) -> WorklistView:
    view = WorklistView(db, clerk, clock)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    list_read(qtbot, view)
    return view


def show_at_risk(qtbot, view: WorklistView) -> None:
    view.show_at_risk()
    qtbot.waitUntil(lambda: view.at_risk.count is not None and not view.at_risk.loader.running)


def test_the_at_risk_view_lists_what_the_service_flags(
    qtbot, db, clerk, clock, due_soon, overdue, on_course
):
    view = make_view(qtbot, db, clerk, clock)
    show_at_risk(qtbot, view)
    assert view.at_risk_shown() and view.stack.currentWidget() is view.at_risk
    expected = risk.at_risk(db, clock.now())
    model = view.at_risk.model
    assert model.codes() == [i.code for i in expected] == [overdue, due_soon]
    assert view.at_risk.count == risk.at_risk_counts(db, clock.now()).at_risk == 2
    assert view.view_tabs.tabText(AT_RISK_TAB) == "Cần xin lỗi - toàn cơ quan (2)"
    assert view.summary.text() == "2 hồ sơ cần xin lỗi"
    # Each row says why, in the service's words, and how urgent with a shape and a word.
    row = model.row_of(due_soon)
    assert model.data(model.index(row, REASON)) == expected[1].reason_text
    assert model.data(model.index(row, REASON)).startswith("Chỉ còn")
    assert model.data(model.index(row, KIND)) == "Sắp đến hạn"
    assert model.data(model.index(row, DOSSIER)) == f"{due_soon}\nLê Văn Sớm"
    assert model.data(model.index(row, PROCEDURE)).endswith("\n" + expected[1].procedure)
    assert isinstance(model.data(model.index(row, KIND), Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.data(model.index(0, KIND)) == "Đã quá hạn"
    assert model.data(model.index(0, KIND), Qt.ItemDataRole.ToolTipRole) == (
        expected[0].reason_text
    )
    # The filters do not apply to this list; the selected row's reason is spelt out.
    assert not view.filter_bar.isEnabled() and not view.search.isEnabled()
    view.at_risk.table.selectRow(row)
    assert view.at_risk.reason_label.text() == f"{due_soon}: {expected[1].reason_text}"
    assert view.selected_code() == due_soon


def test_opening_a_dossier_from_the_list_opens_its_page(qtbot, db, clerk, clock, due_soon):
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.at_risk_action.trigger()
    assert window.tabs.currentIndex() == DOSSIERS_TAB
    qtbot.waitUntil(lambda: window.worklist.at_risk.model.codes() == [due_soon])
    table = window.worklist.at_risk.table
    QApplication.processEvents()  # lay the list out
    where = table.visualRect(window.worklist.at_risk.model.index(0, DOSSIER)).center()
    assert table.indexAt(where).row() == 0
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = shown_page(qtbot, window, due_soon)
    assert page.isVisible() and page.apology_button.isEnabled()
    page.close()


def test_leaving_the_at_risk_view_gives_the_list_and_its_filters_back(
    qtbot, db, clerk, clock, due_soon
):
    view = make_view(qtbot, db, clerk, clock)
    show_at_risk(qtbot, view)
    view.select_view(View.WAITING)
    assert view.stack.currentWidget() is view.table and view.filter_bar.isEnabled()
    assert view.current_view() is View.WAITING
    show_at_risk(qtbot, view)
    view.band_buttons[next(iter(view.band_buttons))].click()  # a band: back to the list
    assert not view.at_risk_shown() and view.current_view() is View.URGENT
    assert view.stack.currentWidget() is view.table and view.search.isEnabled()


def test_the_list_follows_an_apology_made_elsewhere(qtbot, db, clerk, clock, due_soon):
    view = make_view(qtbot, db, clerk, clock)
    show_at_risk(qtbot, view)
    assert view.at_risk.model.codes() == [due_soon]
    apologies.make_apology(db, clerk, due_soon, "Chờ xác minh", vn(2026, 3, 17, 9, 0), "sms", clock)
    view.poll()  # the dossiers' change counter moved while the list is shown
    settle(qtbot)
    qtbot.waitUntil(lambda: view.at_risk.model.codes() == [] and not view.at_risk.loader.running)
    assert view.view_tabs.tabText(AT_RISK_TAB) == "Cần xin lỗi - toàn cơ quan (0)"
    assert view.at_risk.status_label.text() == (
        "Phạm vi: toàn cơ quan. Không có hồ sơ nào có nguy cơ trễ hạn."
    )


def test_the_count_is_renewed_each_minute_not_on_each_poll(qtbot, db, clerk, clock, due_soon):
    view = make_view(qtbot, db, clerk, clock)
    view.poll()  # the first poll asks for the count
    settle(qtbot)
    qtbot.waitUntil(lambda: view.at_risk.count == 1 and not view.at_risk.loader.running)
    asked = view.at_risk.requested_at
    record(db, clerk, FixedClock(vn(2026, 3, 5, 15, 0)), "Phan Văn Muộn")  # due today too
    view.poll()  # the list moved but the at-risk view is not shown: only the list is reread
    settle(qtbot)
    assert view.at_risk.requested_at == asked and not view.at_risk.loader.running
    assert view.view_tabs.tabText(AT_RISK_TAB) == "Cần xin lỗi - toàn cơ quan (1)"
    clock.advance(RECOUNT_AFTER)
    view.poll()
    settle(qtbot)
    qtbot.waitUntil(lambda: view.at_risk.count == 2 and not view.at_risk.loader.running)
    assert view.view_tabs.tabText(AT_RISK_TAB) == "Cần xin lỗi - toàn cơ quan (2)"


def test_the_model_passes_qt_s_model_checks(qtmodeltester, db, clock, due_soon, overdue):
    model = AtRiskTableModel()
    model.set_items(risk.at_risk(db, clock.now()))
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] == list(
        HEADERS
    )
    assert model.rowCount() == 2 and model.data(model.index(1, DOSSIER), CODE_ROLE) == due_soon


# -- "Đã hẹn lại" in the other views ----------------------------------------------------------


def test_a_rescheduled_dossier_sorts_by_its_new_date_and_says_so(
    qtbot, db, clerk, clock, due_soon, on_course
):
    apologies.make_apology(db, clerk, due_soon, "Chờ xác minh", vn(2026, 3, 17, 9, 0), "sms", clock)
    items = worklist.fetch_page(db, WorklistFilter(), clock.now())
    assert [(i.code, i.rescheduled) for i in items] == [(on_course, False), (due_soon, True)]
    view = make_view(qtbot, db, clerk, clock)
    model = view.model
    assert model.codes() == [on_course, due_soon]
    moved = model.index(1, URGENCY)
    assert model.data(moved) == "Còn 5 ngày làm việc · Đã hẹn lại"
    assert "hẹn ban đầu 10/03/2026 14:00: không thể hẹn lại nữa" in model.data(
        moved, Qt.ItemDataRole.ToolTipRole
    )
    assert "Đã hẹn lại" not in model.data(model.index(0, URGENCY))


def test_a_list_computed_after_its_window_closed_is_dropped(qtbot, db, clerk, clock, due_soon):
    closing = AtRiskView(db, clock)
    staying = AtRiskView(db, clock)
    qtbot.addWidget(staying)
    closing.refresh()
    staying.refresh()
    shiboken6.delete(closing)  # the window closes while its list is being computed
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: staying.count is not None)  # results are delivered meanwhile
    assert staying.count == 1 and staying.model.codes() == [due_soon]
    assert not shiboken6.isValid(closing)
