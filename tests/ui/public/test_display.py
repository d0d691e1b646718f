"""The waiting-room display: a call made on another connection shows, blinks and is spoken."""

from __future__ import annotations

import io
import wave
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from background_jobs import kiosk_ticket, screen_read, settle

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.queue import PriorityReason
from desk.services import accounts, catalog, queue, queue_setup
from desk.services.announcer import Announcer, build_call_wav
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database
from desk.ui.public.display_window import BLINKS, POLL_MS, DisplayWindow
from desk.ui.public.kiosk_window import KioskWindow
from desk.ui.worklist.counter_panel import CounterPanel


class Speaker:
    """Stands in for the loudspeaker: keeps the length of every WAV it is given."""

    def __init__(self) -> None:
        self.frames: list[int] = []

    def __call__(self, path: Path) -> bool:
        with wave.open(str(path), "rb") as wav:
            self.frames.append(wav.getnframes())
        return True


def frames_of(code: str, counter: int) -> int:
    with wave.open(io.BytesIO(build_call_wav(code, counter)), "rb") as wav:
        return wav.getnframes()


@pytest.fixture
def queue_db(db: Database) -> Database:
    queue_setup.ensure_defaults(db)
    return db


@pytest.fixture
def other(queue_db: Database, db_url: str):
    """A second connection to the same file: another PC (a counter, the kiosk)."""
    connection = open_database(db_url)
    yield connection
    connection.dispose()


@pytest.fixture
def speaker() -> Speaker:
    return Speaker()


def make_display(qtbot, db, clock, speaker, **options) -> DisplayWindow:
    announcer = Announcer(player=speaker)
    display = DisplayWindow(db, clock, announcer=announcer, **options)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitExposed(display)
    screen_read(qtbot, display)
    return display


def test_a_call_from_another_counter_shows_blinks_and_is_spoken(
    qtbot, queue_db, other, clock, speaker, shots
) -> None:
    assert POLL_MS <= 1000  # "within a second of a call"
    display = make_display(qtbot, queue_db, clock, speaker)
    assert display.code_label.text() == "---"
    assert not display.is_lit()
    groups = queue_setup.list_groups(other)
    for _ in range(3):
        queue.take_ticket(other, groups[0].id, None, clock)
    queue.take_ticket(other, groups[1].id, PriorityReason.DISABLED, clock)
    qtbot.waitUntil(lambda: display.counts and display.counts[0].waiting == 3, timeout=5000)
    clerk = accounts.log_in(other, "admin", "matkhau123")
    queue.call_next(other, 1, clerk, clock)  # B001 (priority) to counter 1
    qtbot.waitUntil(lambda: display.code_label.text() == "B001", timeout=5000)
    assert display.counter_label.text() == "ĐẾN QUẦY 1"
    assert display.is_blinking() and display.is_lit()
    display.announcer.wait_idle()
    assert speaker.frames == [frames_of("B001", 1)]
    assert display.announcer.last_wav is not None and display.announcer.last_wav.exists()
    display.grab().save(str(shots / "display-1920x1080.png"))


def test_the_newest_call_is_on_the_card_and_the_previous_ones_under_it(
    qtbot, queue_db, other, clock, speaker
) -> None:
    group = queue_setup.list_groups(other)[0]
    for _ in range(4):
        queue.take_ticket(other, group.id, None, clock)
    clerk = accounts.log_in(other, "admin", "matkhau123")
    queue.call_next(other, 1, clerk, clock)  # A001 before the display starts
    display = make_display(qtbot, queue_db, clock, speaker)
    assert display.code_label.text() == "A001"
    assert display.is_lit() and not display.is_blinking()
    queue.call_next(other, 3, clerk, clock)
    queue.call_next(other, 1, clerk, clock)
    qtbot.waitUntil(lambda: display.code_label.text() == "A003", timeout=5000)
    recent = [(code.text(), counter.text()) for _, code, counter in display.recent_rows]
    assert recent[:2] == [("A002", "Quầy 3"), ("A001", "Quầy 1")]
    assert recent[2:] == [("", ""), ("", "")]
    assert [c.waiting for c in display.counts][:1] == [1]
    display.announcer.wait_idle()
    # Only the calls made while it was on are spoken, in order.
    assert speaker.frames == [frames_of("A002", 3), frames_of("A003", 1)]


def test_a_recall_is_spoken_again_and_blinks_again(qtbot, queue_db, other, clock, speaker) -> None:
    group = queue_setup.list_groups(other)[0]
    queue.take_ticket(other, group.id, None, clock)
    clerk = accounts.log_in(other, "admin", "matkhau123")
    ticket = queue.call_next(other, 1, clerk, clock)
    assert ticket is not None
    display = make_display(qtbot, queue_db, clock, speaker)
    for _ in range(BLINKS):
        display._blink_step()
    assert not display.is_blinking() and display.is_lit()  # stays highlighted
    queue.recall(other, ticket.id, 1, clerk, clock)
    qtbot.waitUntil(display.is_blinking, timeout=5000)
    display.announcer.wait_idle()
    assert speaker.frames == [frames_of("A001", 1)]


def test_sound_can_be_turned_off(qtbot, queue_db, other, clock, speaker) -> None:
    queue_setup.set_sound_enabled(other, False)
    display = make_display(qtbot, queue_db, clock, speaker)
    group = queue_setup.list_groups(other)[0]
    queue.take_ticket(other, group.id, None, clock)
    queue.call_next(other, 1, accounts.log_in(other, "admin", "matkhau123"), clock)
    qtbot.waitUntil(lambda: display.code_label.text() == "A001", timeout=5000)
    display.announcer.wait_idle()
    assert speaker.frames == []
    silent = make_display(qtbot, queue_db, clock, Speaker(), sound=False)
    queue_setup.set_sound_enabled(other, True)
    qtbot.waitUntil(lambda: display.announcer.enabled, timeout=5000)
    silent.poll()
    settle(qtbot)
    assert not silent.announcer.enabled  # --no-sound wins over the setting


def test_the_office_clock_notices_and_a_new_day(qtbot, queue_db, other, speaker) -> None:
    clock = FixedClock(datetime(2026, 3, 10, 16, 45))
    queue_setup.set_notices(other, "Buổi chiều làm việc đến 17 giờ.")
    group = queue_setup.list_groups(other)[0]
    queue.take_ticket(other, group.id, None, clock)
    queue.call_next(other, 1, accounts.log_in(other, "admin", "matkhau123"), clock)
    display = make_display(qtbot, queue_db, clock, speaker)
    assert display.parent_label.text() == "UBND TỈNH ĐỒNG NAI"
    assert display.office_label.text() == "UBND XÃ TÂN PHÚ"
    assert display.clock_label.text() == "16:45"
    assert display.date_label.text() == "Thứ Ba, ngày 10/03/2026"
    assert display.marquee.text() == "Buổi chiều làm việc đến 17 giờ."
    assert display.code_label.text() == "A001"
    clock.advance(timedelta(hours=15))  # next morning, 07:45
    display.poll()
    settle(qtbot)
    assert display.code_label.text() == "---"
    assert display.invite_label.text() == "XIN KÍNH CHÀO QUÝ KHÁCH"
    assert all(c.waiting == 0 for c in display.counts)


def test_kiosk_to_counter_to_display_to_dossier(qtbot, queue_db, db_url, clerk, clock) -> None:
    """The whole path, each screen on its own connection as on its own PC."""
    kiosk_db, counter_db = open_database(db_url), open_database(db_url)
    try:
        speaker = Speaker()
        display = make_display(qtbot, queue_db, clock, speaker)
        kiosk = KioskWindow(kiosk_db, clock)
        panel = CounterPanel(counter_db, clerk, 3, clock)
        qtbot.addWidget(kiosk)
        qtbot.addWidget(panel)
        issued = kiosk_ticket(qtbot, kiosk, queue_setup.list_groups(kiosk_db)[1].id)
        assert issued is not None and issued.ticket.code == "B001"
        panel.call_next()
        settle(qtbot)
        called = panel.current
        assert called is not None and called.code == "B001"
        qtbot.waitUntil(lambda: display.code_label.text() == "B001", timeout=5000)
        assert display.counter_label.text() == "ĐẾN QUẦY 3"
        display.announcer.wait_idle()
        assert speaker.frames == [frames_of("B001", 3)]
        with qtbot.waitSignal(panel.intake_requested) as requested:
            panel.request_intake()
        procedure = catalog.get_procedure(counter_db, "1.001193")
        draft = IntakeDraft(
            procedure_code=procedure.code,
            applicant=Applicant(name="Đỗ Văn Hải", id_number="079190001234"),
            papers=[ReceivedPaper(procedure.papers[0].name)],
        )
        code = record_intake(counter_db, draft, clerk, clock).code
        queue.link_dossier(counter_db, requested.args[0], code, clock)
        remembered = queue.ticket_of_dossier(queue_db, code)
        assert remembered is not None and remembered.code == "B001"
    finally:
        kiosk_db.dispose()
        counter_db.dispose()
