"""The kiosk: groups as big buttons, a priority choice, a printed (or shown) ticket."""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime
from pathlib import Path

import pytest
from background_jobs import kiosk_ticket, screen_read, settle
from PIL import ImageChops
from PySide6.QtCore import Qt

from desk.domain.clock import FixedClock
from desk.domain.queue import PriorityReason, ServiceGroup, TicketState
from desk.services import queue, queue_setup
from desk.storage.database import Database, open_database
from desk.ui.public.kiosk_window import KioskWindow


def _decoder():
    """The tests' ESC/POS decoder (``tests/printing/escpos_decode.py``), loaded once."""
    if "escpos_decode" not in sys.modules:
        path = Path(__file__).parents[2] / "printing" / "escpos_decode.py"
        spec = importlib.util.spec_from_file_location("escpos_decode", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["escpos_decode"] = module
        spec.loader.exec_module(module)
    return sys.modules["escpos_decode"]


escpos_decode = _decoder()


@pytest.fixture
def kiosk_db(db: Database) -> Database:
    queue_setup.ensure_defaults(db)
    return db


def make_kiosk(qtbot, db: Database, clock: FixedClock, **options) -> KioskWindow:
    kiosk = KioskWindow(db, clock, **options)
    qtbot.addWidget(kiosk)
    kiosk.resize(1920, 1080)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    screen_read(qtbot, kiosk)
    return kiosk


def button_for(kiosk: KioskWindow, letter: str):
    return next(b for b in kiosk.group_buttons if b.group.letter == letter)


def test_every_active_group_is_a_button_with_its_waiting_count(
    qtbot, kiosk_db, clock, shots
) -> None:
    groups = queue_setup.list_groups(kiosk_db)
    queue.take_ticket(kiosk_db, groups[1].id, None, clock)
    queue.take_ticket(kiosk_db, groups[1].id, None, clock)
    kiosk = make_kiosk(qtbot, kiosk_db, clock)
    assert [b.group.letter for b in kiosk.group_buttons] == [g.letter for g in groups]
    assert button_for(kiosk, "A").name_label.text() == "Hộ tịch"
    assert button_for(kiosk, "A").waiting_label.text() == "Không phải chờ"
    assert button_for(kiosk, "B").waiting_label.text() == "Đang chờ: 2 người"
    assert kiosk.office_label.text() == "UBND XÃ TÂN PHÚ"
    assert kiosk.clock_label.text() == "09:15"
    assert kiosk.date_label.text() == "Thứ Ba, ngày 10/03/2026"
    kiosk.grab().save(str(shots / "kiosk-1920x1080.png"))


def test_a_priority_ticket_is_printed_on_the_kiosk_printer(
    qtbot, kiosk_db, clock, tmp_path, shots
) -> None:
    out = tmp_path / "ticket.bin"
    kiosk = make_kiosk(qtbot, kiosk_db, clock, printer_uri=f"file:{out}", paper="80")
    qtbot.mouseClick(kiosk.priority_buttons[PriorityReason.ELDERLY], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.ticket_taken) as taken:
        qtbot.mouseClick(button_for(kiosk, "A"), Qt.MouseButton.LeftButton)
    ticket = queue.get_ticket(kiosk_db, taken.args[0])
    assert ticket.code == "A001" and ticket.priority is PriorityReason.ELDERLY
    assert ticket.state is TicketState.WAITING
    assert kiosk.pages.currentIndex() == 1
    assert kiosk.result_code.text() == "A001"
    assert kiosk.result_priority.text() == "Ưu tiên: Người cao tuổi"
    settle(qtbot)
    assert kiosk.result_note.text().startswith("Xin mời nhận phiếu")
    job = escpos_decode.decode(out.read_bytes())
    assert job.cut and job.text_runs == []
    [printed] = job.rasters
    assert kiosk.last_image is not None and printed.width == 576
    difference = ImageChops.difference(printed.convert("L"), kiosk.last_image.convert("L"))
    assert difference.getbbox() is None
    kiosk.grab().save(str(shots / "kiosk-ticket-1920x1080.png"))
    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 0
    assert kiosk.chosen_priority() is None  # the next citizen starts afresh
    settle(qtbot)  # the counts read again
    assert button_for(kiosk, "A").waiting_label.text() == "Đang chờ: 1 người"


def test_without_a_printer_the_number_is_shown_on_screen_only(qtbot, kiosk_db, clock) -> None:
    kiosk = make_kiosk(qtbot, kiosk_db, clock)  # the setting says "none"
    issued = kiosk_ticket(qtbot, kiosk, queue_setup.list_groups(kiosk_db)[0].id)
    assert issued is not None and issued.ticket.code == "A001"
    assert kiosk.result_code.text() == "A001"
    assert kiosk.result_ahead.text() == "Không có ai đang chờ trước quý khách."
    settle(qtbot)
    assert kiosk.result_note.text().startswith("Xin quý khách ghi nhớ số này")
    second = kiosk_ticket(qtbot, kiosk, queue_setup.list_groups(kiosk_db)[0].id)
    assert second is not None and second.ticket.code == "A002"
    assert kiosk.result_ahead.text() == "Số người đang chờ trước quý khách: 1"


def test_a_printer_failure_still_gives_the_number(qtbot, kiosk_db, clock, tmp_path) -> None:
    broken = f"file:{tmp_path / 'no-such-folder' / 'ticket.bin'}"
    kiosk = make_kiosk(qtbot, kiosk_db, clock, printer_uri=broken)
    issued = kiosk_ticket(qtbot, kiosk, queue_setup.list_groups(kiosk_db)[2].id)
    assert issued is not None and issued.ticket.code == "C001"
    settle(qtbot)
    assert "Máy in phiếu đang gặp sự cố" in kiosk.result_note.text()
    assert kiosk.result_note.property("problem") is True
    assert queue.get_ticket(kiosk_db, issued.ticket.id).state is TicketState.WAITING


def test_one_priority_reason_at_most_and_a_second_touch_clears_it(qtbot, kiosk_db, clock) -> None:
    kiosk = make_kiosk(qtbot, kiosk_db, clock)
    buttons = kiosk.priority_buttons
    qtbot.mouseClick(buttons[PriorityReason.PREGNANT], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons[PriorityReason.MERIT], Qt.MouseButton.LeftButton)
    assert kiosk.chosen_priority() is PriorityReason.MERIT
    assert not buttons[PriorityReason.PREGNANT].isChecked()
    qtbot.mouseClick(buttons[PriorityReason.MERIT], Qt.MouseButton.LeftButton)
    assert kiosk.chosen_priority() is None
    assert [b.text() for b in buttons.values()] == [
        "Người cao tuổi",
        "Người khuyết tật",
        "Phụ nữ mang thai",
        "Người có con nhỏ",
        "Thương binh, người có công",
    ]


def test_a_group_changed_on_another_pc_shows_on_the_kiosk(qtbot, kiosk_db, db_url, clock) -> None:
    kiosk = make_kiosk(qtbot, kiosk_db, clock, poll_ms=100)
    other = open_database(db_url)
    try:
        group = queue_setup.list_groups(other)[5]
        queue_setup.save_group(
            other, ServiceGroup(group.id, group.letter, group.name, active=False)
        )
        queue_setup.save_group(other, ServiceGroup(0, "K", "Tư pháp - Chứng thực"))
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: "K" in [b.group.letter for b in kiosk.group_buttons], timeout=5000)
    assert "F" not in [b.group.letter for b in kiosk.group_buttons]


def test_a_new_day_starts_at_001(qtbot, kiosk_db) -> None:
    clock = FixedClock(datetime(2026, 3, 10, 16, 50))
    kiosk = make_kiosk(qtbot, kiosk_db, clock)
    group = queue_setup.list_groups(kiosk_db)[0].id
    assert kiosk_ticket(qtbot, kiosk, group).ticket.code == "A001"  # type: ignore[union-attr]
    assert kiosk_ticket(qtbot, kiosk, group).ticket.code == "A002"  # type: ignore[union-attr]
    clock.advance(datetime(2026, 3, 11, 7, 30, tzinfo=clock.now().tzinfo) - clock.now())
    assert kiosk_ticket(qtbot, kiosk, group).ticket.code == "A001"  # type: ignore[union-attr]
