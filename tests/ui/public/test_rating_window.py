"""The rating window facing the citizen: asked when a service ends, stored, reported."""

from __future__ import annotations

import pytest
from background_jobs import screen_read, settle
from keyboard_input import type_text
from PySide6.QtCore import Qt

from desk.domain.rating import RatingLevel, RatingReason
from desk.services import queue, queue_setup, ratings
from desk.ui.public.rating_window import DETAILS, IDLE, LEVELS, THANKS, RatingWindow, face_pixmap


@pytest.fixture
def served(db, clerk, clock):
    """A ticket called to counter 3 and finished: the moment to ask for a rating."""
    queue_setup.ensure_defaults(db)
    group = queue_setup.list_groups(db, active_only=True)[0]
    queue.take_ticket(db, group.id, None, clock)
    ticket = queue.call_next(db, 3, clerk, clock)
    queue.finish(db, ticket.id, 3, clerk, clock)
    return ticket


def make_window(qtbot, db, clock, counter=3, size=(1920, 1080)) -> RatingWindow:
    window = RatingWindow(db, clock, counter_number=counter, poll_ms=60_000)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    screen_read(qtbot, window)
    return window


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_rating_given_at_the_end_of_a_service_reaches_the_clerks_report(
    qtbot, db, clerk, clock, served, shots
):
    window = make_window(qtbot, db, clock)
    assert window.pages.currentIndex() == IDLE
    ratings.request_rating(db, clerk, clock, ticket_id=served.id, counter_number=3)
    window.poll()
    settle(qtbot)
    assert window.pages.currentIndex() == LEVELS
    assert window.who.text() == "Cán bộ phục vụ: Nguyễn Văn An  ·  Quầy 3"
    assert [b.name.text() for b in window.level_buttons.values()] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
    ]
    window.grab().save(str(shots / "rating-window-1920x1080.png"))
    click(qtbot, window.level_buttons[RatingLevel.SATISFIED])
    assert window.pages.currentIndex() == DETAILS
    assert window.chosen_label.text() == "Quý khách chọn: Hài lòng"
    click(qtbot, window.reason_buttons[RatingReason.GUIDANCE])
    type_text(qtbot, window.comment_edit, "Cán bộ hướng dẫn rất kỹ")
    with qtbot.waitSignal(window.rated) as rated:
        click(qtbot, window.send_button)
    assert rated.args[0] > 0
    assert window.pages.currentIndex() == THANKS
    day = clock.now().date()
    [tally] = ratings.summary(db, day, day, "clerk")
    assert tally.label == "Nguyễn Văn An" and tally.counts[RatingLevel.SATISFIED] == 1
    assert tally.reasons[RatingReason.GUIDANCE] == 1
    assert window.comment_edit.text() == ""  # nothing of this citizen stays for the next
    window._timeout.timeout.emit()
    assert window.pages.currentIndex() == IDLE


def test_another_counters_window_stays_idle(qtbot, db, clerk, clock, served):
    window = make_window(qtbot, db, clock, counter=1)
    ratings.request_rating(db, clerk, clock, ticket_id=served.id, counter_number=3)
    window.poll()
    settle(qtbot)
    assert window.pages.currentIndex() == IDLE


def test_left_untouched_the_details_are_sent_and_unhappy_alerts(
    qtbot, db, clerk, clock, served, shots
):
    start = ratings.last_rating_id(db)
    window = make_window(qtbot, db, clock, size=(1080, 1920))
    ratings.request_rating(db, clerk, clock, ticket_id=served.id, counter_number=3)
    window.poll()
    settle(qtbot)
    click(qtbot, window.level_buttons[RatingLevel.UNSATISFIED])
    assert window.reason_prompt.text() == "Điều gì chưa làm quý khách hài lòng? (không bắt buộc)"
    click(qtbot, window.reason_buttons[RatingReason.WAITING])
    window.grab().save(str(shots / "rating-window-details-1080x1920.png"))
    window._timeout.timeout.emit()  # the citizen walked away: the level still counts
    assert window.pages.currentIndex() == THANKS
    settle(qtbot)  # saved off the window's thread
    [alert] = ratings.unhappy_since(db, start)
    assert alert.clerk_name == "Nguyễn Văn An" and alert.reasons == ("Thời gian chờ",)


def test_skipped_or_left_alone_nothing_is_rated(qtbot, db, clerk, clock, served, shots):
    window = make_window(qtbot, db, clock, size=(1080, 1920))
    ratings.request_rating(db, clerk, clock, ticket_id=served.id, counter_number=3)
    window.poll()
    settle(qtbot)
    window.grab().save(str(shots / "rating-window-1080x1920.png"))
    click(qtbot, window.skip_button)
    assert window.pages.currentIndex() == IDLE
    settle(qtbot)  # closed off the window's thread
    assert ratings.pending_request(db, 3, clock) is None
    day = clock.now().date()
    assert ratings.summary(db, day, day) == []
    queue.take_ticket(db, queue_setup.list_groups(db)[0].id, None, clock)
    second = queue.call_next(db, 3, clerk, clock)
    ratings.request_rating(db, clerk, clock, ticket_id=second.id, counter_number=3)
    window.poll()
    settle(qtbot)
    assert window.pages.currentIndex() == LEVELS
    window._timeout.timeout.emit()  # nobody touched the levels
    assert window.pages.currentIndex() == IDLE
    assert ratings.summary(db, day, day) == []


def test_choosing_again_and_the_faces(qtbot, db, clerk, clock, served):
    window = make_window(qtbot, db, clock)
    ratings.request_rating(db, clerk, clock, ticket_id=served.id, counter_number=3)
    window.poll()
    settle(qtbot)
    click(qtbot, window.level_buttons[RatingLevel.NEUTRAL])
    window._back_to_levels()
    assert window.pages.currentIndex() == LEVELS and window.level is None
    click(qtbot, window.level_buttons[RatingLevel.VERY_SATISFIED])
    assert window.reason_prompt.text().startswith("Quý khách hài lòng nhất về điều gì?")
    with qtbot.waitSignal(window.rated):
        window.send()
    happy = face_pixmap(RatingLevel.VERY_SATISFIED, 120).toImage()
    unhappy = face_pixmap(RatingLevel.UNSATISFIED, 120).toImage()
    assert happy.pixelColor(60, 15).name() == "#2e7d32"
    assert unhappy.pixelColor(60, 15).name() == "#e53935"
    # the smile's lowest point is white on the happy face, red skin on the unhappy one
    assert happy.pixelColor(60, 105).name() == "#ffffff"
    assert unhappy.pixelColor(60, 105).name() == "#e53935"
