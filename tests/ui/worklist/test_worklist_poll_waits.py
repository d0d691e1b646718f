"""The worklist's poll never freezes the window on a server that does not answer.

Every 750 ms the worklist reads the dossiers' change counter to see whether another
counter changed something. Here another PC holds that counter locked, as a server
that stopped answering would: the read waits off the window's thread, the window
keeps answering (a timer ticks, the clerk types in the search), a tick meanwhile
starts no second read, and once the read comes back a dossier saved meanwhile
elsewhere is in the list.
"""

from __future__ import annotations

from background_jobs import settle, ticks_of
from dossier_factory import record
from keyboard_input import type_text
from server_locks import locked

from desk.services import accounts
from desk.ui.worklist.worklist_view import WorklistView


def test_a_poll_that_waits_on_the_server_leaves_the_worklist_alive(qtbot, server_db, clock):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    view = WorklistView(server_db, clerk, clock, poll_ms=60_000)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot)
    assert view.model.codes() == []
    ticks = ticks_of(view)

    with locked(server_db.url, "change_counters"):
        view.poll()
        assert view.server.asking()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        type_text(qtbot, view.search, "Hùng")  # and the clerk types
        assert view.search.text() == "Hùng"
        view.search.clear()
        view.poll()  # a tick while the read waits: nothing more
        assert view.server.asking()
    code = record(server_db, clerk, clock)  # another counter, meanwhile
    settle(qtbot)
    view.poll()
    settle(qtbot)
    assert not view.server.asking() and not view.server.failing
    assert view.model.codes() == [code]
