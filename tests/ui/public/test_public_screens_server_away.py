"""The public screens keep their picture while the office's server is away or slow.

The kiosk, the waiting-room display and the rating window poll the database every
second with nobody at their keyboard: when the server goes (a restart, a cable),
each says so once in the log, shows no error box on the television, keeps what it
showed, and tries again at its next tick. What they show is read off the window's
thread, their first picture too: started while another PC holds the queue locked,
they keep answering and show it once the lock goes. A ticket the kiosk waits for
leaves the screen answering, and a second touch gives no second ticket; a rating
sent while its table is locked thanks the citizen at once and is saved afterwards.
"""

from __future__ import annotations

import logging

from background_jobs import screen_read, settle, ticks_of
from message_boxes import visible_message_boxes
from PySide6.QtCore import Qt
from server_locks import locked

from desk.services import queue, queue_setup
from desk.ui.public.display_window import DisplayWindow
from desk.ui.public.kiosk_window import KioskWindow
from desk.ui.public.rating_window import RatingWindow


def test_a_server_that_goes_away_is_logged_once_and_the_screens_keep_their_picture(
    qtbot, server_db, pg_server, clock, caplog
):
    caplog.set_level(logging.INFO, logger="desk.ui.widgets.server_poll")
    queue_setup.ensure_defaults(server_db)
    screens = [
        KioskWindow(server_db, clock, printer_uri="none", poll_ms=60_000),
        DisplayWindow(server_db, clock, sound=False, poll_ms=60_000),
        RatingWindow(server_db, clock, counter_number=1, poll_ms=60_000),
    ]
    for screen in screens:
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        screen_read(qtbot, screen)
    kiosk, display = screens[0], screens[1]
    groups = [b.group.letter for b in kiosk.group_buttons]
    office_name = display.office_label.text()
    assert groups and office_name

    pg_server.drop_database(server_db.url)  # the server goes: nothing can be read
    for _ in range(2):
        for screen in screens:
            screen.poll()  # no exception: the screen stays as it was
            settle(qtbot)
    for screen in screens:
        assert screen.server.failing and screen.isVisible()
        assert not visible_message_boxes(screen)
    assert [b.group.letter for b in kiosk.group_buttons] == groups
    assert display.office_label.text() == office_name
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for name in ("kiosk", "waiting-room display", "rating window"):
        assert sum(w.startswith(f"{name}: the database cannot be read") for w in warnings) == 1


def test_a_ticket_waiting_on_a_locked_queue_leaves_the_kiosk_alive_and_is_given_once(
    qtbot, server_db, clock
):
    queue_setup.ensure_defaults(server_db)
    kiosk = KioskWindow(server_db, clock, printer_uri="none", poll_ms=60_000)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    screen_read(qtbot, kiosk)
    ticks = ticks_of(kiosk)
    group = kiosk.group_buttons[0]
    with locked(server_db.url, "queue_tickets", "EXCLUSIVE"):
        qtbot.mouseClick(group, Qt.MouseButton.LeftButton)
        assert kiosk.taking() and not any(b.isEnabled() for b in kiosk.group_buttons)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the screen keeps answering
        kiosk.take(group.group.id)  # a second touch: no second ticket
    qtbot.waitUntil(lambda: not kiosk.taking(), timeout=30_000)
    settle(qtbot)
    assert kiosk.last_issued is not None and kiosk.result_code.text() == "A001"
    assert sum(c.waiting for c in queue.waiting_counts(server_db, clock.now().date())) == 1


def test_screens_started_on_a_locked_queue_keep_answering_and_show_it_once_it_goes(
    qtbot, server_db, clock
):
    queue_setup.ensure_defaults(server_db)
    queue.take_ticket(server_db, queue_setup.list_groups(server_db)[0].id, None, clock)
    with locked(server_db.url, "queue_tickets"):  # another PC's long transaction
        kiosk = KioskWindow(server_db, clock, printer_uri="none", poll_ms=60_000)
        display = DisplayWindow(server_db, clock, sound=False, poll_ms=60_000)
        for screen in (kiosk, display):
            qtbot.addWidget(screen)
            screen.show()
            qtbot.waitExposed(screen)
        ticks = ticks_of(kiosk)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the screens keep answering
        assert kiosk.server.asking() and display.server.asking()
        assert kiosk.group_buttons == [] and not kiosk.empty_label.isVisible()
        assert display.counts == []
    for screen in (kiosk, display):
        screen_read(qtbot, screen)
        assert not screen.server.failing
    assert [b.group.letter for b in kiosk.group_buttons][:2] == ["A", "B"]
    assert kiosk.office_label.text() == display.office_label.text() != ""
    assert display.counts[0].waiting == 1


def test_a_rating_sent_to_a_locked_server_thanks_at_once_and_is_saved_once_it_goes(
    qtbot, server_db, clock
):
    from desk.domain.rating import RatingLevel
    from desk.services import accounts, ratings

    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    queue_setup.ensure_defaults(server_db)
    queue.take_ticket(server_db, queue_setup.list_groups(server_db)[0].id, None, clock)
    ticket = queue.call_next(server_db, 1, clerk, clock)
    ratings.request_rating(server_db, clerk, clock, ticket_id=ticket.id, counter_number=1)
    window = RatingWindow(server_db, clock, counter_number=1, poll_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    screen_read(qtbot, window)
    assert window.request is not None
    ticks = ticks_of(window)
    saved: list[int] = []
    window.rated.connect(saved.append)
    with locked(server_db.url, "ratings"):  # another PC's long transaction
        qtbot.mouseClick(window.level_buttons[RatingLevel.SATISFIED], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
        assert window.thanks_text.isVisible() and window.comment_edit.text() == ""
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the screen keeps answering
        assert saved == []  # not saved yet
    qtbot.waitUntil(lambda: saved != [], timeout=30_000)
    assert saved == [ratings.last_rating_id(server_db)]
