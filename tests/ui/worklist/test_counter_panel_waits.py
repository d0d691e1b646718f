"""The counter's queue panel never freezes on the office's server.

"Gọi số tiếp theo" waits while another PC holds the queue locked: the window's event
loop runs, the buttons wait (a second click cannot call two citizens), and the
citizen is called once the lock goes. A server that cannot be reached is said once
under the buttons, not in a message box every second.
"""

from __future__ import annotations

from datetime import timedelta

from background_jobs import settle, ticks_of
from PySide6.QtCore import Qt
from server_locks import locked

from desk.domain.queue import TicketState
from desk.services import accounts, queue, queue_setup
from desk.storage.database import Database
from desk.storage.engine import make_engine
from desk.ui.worklist.counter_panel import CounterPanel


def test_calling_the_next_citizen_waits_on_a_locked_queue_without_freezing(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    queue_setup.ensure_defaults(server_db)
    group = next(g for g in queue_setup.list_groups(server_db) if g.letter == "A")
    queue.take_ticket(server_db, group.id, None, clock)
    clock.advance(timedelta(minutes=2))
    panel = CounterPanel(server_db, clerk, 1, clock)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    settle(qtbot)  # the counter and its queue are read off the window's thread
    ticks = ticks_of(panel)

    with locked(server_db.url, "queue_tickets", "EXCLUSIVE"):  # reads go on
        qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)
        assert panel.acting() and not panel.call_next_button.isEnabled()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        assert panel.acting() and not panel.call_next_button.isEnabled()  # polls keep it so
        panel.call_next()  # a second click: nothing more
        assert panel.current is None
    settle(qtbot)
    assert not panel.acting() and panel.call_next_button.isEnabled()
    assert panel.current is not None and panel.current.code == "A001"
    assert panel.current.state is TicketState.CALLED
    assert panel.status_label.text() == "Đang mời số A001."
    assert queue.current_ticket(server_db, 1, clock.now().date()).code == "A001"


def test_a_server_that_cannot_be_reached_is_said_once_under_the_buttons(qtbot, clerk, clock):
    url = "postgresql+psycopg://desk@127.0.0.1:1/desk"  # nothing listens on port 1
    away = Database(url, engine=make_engine(url))
    try:
        panel = CounterPanel(away, clerk, 1, clock, poll_ms=60_000)  # returns at once
        qtbot.addWidget(panel)
        settle(qtbot)  # the server is asked off the window's thread
        assert panel.status_label.property("problem") is True
        assert panel.title_label.text() == "Quầy 1" and panel.code_label.text() == "---"
        assert not panel.call_next_button.isEnabled()  # no counter read: nothing to call
        assert panel.status_label.text() == (
            "Không kết nối được tới máy chủ cơ sở dữ liệu 127.0.0.1:1/desk. Hãy kiểm tra dây "
            "mạng của máy này, hoặc báo quản trị viên kiểm tra máy chủ, rồi thử lại."
        )  # a read: nothing waits to be saved
        panel.poll()  # again: still said under the buttons, and no message box
        settle(qtbot)
        assert panel.status_label.text().startswith("Không kết nối được tới máy chủ")
    finally:
        away.dispose()


def test_the_panel_reads_its_queue_off_the_window_s_thread(qtbot, server_db, clock):
    """Each change of the queue (all day at a busy centre) reads the counter, its ticket
    and the waiting counts again: in the background, the panel keeping what it shows."""
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    queue_setup.ensure_defaults(server_db)
    # Nobody may read the tickets, nor the change counter the panel polls, meanwhile.
    with locked(server_db.url, "queue_tickets"), locked(server_db.url, "change_counters"):
        panel = CounterPanel(server_db, clerk, 1, clock)  # returns at once
        qtbot.addWidget(panel)
        panel.show()
        ticks = ticks_of(panel)
        qtbot.waitUntil(lambda: len(ticks) >= 30)  # the event loop runs meanwhile
        assert panel.server.asking() or panel.reading()
        assert panel.title_label.text() == "Quầy 1" and panel.code_label.text() == "---"
    settle(qtbot)
    assert not panel.reading()
    assert panel.title_label.text() == f"{panel.counter.label} · {clerk.full_name}"
    assert panel.call_next_button.isEnabled()
