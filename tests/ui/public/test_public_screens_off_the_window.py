"""The public screens never run SQL on the window's thread.

A kiosk, a waiting-room display and a rating window answer citizens and a room, with
nobody at a keyboard to wait for a server: every statement they run, from their start
through a citizen's whole visit (a ticket, a search, a procedure, a receipt scanned, a
rating sent, another skipped), runs on another thread. Each statement's thread is
caught as the database runs it.
"""

from __future__ import annotations

from background_jobs import kiosk_ticket, screen_read, settle
from PySide6.QtCore import Qt
from window_thread_sql import WindowThreadSql

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.rating import RatingLevel
from desk.services import catalog, queue, queue_setup, ratings
from desk.services.intake import record_intake
from desk.ui.public.display_window import DisplayWindow
from desk.ui.public.kiosk_look import LOOKUP, STATUS
from desk.ui.public.kiosk_touch import SPACE
from desk.ui.public.kiosk_window import KioskWindow
from desk.ui.public.rating_window import RatingWindow

BIRTH = "1.001193"


def _show(qtbot, screen):  # noqa: ANN001, ANN202
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen_read(qtbot, screen)
    return screen


def test_a_citizens_visit_runs_no_sql_on_the_window_thread(qtbot, db, clerk, clock):
    queue_setup.ensure_defaults(db)
    paper = catalog.get_procedure(db, BIRTH).papers[0].name
    applicant = Applicant(name="Lê Văn Tám", id_number="079090001234", phone="0912345678")
    draft = IntakeDraft(BIRTH, applicant, papers=[ReceivedPaper(paper)])
    code = record_intake(db, draft, clerk, clock).code
    sql = WindowThreadSql(db)

    kiosk = _show(qtbot, KioskWindow(db, clock, printer_uri="none"))
    display = _show(qtbot, DisplayWindow(db, clock, sound=False))
    window = _show(qtbot, RatingWindow(db, clock, counter_number=3))
    issued = kiosk_ticket(qtbot, kiosk, kiosk.group_buttons[0].group.id)
    assert issued is not None
    kiosk.open_page(LOOKUP)
    for letter in "KHAI SINH":
        qtbot.mouseClick(
            kiosk.lookup.keyboard.buttons[SPACE if letter == " " else letter],
            Qt.MouseButton.LeftButton,
        )
    screen_read(qtbot, kiosk)
    card = next(c for c in kiosk.lookup.result_cards if c.code == BIRTH)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    screen_read(qtbot, kiosk)
    assert kiosk.lookup.detail_name.text() == "Thủ tục đăng ký khai sinh"
    kiosk.open_page(STATUS)
    kiosk.status.scan(code)
    screen_read(qtbot, kiosk)
    assert kiosk.status.facts["code"].text() == code

    with sql.another_pc():  # the counter calls the ticket and asks for a rating
        ticket = queue.call_next(db, 3, clerk, clock)
        ratings.request_rating(db, clerk, clock, ticket_id=ticket.id, counter_number=3)
    for screen in (kiosk, display, window):
        screen.poll()
        screen_read(qtbot, screen)
    assert display.code_label.text() == ticket.code and window.request is not None
    qtbot.mouseClick(window.level_buttons[RatingLevel.SATISFIED], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.rated):
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    with sql.another_pc():  # the next citizen, who skips the rating
        queue.take_ticket(db, kiosk.group_buttons[0].group.id, None, clock)
        second = queue.call_next(db, 3, clerk, clock)
        ratings.request_rating(db, clerk, clock, ticket_id=second.id, counter_number=3)
    window.poll()
    screen_read(qtbot, window)
    assert window.request is not None and window.request.id != ticket.id
    qtbot.mouseClick(window.skip_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    sql.stop()
    assert ratings.pending_request(db, 3, clock) is None
    assert sql.caught == []
