"""The kiosk's "Tra cứu hồ sơ" screen: a dossier's status, and nothing personal.

Two ways in, with the proof each needs (``desk.services.public_status``):

- Scan the QR code of the receipt at the kiosk's reader. A reader "types" what
  it reads followed by Enter; the kiosk has no keyboard of its own, so the only
  keys this screen receives come from the reader, and they go to the hidden
  ``scan_edit``, which has the focus. Holding the receipt is the proof.
- Type the code and the last 4 digits of the ID number on the on-screen
  keypad. The office's agency code is already written ("H36.41-"); the citizen
  types the 10 digits after it (date and number) and the 4 digits.

The answer shows the code, the procedure, the status, the date to come back
and whether the result is ready; it clears itself after ``SHOW_SECONDS`` so the
next person at the kiosk does not see it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError
from desk.domain.translation import translated
from desk.domain.vn_dates import clock_label, weekday_and_date_label
from desk.services import office, public_status
from desk.services.public_status import PublicStatus
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)
CONTEXT = "KioskStatus"
SHOW_SECONDS = 40
CODE_DIGITS = 10  # YYMMDD and the day's 4-digit number
ID_DIGITS = 4

STYLE = """
QWidget#kiosk_status { background: #eef3f8; }
QLabel#status_title { color: #0b4a85; font-size: 38px; font-weight: bold; }
QPushButton[role="back"] {
    background: white; color: #0b4a85; border: 3px solid #0b4a85; border-radius: 16px;
    font-size: 26px; font-weight: bold; padding: 10px 26px;
}
QFrame[role="card"] { background: white; border: 2px solid #c9d6e3; border-radius: 22px; }
QLabel[role="card_title"] { color: #0b4a85; font-size: 30px; font-weight: bold; }
QLabel[role="card_text"] { color: #13263a; font-size: 24px; }
QLabel[role="entry_label"] { color: #4a5b6c; font-size: 22px; font-weight: bold; }
QLabel#agency_label { color: #13263a; font-size: 34px; font-weight: bold; }
QLineEdit[role="entry"] {
    background: #f7fafc; border: 3px solid #9fb3c8; border-radius: 12px;
    font-size: 34px; font-weight: bold; padding: 6px 12px; color: #13263a;
}
QLineEdit[role="entry"][active="true"] { border-color: #0b4a85; background: white; }
QPushButton[role="pad"] {
    background: white; color: #13263a; border: 2px solid #9fb3c8; border-radius: 14px;
    font-size: 32px; font-weight: bold; min-height: 62px;
}
QPushButton[role="pad"]:pressed { background: #d8e8f8; }
QPushButton#find_button {
    background: #0b4a85; color: white; border-radius: 18px;
    font-size: 30px; font-weight: bold; padding: 12px 40px;
}
QLabel#entry_error { color: #b00020; font-size: 24px; font-weight: bold; }
QLineEdit#scan_edit { background: transparent; border: none; color: transparent; }
QLabel[role="fact_label"] { color: #4a5b6c; font-size: 24px; }
QLabel[role="fact_value"] { color: #13263a; font-size: 32px; font-weight: bold; }
QLabel#status_value { color: #0b4a85; font-size: 40px; font-weight: bold; }
QLabel#ready_value { font-size: 34px; font-weight: bold; border-radius: 16px; padding: 14px 22px; }
QLabel#ready_value[ready="true"] { background: #e3f4e5; color: #1b5e20; }
QLabel#ready_value[ready="false"] { background: #fff6e0; color: #5a3a00; }
QLabel#privacy_note { color: #4a5b6c; font-size: 20px; }
QPushButton#done_button {
    background: #0b4a85; color: white; border-radius: 20px;
    font-size: 32px; font-weight: bold; padding: 16px 80px;
}
"""


class QrSign(QWidget):
    """A drawn QR-like mark: what to hold to the reader (no picture file needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(150, 150)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        ink = QColor("#0b4a85")
        cell = self.width() / 7
        for x, y in ((0, 0), (4, 0), (0, 4)):
            painter.fillRect(int(x * cell), int(y * cell), int(3 * cell), int(3 * cell), ink)
            painter.fillRect(int((x + 0.5) * cell), int((y + 0.5) * cell), int(2 * cell),
                             int(2 * cell), QColor("white"))  # fmt: skip
            painter.fillRect(int((x + 1) * cell), int((y + 1) * cell), int(cell), int(cell), ink)
        for x, y in ((4, 4), (5, 5), (6, 4), (4, 6), (6, 6), (5, 3), (3, 5)):
            painter.fillRect(int(x * cell), int(y * cell), int(cell), int(cell), ink)
        painter.end()


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(30, 20, 30, 20)
    layout.setSpacing(12)
    label = QLabel(title)
    label.setProperty("role", "card_title")
    label.setWordWrap(True)
    layout.addWidget(label)
    return card, layout


def _text(text: str, role: str = "card_text") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


class KioskStatusPage(QWidget):
    """The status lookup; ``closed`` when the citizen goes back to the kiosk's start."""

    closed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._portrait: bool | None = None
        self.shown: PublicStatus | None = None
        self.setObjectName("kiosk_status")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        #: The office's agency code, read off the window's thread with the page.
        self.agency = ""
        #: The look-ups of a code scanned or typed: the newest is shown.
        self._lookups = background.NewestRead(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._entry_page())
        self.pages.addWidget(self._answer_page())
        back = QPushButton(translate("KioskStatus", "‹ Trở về"))
        back.setProperty("role", "back")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.closed.emit)
        title = QLabel(translate("KioskStatus", "TRA CỨU TÌNH TRẠNG HỒ SƠ"))
        title.setObjectName("status_title")
        top = QHBoxLayout()
        top.addWidget(back)
        top.addSpacing(20)
        top.addWidget(title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(18)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.reset)
        self._set_active(self.code_edit)
        self._agency_reads = background.NewestRead(self)
        self._read_agency()

    def _read_agency(self) -> None:
        """The agency code written before the typed code, read off the window's thread
        (again at the next look-up if it could not be)."""
        db = self._db

        def done(code: str | None, error: str | None) -> None:
            if code is None:
                log.warning("kiosk status: the office could not be read: %s", error)
                return
            self.agency = code
            self.agency_label.setText(f"{code}-")

        self._agency_reads.run(lambda: office.get_office(db).code, done)

    # ------------------------------------------------------------ layout

    def _entry_page(self) -> QWidget:
        page = QWidget()
        scan_card, scan = _card(translate("KioskStatus", "Cách 1: Quét mã QR trên giấy hẹn"))
        sign_row = QHBoxLayout()
        sign_row.addStretch(1)
        sign_row.addWidget(QrSign())
        sign_row.addStretch(1)
        scan.addLayout(sign_row)
        scan.addWidget(
            _text(
                translate(
                    "KioskStatus",
                    "Đưa mã QR in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả vào trước đầu "
                    "đọc mã của kiosk. Kết quả hiện ngay, không cần nhập gì thêm.",
                )
            )
        )
        scan.addStretch(1)
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan_edit")
        self.scan_edit.setFixedSize(2, 2)
        self.scan_edit.returnPressed.connect(self._scanned)
        scan.addWidget(self.scan_edit)
        type_card, typed = _card(
            translate("KioskStatus", "Cách 2: Nhập mã hồ sơ và 4 số cuối CCCD")
        )
        typed.addWidget(
            _text(translate("KioskStatus", "Mã hồ sơ (ghi trên giấy hẹn):"), "entry_label")
        )
        code_row = QHBoxLayout()
        self.agency_label = agency = QLabel("-")
        agency.setObjectName("agency_label")
        self.code_edit = self._entry("code_edit", "YYMMDD-NNNN")
        code_row.addWidget(agency)
        code_row.addWidget(self.code_edit, 1)
        typed.addLayout(code_row)
        typed.addWidget(
            _text(
                translate("KioskStatus", "4 số cuối số CCCD (hoặc mã số thuế) của người nộp:"),
                "entry_label",
            )
        )
        self.id_edit = self._entry("id_edit", "••••")
        typed.addWidget(self.id_edit)
        typed.addWidget(self._keypad())
        self.entry_error = QLabel()
        self.entry_error.setObjectName("entry_error")
        self.entry_error.setWordWrap(True)
        typed.addWidget(self.entry_error)
        self.find_button = QPushButton(translate("KioskStatus", "Tra cứu"))
        self.find_button.setObjectName("find_button")
        self.find_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.find_button.clicked.connect(self.find_typed)
        typed.addWidget(self.find_button)
        typed.addStretch(1)
        self.entry_body = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self.entry_body.setContentsMargins(0, 0, 0, 0)
        self.entry_body.setSpacing(28)
        self.entry_body.addWidget(scan_card, 2)
        self.entry_body.addWidget(type_card, 3)
        self.entry_body.addStretch(0)  # takes the spare height of a portrait screen
        self.scan_card = scan_card
        return page

    def _entry(self, name: str, placeholder: str) -> QLineEdit:
        """An input filled by the keypad only; a touch on it makes it the keypad's target."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setProperty("role", "entry")
        edit.setReadOnly(True)
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit.setPlaceholderText(placeholder)
        edit.mousePressEvent = lambda _event, e=edit: self._set_active(e)  # type: ignore[method-assign]
        return edit

    def _keypad(self) -> QWidget:
        pad = QWidget()
        grid = QGridLayout(pad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.pad_buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]
        for i, key in enumerate(keys):
            text = {
                "⌫": translate("KioskStatus", "⌫ Xóa"),
                "C": translate("KioskStatus", "Xóa hết"),
            }.get(key, key)
            button = QPushButton(text)
            button.setProperty("role", "pad")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.pad_buttons[key] = button
        return pad

    def _answer_page(self) -> QWidget:
        page = QWidget()
        card, layout = _card(translate("KioskStatus", "THÔNG TIN HỒ SƠ"))
        self.facts: dict[str, QLabel] = {}
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("code", translate("KioskStatus", "Mã hồ sơ")),
            ("procedure", translate("KioskStatus", "Thủ tục")),
            ("status", translate("KioskStatus", "Tình trạng")),
            ("appointment", translate("KioskStatus", "Ngày hẹn trả kết quả")),
        ):
            self.fact_labels[key] = _text(label, "fact_label")
            layout.addWidget(self.fact_labels[key])
            value = _text("", "fact_value")
            if key == "status":
                value.setObjectName("status_value")
            layout.addWidget(value)
            self.facts[key] = value
        self.ready_label = QLabel()
        self.ready_label.setObjectName("ready_value")
        self.ready_label.setWordWrap(True)
        layout.addSpacing(10)
        layout.addWidget(self.ready_label)
        privacy = _text(
            translate(
                "KioskStatus",
                "Để bảo vệ thông tin cá nhân, kiosk chỉ hiện tình trạng hồ sơ. Màn hình sẽ tự "
                "xóa sau ít phút. Cần biết thêm, xin hỏi cán bộ tại Bộ phận Một cửa.",
            ),
            "card_text",
        )
        privacy.setObjectName("privacy_note")
        layout.addWidget(privacy)
        self.done_button = QPushButton(translate("KioskStatus", "Xong"))
        self.done_button.setObjectName("done_button")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self.reset)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        outer.addStretch(1)
        outer.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        if portrait != self._portrait:
            self._portrait = portrait
            direction = (
                QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
            )
            self.entry_body.setDirection(direction)
            self.entry_body.setStretch(0, 0 if portrait else 2)
            self.entry_body.setStretch(1, 0 if portrait else 3)
            self.entry_body.setStretch(2, 1 if portrait else 0)

    # ------------------------------------------------------------ behaviour

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().showEvent(event)
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_active(self, edit: QLineEdit) -> None:
        self.active = edit
        for other in (self.code_edit, self.id_edit):
            other.setProperty("active", other is edit)
            other.style().polish(other)

    def press(self, key: str) -> None:
        """One keypad key into the active input; the code's dash is written for the citizen."""
        edit = self.active
        digits = edit.text().replace("-", "")
        limit = CODE_DIGITS if edit is self.code_edit else ID_DIGITS
        if key == "⌫":
            digits = digits[:-1]
        elif key == "C":
            digits = ""
        elif len(digits) < limit:
            digits += key
        if edit is self.code_edit:
            edit.setText(digits if len(digits) <= 6 else f"{digits[:6]}-{digits[6:]}")
            if len(digits) == CODE_DIGITS and key.isdigit():
                self._set_active(self.id_edit)
        else:
            edit.setText(digits)
        self.entry_error.clear()

    def typed_code(self) -> str:
        return f"{self.agency}-{self.code_edit.text()}"

    def find_typed(self) -> None:
        """Look up the code typed with the last digits of the ID, off the window's thread
        (the status shows when read; a refusal says why under the entry)."""
        if len(self.code_edit.text().replace("-", "")) != CODE_DIGITS:
            self._fail(
                translate("KioskStatus", "Xin nhập đủ 10 chữ số của mã hồ sơ (sau {0}-).").format(
                    self.agency
                )
            )
            self._set_active(self.code_edit)
            return
        if not self.agency:  # the office could not be read yet: the code is not whole
            self._read_agency()
            self._fail(translate("KioskStatus", "Chưa tra cứu được, xin thử lại sau giây lát."))
            return
        db, typed, last4 = self._db, self.typed_code(), self.id_edit.text()

        def found(
            status: PublicStatus | None, refusal: UserError | None, error: str | None
        ) -> None:
            if status is not None:
                self.show_status(status)
            elif refusal is not None:
                self._fail(refusal.message)
                if refusal.field == "id_last4":
                    self._set_active(self.id_edit)
            else:
                self._fail(error or "")

        self._look_up(lambda: public_status.status_by_typed_code(db, typed, last4), found)

    def _scanned(self) -> None:
        self.scan(self.scan_edit.text())

    def scan(self, text: str) -> None:
        """A code read from a receipt's QR code (holding the receipt is the proof), looked
        up off the window's thread."""
        self.scan_edit.clear()
        if not text.strip():
            return
        db = self._db

        def found(
            status: PublicStatus | None, refusal: UserError | None, error: str | None
        ) -> None:
            if status is not None:
                self.show_status(status)
                return
            log.info("kiosk status: scanned code not found")
            self.pages.setCurrentIndex(0)
            self._fail(refusal.message if refusal is not None else error or "")

        self._look_up(lambda: public_status.status_by_receipt(db, text), found)

    def _look_up(
        self,
        read: Callable[[], PublicStatus],
        found: Callable[[PublicStatus | None, UserError | None, str | None], None],
    ) -> None:
        """``read()`` off the window's thread, then ``found(status, refusal, error)``; a
        code scanned or typed meanwhile makes this one late (the newest is shown)."""
        self.entry_error.clear()
        self._lookups.run_refusable(read, found)

    def reading(self) -> bool:
        """Whether a code scanned or typed is being looked up (or the office's code read)."""
        return self._lookups.waiting() or self._agency_reads.waiting()

    def _fail(self, message: str) -> None:
        self.entry_error.setText(message)
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_status(self, status: PublicStatus) -> None:
        self.shown = status
        self.facts["code"].setText(status.code)
        self.facts["procedure"].setText(status.procedure_name)
        self.facts["status"].setText(translated(status.status_label))
        dated = status.appointment is not None
        self.fact_labels["appointment"].setVisible(dated)
        self.facts["appointment"].setVisible(dated)
        if dated:
            when = status.appointment
            self.facts["appointment"].setText(
                f"{clock_label(when)}, {weekday_and_date_label(when)}"
            )
        if status.result_ready:
            ready = translate("KioskStatus", "ĐÃ CÓ KẾT QUẢ: mời quý khách mang giấy hẹn và giấy tờ tùy thân "
                       "đến Bộ phận Một cửa để nhận.")  # fmt: skip
        else:
            ready = translate("KioskStatus", "Chưa có kết quả.")
        self.ready_label.setText(ready)
        self.ready_label.setProperty("ready", status.result_ready)
        self.ready_label.style().polish(self.ready_label)
        self.pages.setCurrentIndex(1)
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._clear_timer.start(SHOW_SECONDS * 1000)

    def reset(self) -> None:
        """Nothing of the last citizen left on screen; ready for a scan."""
        self._clear_timer.stop()
        self.shown = None
        for edit in (self.code_edit, self.id_edit, self.scan_edit):
            edit.clear()
        for value in self.facts.values():
            value.clear()
        self.entry_error.clear()
        self._set_active(self.code_edit)
        self.pages.setCurrentIndex(0)
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)
