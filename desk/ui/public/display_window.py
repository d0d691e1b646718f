"""The waiting-room display (màn hình gọi số): a full-screen window for a TV.

Readable from across the room: the number just called and its counter, very
large, on a highlighted card that blinks for a few seconds; the previous calls
under it; how many wait in each group; the office's name and a clock; a line
of notices scrolling at the bottom. Each new call (or recall) is spoken, "Mời
số A012 đến quầy 3", unless the sound is off.

Counters are other PCs: the display polls the queue's change counter (one
primary-key read) every half second and reloads only when it moved, so a call
shows within a second and an idle display costs the database nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Office
from desk.domain.vn_dates import weekday_and_date_label
from desk.services import changes, office, queue, queue_setup
from desk.services.announcer import Announcer
from desk.services.queue import Call, GroupWaiting
from desk.storage.database import Database
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import BackToSize, least_size
from desk.ui.widgets.server_poll import ServerPoll

log = logging.getLogger(__name__)

POLL_MS = 500  # a call from any counter shows within a second
BLINK_MS = 450
BLINKS = 10  # about four and a half seconds of blinking, then it stays highlighted
RECENT = 4  # previous calls listed under the current one, two by two
MARQUEE_MS = 30
GROUPS_AT_FULL_SIZE = 6

NAVY, PANEL, GOLD, INK = "#0a1f3a", "#13355e", "#ffc400", "#10151c"


def _style(k: float, groups: int = GROUPS_AT_FULL_SIZE) -> str:
    """The stylesheet for a screen ``k`` times the size of 1920x1080.

    More than ``GROUPS_AT_FULL_SIZE`` groups make the waiting list's rows smaller
    so that all of them fit on the screen.
    """

    def px(value: float) -> str:
        return f"{max(8, round(value * k))}px"

    g = k * min(1.0, GROUPS_AT_FULL_SIZE / max(1, groups))

    def gx(value: float) -> str:
        return f"{max(8, round(value * g))}px"

    return f"""
QWidget#display {{ background: {NAVY}; }}
QLabel {{ color: white; }}
QLabel#parent_label {{ color: #b9cde6; font-size: {px(26)}; }}
QLabel#office_label {{ font-size: {px(46)}; font-weight: bold; }}
QLabel#clock_label {{ font-size: {px(54)}; font-weight: bold; }}
QLabel#date_label {{ color: #b9cde6; font-size: {px(24)}; }}
QLabel[role="heading"] {{ color: #b9cde6; font-size: {px(34)}; font-weight: bold; }}
QFrame#call_card {{ background: {PANEL}; border-radius: {px(28)}; }}
QFrame#call_card[lit="true"] {{ background: {GOLD}; }}
QFrame#call_card QLabel {{ color: white; }}
QFrame#call_card[lit="true"] QLabel {{ color: {INK}; }}
QLabel#invite_label {{ font-size: {px(46)}; font-weight: bold; }}
QLabel#code_label {{ font-size: {px(210)}; font-weight: bold; }}
QLabel#counter_label {{ font-size: {px(86)}; font-weight: bold; }}
QFrame[role="recent"] {{ background: {PANEL}; border-radius: {px(14)}; }}
QFrame[role="recent"][empty="true"] {{ background: transparent; }}
QLabel[role="recent_code"] {{ font-size: {px(58)}; font-weight: bold; }}
QLabel[role="recent_counter"] {{ color: {GOLD}; font-size: {px(48)}; font-weight: bold; }}
QFrame[role="group"] {{ background: {PANEL}; border-radius: {gx(14)}; }}
QLabel[role="letter"] {{
    background: {GOLD}; color: {INK};
    font-size: {gx(50)}; font-weight: bold;
}}
QLabel[role="group_name"] {{ font-size: {gx(36)}; font-weight: bold; }}
QLabel[role="group_count"] {{ color: {GOLD}; font-size: {gx(60)}; font-weight: bold; }}

"""


class Marquee(QWidget):
    """A line of text scrolling right to left, repeating, for the notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._step)
        self._timer.start(MARQUEE_MS)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._offset = float(self.width())
            self.update()

    def _step(self) -> None:
        if not self._text:
            return
        self._offset -= max(1.0, self.height() / 28)
        width = self.fontMetrics().horizontalAdvance(self._text)
        if self._offset < -width:
            self._offset = float(self.width())
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(event)
        font = QFont(self.font())
        font.setPixelSize(max(10, round(self.height() * 0.5)))
        font.setBold(True)
        self.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(GOLD))
        painter.setPen(QColor(INK))
        painter.setFont(self.font())
        painter.drawText(
            QRectF(self._offset, 0, self.width() * 20, self.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self._text,
        )
        painter.end()


@dataclass(frozen=True)
class Board:
    """What the display shows, as one read gave it (off the window's thread): the office,
    whether the calls are spoken, the calls to speak since the last one shown (none at the
    first read: the room is not told the morning's calls again), the newest calls, the
    waiting counts and the scrolling notices."""

    office: Office
    sound: bool
    new: list[Call]
    last_event: int
    calls: list[Call]
    counts: list[GroupWaiting]
    notices: str


def read_board(db: Database, today: date, since: int | None) -> Board:
    """The display's ``Board`` of ``today``, with the calls made after event ``since``
    (``None``: the first read, which only notes the last event)."""
    if since is None:
        last, new = queue.last_event_id(db), []
    else:
        new = queue.announcements_since(db, today, since)
        last = max([since, *(call.event_id for call in new)])
    return Board(
        office.get_office(db),
        queue_setup.sound_enabled(db),
        new,
        last,
        queue.last_calls(db, today, RECENT + 1),
        queue.waiting_counts(db, today),
        queue_setup.get_notices(db),
    )


class DisplayWindow(QWidget):
    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        announcer: Announcer | None = None,
        sound: bool = True,
        poll_ms: int = POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._own_announcer = announcer is None
        self.announcer = announcer or Announcer(enabled=sound)
        self._sound_wanted = sound
        self._version = -1
        self._day: date | None = None
        #: The last call shown (``None`` before the first read).
        self._last_event: int | None = None
        self._blinks_left = 0
        self._scale = 0.0
        self._styled_groups = GROUPS_AT_FULL_SIZE
        self.calls: list[Call] = []
        self.counts: list[GroupWaiting] = []
        self.setObjectName("display")
        self.setWindowTitle(translate("DisplayWindow", "Màn hình gọi số"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.marquee = Marquee()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        body = QHBoxLayout()
        body.setContentsMargins(36, 24, 36, 24)
        body.setSpacing(36)
        body.addLayout(self._calls_column(), 3)
        body.addLayout(self._waiting_column(), 2)
        layout.addLayout(body, 1)
        layout.addWidget(self.marquee)

        self._blink = QTimer(self)
        self._blink.timeout.connect(self._blink_step)
        #: Its reads of the database, which may fail for a while (a server restarting).
        self.server = ServerPoll(
            "waiting-room display", self, db, changes.QUEUE, self._version_read
        )
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self._poll.start(poll_ms)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self._back_to_size = BackToSize(self)
        self._apply_scale(1.0)
        self._show_time()
        self._show_calls()  # the greeting, until a call is read
        self.server.poll()  # the office, the calls and the counts show once read

    # ------------------------------------------------------------ layout

    def _header(self) -> QWidget:
        header = QWidget()
        self.parent_label = QLabel()
        self.parent_label.setObjectName("parent_label")
        self.office_label = QLabel()
        self.office_label.setObjectName("office_label")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock_label")
        self.date_label = QLabel()
        self.date_label.setObjectName("date_label")
        names = QVBoxLayout()
        names.addWidget(self.parent_label)
        names.addWidget(self.office_label)
        times = QVBoxLayout()
        for label in (self.clock_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            times.addWidget(label)
        row = QHBoxLayout(header)
        row.setContentsMargins(40, 16, 40, 8)
        row.addLayout(names, 1)
        row.addLayout(times)
        return header

    def _calls_column(self) -> QVBoxLayout:
        self.card = QFrame()
        self.card.setObjectName("call_card")
        self.invite_label = QLabel(translate("DisplayWindow", "MỜI SỐ"))
        self.invite_label.setObjectName("invite_label")
        self.code_label = QLabel()
        self.code_label.setObjectName("code_label")
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counter_label")
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(24, 18, 24, 24)
        inner.setSpacing(0)
        for label in (self.invite_label, self.code_label, self.counter_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        self.invite_label.setWordWrap(True)  # a long counter name or language: two lines
        self.counter_label.setWordWrap(True)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        heading = QLabel(translate("DisplayWindow", "CÁC SỐ VỪA GỌI"))
        heading.setProperty("role", "heading")
        self.recent_grid = QGridLayout()
        self.recent_grid.setSpacing(16)
        self.recent_rows: list[tuple[QFrame, QLabel, QLabel]] = []
        for i in range(RECENT):
            frame = QFrame()
            frame.setProperty("role", "recent")
            code, counter = QLabel(), QLabel()
            code.setProperty("role", "recent_code")
            counter.setProperty("role", "recent_counter")
            counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = QHBoxLayout(frame)
            row.setContentsMargins(28, 6, 28, 6)
            row.addWidget(code)
            row.addWidget(counter, 1)
            self.recent_grid.addWidget(frame, i // 2, i % 2)
            self.recent_rows.append((frame, code, counter))
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(self.card, 1)
        column.addWidget(heading)
        column.addLayout(self.recent_grid)
        return column

    def _waiting_column(self) -> QVBoxLayout:
        heading = QLabel(translate("DisplayWindow", "SỐ NGƯỜI ĐANG CHỜ"))
        heading.setProperty("role", "heading")
        self.groups_box = QVBoxLayout()
        self.groups_box.setSpacing(14)
        self.group_rows: list[tuple[QFrame, QLabel, QLabel, QLabel]] = []
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addWidget(heading)
        column.addLayout(self.groups_box)
        column.addStretch(1)
        return column

    def _group_row(self) -> tuple[QFrame, QLabel, QLabel, QLabel]:
        frame = QFrame()
        frame.setProperty("role", "group")
        letter, name, count = QLabel(), QLabel(), QLabel()
        letter.setProperty("role", "letter")
        letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setProperty("role", "group_name")
        name.setWordWrap(True)
        count.setProperty("role", "group_count")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(frame)
        row.setContentsMargins(20, 10, 26, 10)
        row.setSpacing(22)
        row.addWidget(letter)
        row.addWidget(name, 1)
        row.addWidget(count)
        self.groups_box.addWidget(frame)
        return frame, letter, name, count

    # ------------------------------------------------------------ behaviour

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(event)
        self._fit(self.size())
        self._back_to_size.check()

    def _fit(self, size: QSize) -> None:
        """The largest scale whose texts fit ``size`` (tall calls may need less than the
        ratio of the screen to 1920x1080 on a 4:3 or 5:4 screen)."""
        k = min(size.width() / 1920, size.height() / 1080)
        self._apply_scale(k)
        while k > 0.3 and (layout := self.layout()) is not None:
            least = least_size(self)
            height = least.height()
            if layout.hasHeightForWidth():  # a greeting wrapped on two lines is taller
                height = max(height, layout.totalMinimumHeightForWidth(size.width()))
            if height <= size.height() * 0.94 and least.width() <= size.width():
                break
            k *= 0.92
            self._apply_scale(k)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        """Scale for the size about to be shown, before the layout fixes a minimum size
        (a screen smaller than 1920x1080 would otherwise get the full-size texts)."""
        if visible and self.isWindow():
            full = self.windowState() & Qt.WindowState.WindowFullScreen
            size = self.screen().size() if full and self.screen() is not None else self.size()
            self._back_to_size.shown_at(size)
            self._fit(size)
        super().setVisible(visible)

    def _apply_scale(self, k: float, groups: int | None = None) -> None:
        k = max(0.3, k)
        groups = groups if groups is not None else self._styled_groups
        if abs(k - self._scale) < 0.01 and groups == self._styled_groups:
            return
        self._scale, self._styled_groups = k, groups
        self.setStyleSheet(_style(k, groups))
        self.marquee.setFixedHeight(max(24, round(72 * k)))
        for _, letter, _, _ in self.group_rows:
            self._size_letter(letter)

    def _size_letter(self, letter: QLabel) -> None:
        side = round(80 * self._scale * min(1.0, GROUPS_AT_FULL_SIZE / max(1, self._styled_groups)))
        letter.setFixedSize(side, side)
        letter.setStyleSheet(f"border-radius: {side // 2}px;")  # a disc at any size

    def _show_time(self) -> None:
        now = self._clock.now()
        self.clock_label.setText(f"{now:%H:%M}")
        self.date_label.setText(weekday_and_date_label(now))

    def reading(self) -> bool:
        """Whether what the screen shows is still being read (off the window's thread)."""
        return self.server.asking()

    def poll(self) -> None:
        """Reload when the queue changed anywhere, or a new day began (a database that
        cannot be read keeps the screen as it is, and is tried again at the next tick)."""
        self.server.poll()

    def _version_read(self, version: int) -> None:
        today = self._clock.now().date()
        if version == self._version and today == self._day:
            return
        self.refresh(version)

    def refresh(self, version: int = -1) -> None:
        """Read the board off the window's thread and show it (``version``: the queue's
        change counter it is read at, recorded once shown)."""
        db, today, since = self._db, self._clock.now().date(), self._last_event
        self.server.load(
            lambda: read_board(db, today, since), lambda board: self._show(version, today, board)
        )

    def _show(self, version: int, today: date, board: Board) -> None:
        self._version, self._day = version, today
        # The texts were scaled to fit before the first read: the office's names and the
        # number of groups change what fits, so they are scaled again when those change.
        shape = (self.parent_label.text(), self.office_label.text(), len(self.counts))
        self.parent_label.setText(board.office.parent.upper())
        self.office_label.setText(board.office.name.upper())
        self.announcer.enabled = self._sound_wanted and board.sound
        new = [c for c in board.new if self._last_event is None or c.event_id > self._last_event]
        for call in new:
            self.announcer.announce(call.code, call.counter_number)
        self._last_event = max(board.last_event, self._last_event or 0)
        self.calls = board.calls
        self.counts = board.counts
        self._show_calls()
        self._show_counts()
        self.marquee.set_text(board.notices)
        if shape != (self.parent_label.text(), self.office_label.text(), len(self.counts)):
            if self.isVisible():
                self._fit(self.size())
        if new:
            self._start_blink()
        elif not self.is_blinking():
            self._set_lit(bool(self.calls))

    def _show_calls(self) -> None:
        if self.calls:
            newest = self.calls[0]
            self.invite_label.setText(translate("DisplayWindow", "MỜI SỐ"))
            self.code_label.setText(newest.code)
            self.counter_label.setText(
                translate("DisplayWindow", "ĐẾN QUẦY {0}").format(newest.counter_number)
            )
        else:
            self.invite_label.setText(translate("DisplayWindow", "XIN KÍNH CHÀO QUÝ KHÁCH"))
            self.code_label.setText("---")
            self.counter_label.setText(translate("DisplayWindow", "Mời lấy số thứ tự"))
        previous = self.calls[1:]
        for i, (frame, code, counter) in enumerate(self.recent_rows):
            if i < len(previous):
                code.setText(previous[i].code)
                counter.setText(
                    translate("DisplayWindow", "Quầy {0}").format(previous[i].counter_number)
                )
            else:
                code.setText("")
                counter.setText("")
            frame.setProperty("empty", i >= len(previous))  # kept, so the layout stays still
            frame.style().unpolish(frame)
            frame.style().polish(frame)

    def _show_counts(self) -> None:
        while len(self.group_rows) < len(self.counts):
            self.group_rows.append(self._group_row())
            self._size_letter(self.group_rows[-1][1])
        self._apply_scale(self._scale, max(GROUPS_AT_FULL_SIZE, len(self.counts)))
        for i, (frame, letter, name, count) in enumerate(self.group_rows):
            frame.setVisible(i < len(self.counts))
            if i < len(self.counts):
                waiting = self.counts[i]
                letter.setText(waiting.group.letter)
                name.setText(waiting.group.name)
                count.setText(str(waiting.waiting))

    def _start_blink(self) -> None:
        self._blinks_left = BLINKS
        self._set_lit(True)
        self._blink.start(BLINK_MS)

    def _blink_step(self) -> None:
        self._blinks_left -= 1
        if self._blinks_left <= 0:
            self._blink.stop()
            self._set_lit(True)  # the newest call stays highlighted
            return
        self._set_lit(not self.is_lit())

    def is_lit(self) -> bool:
        return bool(self.card.property("lit"))

    def is_blinking(self) -> bool:
        return self._blink.isActive()

    def _set_lit(self, lit: bool) -> None:
        self.card.setProperty("lit", lit)
        self.card.style().unpolish(self.card)
        self.card.style().polish(self.card)
        for label in self.card.findChildren(QLabel):
            label.style().unpolish(label)
            label.style().polish(label)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._poll.stop()
        if self._own_announcer:
            self.announcer.close()
        super().closeEvent(event)
