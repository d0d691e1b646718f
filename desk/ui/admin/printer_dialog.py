"""The receipt printer: where it is (one URI), its paper, and a test print.

The receipt is printed as a raster image, so the paper width must match the
printer: 576 dots for 80 mm, 512 for 80 mm on a 180-dpi Epson TM-T88, 384 for
58 mm. A test print sends a sample receipt, built here and never saved, so the
admin sees at once whether the printer answers and prints Vietnamese right.
"""

from __future__ import annotations

from datetime import datetime

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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
from desk.services import calendar, settings
from desk.services import office as office_service
from desk.storage.database import Database
from desk.ui.admin._widgets import (
    FieldErrors,
    Notice,
    pil_to_pixmap,
    set_enter_button,
    vietnamese_buttons,
)

SAMPLE_LIMIT = TimeLimit.working_days(3)


def paper_choices() -> list[tuple[str, str]]:
    """Paper settings (keys of ``printing.PAPER_WIDTHS``) with their Vietnamese names."""
    return [
        ("80", "Khổ 80 mm (máy in 203 dpi: Epson TM-T82, Xprinter...)"),
        ("80-180dpi", "Khổ 80 mm, máy in 180 dpi (Epson TM-T88)"),
        ("58", "Khổ 58 mm"),
    ]


def sample_dossier(office: Office, clerk: Clerk, received_at: datetime, due: datetime) -> Dossier:
    """A made-up dossier for the test print; its name says it is a test, not a dossier."""
    return Dossier(
        code=format_dossier_code(office.code, received_at.date(), 1),
        procedure_code="1.001193",
        procedure_name="IN THỬ - Đăng ký khai sinh (mẫu, không phải hồ sơ thật)",
        field="Hộ tịch",
        applicant=Applicant(
            name="Nguyễn Thị Hồng Nhung",
            id_number="079301000123",
            phone="0912345678",
            address="Ấp Bình Thạnh, xã Tân Phú",
        ),
        papers=[
            ReceivedPaper("Tờ khai đăng ký khai sinh theo mẫu", PaperForm.ORIGINAL, 1),
            ReceivedPaper("Giấy chứng sinh", PaperForm.ORIGINAL, 1),
            ReceivedPaper("Căn cước của người đi đăng ký", PaperForm.SHOWN, 1),
        ],
        channel=Channel.COUNTER,
        result_delivery=ResultDelivery.COUNTER,
        received_at=received_at,
        appointment_at=due,
        limit_text=SAMPLE_LIMIT.describe(),
        clerk_username=clerk.username,
        clerk_name=clerk.full_name,
        fee="Miễn lệ phí",
    )


class PrinterSettingsDialog(QDialog):
    """Printer URI and paper, saved with ``settings.set_setting``; "In thử" prints a sample."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        parent: QWidget | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clerk = clerk
        self.clock = clock or SystemClock()
        self.last_image: Image.Image | None = None
        self.setWindowTitle(self.tr("Cài đặt máy in phiếu"))
        self.errors = FieldErrors()
        self.uri_edit = QLineEdit(settings.get_setting(db, settings.PRINTER_URI))
        self.uri_edit.setPlaceholderText(self.tr("Ví dụ: win32:EPSON TM-T82"))
        self.paper_combo = QComboBox()
        for key, label in paper_choices():
            self.paper_combo.addItem(self.tr(label), key)
        at = self.paper_combo.findData(settings.get_setting(db, settings.PAPER))
        self.paper_combo.setCurrentIndex(max(at, 0))
        self.test_button = QPushButton(self.tr("In thử"))
        self.test_button.clicked.connect(self.test_print)
        self.notice = Notice()
        self.preview = QLabel(self.tr("Bấm “In thử” để in một phiếu mẫu và xem trước tại đây."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.buttons = vietnamese_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
            )
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        set_enter_button(self, self.buttons.button(QDialogButtonBox.StandardButton.Save))
        if not clerk.is_admin:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.notice.show_error(self.tr("Chỉ quản trị viên mới được đổi cài đặt máy in."))

    def _help_text(self) -> str:
        return self.tr(
            "Các dạng địa chỉ máy in:\n"
            "• win32:EPSON TM-T82 — máy in đã cài trong Windows, theo tên (thường dùng)\n"
            "• tcp://192.168.1.50:9100 — máy in mạng LAN (cổng 9100 nếu không ghi)\n"
            "• usb://04b8:0e15 — máy in USB theo mã hãng:mã máy (cần trình điều khiển WinUSB)\n"
            "• serial:COM3?baudrate=9600 — máy in cổng COM\n"
            "• file:D:\\phieu.bin — ghi lệnh in ra tệp (để kiểm tra)\n"
            "• none — không in phiếu nhiệt"
        )

    def _lay_out(self) -> None:
        help_label = QLabel(self._help_text())
        help_label.setStyleSheet("color: #455a64;")
        help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Địa chỉ máy in:"), self.errors.wrap("printer_uri", self.uri_edit))
        form.addRow("", help_label)
        form.addRow(self.tr("Khổ giấy:"), self.errors.wrap("paper", self.paper_combo))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        scroll.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 820)

    def uri(self) -> str:
        return self.uri_edit.text().strip()

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def sample(self, office: Office) -> Dossier:
        """The sample dossier, received now, due as the office's calendar says."""
        now = self.clock.now()
        due = calendar.working_calendar(self.db).appointment_for(now, SAMPLE_LIMIT)
        return sample_dossier(office, self.clerk, now, due)

    def test_print(self) -> Image.Image | None:
        """Print the sample receipt with the settings on screen (saved or not)."""
        self.errors.clear()
        self.notice.clear_notice()
        office = office_service.get_office(self.db)
        dossier = self.sample(office)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            image = printing.print_receipt(dossier, office, self.uri(), self.paper())
        except printing.PrinterError as exc:
            self.notice.show_error(exc.message)
            self._show_image(printing.receipt_image(dossier, office, self.paper()))
            return None
        except UserError as exc:
            self._show_user_error(exc)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_image(image)
        target = printing.parse_printer_uri(self.uri())
        if target.kind is printing.PrinterKind.NONE:
            self.notice.show_ok(
                self.tr("Đang chọn “none”: không gửi tới máy in nào. Phiếu mẫu ở dưới.")
            )
        else:
            self.notice.show_ok(
                self.tr(
                    "Đã gửi phiếu in thử tới {0}. Hãy xem máy in có ra phiếu và chữ có dấu "
                    "in đúng không."
                ).format(target.describe())
            )
        return image

    def _show_user_error(self, exc: UserError) -> None:
        if exc.field in self.errors.fields():
            self.errors.show({str(exc.field): exc.message})
        else:
            self.notice.show_error(exc.message)

    def _show_image(self, image: Image.Image) -> None:
        self.last_image = image
        self.preview.setPixmap(pil_to_pixmap(image))

    def save(self) -> bool:
        """Save the URI and paper (a URI that cannot be read is refused) and close."""
        self.errors.clear()
        self.notice.clear_notice()
        try:
            printing.parse_printer_uri(self.uri())
        except UserError as exc:
            self._show_user_error(exc)
            return False
        settings.set_setting(self.db, settings.PRINTER_URI, self.uri())
        settings.set_setting(self.db, settings.PAPER, self.paper())
        self.accept()
        return True
