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

from PIL import Image
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Office
from desk.domain.queue import PRIORITY_LABELS
from desk.domain.translation import translated
from desk.domain.vn_dates import weekday_and_date_label
from desk.services import changes, office, queue, queue_setup
from desk.services.queue import GroupWaiting, IssuedTicket
from desk.storage.database import Database
from desk.ui.public.kiosk_look import (
    CHOOSE,
    LOOKUP,
    RESULT,
    STATUS,
    STYLE,
    GroupButton,
    place,
    scaled_style,
)
from desk.ui.public.kiosk_lookup import KioskLookupPage
from desk.ui.public.kiosk_priorities import KioskPriorities
from desk.ui.public.kiosk_status import KioskStatusPage
from desk.ui.public.kiosk_touch import TouchCard
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import BackToSize, CurrentPageStack, least_size
from desk.ui.widgets.server_poll import ServerPoll

log = logging.getLogger(__name__)

POLL_MS = 2000
RESULT_SECONDS = 8
IDLE_SECONDS = 120
COLUMNS = 3
_TOUCHES = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin)


class KioskWindow(KioskPriorities, QWidget):
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
        self._taking = False
        self._portrait = False
        self.last_issued: IssuedTicket | None = None
        self.last_image: Image.Image | None = None
        self.last_print_error = ""
        self._on_paper = False  # the last ticket went to a printer (not ``none``)
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
        #: Its reads of the database, which may fail for a while (a server restarting).
        self.server = ServerPoll("kiosk", self, db, changes.QUEUE, self._version_read)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self._poll.start(poll_ms)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self._show_time()
        self.server.poll()  # the office and its groups show once read

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
            place(self.grid, self.group_buttons, self._group_columns())
        self._place_priorities(width)
        if self.pages.currentIndex() in (LOOKUP, STATUS):
            return  # the look-ups keep their own sizes: smaller kiosk texts would not help them
        while self._scale > 0.3:
            least = least_size(self)
            if least.height() <= height * 0.9 and least.width() <= width:
                break
            self._set_scale(round(self._scale - 0.05, 2))
            self._place_priorities(width)

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

    def _show_office(self, current: Office) -> None:
        self.parent_label.setText(current.parent.upper())
        self.office_label.setText(current.name.upper())

    def _show_time(self) -> None:
        now = self._clock.now()
        self.clock_label.setText(f"{now:%H:%M}")
        self.date_label.setText(weekday_and_date_label(now))

    def reading(self) -> bool:
        """Whether what the screen shows is still being read (off the window's thread)."""
        return self.server.asking() or self.lookup.reading() or self.status.reading()

    def poll(self) -> None:
        """Re-read the groups and counts when the queue changed anywhere (a database that
        cannot be read keeps the screen as it is, and is tried again at the next tick)."""
        self.server.poll()

    def _version_read(self, version: int) -> None:
        if version == self._version:
            return
        db, today = self._db, self._clock.now().date()
        self.server.load(
            lambda: (office.get_office(db), queue.waiting_counts(db, today)),
            lambda read: self._rebuild(version, *read),
        )

    def _rebuild(self, version: int, current: Office, counts: list[GroupWaiting]) -> None:
        self._version = version
        self._show_office(current)
        groups = [c.group for c in counts]
        if [b.group for b in self.group_buttons] != groups:
            for button in self.group_buttons:
                self.grid.removeWidget(button)
                button.deleteLater()
            self.group_buttons = []
            for group in groups:
                button = GroupButton(group)
                button.setEnabled(not self.printing() and not self._taking)
                button.scale_to(self._scale)
                button.clicked.connect(lambda _=False, g=group.id: self.take(g))
                self.group_buttons.append(button)
            place(self.grid, self.group_buttons, self._group_columns())
        for button, count in zip(self.group_buttons, counts):
            button.set_waiting(count.waiting)
        self.empty_label.setVisible(not groups)

    def take(self, group_id: int) -> None:
        """Give a ticket in the group, show its number, print it in the background
        (``last_issued`` then says which). The ticket is taken off the window's thread:
        a server that holds the queue locked makes it wait, and the screen keeps
        answering meanwhile; a second touch gives no second ticket."""
        if self._taking:
            return
        db, priority, clock = self._db, self.chosen_priority(), self._clock
        self._taking = True
        for button in self.group_buttons:
            button.setEnabled(False)
        background.run(  # a server away comes back as its message
            self,
            lambda: queue.take_ticket(db, group_id, priority, clock),
            self._taken,
            pool=background.device_pool(),
        )

    def taking(self) -> bool:
        """A ticket is being taken (the database has not answered yet)."""
        return self._taking

    def _taken(self, issued: IssuedTicket | None, error: str | None) -> None:
        self._taking = False
        for button in self.group_buttons:
            button.setEnabled(not self.printing())
        if error is not None or issued is None:
            log.warning("kiosk: no ticket: %s", error)
            self._show_problem(error or "")
            return
        self.last_issued = issued
        self.last_print_error = ""
        self.last_image = None
        self._print(issued)
        self._show_result(issued)
        self.ticket_taken.emit(issued.ticket.id)

    def printing(self) -> bool:
        """A ticket is on its way to the printer."""
        return self.print_job is not None and self.print_job.running

    def _print(self, issued: IssuedTicket) -> None:
        db, uri, paper = self._db, self._printer_uri, self._paper

        def work() -> tuple[Image.Image, bool]:
            """The ticket's image, and whether a printer took it (``none``: shown only)."""
            image = queue.print_ticket(db, issued, uri, paper)
            return image, queue_setup.kiosk_prints(db, uri)

        self.print_job = background.run_in_background(
            self,
            work,
            lambda done: self._printed_ticket(issued, *done, ""),
            lambda message: self._printed_ticket(issued, None, False, message),
            translate("KioskWindow", "Đang in phiếu, xin chờ trong giây lát..."),
            buttons=self.group_buttons,
            note=self.result_progress,
        )

    def _printed_ticket(
        self, issued: IssuedTicket, image: Image.Image | None, on_paper: bool, error: str
    ) -> None:
        """The printer took the ticket or refused it: the note says which (for the
        ticket still shown), and the number stays on screen a few seconds more."""
        for button in self.group_buttons:  # those made while it printed too
            button.setEnabled(not self.printing() and not self._taking)
        if error:
            log.error("kiosk: ticket %s not printed: %s", issued.ticket.code, error)
        if self.last_issued is not issued:
            return
        self.last_image, self.last_print_error = image, error
        self._on_paper = on_paper
        self._show_note()
        if self.pages.currentIndex() == RESULT:
            self._back.start(RESULT_SECONDS * 1000)

    def _printed(self) -> bool:
        return self._on_paper and not self.last_print_error

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
        if self.isVisible():  # resized during a look-up: fit the groups to the size now
            self._arrange(self.width(), self.height())
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
