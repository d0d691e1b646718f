"""The kiosk ticket: what it says, how it is drawn, the bytes the printer gets."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from escpos_decode import decode
from PIL import Image, ImageChops

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.office import Office
from desk.domain.queue import PriorityReason, Ticket, TicketState
from desk.printing import receipt_bytes
from desk.printing.ticket_layout import TicketLayout
from desk.printing.ticket_render import print_ticket, render_ticket, ticket_image
from desk.services import queue, queue_setup
from desk.services.office import get_office


def make_ticket(priority: PriorityReason | None = None) -> Ticket:
    return Ticket(
        id=1,
        day=date(2026, 3, 10),
        letter="A",
        number=12,
        group_id=1,
        group_name="Hộ tịch",
        priority=priority,
        state=TicketState.WAITING,
        issued_at=datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ),
    )


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


def test_the_ticket_says_number_group_time_people_ahead_and_office(office: Office) -> None:
    lines = TicketLayout.for_ticket(make_ticket(), 3, office).lines()
    assert lines[:3] == ["UBND TỈNH ĐỒNG NAI", "UBND XÃ TÂN PHÚ", "Bộ phận Một cửa"]
    assert "A012" in lines and "Hộ tịch" in lines
    assert "Số người đang chờ trước quý khách: 3" in lines
    assert "Lấy số lúc 09 giờ 15 phút, ngày 10/03/2026" in lines
    assert not any("ƯU TIÊN" in line for line in lines)
    first = TicketLayout.for_ticket(make_ticket(PriorityReason.PREGNANT), 0, office).lines()
    assert "ƯU TIÊN: Phụ nữ mang thai" in first
    assert "Không có ai đang chờ trước quý khách." in first


def _number_height(image: Image.Image) -> int:
    """Height of the tallest run of rows with ink wider than half the paper: the number."""
    grey = image.convert("L")
    best = run = 0
    for y in range(grey.height):
        row = grey.crop((0, y, grey.width, y + 1))
        box = ImageChops.invert(row).getbbox()
        wide = box is not None and box[2] - box[0] > grey.width // 2
        run = run + 1 if wide else 0
        best = max(best, run)
    return best


@pytest.mark.parametrize("paper, width", [("80", 576), ("58", 384)])
def test_the_number_is_printed_very_large(office: Office, paper: str, width: int, shots) -> None:
    image = ticket_image(make_ticket(), 3, office, paper)
    assert image.mode == "1" and image.width == width
    # Letters about a fifth of the paper's width tall (15 mm on 80 mm paper).
    assert _number_height(image) > width // 6
    image.save(str(shots / f"ticket-{paper}.png"))


def test_the_job_decodes_to_the_drawn_ticket(office: Office) -> None:
    image = render_ticket(TicketLayout.for_ticket(make_ticket(), 2, office), 576)
    job = decode(receipt_bytes(image))
    assert job.commands[0] == "ESC @" and job.cut and job.text_runs == []
    [printed] = job.rasters
    assert same_pixels(printed, image)


def test_the_none_printer_prints_nothing_and_still_gives_the_image(office: Office) -> None:
    image = print_ticket(make_ticket(), 0, office, "none")
    assert image.width == 576


def test_the_kiosk_prints_on_its_own_printer(db, network_printer) -> None:
    queue_setup.ensure_defaults(db)
    group = queue_setup.list_groups(db)[1]
    clock = FixedClock(datetime(2026, 3, 10, 8, 5))
    queue.take_ticket(db, group.id, None, clock)
    issued = queue.take_ticket(db, group.id, PriorityReason.ELDERLY, clock)
    queue_setup.set_kiosk_printer(db, network_printer.uri, "58")
    image = queue.print_ticket(db, issued)
    job = decode(network_printer.next_job())
    [printed] = job.rasters
    assert printed.width == 384 and same_pixels(printed, image)
    text = TicketLayout.for_ticket(issued.ticket, issued.ahead, get_office(db)).text()
    assert "B002" in text and "ƯU TIÊN: Người cao tuổi" in text
    assert "Không có ai đang chờ trước quý khách." in text  # priority goes before B001
