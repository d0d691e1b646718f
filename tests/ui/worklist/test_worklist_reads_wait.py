"""The worklist reads its rows off the window's thread: a server that makes it wait
leaves the window answering, the newest list asked for is the one shown, and a read
that fails keeps the rows on screen and says why.

Another PC holds the dossiers locked (as a long report or a server that stopped
answering would): the clerk's search waits in the background while a timer of the
window keeps ticking, the list keeps what it showed, a note says the list is being
read, and the clerk's second search, asked while the first still waits, is the one
shown once the lock goes.
"""

from __future__ import annotations

from background_jobs import WAIT_MS, list_read, settle, ticks_of
from dossier_factory import record
from server_locks import locked

from desk.domain.roles import Role
from desk.services import accounts
from desk.ui.widgets.qt_helpers import ERROR_COLOUR
from desk.ui.worklist.worklist_view import WorklistView


def _view(qtbot, db, clerk, clock) -> WorklistView:  # noqa: ANN001
    view = WorklistView(db, clerk, clock, poll_ms=60_000)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    list_read(qtbot, view)
    return view


def test_a_list_waiting_on_a_locked_server_leaves_the_window_alive_and_the_newest_wins(
    qtbot, server_db, clock
):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    tam = record(server_db, clerk, clock, "Lê Văn Tám")
    cuc = record(server_db, clerk, clock, "Phạm Thị Cúc")
    view = _view(qtbot, server_db, clerk, clock)
    assert sorted(view.model.codes()) == sorted([tam, cuc])
    ticks = ticks_of(view)

    with locked(server_db.url, "dossiers"):
        view.search.setText("Tám")
        view.apply_filters()
        assert view.reading()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 40)  # 400 ms: the event loop runs
        assert view.reading()
        assert sorted(view.model.codes()) == sorted([tam, cuc])  # kept while it waits
        assert view.progress.isVisible()
        assert view.progress.text() == "Đang đọc danh sách hồ sơ..."
        view.search.setText("Cúc")  # the clerk changes their mind meanwhile
        view.apply_filters()
    list_read(qtbot, view)
    settle(qtbot)
    assert view.model.codes() == [cuc]  # the newest search, whichever read ended first
    assert view.summary.text() == "1 hồ sơ"
    assert not view.progress.isVisible()


def test_a_list_that_cannot_be_read_keeps_its_rows_and_says_why(qtbot, server_db, pg_server, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    code = record(server_db, clerk, clock, "Lê Văn Tám")
    view = _view(qtbot, server_db, clerk, clock)
    assert view.model.codes() == [code]

    pg_server.drop_database(server_db.url)  # the server goes: nothing can be read
    view.refresh()
    qtbot.waitUntil(lambda: not view.reading(), timeout=WAIT_MS)
    settle(qtbot)
    assert view.model.codes() == [code]  # still on screen
    said = view.summary.toolTip()  # the whole text (the label may shorten it)
    assert said.startswith("Trên máy chủ chưa có cơ sở dữ liệu"), said
    assert ERROR_COLOUR in view.summary.styleSheet()
    assert not view.progress.isVisible()


def test_a_list_that_could_not_be_read_is_read_again_at_the_next_poll(qtbot, server_db, clock):
    """Another PC holds the dossiers locked longer than this desk waits for a lock: the
    refresh fails and says so in red; once the lock goes, the next poll reads the list
    again (before, the list kept its old rows until some dossier changed)."""
    from desk.storage.database import Database
    from desk.storage.engine import make_engine

    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    hasty = Database(server_db.url, engine=make_engine(server_db.url, busy_timeout_ms=300))
    try:
        view = _view(qtbot, hasty, clerk, clock)
        view.poll()
        settle(qtbot)
        assert view.model.codes() == []
        code = record(server_db, clerk, clock, "Lê Văn Tám")  # another counter

        with locked(server_db.url, "dossiers"):
            view.poll()  # sees the change, and reads the list: it waits, then gives up
            settle(qtbot)
            list_read(qtbot, view)
            assert ERROR_COLOUR in view.summary.styleSheet(), view.summary.toolTip()
            assert "giữ quá lâu nên chưa đọc được" in view.summary.toolTip()
            assert view.model.codes() == []
        view.poll()  # the change counter has not moved since the failed read
        settle(qtbot)
        list_read(qtbot, view)
        assert view.model.codes() == [code]
        assert view.summary.text() == "1 hồ sơ" and view.summary.styleSheet() == ""
    finally:
        hasty.dispose()


def test_the_filter_boxes_wait_on_a_locked_server_without_holding_the_window(
    qtbot, server_db, clock
):
    """Another PC holds the departments locked: the clerk's list is built and shown
    while the filter boxes' choices wait; meanwhile the boxes offer "all", and a clerk's
    clerk box already holds their own name (their list stays theirs); the choices come
    once the lock goes."""
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    accounts.add_clerk(server_db, admin, "canbo1", "Lê Thị Hoa", "hoa2026ok", role=Role.CLERK)
    hoa = accounts.log_in(server_db, "canbo1", "hoa2026ok")

    with locked(server_db.url, "departments"):
        view = WorklistView(server_db, hoa, clock, poll_ms=60_000)  # returns at once
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        ticks = ticks_of(view)
        qtbot.waitUntil(lambda: len(ticks) >= 40)  # 400 ms: the event loop runs
        assert view.filter_bar.reading()
        assert view.procedure_combo.count() == 1  # "all procedures", nothing read yet
        assert view.procedure_combo.currentText() == "Tất cả thủ tục"
        assert view.assignee_combo.currentData() == "canbo1"
        assert not view.assignee_combo.isEnabled()
        assert view.current_filter().assignee == "canbo1"
    list_read(qtbot, view)
    names = [view.procedure_combo.itemText(i) for i in range(view.procedure_combo.count())]
    assert len(names) > 10, names  # the shipped catalog
    assert "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh" in names
    assert view.assignee_combo.currentData() == "canbo1"
    assert not view.assignee_combo.isEnabled()


def test_the_reading_note_goes_once_the_filter_choices_come_last(qtbot, server_db, clock):
    """The list and its counts come while the departments are locked; the boxes' choices
    come last, once the lock goes: then the note "reading the list" goes too (it stayed
    on screen until the next poll)."""
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    record(server_db, admin, clock, "Lê Văn Tám")
    with locked(server_db.url, "departments"):
        view = WorklistView(server_db, admin, clock, poll_ms=60_000)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: not view.model.reading() and not view._counts.waiting())
        qtbot.waitUntil(view.progress.isVisible)  # the choices still wait: it says so
        assert view.filter_bar.reading()
        assert view.progress.text() == "Đang đọc danh sách hồ sơ..."
    list_read(qtbot, view)
    settle(qtbot)
    assert view.procedure_combo.count() > 10
    assert not view.progress.running()
    assert not view.progress.isVisible()
