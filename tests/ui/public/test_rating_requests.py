"""A service that ends in front of the citizen asks the rating window for a rating."""

from __future__ import annotations

from datetime import timedelta

from background_jobs import settle
from PySide6.QtCore import Qt

from desk.services import queue, queue_setup, ratings
from desk.ui.worklist.counter_panel import CounterPanel


def test_finishing_a_ticket_or_calling_the_next_asks_for_a_rating(qtbot, db, clerk, clock):
    queue_setup.ensure_defaults(db)
    group = next(g for g in queue_setup.list_groups(db) if g.letter == "A")
    first = queue.take_ticket(db, group.id, None, clock).ticket
    queue.take_ticket(db, group.id, None, clock)
    clock.advance(timedelta(minutes=3))
    panel = CounterPanel(db, clerk, 1, clock)
    qtbot.addWidget(panel)
    panel.show()
    settle(qtbot)  # the counter is read off the window's thread
    assert ratings.pending_request(db, 1, clock) is None
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.mouseClick(panel.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    asked = ratings.pending_request(db, 1, clock)
    assert asked is not None and asked.ticket_code == first.code
    assert asked.clerk_name == "Nguyễn Văn An"
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)  # A002, served
    settle(qtbot)
    qtbot.mouseClick(panel.call_next_button, Qt.MouseButton.LeftButton)  # finishes A002
    settle(qtbot)
    again = ratings.pending_request(db, 1, clock)
    assert again is not None and again.ticket_code == "A002"
