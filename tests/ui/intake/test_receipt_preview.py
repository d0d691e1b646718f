"""The receipt preview: the exact printed image, the print outcome, and reprinting."""

from __future__ import annotations

import pytest
from background_jobs import settle
from PIL import Image
from PySide6.QtCore import Qt

from desk import printing
from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.office import Clerk
from desk.printing import Delivery, PrintOutcome
from desk.services import catalog, intake, receipts, settings
from desk.storage.database import Database
from desk.ui.intake.receipt_preview import ReceiptPreviewDialog
from desk.ui.widgets.qt_helpers import pil_to_qimage


@pytest.fixture
def code(db: Database, clerk: Clerk, clock: FixedClock) -> str:
    procedure = catalog.get_procedure(db, "1.000894")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Trần Văn Hùng", id_number="079090001234", phone="0987654321"),
        papers=[ReceivedPaper(procedure.papers[0].name, procedure.papers[0].form, 1)],
    )
    return intake.record_intake(db, draft, clerk, clock).code


def make_dialog(
    qtbot, db: Database, code: str, error: str | None = None, outcome: PrintOutcome | None = None
) -> ReceiptPreviewDialog:
    dialog = ReceiptPreviewDialog(
        receipts.receipt_image(db, code), code, db, print_error=error, outcome=outcome
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialog_shows_the_receipt_image_pixel_for_pixel(qtbot, db, code):
    image = receipts.receipt_image(db, code)
    dialog = make_dialog(qtbot, db, code)
    assert dialog.windowTitle() == f"Phiếu tiếp nhận hồ sơ {code}"
    assert dialog.image_size() == image.size
    qimage = pil_to_qimage(image)
    grey = image.convert("L")
    for x, y in [
        (0, 0),
        (image.width // 2, 40),
        (image.width - 1, image.height - 1),
        (image.width // 3, image.height // 2),
    ]:
        assert qimage.pixelColor(x, y).red() == grey.getpixel((x, y))


def test_the_image_is_shrunk_to_the_window_never_enlarged(qtbot, db, code):
    dialog = make_dialog(qtbot, db, code)
    width = dialog.image_size()[0]
    dialog.resize(300, 500)
    qtbot.waitUntil(lambda: dialog.picture.pixmap().width() < 300)
    dialog.resize(width + 200, 500)
    qtbot.waitUntil(lambda: dialog.picture.pixmap().width() == width)


def test_a_failed_print_is_explained_and_the_dialog_offers_a_reprint(qtbot, db, code):
    dialog = make_dialog(qtbot, db, code, error="Máy in 10.0.0.9:9100 không trả lời sau 5 giây.")
    assert dialog.status_text() == (
        "Không in được phiếu. Máy in 10.0.0.9:9100 không trả lời sau 5 giây.\n"
        f"Hồ sơ {code} đã được lưu: sửa máy in rồi bấm “In lại”."
    )
    assert not dialog.printed_ok()
    assert dialog.reprint_button.text() == "In lại" and dialog.close_button.text() == "Đóng"


def test_reprint_sends_the_receipt_to_the_printer_set_now(qtbot, db, code, tmp_path):
    dialog = make_dialog(qtbot, db, code, error="Không mở được tệp.")
    target = tmp_path / "printer.bin"
    settings.set_setting(db, settings.PRINTER_URI, f"file:{target}")
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.printed_ok() and not dialog.confirmed()  # a file cannot confirm
    assert dialog.status_text() == (
        f"Đã gửi phiếu của hồ sơ {code} tới tệp {target}. Kiểu kết nối này không cho máy in "
        "báo lại: hãy xem phiếu đã ra chưa, nếu chưa thì bấm “In lại”."
    )
    assert target.read_bytes() == printing.receipt_bytes(receipts.receipt_image(db, code))


def test_a_reprint_that_fails_says_why(qtbot, db, code, tmp_path):
    settings.set_setting(db, settings.PRINTER_URI, f"file:{tmp_path / 'no' / 'such' / 'dir.bin'}")
    dialog = make_dialog(qtbot, db, code)
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not dialog.printed_ok()
    assert dialog.status_text().startswith("Không in được phiếu. ")
    try:
        receipts.print_receipt(db, code)
    except printing.PrinterError as exc:
        assert exc.message in dialog.status_text()
    else:
        pytest.fail("printing into a missing folder should fail")


def test_with_the_printer_set_to_none_the_status_says_nothing_was_printed(qtbot, db, code):
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"
    dialog = make_dialog(qtbot, db, code)
    assert "chưa in ra giấy" in dialog.status_text()
    assert not dialog.printed_ok()


def test_close_closes(qtbot, db, code):
    dialog = make_dialog(qtbot, db, code)
    assert dialog.close_button.isDefault()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_colour_images_are_shown_too():
    image = Image.new("RGB", (3, 2), (200, 10, 30))
    qimage = pil_to_qimage(image)
    assert (qimage.width(), qimage.height()) == (3, 2)
    assert qimage.pixelColor(2, 1).getRgb()[:3] == (200, 10, 30)


def test_printed_only_when_the_printer_confirmed(qtbot, db, code):
    settings.set_setting(db, settings.PRINTER_URI, "tcp://10.0.0.9:9100")
    dialog = make_dialog(qtbot, db, code, outcome=PrintOutcome(Delivery.PRINTED))
    assert dialog.confirmed() and dialog.printed_ok()
    assert dialog.status_text() == f"Đã in phiếu của hồ sơ {code}: máy in đã xác nhận."
    low = make_dialog(qtbot, db, code, outcome=PrintOutcome(Delivery.PRINTED, paper_low=True))
    assert low.status_text().endswith("Giấy in sắp hết: hãy chuẩn bị cuộn giấy mới.")


def test_a_printer_that_did_not_answer_is_not_called_printed(qtbot, db, code):
    settings.set_setting(db, settings.PRINTER_URI, "tcp://10.0.0.9:9100")
    dialog = make_dialog(qtbot, db, code, outcome=PrintOutcome(Delivery.UNCONFIRMED))
    assert not dialog.confirmed() and not dialog.printed_ok()
    assert dialog.status_text() == (
        f"Đã gửi phiếu của hồ sơ {code} tới máy in mạng 10.0.0.9:9100 nhưng máy in không trả "
        "lời để xác nhận: hãy xem phiếu đã ra chưa; nếu chưa, kiểm tra máy in rồi bấm “In lại”."
    )
    assert dialog.reprint_button.isEnabled()


def test_the_windows_queue_is_named_as_a_queue(qtbot, db, code):
    settings.set_setting(db, settings.PRINTER_URI, "win32:EPSON TM-T82")
    dialog = make_dialog(qtbot, db, code, outcome=PrintOutcome(Delivery.QUEUED))
    assert not dialog.confirmed()
    assert dialog.status_text().startswith(
        f"Đã gửi phiếu của hồ sơ {code} tới hàng đợi in của Windows (máy in Windows “EPSON "
        "TM-T82”). Hàng đợi không cho biết máy in đã in hay chưa"
    )


def test_a_printer_that_dropped_the_line_offers_a_reprint(qtbot, db, code, monkeypatch):
    """The not-printed message of a printer that reset the connection, with "In lại"."""
    from desk.printing.printer_status import not_printed_message

    message = not_printed_message("máy in mạng 10.0.0.9:9100")
    dialog = make_dialog(qtbot, db, code, error=message)
    assert "coi như phiếu CHƯA in" in dialog.status_text()
    assert "bấm “In lại”" in dialog.status_text()
    assert not dialog.printed_ok() and dialog.reprint_button.text() == "In lại"
