"""The receipt printer: where it is (one URI), its paper, a test page and a sample receipt.

On a Windows counter PC the receipt printer is installed with its Windows
driver, so the admin picks it by name from the printers Windows lists and the
address ``win32:NAME`` is written for them; a network, USB or serial printer is
still typed as an address. The receipt is printed as a raster image, so the
paper width must match the printer: 576 dots for 80 mm, 512 for 80 mm on a
180-dpi Epson TM-T88, 384 for 58 mm.

Both test prints use the address and paper on screen, saved or not, and go the
way a receipt goes: the test page shows every Vietnamese mark, the printable
width and a QR code; the sample receipt shows a receipt as the citizen gets it.
A printer that cannot be reached is said under the address, and nothing is
saved until Save is pressed.

The dialog sets one of two printers (``desk.services.receipt_printer``): this
PC's own (``this_pc``: any clerk, from "Hồ sơ > Máy in phiếu của máy này", the
change written in the audit trail), or the office's, used by the PCs without
their own (the admin only, from "Quản trị").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk import printing
from desk.domain.clock import Clock, SystemClock
from desk.domain.dossier import Applicant, Dossier, ReceivedPaper, ResultDelivery
from desk.domain.dossier_code import format_dossier_code
from desk.domain.errors import UserError
from desk.domain.office import Clerk, Office
from desk.domain.procedure import Channel, PaperForm
from desk.domain.time_limit import TimeLimit
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.printing.system_printers import SystemPrinter, list_system_printers
from desk.printing.test_page import print_test_page, printer_test_image
from desk.services import calendar, receipt_printer
from desk.services import office as office_service
from desk.storage.database import Database
from desk.storage.engine import host_name
from desk.ui.admin.installed_printers import InstalledPrinters
from desk.ui.widgets import background
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import FieldErrors, Notice, set_enter_button, vietnamese_buttons
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import pil_to_pixmap, translate

log = logging.getLogger(__name__)

SAMPLE_LIMIT = TimeLimit.working_days(3)
#: The papers of the sample receipt (printed, so Vietnamese like every receipt).
SAMPLE_PAPERS = (
    ("Tờ khai đăng ký khai sinh theo mẫu", PaperForm.ORIGINAL),  # untranslated: printed sample
    ("Giấy chứng sinh", PaperForm.ORIGINAL),  # untranslated: printed sample receipt
    ("Căn cước của người đi đăng ký", PaperForm.SHOWN),  # untranslated: printed sample receipt
)
PAPER_CHOICES = (
    (
        "80",
        QT_TRANSLATE_NOOP(
            "PrinterSettingsDialog", "Khổ 80 mm (máy in 203 dpi: Epson TM-T82, Xprinter...)"
        ),
    ),
    (
        "80-180dpi",
        QT_TRANSLATE_NOOP("PrinterSettingsDialog", "Khổ 80 mm, máy in 180 dpi (Epson TM-T88)"),
    ),
    ("58", QT_TRANSLATE_NOOP("PrinterSettingsDialog", "Khổ 58 mm")),
)


def paper_choices() -> list[tuple[str, str]]:
    """Paper settings (keys of ``printing.PAPER_WIDTHS``) with their names on screen."""
    return [(key, translated(label)) for key, label in PAPER_CHOICES]


def sample_dossier(office: Office, clerk: Clerk, received_at: datetime, due: datetime) -> Dossier:
    """A made-up dossier for the sample receipt; its name says it is a test, not a dossier.

    Its texts are printed, so they stay Vietnamese like every receipt.
    """
    return Dossier(
        code=format_dossier_code(office.code, received_at.date(), 1),
        procedure_code="1.001193",
        procedure_name="IN THỬ - Đăng ký khai sinh (mẫu, không phải hồ sơ thật)",  # untranslated: printed sample receipt
        field="Hộ tịch",  # untranslated: printed sample receipt
        applicant=Applicant(
            name="Nguyễn Thị Hồng Nhung",  # untranslated: printed sample receipt
            id_number="079301000123",
            phone="0912345678",
            address="Ấp Bình Thạnh, xã Tân Phú",  # untranslated: printed sample receipt
        ),
        papers=[ReceivedPaper(name, form, 1) for name, form in SAMPLE_PAPERS],
        channel=Channel.COUNTER,
        result_delivery=ResultDelivery.COUNTER,
        received_at=received_at,
        appointment_at=due,
        limit_text=SAMPLE_LIMIT.describe(),
        clerk_username=clerk.username,
        clerk_name=clerk.full_name,
        fee="Miễn lệ phí",  # untranslated: printed sample receipt
    )


def _sample(db: Database, clerk: Clerk, now: datetime) -> tuple[Office, Dossier]:
    """The office and the sample dossier, received ``now``, due as the office's calendar
    says (on a pool thread)."""
    office = office_service.get_office(db)
    due = calendar.working_calendar(db).appointment_for(now, SAMPLE_LIMIT)
    return office, sample_dossier(office, clerk, now, due)


def _attempt(
    job: Callable[[], Image.Image], preview: Callable[[], Image.Image], uri: str
) -> tuple[Image.Image | None, UserError | None]:
    """The image printed, or why not with the image that would have been (a pool thread)."""
    try:
        return job(), None
    except printing.PrinterError as exc:
        log.warning("test print to %s failed: %s", uri, exc.detail or "no detail")
        return preview(), exc
    except UserError as exc:  # an address that cannot be read
        return None, exc


@dataclass(frozen=True)
class PrintersShown:
    """The printer the dialog sets (this PC's, or the office's) and the office's."""

    shown: receipt_printer.ReceiptPrinter
    office: receipt_printer.ReceiptPrinter


class PrinterSettingsDialog(QDialog):
    """Printer address and paper, of this PC (``this_pc``) or of the office; two test prints."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        clock: Clock | None = None,
        system_printers: Callable[[], list[SystemPrinter]] = list_system_printers,
        this_pc: bool = False,
        found: PrintersShown | None = None,
    ) -> None:
        """``found``: the printers as ``read`` gave them (read here when not given)."""
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.clock = clock or SystemClock()
        self.this_pc = this_pc
        self.last_image: Image.Image | None = None
        #: The image of the last test print that went out (``None`` when it did not).
        self.last_sent: Image.Image | None = None
        found = found if found is not None else self.read(db, this_pc=this_pc)
        shown = found.shown
        self.setWindowTitle(self.title(this_pc=this_pc))
        self.scope_label = QLabel(self._scope_text(found.office.uri))
        self.scope_label.setObjectName("printer_scope")
        self.scope_label.setWordWrap(True)
        self.errors = FieldErrors()
        self.installed = InstalledPrinters(system_printers)
        self.installed.chosen.connect(self._use_installed)
        self.uri_edit = QLineEdit(shown.uri)
        self.uri_edit.setPlaceholderText(
            translate("PrinterSettingsDialog", "Ví dụ: win32:EPSON TM-T82")
        )
        self.uri_edit.textEdited.connect(self.installed.select_uri)
        self.paper_combo = QComboBox()
        for key, label in paper_choices():
            self.paper_combo.addItem(label, key)
        at = self.paper_combo.findData(shown.paper)
        self.paper_combo.setCurrentIndex(max(at, 0))
        self.test_page_button = QPushButton(translate("PrinterSettingsDialog", "In trang thử"))
        self.test_page_button.clicked.connect(self.print_test_page)
        self.test_button = QPushButton(translate("PrinterSettingsDialog", "In phiếu mẫu"))
        self.test_button.clicked.connect(self.test_print)
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        self.progress = ProgressNote()
        self.preview = QLabel(
            translate(
                "PrinterSettingsDialog",
                "Bấm “In trang thử” để kiểm tra máy in (dấu tiếng Việt, khổ giấy, mã QR), "
                "hoặc “In phiếu mẫu” để in một giấy tiếp nhận mẫu. Hình đã in hiện tại đây.",
            )
        )
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.buttons = vietnamese_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
            )
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        #: This PC back to the office's printer (shown when it has one of its own).
        self.office_button = self.buttons.addButton(
            translate("PrinterSettingsDialog", "Dùng máy in chung"),
            QDialogButtonBox.ButtonRole.ResetRole,
        )
        self.office_button.setToolTip(
            translate("PrinterSettingsDialog", "Bỏ máy in riêng của máy này, in bằng máy in chung.")
        )
        self.office_button.clicked.connect(self.use_office_printer)
        self.office_button.setVisible(this_pc and receipt_printer.this_pc_printer() is not None)
        self._lay_out()
        self.installed.refresh()
        self.installed.select_uri(self.uri())
        set_enter_button(self, self.buttons.button(QDialogButtonBox.StandardButton.Save))
        if not this_pc and not clerk.is_admin:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.notice.show_error(
                translate("PrinterSettingsDialog", "Chỉ quản trị viên mới được đổi máy in chung.")
            )

    @staticmethod
    def title(*, this_pc: bool) -> str:
        if this_pc:
            return translate("PrinterSettingsDialog", "Máy in phiếu của máy này")
        return translate("PrinterSettingsDialog", "Máy in phiếu chung của cơ quan")

    @staticmethod
    def read(db: Database, *, this_pc: bool) -> PrintersShown:
        """What the dialog shows (it may wait on the server: read off the window's thread)."""
        office = receipt_printer.office_printer(db)
        return PrintersShown(receipt_printer.receipt_printer(db) if this_pc else office, office)

    def _scope_text(self, office_uri: str) -> str:
        if not self.this_pc:
            return translate(
                "PrinterSettingsDialog",
                "Máy in chung: dùng cho mọi máy tính chưa chọn máy in riêng (mỗi cán bộ chọn "
                "máy in của máy mình ở Hồ sơ > Máy in phiếu của máy này).",
            )
        return translate(
            "PrinterSettingsDialog",
            "Máy tính {pc}: máy in chọn ở đây chỉ dùng cho máy này và được ghi vào nhật ký. "
            "Máy chưa chọn máy in riêng thì in bằng máy in chung ({office}).",
        ).format(pc=host_name(), office=office_uri)

    def _help_text(self) -> str:
        return translate(
            "PrinterSettingsDialog",
            "Chọn máy in đã cài ở trên để điền địa chỉ, hoặc tự nhập theo một trong các dạng:\n"
            "• win32:EPSON TM-T82 — máy in đã cài trong Windows, theo tên (thường dùng)\n"
            "• tcp://192.168.1.50:9100 — máy in mạng LAN (cổng 9100 nếu không ghi)\n"
            "• usb://04b8:0e15 — máy in USB theo mã hãng:mã máy (cần trình điều khiển WinUSB)\n"
            "• serial:COM3?baudrate=9600 — máy in cổng COM\n"
            "• file:D:\\phieu.bin — ghi lệnh in ra tệp (để kiểm tra)\n"
            "• none — không in phiếu nhiệt",
        )

    def _lay_out(self) -> None:
        help_label = QLabel(self._help_text())
        help_label.setStyleSheet("color: #455a64;")
        help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            translate("PrinterSettingsDialog", "Máy in đã cài trên máy này:"), self.installed
        )
        form.addRow(
            translate("PrinterSettingsDialog", "Địa chỉ máy in:"),
            self.errors.wrap("printer_uri", self.uri_edit),
        )
        form.addRow("", help_label)
        form.addRow(
            translate("PrinterSettingsDialog", "Khổ giấy:"),
            self.errors.wrap("paper", self.paper_combo),
        )
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_page_button)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        scroll.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_label)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        # 1366x768 screens are common at the counter, often at 125 %: never taller than the screen.
        room = self.screen().availableGeometry()
        self.resize(min(760, room.width()), min(860, room.height() - 40))

    def uri(self) -> str:
        return self.uri_edit.text().strip()

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def _use_installed(self, uri: str) -> None:
        self.uri_edit.setText(uri)
        self.errors.label("printer_uri").clear_message()

    def print_test_page(self) -> background.Job:
        """Print the test page with the address and paper on screen (saved or not); the
        office it names is read with the print, off the window's thread."""
        db, uri, paper, now = self.db, self.uri(), self.paper(), self.clock.now()
        return self._send(
            lambda: print_test_page(office_service.get_office(db), uri, paper, now),
            lambda: printer_test_image(office_service.get_office(db), uri, paper, now),
            translate(
                "PrinterSettingsDialog",
                "Đã gửi trang in thử tới {target}. Hãy xem máy in có ra giấy, đủ dấu tiếng "
                "Việt, đủ hai vạch ở hai đầu thước và mã QR quét được không.",
            ),
            translate(
                "PrinterSettingsDialog",
                "Đang chọn “none”: không gửi tới máy in nào. Trang in thử ở dưới.",
            ),
        )

    def test_print(self) -> background.Job:
        """Print the sample receipt with the address and paper on screen (saved or not);
        the office and its calendar are read with the print, off the window's thread."""
        db, clerk, now, uri, paper = self.db, self.clerk, self.clock.now(), self.uri(), self.paper()

        def print_sample() -> Image.Image:
            office, dossier = _sample(db, clerk, now)
            return printing.print_receipt(dossier, office, uri, paper).image

        def show_sample() -> Image.Image:
            office, dossier = _sample(db, clerk, now)
            return printing.receipt_image(dossier, office, paper)

        return self._send(
            print_sample,
            show_sample,
            translate(
                "PrinterSettingsDialog",
                "Đã gửi phiếu in thử tới {target}. Hãy xem máy in có ra phiếu và chữ có dấu "
                "in đúng không.",
            ),
            translate(
                "PrinterSettingsDialog",
                "Đang chọn “none”: không gửi tới máy in nào. Phiếu mẫu ở dưới.",
            ),
        )

    def _send(
        self,
        job: Callable[[], Image.Image],
        preview: Callable[[], Image.Image],
        sent_text: str,
        none_text: str,
    ) -> background.Job:
        """Run a print ``job`` in the background; then show the image and say it went out,
        or say why not at the field (with the image that would have been printed)."""
        self.errors.clear()
        self.notice.clear_notice()
        self.last_sent = None
        uri = self.uri()
        return background.run_in_background(
            self,
            lambda: _attempt(job, preview, uri),
            lambda outcome: self._sent(*outcome, sent_text, none_text),
            self.notice.show_error,
            translate("PrinterSettingsDialog", "Đang gửi tới máy in..."),
            buttons=[self.test_page_button, self.test_button],
            note=self.progress,
        )

    def _sent(
        self, image: Image.Image | None, error: UserError | None, sent_text: str, none_text: str
    ) -> None:
        if isinstance(error, printing.PrinterError):
            self.errors.show({"printer_uri": error.message})
        elif error is not None:
            self._show_user_error(error)
        if image is not None:
            self._show_image(image)
        if error is None and image is not None:
            self.last_sent = image
            self._tell_sent(sent_text, none_text)

    def _tell_sent(self, sent_text: str, none_text: str) -> None:
        target = printing.parse_printer_uri(self.uri())
        if target.kind is printing.PrinterKind.NONE:
            self.notice.show_ok(none_text)
            return
        listed = self.installed.printer_for(self.uri())
        if listed is not None and listed.offline:
            self.notice.show_error(
                translate(
                    "PrinterSettingsDialog",
                    "Windows báo máy in “{name}” đang ngoại tuyến: lệnh in nằm chờ trong hàng "
                    "đợi in. Hãy cắm cáp, bật máy in (hoặc bỏ chọn “Use Printer Offline”) "
                    "rồi in lại.",
                ).format(name=listed.name)
            )
            return
        self.notice.show_ok(sent_text.format(target=target.describe()))

    def _show_user_error(self, exc: UserError) -> None:
        if exc.field in self.errors.fields():
            self.errors.show({str(exc.field): exc.message})
        else:
            self.notice.show_error(exc.message)

    def _show_image(self, image: Image.Image) -> None:
        self.last_image = image
        self.preview.setPixmap(pil_to_pixmap(image))

    def save(self) -> bool:
        """Save the address and paper (an address that cannot be read is refused) and close,
        off the window's thread. ``False`` when a save is already on its way."""
        db, clerk, uri, paper, clock = self.db, self.clerk, self.uri(), self.paper(), self.clock
        if self.this_pc:
            return self._save(
                lambda: receipt_printer.set_this_pc_printer(db, clerk, uri, paper, clock)
            )
        return self._save(lambda: receipt_printer.set_office_printer(db, clerk, uri, paper, clock))

    def use_office_printer(self) -> bool:
        """This PC prints with the office's printer again (its own is forgotten) and close."""
        db, clerk, clock = self.db, self.clerk, self.clock
        return self._save(lambda: receipt_printer.set_this_pc_printer(db, clerk, None, clock=clock))

    def _save(self, saving: Callable[[], object]) -> bool:
        self.errors.clear()
        self.notice.clear_notice()

        def work() -> None:
            try:
                saving()
            except OSError as exc:  # this PC's settings file
                raise UserError(
                    translate(
                        "PrinterSettingsDialog", "Không lưu được cài đặt của máy: {error}"
                    ).format(error=exc.strerror or exc)
                ) from exc

        return self._saves.run(work, lambda _: self.accept(), self._show_user_error)

    def saving(self) -> bool:
        """Whether the printer is being saved."""
        return self._saves.waiting()
