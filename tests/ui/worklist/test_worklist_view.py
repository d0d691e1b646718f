"""The worklist: the paged table model, the urgency bands, filters, search, and
the list following changes made by another process on the same database."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from background_jobs import list_read
from dossier_factory import record
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from desk.domain.clock import FixedClock
from desk.domain.dossier import STATUS_LABELS, DossierStatus
from desk.domain.office import Clerk
from desk.domain.translation import translated
from desk.domain.urgency import BAND_LABELS, Band
from desk.services import accounts, demo, steps, worklist
from desk.services.worklist import View, WorklistFilter
from desk.storage.database import Database, open_database
from desk.ui.widgets.band_style import NAME_KEPT
from desk.ui.widgets.screen_fit import FRAME
from desk.ui.worklist.column_fit import TEXT_PADDING, share
from desk.ui.worklist.worklist_table_model import (
    APPLICANT,
    ASSIGNEE,
    BAND_ROLE,
    CODE,
    CODE_ROLE,
    DUE,
    HEADERS,
    HOLDER,
    PROCEDURE,
    STATUS,
    URGENCY,
    WorklistTableModel,
    status_choices,
    urgency_text,
)
from desk.ui.worklist.worklist_view import WorklistView

TODAY = date(2026, 3, 10)
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A demo office made once per module: 1,500 dossiers over three months, every
    status and every band, with the demo accounts (admin, lanhdao, canbo1...)."""
    path = tmp_path_factory.mktemp("demo") / "desk.sqlite3"
    made = open_database(f"sqlite:///{path}")
    demo.create_demo(made, 1500, today=TODAY, months=3)
    made.dispose()
    return path


@pytest.fixture
def office(qapp, demo_file: Path, tmp_path: Path):
    """A copy of the demo office for one test."""
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_file, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def boss(office: Database) -> Clerk:
    return accounts.get_clerk(office, "admin")


@pytest.fixture
def view(qtbot, office: Database, boss: Clerk, clock: FixedClock) -> WorklistView:
    v = WorklistView(office, boss, clock)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    list_read(qtbot, v)  # its first page and its counts, read in the background
    return v


def more(qtbot, model: WorklistTableModel) -> None:
    """Ask for the next page, as a scroll to the end does, and wait for its rows."""
    model.fetchMore()
    list_read(qtbot, model)


def all_rows(qtbot, model: WorklistTableModel) -> list[str]:
    while model.canFetchMore():
        more(qtbot, model)
    return model.codes()


# -- the model ----------------------------------------------------------------------


def test_the_model_passes_qt_s_model_checks(qtbot, qtmodeltester, office, clock):
    model = WorklistTableModel(office, clock, page_size=7)
    more(qtbot, model)
    more(qtbot, model)
    qtmodeltester.check(model)
    assert model.rowCount() >= 14


def test_pages_list_every_running_dossier_once_most_urgent_first(qtbot, office, clock):
    model = WorklistTableModel(office, clock, page_size=9)
    codes = all_rows(qtbot, model)
    now = clock.now()
    assert len(codes) == len(set(codes)) == worklist.count(office, WorklistFilter(), now)
    dues = [model.item(r).due_at for r in range(model.rowCount())]
    assert dues == sorted(dues)
    assert {model.item(r).status for r in range(model.rowCount())} <= {
        DossierStatus.RECEIVED,
        DossierStatus.IN_PROGRESS,
    }


def test_cells_show_urgency_with_an_icon_and_words_not_colour_alone(qtbot, office, clock):
    model = WorklistTableModel(office, clock)
    more(qtbot, model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] == list(
        HEADERS
    )
    first = model.item(0)
    assert first.band is Band.OVERDUE  # the most urgent first
    cell = model.index(0, URGENCY)
    assert model.data(cell).startswith("Quá hạn")
    assert isinstance(model.data(cell, Qt.ItemDataRole.DecorationRole), QIcon)
    assert not model.data(cell, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(cell, BAND_ROLE) is Band.OVERDUE
    assert model.data(model.index(0, CODE)) == first.code == model.data(cell, CODE_ROLE)
    assert model.data(model.index(0, APPLICANT)) == first.applicant_name
    assert model.data(model.index(0, DUE)) == f"{first.due_at:%d/%m/%Y %H:%M}"
    assert model.data(model.index(0, STATUS)) in ("Đã tiếp nhận", "Đang giải quyết")
    assert model.data(model.index(0, HOLDER)) == first.holder
    # Each band says in words how much time is left.
    starts = {
        Band.OVERDUE: "Quá hạn",
        Band.TODAY: "Hôm nay, trước",
        Band.NEXT_DAY: "Ngày làm việc tới",
        Band.SOON: "Còn",
        Band.WITHIN: "Còn",
    }
    seen = set()
    for r in range(model.rowCount()):
        band = model.item(r).band
        seen.add(band)
        assert model.data(model.index(r, URGENCY)).startswith(starts[band])
    assert seen == set(Band)


def test_urgency_words_count_working_days(qapp, db, clerk, clock):
    code = record(db, clerk, clock)  # 3 working days: due Friday 13 March
    [item] = worklist.fetch_page(db, WorklistFilter(search=code), clock.now())
    from desk.services import calendar

    cal = calendar.working_calendar(db)
    assert item.band is Band.SOON
    assert urgency_text(item, clock.now(), cal) == "Còn 3 ngày làm việc"
    later = datetime(2026, 3, 17, 9, 0, tzinfo=clock.now().tzinfo)  # the next Tuesday
    late = item.with_band(Band.OVERDUE)
    assert urgency_text(late, later, cal) == "Quá hạn 2 ngày làm việc"


def test_reload_reads_as_deep_as_the_clerk_scrolled(qtbot, office, clock):
    model = WorklistTableModel(office, clock, page_size=10)
    for _ in range(3):
        more(qtbot, model)
    before = model.codes()
    assert len(before) == 30
    model.reload()
    assert model.reading() and model.codes() == before  # shown until the new rows come
    list_read(qtbot, model)
    assert model.codes() == before


def test_status_filter_offers_what_each_view_can_hold():
    assert status_choices(View.URGENT) == [DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS]
    assert status_choices(View.WAITING) == [DossierStatus.WAITING_SUPPLEMENT]
    assert status_choices(View.CLOSED) == [
        DossierStatus.RETURNED,
        DossierStatus.REFUSED,
        DossierStatus.STOPPED,
    ]


# -- the screen ---------------------------------------------------------------------------


def test_band_counts_shown_are_the_service_s(view, office, clock):
    expected = worklist.band_counts(office, WorklistFilter(), clock.now())
    assert view.band_counts_shown() == expected
    assert sum(expected.values()) > 0 and all(n > 0 for n in expected.values())
    for band, button in view.band_buttons.items():
        assert button.text().endswith(f": {expected[band]}")
        assert not button.icon().isNull()
    views = worklist.view_counts(office, WorklistFilter(), clock.now())
    assert view.view_tabs.tabText(0) == f"Đang giải quyết ({views[View.URGENT]})"
    assert view.view_tabs.tabText(1) == f"Chờ người nộp bổ sung ({views[View.WAITING]})"
    assert view.view_tabs.tabText(2) == f"Có kết quả, chờ trả ({views[View.READY]})"
    assert view.view_tabs.tabText(3) == "Đã kết thúc"


def test_a_large_office_s_counts_fit_a_1024_pixel_screen(qtbot, view):
    """Five counts of five digits, as a supervisor of a large centre sees: the row still
    fits a 1024-pixel screen (the window grew past its right edge), each count whole;
    the names shorten only when the row is short of room, and never below their start."""
    for button in view.band_buttons.values():
        button.set_count(12345)
    # the window's frame and the tab widget's around the list, with room to spare
    assert view.minimumSizeHint().width() <= 1024 - FRAME.width() - 20
    view.resize(990, 700)
    qtbot.waitUntil(lambda: view.band_buttons[Band.WITHIN].width() < 990 // 4)
    shortened = 0
    for band, button in view.band_buttons.items():
        shown = button.shown_text()
        name = translated(BAND_LABELS[band])
        assert shown.endswith(": 12345") and button.text() == f"{name}: 12345"
        assert shown.startswith(name[:NAME_KEPT]) or shown == button.text()
        assert button.fontMetrics().horizontalAdvance(shown) <= button.width()
        shortened += "…" in shown
    assert shortened > 0
    view.resize(1330, 700)
    qtbot.waitUntil(lambda: "…" not in view.band_buttons[Band.NEXT_DAY].shown_text())
    assert all(b.shown_text() == b.text() for b in view.band_buttons.values())


@pytest.mark.parametrize("band", list(Band))
def test_clicking_a_band_shows_only_that_band(qtbot, view, band):
    button = view.band_buttons[band]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked()
    list_read(qtbot, view)
    codes = all_rows(qtbot, view.model)
    assert len(codes) == button.count
    assert {view.model.item(r).band for r in range(view.model.rowCount())} == {band}
    assert view.summary.text() == f"{button.count} hồ sơ"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # again: every band
    assert not button.isChecked()
    list_read(qtbot, view)
    assert len(all_rows(qtbot, view.model)) == sum(view.band_counts_shown().values())


def test_a_band_click_from_another_view_goes_back_to_running_dossiers(qtbot, view):
    view.select_view(View.READY)
    assert view.model.filter.view is View.READY
    qtbot.mouseClick(view.band_buttons[Band.TODAY], Qt.MouseButton.LeftButton)
    assert view.current_view() is View.URGENT
    assert view.model.filter.band is Band.TODAY


def test_views_show_waiting_ready_and_closed_dossiers(qtbot, view, office, clock):
    for v, statuses in (
        (View.WAITING, {DossierStatus.WAITING_SUPPLEMENT}),
        (View.READY, {DossierStatus.RESULT_READY}),
        (View.CLOSED, {DossierStatus.RETURNED, DossierStatus.REFUSED, DossierStatus.STOPPED}),
    ):
        view.select_view(v)
        list_read(qtbot, view)
        assert view.model.rowCount() > 0
        assert {view.model.item(r).status for r in range(view.model.rowCount())} <= statuses
        assert {view.model.item(r).band for r in range(view.model.rowCount())} == {None}
        assert view.model.data(view.model.index(0, URGENCY)) != ""


def test_filters_by_department_and_field(qtbot, view, office, clock):
    view.department_combo.setCurrentIndex(view.department_combo.findData("Công an xã"))
    view.apply_filters()
    list_read(qtbot, view)
    holders = {view.model.item(r).holder for r in range(view.model.rowCount())}
    assert holders == {"Công an xã"}
    expected = worklist.band_counts(office, WorklistFilter(department="Công an xã"), clock.now())
    assert view.band_counts_shown() == expected
    view.clear_filters()
    view.field_combo.setCurrentIndex(view.field_combo.findData("Hộ tịch"))
    view.apply_filters()
    list_read(qtbot, view)
    assert {view.model.item(r).field for r in range(view.model.rowCount())} == {"Hộ tịch"}


def test_accent_free_search_finds_a_vietnamese_name(qtbot, view, office, boss, clock):
    code = record(office, boss, clock, "Nguyễn Thị Ánh Tuyết", phone="0987654321")
    type_text(qtbot, view.search, "anh tuyet")
    qtbot.waitUntil(lambda: view.model.codes() == [code], timeout=3000)
    assert view.model.data(view.model.index(0, APPLICANT)) == "Nguyễn Thị Ánh Tuyết"
    view.search.clear()
    type_text(qtbot, view.search, "NGUYEN THI ANH")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    list_read(qtbot, view)
    assert code in view.model.codes()
    view.search.setText("0987654321")
    view.apply_filters()
    list_read(qtbot, view)
    assert view.model.codes() == [code]


def test_a_clerk_sees_only_the_dossiers_in_their_charge(qtbot, office, clock):
    hoa = accounts.get_clerk(office, "canbo1")
    v = WorklistView(office, hoa, clock)
    qtbot.addWidget(v)
    list_read(qtbot, v)
    assert not v.assignee_combo.isEnabled()
    assert v.model.filter.assignee == "canbo1"
    assignees = {v.model.item(r).assignee for r in range(v.model.rowCount())}
    assert assignees == {"Lê Thị Hoa"}
    expected = worklist.band_counts(office, WorklistFilter(assignee="canbo1"), clock.now())
    assert v.band_counts_shown() == expected


def test_enter_on_a_row_asks_to_open_the_dossier(qtbot, view):
    view.table.setFocus()
    view.table.selectRow(2)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.code_at(2)]


def test_double_click_asks_to_open_the_dossier(qtbot, view):
    where = view.table.visualRect(view.model.index(0, CODE)).center()
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [view.model.code_at(0)]


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from desk.domain.clock import FixedClock
    from desk.services import accounts, steps
    from desk.storage.database import open_database

    db = open_database(sys.argv[1])
    clerk = accounts.log_in(db, "admin", "matkhau123")
    steps.transfer(db, clerk, sys.argv[2], "Công an xã", FixedClock(datetime(2026, 3, 10, 9, 30)))
    """
)


def test_a_change_made_by_another_process_appears_within_seconds(qtbot, db, clerk, clock):
    first = record(db, clerk, clock, "Lê Văn Tám")
    second = record(db, clerk, clock, "Phạm Thị Cúc")
    v = WorklistView(db, clerk, clock)  # polls every two seconds, as at the counter
    qtbot.addWidget(v)
    list_read(qtbot, v)
    v.table.selectRow(v.model.row_of(second))
    scroll = v.table.verticalScrollBar().value()
    subprocess.run(
        [sys.executable, "-c", CHILD, db.url, first],
        cwd=REPO,
        check=True,
        timeout=60,
    )

    def moved() -> bool:
        row = v.model.row_of(first)
        return row is not None and v.model.item(row).status is DossierStatus.IN_PROGRESS

    qtbot.waitUntil(moved, timeout=10_000)
    assert v.model.item(v.model.row_of(first)).holder == "Công an xã"
    assert v.selected_code() == second  # the clerk's place in the list is kept
    assert v.table.verticalScrollBar().value() == scroll


def test_a_change_in_this_window_is_seen_too(qtbot, db, clerk, clock):
    code = record(db, clerk, clock)
    v = WorklistView(db, clerk, clock, poll_ms=100)
    qtbot.addWidget(v)
    steps.stop(db, clerk, code, "Người nộp có đơn xin rút hồ sơ", clock)
    qtbot.waitUntil(lambda: v.model.rowCount() == 0, timeout=5000)
    assert sum(v.band_counts_shown().values()) == 0


def test_the_list_and_its_counts_are_read_off_the_window_s_thread(qtbot, office, boss, clock):
    """The screen is made without a read on the window's thread: its page and its counts
    come from the background (the page first, then ``counted``)."""
    v = WorklistView(office, boss, clock)
    qtbot.addWidget(v)
    assert v.reading() and v.model.rowCount() == 0
    assert not v.counts_ready and v.band_counts_shown() == dict.fromkeys(Band, 0)
    with qtbot.waitSignal(v.reloaded, timeout=5000):
        pass
    assert v.model.rowCount() > 0
    list_read(qtbot, v)
    assert v.counts_ready
    assert v.band_counts_shown() == worklist.band_counts(office, WorklistFilter(), clock.now())


# -- the columns ---------------------------------------------------------------------


def _widest(view: WorklistView, column: int) -> int:
    model = view.model
    metrics = view.table.fontMetrics()
    return max(
        metrics.horizontalAdvance(model.data(model.index(r, column)))
        for r in range(model.rowCount())
    )


def test_columns_take_the_width_of_the_rows_they_show(qtbot, view):
    """A page of running dossiers leaves the width "Có kết quả, chờ trả" needs to the
    procedure; the view of results ready gives it back to the status."""
    header = view.table.horizontalHeader()
    ready = translated(STATUS_LABELS[DossierStatus.RESULT_READY])
    ready_width = view.table.fontMetrics().horizontalAdvance(ready) + TEXT_PADDING
    running = header.sectionSize(STATUS)
    assert _widest(view, STATUS) < running < ready_width
    # the procedure has what the others leave
    others = sum(header.sectionSize(c) for c in range(len(HEADERS)) if c != PROCEDURE)
    assert header.sectionSize(PROCEDURE) == view.table.viewport().width() - others
    view.select_view(View.READY)
    qtbot.waitUntil(lambda: header.sectionSize(STATUS) >= ready_width)
    assert view.table.horizontalScrollBar().maximum() == 0


def test_columns_give_way_least_read_first_on_a_narrow_table(qtbot, view):
    header = view.table.horizontalHeader()
    wide = {c: header.sectionSize(c) for c in (URGENCY, CODE, DUE, HOLDER, ASSIGNEE)}
    view.resize(990, 700)
    qtbot.waitUntil(lambda: view.table.viewport().width() < 990)
    assert view.table.horizontalScrollBar().maximum() == 0
    for column in (URGENCY, CODE, DUE):  # never cut
        assert header.sectionSize(column) == wide[column]
    assert header.sectionSize(HOLDER) < wide[HOLDER]  # the first to give way
    assert header.sectionSize(HOLDER) < header.sectionSize(CODE)
    # a title wider than its narrowed column shows its start and "…" (Qt's header
    # would cut both ends of it otherwise)
    assert header.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_column_resized_by_hand_keeps_its_width(qtbot, view):
    header = view.table.horizontalHeader()
    header.resizeSection(STATUS, 333)  # as the clerk's drag of its edge does
    view.select_view(View.READY)
    list_read(qtbot, view)
    assert view.model.filter.view is View.READY and view.model.rowCount() > 0
    view.resize(1100, 700)
    qtbot.waitUntil(lambda: view.table.viewport().width() < 1100)
    assert header.sectionSize(STATUS) == 333
    assert view.table.horizontalScrollBar().maximum() == 0


def test_share_narrows_the_first_columns_to_give_way_down_to_their_floor():
    natural = {1: 100, 2: 200, 3: 150}
    least = {1: 80, 2: 70, 3: 60}
    assert share(natural, least, (2, 3), 450) == natural  # it all fits
    assert share(natural, least, (2, 3), 400) == {1: 100, 2: 150, 3: 150}
    assert share(natural, least, (2, 3), 200) == {1: 100, 2: 70, 3: 60}  # floors: still over
    assert share(natural, least, (3,), 300) == {1: 100, 2: 200, 3: 60}


def test_the_view_tabs_come_before_the_summary_on_a_narrow_window(qtbot, view):
    """A long summary next to the tabs put them behind scroll arrows at 1024 px; now the
    summary has what the tabs leave, shortened with "…", whole in its tooltip."""
    view._refresh_counts_only()
    long_text = "Có hồ sơ vừa thay đổi: bấm “Làm mới” để xem."
    view.resize(990, 700)
    tabs = view.view_tabs
    qtbot.waitUntil(lambda: view.summary.text().endswith("…"))
    assert tabs.width() >= tabs.sizeHint().width()  # every tab whole, no scroll arrows
    assert view.summary.toolTip() == long_text
    view.resize(1330, 700)
    qtbot.waitUntil(lambda: view.summary.text() == long_text)
