"""The kiosk's "Tra cứu thủ tục": touch keys, fields, a procedure's facts, the printed slip."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from background_jobs import screen_read, settle, ticks_of
from PIL import ImageChops
from PySide6.QtCore import Qt
from server_locks import locked

from desk.services import catalog, queue_setup
from desk.ui.public.kiosk_lookup import KioskLookupPage
from desk.ui.public.kiosk_touch import BACKSPACE, SPACE
from desk.ui.public.kiosk_window import CHOOSE, LOOKUP, KioskWindow

BIRTH = "1.001193"


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


def make_page(qtbot, db, clock, size=(1920, 1080), **options) -> KioskLookupPage:
    page = KioskLookupPage(db, clock, **options)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    lookup_read(qtbot, page)
    return page


def lookup_read(qtbot, page: KioskLookupPage) -> None:
    """Wait until the page shows the search, or the procedure, it was asked for (read
    off the window's thread)."""
    qtbot.waitUntil(lambda: not page.reading(), timeout=30_000)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def touch(qtbot, page: KioskLookupPage, widget) -> None:
    """A touch that reads (a field, a procedure), and what it read shown."""
    click(qtbot, widget)
    lookup_read(qtbot, page)


def type_keys(qtbot, page: KioskLookupPage, text: str) -> None:
    for letter in text.upper():
        click(qtbot, page.keyboard.buttons[SPACE if letter == " " else letter])
    lookup_read(qtbot, page)


def test_typing_on_the_touch_keys_finds_procedures_without_accents(qtbot, db, clock, shots):
    page = make_page(qtbot, db, clock)
    everything = page.results()
    assert len(everything) == len(catalog.list_procedures(db))
    type_keys(qtbot, page, "khai sinx")
    touch(qtbot, page, page.keyboard.buttons[BACKSPACE])
    type_keys(qtbot, page, "h")
    assert page.search.text() == "khai sinh"
    found = page.results()
    assert BIRTH in found and 0 < len(found) < len(everything)
    names = [catalog.get_procedure(db, code).name.lower() for code in found]
    assert all("khai sinh" in name for name in names)
    assert page.count_label.text() == f"Có {len(found)} thủ tục:"
    page.grab().save(str(shots / "kiosk-lookup-search-1920x1080.png"))


def test_browsing_by_field_and_nothing_found(qtbot, db, clock):
    page = make_page(qtbot, db, clock)
    touch(qtbot, page, page.field_buttons["Hộ tịch"])
    assert page.field == "Hộ tịch" and len(page.results()) == 12
    assert page.field_buttons["Hộ tịch"].labels[0].property("on") is True
    assert page.field_buttons[""].labels[0].property("on") is False
    type_keys(qtbot, page, "chung thuc")
    assert page.results() == []
    assert page.count_label.text().startswith("Không tìm thấy thủ tục nào")
    touch(qtbot, page, page.field_buttons[""])
    assert len(page.results()) == 7  # the certification procedures, in every field


def test_a_procedure_shows_its_papers_fee_limit_and_channels(qtbot, db, clock, shots):
    page = make_page(qtbot, db, clock, size=(1080, 1920))
    card = next(c for c in page.result_cards if c.code == BIRTH)
    page.results_area.ensureWidgetVisible(card)
    touch(qtbot, page, card)
    assert page.pages.currentIndex() == 1
    assert page.detail_name.text() == "Thủ tục đăng ký khai sinh"
    html = page.detail_body.text()
    procedure = catalog.get_procedure(db, BIRTH)
    for paper in procedure.papers:
        assert paper.name in html
    for text in ("Bản chính", "Xuất trình", "tùy trường hợp", "Trong ngày", "Trực tuyến"):
        assert text in html
    assert "Miễn lệ phí" in html and "UBND xã Tân Phú" in html
    page.grab().save(str(shots / "kiosk-lookup-detail-1080x1920.png"))
    click(qtbot, page.back_buttons["THÔNG TIN THỦ TỤC"])
    assert page.pages.currentIndex() == 0


def test_the_checklist_prints_on_the_kiosk_printer(qtbot, db, clock, tmp_path):
    out = tmp_path / "slip.bin"
    page = make_page(qtbot, db, clock, printer_uri=f"file:{out}", paper="80")
    page.open_procedure(BIRTH)
    lookup_read(qtbot, page)
    click(qtbot, page.print_button)
    settle(qtbot)
    assert page.print_note.text() == "Xin mời nhận phiếu hướng dẫn ở khe máy in."
    job = _decoder().decode(out.read_bytes())
    [printed] = job.rasters
    assert job.cut and printed.width == 576
    same = ImageChops.difference(printed.convert("L"), page.last_image.convert("L"))
    assert same.getbbox() is None


@pytest.mark.parametrize(
    "uri, note",
    [
        ("none", "Kiosk chưa nối máy in: xin ghi lại thông tin trên màn hình."),
        ("file:/no/such/folder/slip.bin", "Máy in phiếu đang gặp sự cố."),
    ],
)
def test_without_a_working_printer_the_citizen_is_told(qtbot, db, clock, uri, note):
    page = make_page(qtbot, db, clock, printer_uri=uri)
    page.open_procedure(BIRTH)
    lookup_read(qtbot, page)
    page.print_checklist()
    settle(qtbot)
    assert page.print_note.text().startswith(note)
    assert page.print_note.property("problem") is True


def test_the_kiosk_opens_the_lookup_and_goes_back_when_left_alone(qtbot, db, clock, shots):
    queue_setup.ensure_defaults(db)
    for size in ((1920, 1080), (1080, 1920)):
        kiosk = KioskWindow(db, clock, printer_uri="none")
        qtbot.addWidget(kiosk)
        kiosk.resize(*size)
        kiosk.show()
        qtbot.waitExposed(kiosk)
        screen_read(qtbot, kiosk)
        assert (kiosk.width(), kiosk.height()) == size  # nothing forces a bigger window
        click(qtbot, kiosk.lookup_button)
        assert kiosk.pages.currentIndex() == LOOKUP
        type_keys(qtbot, kiosk.lookup, "ket hon")
        kiosk.grab().save(str(shots / f"kiosk-lookup-{size[0]}x{size[1]}.png"))
        kiosk._idle.timeout.emit()  # two minutes untouched
        assert kiosk.pages.currentIndex() == CHOOSE
        assert kiosk.lookup.search.text() == ""  # the next citizen starts afresh
        click(qtbot, kiosk.lookup_button)
        click(qtbot, kiosk.lookup.back_buttons["TRA CỨU THỦ TỤC HÀNH CHÍNH"])
        assert kiosk.pages.currentIndex() == CHOOSE
        kiosk.close()


def test_a_search_waiting_on_a_locked_catalog_leaves_the_keys_answering(qtbot, server_db, clock):
    page = make_page(qtbot, server_db, clock)
    ticks = ticks_of(page)
    with locked(server_db.url, "procedures"):  # an admin's catalog edit, not yet committed
        for letter in "KHAI SINH":
            click(qtbot, page.keyboard.buttons[SPACE if letter == " " else letter])
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the kiosk keeps answering
        assert page.search.text() == "khai sinh" and page.reading()
        civil_status = page.field_buttons["Hộ tịch"]
    lookup_read(qtbot, page)  # the newest search typed is the one shown
    assert BIRTH in page.results() and page.count_label.text().startswith("Có ")
    touch(qtbot, page, civil_status)
    assert page.field == "Hộ tịch" and BIRTH in page.results()


def test_a_catalog_that_cannot_be_read_is_said_and_the_next_key_reads_it(qtbot, db, clock):
    with db.engine.begin() as conn:  # as a damaged catalog: its table cannot be read
        conn.exec_driver_sql("ALTER TABLE procedures RENAME TO procedures_away")
    page = make_page(qtbot, db, clock)
    assert page.results() == [] and page.field_buttons == {}
    assert page.count_label.text() == (
        "Chưa tra cứu được, xin thử lại sau giây lát hoặc hỏi cán bộ tại quầy."
    )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE procedures_away RENAME TO procedures")
    type_keys(qtbot, page, "khai sinh")
    assert BIRTH in page.results() and "Hộ tịch" in page.field_buttons
