"""A ticket printer that hangs never freezes the kiosk.

The number shows at once; while the printer hangs the kiosk's event loop runs
(its timers tick, "Xong" answers), a moving bar says the ticket is printing, and
the groups are disabled so a second touch cannot print a second ticket. When
the printer takes the ticket, the note tells the citizen to take it.
"""

from __future__ import annotations

import pytest
from background_jobs import screen_read, settle, ticks_of
from PySide6.QtCore import Qt

from desk.services import queue, queue_setup
from desk.storage.database import Database
from desk.ui.public.kiosk_window import CHOOSE, RESULT, KioskWindow


@pytest.fixture
def kiosk(qtbot, db: Database, clock, hung_printer) -> KioskWindow:
    queue_setup.ensure_defaults(db)
    window = KioskWindow(db, clock, printer_uri=hung_printer.uri, paper="80")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    screen_read(qtbot, window)
    return window


def test_a_hung_ticket_printer_leaves_the_kiosk_alive_until_it_prints(
    qtbot, kiosk, db, clock, hung_printer, shots
):
    ticks = ticks_of(kiosk)
    group = kiosk.group_buttons[0]
    qtbot.mouseClick(group, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk.taking())
    assert kiosk.pages.currentIndex() == RESULT and kiosk.result_code.text() == "A001"
    qtbot.waitUntil(kiosk.result_progress.isVisible)
    assert kiosk.result_progress.text() == "Đang in phiếu, xin chờ trong giây lát..."
    assert kiosk.printing() and kiosk.result_note.text() == ""
    assert not any(b.isEnabled() for b in kiosk.group_buttons)
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
    kiosk.grab().save(str(shots / "kiosk-ticket-printing-1920x1080.png"))

    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)  # "Xong" answers
    assert kiosk.pages.currentIndex() == CHOOSE
    qtbot.mouseClick(group, Qt.MouseButton.LeftButton)  # refused: still printing
    assert kiosk.pages.currentIndex() == CHOOSE
    assert sum(c.waiting for c in queue.waiting_counts(db, clock.now().date())) == 1
    assert kiosk.printing() and not hung_printer.released_by_watchdog

    hung_printer.release()
    qtbot.waitUntil(lambda: not kiosk.printing(), timeout=30_000)
    assert hung_printer.job().startswith(b"\x1b@")  # ESC @: the ticket's job
    assert kiosk.result_note.text() == "Xin mời nhận phiếu ở khe máy in và chờ đến lượt."
    assert all(b.isEnabled() for b in kiosk.group_buttons)
    assert not kiosk.result_progress.isVisible()
    settle(qtbot)  # one ticket only: a second would wait on the printer for ever
