"""The ticket kiosk (máy lấy số): a full-screen touch window in the lobby.

The citizen touches a priority reason if one applies, then the group of the
matter they came for; the ticket is printed on the kiosk's printer (or, with
the ``none`` printer, only shown) and its number stays on screen for a few
seconds. Buttons are big and few: the kiosk is used standing, by people of
every age, often for the first time.

The number shows at once; the ticket prints in the background with a moving
bar under it, and the groups wait for the printer: a printer that hangs never
freezes the kiosk, and a second touch never prints a second ticket.

The groups and the number waiting in each come from the database and are
re-read whenever the queue's change counter moves, so an admin's edit on
another PC or a counter's call shows here within the polling interval.

Two more buttons open the citizen's own look-ups: the published procedures
(``kiosk_lookup``) and a dossier's status (``kiosk_status``); scanning a
receipt's QR code on the start screen opens the status at once. Left untouched
for ``IDLE_SECONDS``, a look-up goes back to the start for the next citizen.
"""

from __future__ import annotations

import logging
import re

from PIL import Image
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.queue import PRIORITY_LABELS, PriorityReason, ServiceGroup
from desk.domain.translation import translated
from desk.domain.vn_dates import weekday_and_date_label
from desk.services import changes, office, queue, queue_setup
from desk.services.queue import IssuedTicket
from desk.storage.database import Database
from desk.ui.public.kiosk_lookup import KioskLookupPage, TouchCard
from desk.ui.public.kiosk_status import KioskStatusPage
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import busy_cursor, translate
from desk.ui.widgets.screen_fit import BackToSize, CurrentPageStack, least_size

log = logging.getLogger(__name__)

POLL_MS = 2000
RESULT_SECONDS = 8
IDLE_SECONDS = 120
COLUMNS = 3
CHOOSE, RESULT, LOOKUP, STATUS = range(4)
_TOUCHES = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin)

STYLE = """
QWidget#kiosk { background: #eef3f8; }
QFrame#kiosk_header { background: #0b4a85; }
QLabel#parent_label { color: #d6e6f7; font-size: 22px; }
QLabel#office_label { color: white; font-size: 38px; font-weight: bold; }
QLabel#clock_label { color: white; font-size: 44px; font-weight: bold; }
QLabel#date_label { color: #d6e6f7; font-size: 22px; }
QLabel#prompt_label { color: #0b4a85; font-size: 40px; font-weight: bold; }
QPushButton[role="group"] {
    background: white; border: 3px solid #0b4a85; border-radius: 24px;
}
QPushButton[role="group"]:pressed { background: #d8e8f8; }
QLabel[role="letter"] {
    background: #0b4a85; color: white; border-radius: 56px;
    font-size: 64px; font-weight: bold;
}
QLabel[role="group_name"] { color: #13263a; font-size: 40px; font-weight: bold; }
QLabel[role="group_waiting"] { color: #4a5b6c; font-size: 26px; }
QLabel#priority_prompt { color: #7a4b00; font-size: 28px; font-weight: bold; }
QPushButton[role="priority"] {
    background: #fff6e0; color: #5a3a00; border: 3px solid #e0a800; border-radius: 18px;
    font-size: 26px; font-weight: bold; padding: 14px 18px;
}
QPushButton[role="priority"]:checked { background: #e0a800; color: #1c1200; }
QLabel#result_title { color: #0b4a85; font-size: 44px; font-weight: bold; }
QLabel#result_code { color: #0b4a85; font-size: 260px; font-weight: bold; }
QLabel#result_group { color: #13263a; font-size: 48px; font-weight: bold; }
QLabel#result_priority { color: #7a4b00; font-size: 34px; font-weight: bold; }
QLabel#result_ahead { color: #13263a; font-size: 36px; }
QLabel#result_note { color: #13263a; font-size: 32px; }
QLabel#result_note[problem="true"] { color: #b00020; font-weight: bold; }
QLabel#progress_label { color: #13263a; font-size: 32px; qproperty-alignment: AlignCenter; }
QProgressBar#progress_bar { min-height: 16px; max-height: 16px; }
QPushButton#done_button {
    background: #0b4a85; color: white; border-radius: 20px;
    font-size: 36px; font-weight: bold; padding: 18px 80px;
}
QPushButton[role="lookup"] { background: #0b4a85; border-radius: 20px; }
QPushButton[role="lookup"]:pressed { background: #08365f; }
QLabel[role="lookup_title"] { color: white; font-size: 30px; font-weight: bold; }
QLabel[role="lookup_text"] { color: #d6e6f7; font-size: 22px; }
"""


def scaled_style(style: str, scale: float) -> str:
    """The style sheet with its pixel sizes (fonts, paddings) times ``scale``."""
    if scale == 1.0:
        return style
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m[1]) * scale))}px", style)


def _place(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    """Lay the widgets out row by row, ``columns`` to a row."""
    for widget in widgets:
        grid.removeWidget(widget)
    for i, widget in enumerate(widgets):
        grid.addWidget(widget, i // columns, i % columns)


class GroupButton(QPushButton):
    """A touch button for one group: its letter in a disc, its name, who waits."""

    def __init__(self, group: ServiceGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setProperty("role", "group")
        self.setObjectName(f"group_{group.letter}")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        letter = QLabel(group.letter)
        letter.setProperty("role", "letter")
        letter.setFixedSize(112, 112)
        self.letter = letter
        letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel(group.name)
        self.name_label.setProperty("role", "group_name")
        self.name_label.setWordWrap(True)
        self.waiting_label = QLabel("")
        self.waiting_label.setProperty("role", "group_waiting")
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.name_label)
        texts.addWidget(self.waiting_label)
        texts.addStretch(1)
        self.waiting_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 16, 28, 16)
        row.setSpacing(28)
        row.addWidget(letter)
        row.addLayout(texts, 1)
        for label in (letter, self.name_label, self.waiting_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def scale_to(self, scale: float) -> None:
        """Sizes in proportion to the screen (the kiosk's 1920x1080 is 1.0)."""
        self.setMinimumHeight(round(170 * scale))
        side = 2 * round(56 * scale)  # twice the disc's radius in the style: a circle, not a square
        self.letter.setFixedSize(side, side)
        margin, gap = round(28 * scale), round(16 * scale)
        self.layout().setContentsMargins(margin, gap, margin, gap)
        self.layout().setSpacing(margin)

    def set_waiting(self, count: int) -> None:
        if count:
            self.waiting_label.setText(
                translate("GroupButton", "Đang chờ: {0} người").format(count)
            )
        else:
            self.waiting_label.setText(translate("GroupButton", "Không phải chờ"))


class KioskWindow(QWidget):
    """The kiosk; ``ticket_taken`` carries the id of each ticket given out."""

    ticket_taken = Signal(int)

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        printer_uri: str | None = None,
        paper: str | None = None,
        poll_ms: int = POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._printer_uri = printer_uri
        self._paper = paper
        self._version = -1
        self._portrait = False
        self.last_issued: IssuedTicket | None = None
        self.last_image: Image.Image | None = None
        self.last_print_error = ""
        self.print_job: background.Job | None = None
        self.group_buttons: list[GroupButton] = []
        self.setObjectName("kiosk")
        self.setWindowTitle(translate("KioskWindow", "Lấy số thứ tự"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._scale = 1.0
        self._priority_columns_now = 0  # none placed yet
        self._back_to_size = BackToSize(self)
        self.setStyleSheet(STYLE)

        self.pages = CurrentPageStack(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._result_page())
        self.lookup = KioskLookupPage(db, self._clock, printer_uri, paper)
        self.lookup.closed.connect(self.show_choices)
        self.pages.addWidget(self.lookup)
        self.status = KioskStatusPage(db)
        self.status.closed.connect(self.show_choices)
        self.pages.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        layout.addWidget(self.pages, 1)

        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(self.show_choices)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_SECONDS * 1000)
        self._idle.timeout.connect(self.show_choices)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self._poll.start(poll_ms)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self._show_office()
        self._show_time()
        self.poll()

    # ------------------------------------------------------------ layout

    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("kiosk_header")
        self.parent_label = QLabel()
        self.parent_label.setObjectName("parent_label")
        self.office_label = QLabel()
        self.office_label.setObjectName("office_label")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock_label")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.date_label = QLabel()
        self.date_label.setObjectName("date_label")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        names = QVBoxLayout()
        names.addWidget(self.parent_label)
        names.addWidget(self.office_label)
        times = QVBoxLayout()
        times.addWidget(self.clock_label)
        times.addWidget(self.date_label)
        row = self.header_row = QHBoxLayout(header)
        row.setContentsMargins(40, 18, 40, 18)
        row.addLayout(names, 1)
        row.addLayout(times)
        return header

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.prompt_label = QLabel(
            translate("KioskWindow", "MỜI QUÝ KHÁCH CHẠM VÀO LĨNH VỰC CẦN GIẢI QUYẾT")
        )
        self.prompt_label.setObjectName("prompt_label")
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(28)
        self.empty_label = QLabel(
            translate(
                "KioskWindow", "Hiện chưa có nhóm dịch vụ nào nhận số. Xin liên hệ cán bộ tại quầy."
            )
        )
        self.empty_label.setObjectName("prompt_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 30, 48, 30)
        layout.setSpacing(26)
        layout.addWidget(self.prompt_label)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self._priority_box())
        layout.addLayout(self._lookup_buttons())
        return page

    def _lookup_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(28)
        for page, title, text in (
            (
                LOOKUP,
                translate("KioskWindow", "TRA CỨU THỦ TỤC"),
                translate("KioskWindow", "Giấy tờ cần chuẩn bị, phí, thời hạn"),
            ),
            (
                STATUS,
                translate("KioskWindow", "TRA CỨU HỒ SƠ ĐÃ NỘP"),
                translate("KioskWindow", "Quét mã QR trên giấy hẹn"),
            ),
        ):
            button = TouchCard("lookup", [(title, "lookup_title"), (text, "lookup_text")])
            button.clicked.connect(lambda _=False, p=page: self.open_page(p))
            row.addWidget(button)
        self.lookup_button, self.status_button = (row.itemAt(i).widget() for i in (0, 1))
        return row

    def _priority_box(self) -> QWidget:
        box = QWidget()
        prompt = QLabel(
            translate(
                "KioskWindow",
                "Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, "
                "thương binh và người có công được ưu tiên: chạm vào ô phù hợp trước khi chọn "
                "lĩnh vực.",
            )
        )
        prompt.setObjectName("priority_prompt")
        prompt.setWordWrap(True)
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority_buttons: dict[PriorityReason, QPushButton] = {}
        self._priority_group = QButtonGroup(self)
        self._priority_group.setExclusive(False)
        self.priority_grid = QGridLayout()
        self.priority_grid.setSpacing(18)
        for reason, label in PRIORITY_LABELS.items():
            button = QPushButton(translated(label))
            button.setProperty("role", "priority")
            button.setObjectName(f"priority_{reason.value}")
            button.setCheckable(True)
            button.setMinimumHeight(84)
            button.toggled.connect(lambda on, r=reason: self._priority_toggled(r, on))
            self._priority_group.addButton(button)
            self.priority_buttons[reason] = button
        _place(self.priority_grid, list(self.priority_buttons.values()), len(PRIORITY_LABELS))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(prompt)
        layout.addLayout(self.priority_grid)
        return box

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_title = QLabel(translate("KioskWindow", "SỐ THỨ TỰ CỦA QUÝ KHÁCH"))
        self.result_code = QLabel()
        self.result_group = QLabel()
        self.result_priority = QLabel()
        self.result_ahead = QLabel()
        self.result_note = QLabel()
        self.result_note.setWordWrap(True)
        self.result_progress = ProgressNote()
        for name in ("title", "code", "group", "priority", "ahead", "note"):
            label = getattr(self, f"result_{name}")
            label.setObjectName(f"result_{name}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = QPushButton(translate("KioskWindow", "Xong"))
        self.done_button.setObjectName("done_button")
        self.done_button.clicked.connect(self.show_choices)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 30, 60, 40)
        layout.addStretch(1)
        for label in (self.result_title, self.result_code, self.result_group):
            layout.addWidget(label)
        layout.addWidget(self.result_priority)
        layout.addSpacing(20)
        layout.addWidget(self.result_ahead)
        layout.addWidget(self.result_note)
        progress = QHBoxLayout()  # the middle half of the screen, whatever its size
        progress.addStretch(1)
        progress.addWidget(self.result_progress, 2)
        progress.addStretch(1)
        layout.addLayout(progress)
        layout.addStretch(1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _group_columns(self) -> int:
        return 2 if self._portrait or len(self.group_buttons) <= 4 else COLUMNS

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        """Arrange for the size about to be shown, before the layout fixes a minimum size."""
        if visible:
            full = self.windowState() & Qt.WindowState.WindowFullScreen
            size = self.screen().size() if full and self.screen() is not None else self.size()
            self._back_to_size.shown_at(size)
            self._arrange(size.width(), size.height())
        super().setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange(event.size().width(), event.size().height())
        self._back_to_size.check()

    def _arrange(self, width: int, height: int) -> None:
        """A portrait screen gets the groups and the priorities in two columns; a screen
        smaller than 1920x1080 gets the kiosk's texts and spaces in proportion, and
        smaller still while the page does not fit (many groups, longer words in English);
        the priorities take as many columns as their words leave room for."""
        self._set_scale(max(0.5, min(1.0, round(min(width / 1920, height / 1080) * 20) / 20)))
        portrait = height > width
        if portrait != self._portrait:
            self._portrait = portrait
            _place(self.grid, self.group_buttons, self._group_columns())
        self._place_priorities(width)
        while self._scale > 0.3:
            least = least_size(self)
            if least.height() <= height * 0.9 and least.width() <= width:
                break
            self._set_scale(round(self._scale - 0.05, 2))
            self._place_priorities(width)

    def _priority_columns(self, width: int) -> int:
        """All the priorities in one row if their words fit across ``width``, else three
        to a row, else two (always two on a portrait screen)."""
        buttons = list(self.priority_buttons.values())
        if self._portrait:
            return 2
        margins = self.pages.widget(CHOOSE).layout().contentsMargins()
        room = width - margins.left() - margins.right()
        spacing = self.priority_grid.spacing()
        for columns in (len(buttons), 3):
            widest = [
                max(b.sizeHint().width() for b in buttons[c::columns]) for c in range(columns)
            ]
            if sum(widest) + spacing * (columns - 1) <= room:
                return columns
        return 2

    def _place_priorities(self, width: int) -> None:
        columns = self._priority_columns(width)
        if columns == self._priority_columns_now:
            return
        self._priority_columns_now = columns
        _place(self.priority_grid, list(self.priority_buttons.values()), columns)
        # now, not at the next turn of the event loop: the window's minimum size
        # is taken from these when it is shown
        self.priority_grid.parentWidget().layout().activate()
        self.pages.widget(CHOOSE).layout().activate()
        self.pages.updateGeometry()

    def _set_scale(self, scale: float) -> None:
        """Texts, buttons and the spaces between them in proportion to ``scale``."""
        if scale == self._scale:
            return
        self._scale = scale
        self.setStyleSheet(scaled_style(STYLE, scale))
        for button in self.group_buttons:
            button.scale_to(scale)
        for button in self.priority_buttons.values():
            button.setMinimumHeight(round(84 * scale))
        page = self.pages.widget(CHOOSE).layout()
        page.setContentsMargins(*(round(n * scale) for n in (48, 30, 48, 30)))
        page.setSpacing(round(26 * scale))
        self.grid.setSpacing(round(28 * scale))
        self.priority_grid.setSpacing(round(18 * scale))
        self.header_row.setContentsMargins(*(round(n * scale) for n in (40, 18, 40, 18)))

    # ------------------------------------------------------------ behaviour

    def _priority_toggled(self, reason: PriorityReason, on: bool) -> None:
        """One reason at most; touching the chosen one again clears it."""
        if not on:
            return
        for other, button in self.priority_buttons.items():
            if other is not reason and button.isChecked():
                button.setChecked(False)

    def chosen_priority(self) -> PriorityReason | None:
        return next((r for r, b in self.priority_buttons.items() if b.isChecked()), None)

    def _show_office(self) -> None:
        current = office.get_office(self._db)
        self.parent_label.setText(current.parent.upper())
        self.office_label.setText(current.name.upper())

    def _show_time(self) -> None:
        now = self._clock.now()
        self.clock_label.setText(f"{now:%H:%M}")
        self.date_label.setText(weekday_and_date_label(now))

    def poll(self) -> None:
        """Re-read the groups and counts when the queue changed anywhere."""
        version = changes.version(self._db, changes.QUEUE)
        if version == self._version:
            return
        self._version = version
        self._rebuild()

    def _rebuild(self) -> None:
        counts = queue.waiting_counts(self._db, self._clock.now().date())
        groups = [c.group for c in counts]
        if [b.group for b in self.group_buttons] != groups:
            for button in self.group_buttons:
                self.grid.removeWidget(button)
                button.deleteLater()
            self.group_buttons = []
            for group in groups:
                button = GroupButton(group)
                button.setEnabled(not self.printing())
                button.scale_to(self._scale)
                button.clicked.connect(lambda _=False, g=group.id: self.take(g))
                self.group_buttons.append(button)
            _place(self.grid, self.group_buttons, self._group_columns())
        for button, count in zip(self.group_buttons, counts):
            button.set_waiting(count.waiting)
        self.empty_label.setVisible(not groups)

    def take(self, group_id: int) -> IssuedTicket | None:
        """Give a ticket in the group, show its number, print it in the background."""
        priority = self.chosen_priority()
        try:
            with busy_cursor():
                issued = queue.take_ticket(self._db, group_id, priority, self._clock)
        except UserError as exc:
            log.warning("kiosk: no ticket: %s", exc.message)
            self._show_problem(exc.message)
            return None
        self.last_issued = issued
        self.last_print_error = ""
        self.last_image = None
        self._print(issued)
        self._show_result(issued)
        self.ticket_taken.emit(issued.ticket.id)
        return issued

    def printing(self) -> bool:
        """A ticket is on its way to the printer."""
        return self.print_job is not None and self.print_job.running

    def _print(self, issued: IssuedTicket) -> None:
        db, uri, paper = self._db, self._printer_uri, self._paper
        self.print_job = background.run_in_background(
            self,
            lambda: queue.print_ticket(db, issued, uri, paper),
            lambda image: self._printed_ticket(issued, image, ""),
            lambda message: self._printed_ticket(issued, None, message),
            translate("KioskWindow", "Đang in phiếu, xin chờ trong giây lát..."),
            buttons=self.group_buttons,
            note=self.result_progress,
        )

    def _printed_ticket(self, issued: IssuedTicket, image: Image.Image | None, error: str) -> None:
        """The printer took the ticket or refused it: the note says which (for the
        ticket still shown), and the number stays on screen a few seconds more."""
        for button in self.group_buttons:  # those made while it printed too
            button.setEnabled(not self.printing())
        if error:
            log.error("kiosk: ticket %s not printed: %s", issued.ticket.code, error)
        if self.last_issued is not issued:
            return
        self.last_image, self.last_print_error = image, error
        self._show_note()
        if self.pages.currentIndex() == RESULT:
            self._back.start(RESULT_SECONDS * 1000)

    def _printed(self) -> bool:
        uri = self._printer_uri or queue_setup.kiosk_printer(self._db)[0]
        return uri.strip().lower() != "none" and not self.last_print_error

    def _show_result(self, issued: IssuedTicket) -> None:
        ticket = issued.ticket
        self.result_code.setText(ticket.code)
        self.result_group.setText(ticket.group_name)
        self.result_priority.setVisible(ticket.priority is not None)
        if ticket.priority is not None:
            self.result_priority.setText(
                translate("KioskWindow", "Ưu tiên: {0}").format(
                    translated(PRIORITY_LABELS[ticket.priority])
                )
            )
        if issued.ahead:
            self.result_ahead.setText(
                translate("KioskWindow", "Số người đang chờ trước quý khách: {0}").format(
                    issued.ahead
                )
            )
        else:
            self.result_ahead.setText(
                translate("KioskWindow", "Không có ai đang chờ trước quý khách.")
            )
        self._show_note()
        self.pages.setCurrentIndex(RESULT)
        if not self.printing():  # else once it printed
            self._back.start(RESULT_SECONDS * 1000)

    def _show_note(self) -> None:
        """What to do with the ticket: nothing yet while it prints."""
        if self.printing():
            note = ""
        elif self.last_print_error:
            note = translate(
                "KioskWindow",
                "Máy in phiếu đang gặp sự cố: xin quý khách ghi nhớ số trên màn hình "
                "và báo cán bộ tại quầy.",
            )
        elif self._printed():
            note = translate("KioskWindow", "Xin mời nhận phiếu ở khe máy in và chờ đến lượt.")
        else:
            note = translate(
                "KioskWindow", "Xin quý khách ghi nhớ số này và chờ đến khi số được gọi."
            )
        self.result_note.setText(note)
        self.result_note.setProperty("problem", bool(self.last_print_error))
        self.result_note.style().polish(self.result_note)

    def _show_problem(self, message: str) -> None:
        self.result_code.setText("")
        self.result_group.setText("")
        self.result_priority.hide()
        self.result_ahead.setText("")
        self.result_note.setText(message)
        self.result_note.setProperty("problem", True)
        self.result_note.style().polish(self.result_note)
        self.pages.setCurrentIndex(RESULT)
        self._back.start(RESULT_SECONDS * 1000)

    def show_choices(self) -> None:
        """Back to the groups, with no priority chosen, for the next citizen."""
        self._back.stop()
        self._watch_touches(False)
        for button in self.priority_buttons.values():
            button.setChecked(False)
        self.lookup.reset()
        self.status.reset()
        self.pages.setCurrentIndex(CHOOSE)
        self.poll()

    # ------------------------------------------------------------ look-ups

    def open_page(self, page: int) -> None:
        """The procedures (``LOOKUP``) or a dossier's status (``STATUS``), fresh."""
        self._back.stop()
        (self.lookup if page == LOOKUP else self.status).reset()
        self.pages.setCurrentIndex(page)
        self._watch_touches(True)

    def _watch_touches(self, on: bool) -> None:
        """While a look-up is open, any touch or key restarts the idle countdown."""
        app = QApplication.instance()
        if on:
            app.installEventFilter(self)
            self._idle.start()
        else:
            app.removeEventFilter(self)
            self._idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _TOUCHES:
            self._idle.start()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """A receipt scanned on the start screen: the reader's first key opens the status."""
        text = event.text().strip()
        if self.pages.currentIndex() in (CHOOSE, RESULT) and text and text.isprintable():
            self.open_page(STATUS)
            self.status.scan_edit.setFocus()
            self.status.scan_edit.insert(event.text())
            return
        super().keyPressEvent(event)
