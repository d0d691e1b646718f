"""The receipt as printed, on screen, with a way to print it again.

The picture is the very image sent to the printer (``receipts.print_receipt``
returns it), so the clerk sees what the citizen got, or would have got. The
dossier is saved before anything is printed, so a failed print is never a lost
intake: the status line says what went wrong, and "In lại" tries again once the
printer (or its setting) is fixed. It says "printed" only when the printer
confirmed the job; a Windows print queue or a file cannot, and a printer that
did not answer did not: the line says so, and asks the clerk to look.

The print itself runs in the background (``desk.ui.widgets.background``): the
receipt is shown at once, a moving bar says the printer is being waited for,
"In lại" waits with it, and the window stays alive however long the printer takes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PIL import Image
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.printing import (
    Delivery,
    PrintedReceipt,
    PrinterError,
    PrinterKind,
    PrintOutcome,
    parse_printer_uri,
)
from desk.services import calendar, dossiers, receipts
from desk.services.receipt_printer import receipt_printer
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import (
    ERROR_COLOUR,
    OK_COLOUR,
    pil_to_pixmap,
    show_message,
    translate,
)

log = logging.getLogger(__name__)

CONTEXT = "ReceiptPreviewDialog"
WARNING_COLOUR = "#e65100"


def print_receipt(
    db: Database, code: str, clerk: Clerk | None = None, clock: Clock | None = None
) -> tuple[PrintedReceipt, str]:
    """Print ``code``'s receipt with the printer set now (on a pool thread: no widget), and
    that printer's URI; ``clerk`` is who the dossier's audit trail names for it."""
    here = receipt_printer(db)
    try:
        printed = receipts.print_receipt(db, code, here.uri, here.paper, clerk=clerk, clock=clock)
    except PrinterError as exc:  # the system's own words go to the log
        log.warning("receipt %s not printed: %s", code, exc.detail or exc.message)
        raise
    return printed, here.uri


def open_printing(  # noqa: PLR0913
    db: Database,
    code: str,
    parent: QWidget,
    title: str,
    clerk: Clerk | None = None,
    clock: Clock | None = None,
    shown: Callable[[ReceiptPreviewDialog | None], object] | None = None,
) -> None:
    """Show ``code``'s receipt over ``parent`` and print it in the background, as
    ``clerk`` (a reprint says "IN LẠI" with the time of ``clock``); ``shown(dialog)``
    once it is on screen, ``shown(None)`` when it could not be drawn.

    The receipt is drawn off the window's thread (it reads the dossier, the office and
    the calendar, and draws a picture of the paper): the dialog shows once it is drawn.
    A receipt that cannot even be drawn (no such dossier, the database unreadable) is
    told in a message box headed ``title``.
    """

    def draw() -> tuple[Image.Image, str, str]:
        image, warning = receipts.receipt_image(db, code), appointment_warning(db, code)
        return image, warning, receipt_printer(db).uri

    def done(drawn: tuple[Image.Image, str] | None, error: str | None) -> None:
        if error is not None or drawn is None:
            show_message(parent, title, error or "")
            if shown is not None:
                shown(None)
            return
        image, warning, uri = drawn
        dialog = ReceiptPreviewDialog(
            image,
            code,
            db,
            parent=parent,
            clerk=clerk,
            clock=clock,
            calendar_warning=warning,
            printer_uri=uri,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.reprint()
        if shown is not None:
            shown(dialog)

    background.run(parent, draw, done)


def appointment_warning(db: Database, code: str) -> str:
    """Why ``code``'s appointment may still move ("" when its whole period is confirmed)."""
    try:
        dossier = dossiers.get_dossier(db, code)
    except UserError:
        return ""
    return calendar.appointment_certainty(db, dossier.received_at, dossier.appointment_at).warning()


class ReceiptPreviewDialog(QDialog):
    """Shows a dossier's receipt image; ``print_error`` is the message of a failed print.

    Built right after a print attempt with the current printer setting: without
    ``print_error`` the status says what ``outcome`` knows of the job (printed and
    confirmed, sent to a queue that cannot confirm, sent without an answer), or,
    with the printer set to ``none``, that the receipt was only shown.
    """

    def __init__(
        self,
        image: Image.Image,
        code: str,
        db: Database,
        print_error: str | None = None,
        parent: QWidget | None = None,
        outcome: PrintOutcome | None = None,
        clerk: Clerk | None = None,
        clock: Clock | None = None,
        calendar_warning: str | None = None,
        printer_uri: str | None = None,
    ) -> None:
        """``calendar_warning``: why the appointment may still move, and ``printer_uri``,
        this PC's receipt printer, read beforehand off the window's thread
        (``open_printing``); read here when not given."""
        super().__init__(parent)
        self._db = db
        #: The receipt printer the status speaks of: the one of the last print.
        self._uri = printer_uri if printer_uri is not None else receipt_printer(db).uri
        self._code = code
        self._clerk, self._clock = clerk, clock
        self._pixmap = QPixmap()
        self.setWindowTitle(
            translate("ReceiptPreviewDialog", "Phiếu tiếp nhận hồ sơ {code}").format(code=code)
        )

        self.job: background.Job | None = None
        self.status = QLabel(self)
        self.status.setObjectName("print_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        if calendar_warning is None:
            calendar_warning = appointment_warning(db, code)
        self.calendar_note = QLabel(calendar_warning, self)
        self.calendar_note.setObjectName("calendar_note")
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setTextFormat(Qt.TextFormat.PlainText)
        self.calendar_note.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.calendar_note.setVisible(bool(self.calendar_note.text()))
        self.picture = QLabel(self)
        self.picture.setObjectName("receipt_picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.picture.setStyleSheet("background: white;")
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.viewport().installEventFilter(self)

        buttons = QDialogButtonBox(self)
        self.reprint_button = QPushButton(translate("ReceiptPreviewDialog", "In lại"), self)
        self.close_button = QPushButton(translate("ReceiptPreviewDialog", "Đóng"), self)
        buttons.addButton(self.reprint_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        self.progress = ProgressNote(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.calendar_note)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)

        self.set_image(image)
        self._show_result(print_error, outcome)
        screen = self.screen().availableGeometry()
        self.resize(
            min(self._pixmap.width() + 60, screen.width() - 40), min(760, screen.height() - 60)
        )
        self.close_button.setFocus()

    @property
    def code(self) -> str:
        return self._code

    def set_image(self, image: Image.Image) -> None:
        self._pixmap = pil_to_pixmap(image)
        self._fit()

    def image_size(self) -> tuple[int, int]:
        """Size in dots of the image shown (that of the printed receipt)."""
        return self._pixmap.width(), self._pixmap.height()

    def status_text(self) -> str:
        return self.status.text()

    def printed_ok(self) -> bool:
        """The job went out and nothing says it failed (confirmed, or a queue that cannot)."""
        return self.property("printed_ok") is True

    def confirmed(self) -> bool:
        """The printer itself confirmed it took the whole job."""
        return self.property("confirmed") is True

    def printing(self) -> bool:
        """A print is on its way to the printer (the outcome is not known yet)."""
        return self.job is not None and self.job.running

    def reprint(self) -> background.Job:
        """Print the dossier's receipt (again) with the printer setting as it is now."""
        db, code, clerk, clock = self._db, self._code, self._clerk, self._clock
        self.setProperty("printed_ok", False)
        self.setProperty("confirmed", False)
        self.status.setText(
            translate("ReceiptPreviewDialog", "Đang in phiếu của hồ sơ {code}...").format(code=code)
        )
        self.status.setStyleSheet("font-weight: bold;")
        self.job = background.run_in_background(
            self,
            lambda: print_receipt(db, code, clerk, clock),
            self._printed,
            self._show_result,
            translate("ReceiptPreviewDialog", "Đang chờ máy in nhận phiếu..."),
            buttons=[self.reprint_button],
            note=self.progress,
            failure=translate(
                "ReceiptPreviewDialog", "Lỗi của chương trình: xem nhật ký của chương trình."
            ),
        )
        return self.job

    def _printed(self, printed: tuple[PrintedReceipt, str]) -> None:
        receipt, self._uri = printed
        self.set_image(receipt.image)
        self._show_result(None, receipt.outcome)

    def _show_result(self, error: str | None, outcome: PrintOutcome | None = None) -> None:
        self.setProperty("confirmed", outcome is not None and outcome.printed)
        uri = self._uri.strip()
        nothing_sent = uri.lower() == "none" or (
            outcome is not None and outcome.delivery is Delivery.NOTHING
        )
        if error is None and outcome is not None and not nothing_sent:
            text, colour = self._sent_text(outcome, uri)
            self.setProperty("printed_ok", outcome.delivery is not Delivery.UNCONFIRMED)
            self.status.setText(text)
            self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
            return
        if error is not None:
            text = translate(
                "ReceiptPreviewDialog",
                "Không in được phiếu. {error}\n"
                "Hồ sơ {code} đã được lưu: sửa máy in rồi bấm “In lại”.",
            ).format(error=error, code=self._code)
            colour = ERROR_COLOUR
        elif nothing_sent:
            text = translate(
                "ReceiptPreviewDialog",
                "Chưa chọn máy in (Hồ sơ > Máy in phiếu của máy này): phiếu của hồ sơ {code} chỉ "
                "hiển thị trên màn hình, chưa in ra giấy.",
            ).format(code=self._code)
            colour = ERROR_COLOUR
        else:
            text = translate(
                "ReceiptPreviewDialog", "Đã gửi phiếu của hồ sơ {code} tới máy in."
            ).format(code=self._code)
            colour = OK_COLOUR
        self.setProperty("printed_ok", error is None and colour == OK_COLOUR)
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _sent_text(self, outcome: PrintOutcome, uri: str) -> tuple[str, str]:
        """What the status line says of a job that went out, and its colour."""
        code = self._code
        try:
            target = parse_printer_uri(uri)
        except UserError:  # the setting changed to a bad one since the print
            target = None
        if outcome.delivery is Delivery.PRINTED:
            text = translate(
                "ReceiptPreviewDialog", "Đã in phiếu của hồ sơ {code}: máy in đã xác nhận."
            ).format(code=code)
            if outcome.paper_low:
                text += " " + translate(
                    "ReceiptPreviewDialog", "Giấy in sắp hết: hãy chuẩn bị cuộn giấy mới."
                )
                return text, WARNING_COLOUR
            return text, OK_COLOUR
        where = target.describe() if target else uri
        if outcome.delivery is Delivery.UNCONFIRMED:
            return translate(
                "ReceiptPreviewDialog",
                "Đã gửi phiếu của hồ sơ {code} tới {printer} nhưng máy in không trả lời để xác "
                "nhận: hãy xem phiếu đã ra chưa; nếu chưa, kiểm tra máy in rồi bấm “In lại”.",
            ).format(code=code, printer=where), WARNING_COLOUR
        if target is not None and target.kind is PrinterKind.WIN32:
            return translate(
                "ReceiptPreviewDialog",
                "Đã gửi phiếu của hồ sơ {code} tới hàng đợi in của Windows ({printer}). Hàng đợi "
                "không cho biết máy in đã in hay chưa: hãy xem phiếu đã ra chưa, nếu chưa thì "
                "bấm “In lại”.",
            ).format(code=code, printer=where), OK_COLOUR
        return translate(
            "ReceiptPreviewDialog",
            "Đã gửi phiếu của hồ sơ {code} tới {printer}. Kiểu kết nối này không cho máy in báo "
            "lại: hãy xem phiếu đã ra chưa, nếu chưa thì bấm “In lại”.",
        ).format(code=code, printer=where), OK_COLOUR

    # -- scaling: shrink to the width available, never enlarge -------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        room = self.scroll.viewport().width() - 4
        if self.isVisible() and 0 < room < self._pixmap.width():
            shown = self._pixmap.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        else:
            shown = self._pixmap
        self.picture.setPixmap(shown)
