"""The rating window (đánh giá mức độ hài lòng): a screen or tablet facing the citizen.

When the clerk finishes a ticket or hands a result over, a rating request is
written (``ratings.request_rating``); this window, one per counter, polls the
ratings' change counter and shows the four levels of the national index with a
face each, big enough for any finger. After a level, the citizen may tick what
it is about and add a comment, or just send. Nobody is made to wait: left
untouched, the levels go away (nothing is rated) and the details are sent as
they are (the level counts).

The window shows only the clerk's name and the counter (who is being rated);
nothing about the citizen or the dossier.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.rating import (
    LEVEL_LABELS,
    REASON_LABELS,
    SATISFIED_LEVELS,
    RatingLevel,
    RatingReason,
)
from desk.domain.translation import translated
from desk.services import office, ratings
from desk.services.ratings import RatingRequest
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import CurrentPageStack
from desk.ui.widgets.server_poll import ServerPoll

log = logging.getLogger(__name__)
CONTEXT = "RatingWindow"
POLL_MS = 1000
LEVEL_SECONDS = 90  # the levels stay this long untouched, then go (nothing rated)
DETAIL_SECONDS = 45  # the details stay this long untouched, then are sent as they are
THANKS_SECONDS = 6
IDLE, LEVELS, DETAILS, THANKS = range(4)

LEVEL_COLOURS = {
    RatingLevel.VERY_SATISFIED: "#2e7d32",
    RatingLevel.SATISFIED: "#7cb342",
    RatingLevel.NEUTRAL: "#f9a825",
    RatingLevel.UNSATISFIED: "#e53935",
}
#: The mouth: how far its middle sits below (+) or above (-) its ends, as a share of the face.
SMILES = {
    RatingLevel.VERY_SATISFIED: 0.22,
    RatingLevel.SATISFIED: 0.12,
    RatingLevel.NEUTRAL: 0.0,
    RatingLevel.UNSATISFIED: -0.14,
}

STYLE = """
QWidget#rating_window { background: #f4f7fb; }
QFrame#rating_header { background: #0b4a85; }
QLabel#rating_office { color: white; font-size: 28px; font-weight: bold; }
QLabel#rating_counter { color: #ffd54f; font-size: 30px; font-weight: bold; }
QLabel[role="big"] { color: #0b4a85; font-size: 46px; font-weight: bold; }
QLabel[role="text"] { color: #13263a; font-size: 28px; }
QLabel[role="who"] { color: #4a5b6c; font-size: 26px; }
QPushButton[role="level"] { background: white; border: 3px solid #c9d6e3; border-radius: 28px; }
QPushButton[role="level"]:pressed { background: #e3ecf5; }
QLabel[role="level_name"] { color: #13263a; font-size: 32px; font-weight: bold; }
QPushButton[role="reason"] {
    background: white; color: #13263a; border: 3px solid #9fb3c8; border-radius: 18px;
    font-size: 26px; font-weight: bold; padding: 14px 10px; min-height: 48px;
}
QPushButton[role="reason"]:checked { background: #0b4a85; color: white; border-color: #0b4a85; }
QLineEdit#comment_edit {
    background: white; border: 3px solid #9fb3c8; border-radius: 16px;
    font-size: 28px; padding: 12px 16px;
}
QPushButton#send_button {
    background: #0b4a85; color: white; border-radius: 20px;
    font-size: 34px; font-weight: bold; padding: 18px 60px;
}
QPushButton[role="quiet"] {
    background: transparent; color: #4a5b6c; border: 2px solid #9fb3c8; border-radius: 16px;
    font-size: 24px; padding: 12px 30px;
}
"""


def face_pixmap(level: RatingLevel, size: int) -> QPixmap:
    """A round face in the level's colour: the smile says the level without reading."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(LEVEL_COLOURS[level]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    painter.setBrush(QColor("white"))
    eye = size * 0.09
    for x in (0.34, 0.66):
        painter.drawEllipse(QPointF(size * x, size * 0.38), eye, eye * 1.15)
    pen = QPen(QColor("white"), size * 0.07)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, right, y = size * 0.3, size * 0.7, size * 0.66
    mouth = QPainterPath(QPointF(left, y))
    mouth.quadTo(QPointF(size / 2, y + 2 * SMILES[level] * size), QPointF(right, y))
    painter.drawPath(mouth)
    painter.end()
    return pixmap


class LevelButton(QPushButton):
    """One level: its face and its name, side by side or one above the other."""

    def __init__(self, level: RatingLevel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setProperty("role", "level")
        self.setObjectName(f"level_{level.value}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.face = QLabel()
        self.face.setPixmap(face_pixmap(level, 150))
        self.face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(translated(LEVEL_LABELS[level]))
        self.name.setProperty("role", "level_name")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.face, self.name):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(20, 20, 20, 20)
        self.box.setSpacing(24)
        self.box.addStretch(1)
        self.box.addWidget(self.face)
        self.box.addWidget(self.name)
        self.box.addStretch(1)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: face left of the name, the four buttons one under the other."""
        self.box.setDirection(
            QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        )
        align = Qt.AlignmentFlag.AlignLeft if portrait else Qt.AlignmentFlag.AlignHCenter
        self.name.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.name.setMinimumWidth(360 if portrait else 0)  # the names line up, faces too


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class RatingWindow(QWidget):
    """The citizen's rating screen for one counter (``counter_number``), or for any."""

    rated = Signal(int)

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        counter_number: int | None = None,
        poll_ms: int = POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self.counter_number = counter_number
        self._version = -1
        self._portrait: bool | None = None
        self.request: RatingRequest | None = None
        #: Requests rated or skipped here (their saving may still be on its way).
        self._answered: set[int] = set()
        self.level: RatingLevel | None = None
        self.setObjectName("rating_window")
        self.setWindowTitle(translate("RatingWindow", "Đánh giá mức độ hài lòng"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.pages = CurrentPageStack(self)
        for page in (self._idle_page(), self._levels_page(), self._details_page()):
            self.pages.addWidget(page)
        self.pages.addWidget(self._thanks_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header())
        layout.addWidget(self.pages, 1)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._timed_out)
        #: Its reads of the database, which may fail for a while (a server restarting).
        self.server = ServerPoll("rating window", self, db, ratings.RATINGS, self._version_read)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self._poll.start(poll_ms)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self.server.poll()  # the office's name and a request waiting show once read

    # ------------------------------------------------------------ layout

    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("rating_header")
        name = self.office_label = QLabel()
        name.setObjectName("rating_office")
        row = QHBoxLayout(header)
        row.setContentsMargins(32, 14, 32, 14)
        row.addWidget(name, 1)
        if self.counter_number is not None:
            counter = QLabel(translate("RatingWindow", "QUẦY {0}").format(self.counter_number))
            counter.setObjectName("rating_counter")
            row.addWidget(counter)
        return header

    def _page(self, *widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 30, 48, 30)
        layout.setSpacing(24)
        for widget in widgets:
            layout.addWidget(widget)
        return page

    def _idle_page(self) -> QWidget:
        page = self._page()
        layout = page.layout()
        layout.addStretch(1)
        layout.addWidget(_label(translate("RatingWindow", "XIN KÍNH CHÀO QUÝ KHÁCH"), "big"))
        layout.addWidget(
            _label(
                translate(
                    "RatingWindow",
                    "Sau khi được phục vụ, xin quý khách vui lòng cho biết mức độ hài lòng "
                    "trên màn hình này. Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.",
                ),
                "text",
            )
        )
        layout.addStretch(1)
        return page

    def _levels_page(self) -> QWidget:
        self.question = _label(
            translate("RatingWindow", "QUÝ KHÁCH CÓ HÀI LÒNG VỚI SỰ PHỤC VỤ CỦA CHÚNG TÔI KHÔNG?"),
            "big",
        )
        self.who = _label("", "who")
        self.level_buttons: dict[RatingLevel, LevelButton] = {}
        self.level_grid = QGridLayout()
        self.level_grid.setSpacing(24)
        for level in RatingLevel:
            button = LevelButton(level)
            button.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
            self.level_buttons[level] = button
        self.skip_button = QPushButton(translate("RatingWindow", "Bỏ qua"))
        self.skip_button.setProperty("role", "quiet")
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.clicked.connect(self.skip)
        page = self._page(self.question, self.who)
        page.layout().addLayout(self.level_grid, 1)
        page.layout().addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _details_page(self) -> QWidget:
        self.chosen_label = _label("", "big")
        self.reason_prompt = _label("", "text")
        self.reason_buttons: dict[RatingReason, QPushButton] = {}
        self.reason_grid = QGridLayout()
        self.reason_grid.setSpacing(16)
        for reason in RatingReason:
            button = QPushButton(translated(REASON_LABELS[reason]))
            button.setProperty("role", "reason")
            button.setObjectName(f"reason_{reason.value}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.toggled.connect(lambda _on: self._touched())
            self.reason_buttons[reason] = button
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("comment_edit")
        self.comment_edit.setPlaceholderText(
            translate("RatingWindow", "Góp ý thêm (không bắt buộc)")
        )
        self.comment_edit.setMaxLength(500)
        self.comment_edit.textEdited.connect(lambda _text: self._touched())
        self.send_button = QPushButton(translate("RatingWindow", "Gửi đánh giá"))
        self.send_button.setObjectName("send_button")
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.clicked.connect(self.send)
        back = QPushButton(translate("RatingWindow", "‹ Chọn lại mức độ"))
        back.setProperty("role", "quiet")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self._back_to_levels)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        page = self._page(self.chosen_label, self.reason_prompt)
        page.layout().addLayout(self.reason_grid)
        page.layout().addWidget(self.comment_edit)
        page.layout().addStretch(1)
        page.layout().addLayout(buttons)
        return page

    def _thanks_page(self) -> QWidget:
        self.thanks_label = _label(translate("RatingWindow", "CẢM ƠN QUÝ KHÁCH!"), "big")
        self.thanks_text = _label("", "text")
        page = self._page()
        page.layout().addStretch(1)
        page.layout().addWidget(self.thanks_label)
        page.layout().addWidget(self.thanks_text)
        page.layout().addStretch(1)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for i, button in enumerate(self.level_buttons.values()):
            self.level_grid.removeWidget(button)
            button.set_portrait(portrait)
            row, column = (i, 0) if portrait else (0, i)
            self.level_grid.addWidget(button, row, column)
        columns = 2 if portrait else 3
        for i, button in enumerate(self.reason_buttons.values()):
            self.reason_grid.removeWidget(button)
            self.reason_grid.addWidget(button, i // columns, i % columns)

    # ------------------------------------------------------------ behaviour

    def reading(self) -> bool:
        """Whether what the screen shows is still being read (off the window's thread)."""
        return self.server.asking()

    def poll(self) -> None:
        """Look for a new request when the ratings changed anywhere (a database that
        cannot be read keeps the screen as it is, and is tried again at the next tick)."""
        self.server.poll()

    def _version_read(self, version: int) -> None:
        if version == self._version:
            return
        db, number, clock = self._db, self.counter_number, self._clock
        self.server.load(
            lambda: (office.get_office(db).name, ratings.pending_request(db, number, clock)),
            lambda read: self._show_read(version, *read),
        )

    def _show_read(self, version: int, office_name: str, found: RatingRequest | None) -> None:
        self._version = version
        self.office_label.setText(office_name.upper())
        current = self.pages.currentIndex()
        if found is not None and found.id in self._answered:  # read before it was saved
            found = None
        if found is not None and (self.request is None or found.id != self.request.id):
            if current in (IDLE, LEVELS, THANKS) or self.request is None:
                self.show_request(found)
        elif found is None and current == LEVELS:
            self.show_idle()  # answered or replaced elsewhere

    def show_request(self, request: RatingRequest) -> None:
        self.request = request
        self.level = None
        parts = []
        if request.clerk_name:
            parts.append(
                translate("RatingWindow", "Cán bộ phục vụ: {0}").format(request.clerk_name)
            )
        if request.counter_number is not None:
            parts.append(translate("RatingWindow", "Quầy {0}").format(request.counter_number))
        self.who.setText("  ·  ".join(parts))
        self.pages.setCurrentIndex(LEVELS)
        self._timeout.start(LEVEL_SECONDS * 1000)

    def choose_level(self, level: RatingLevel) -> None:
        self.level = level
        self._clear_details()
        self.chosen_label.setText(
            translate("RatingWindow", "Quý khách chọn: {0}").format(translated(LEVEL_LABELS[level]))
        )
        if level in SATISFIED_LEVELS:
            prompt = translate(
                "RatingWindow", "Quý khách hài lòng nhất về điều gì? (không bắt buộc)"
            )
        else:
            prompt = translate(
                "RatingWindow", "Điều gì chưa làm quý khách hài lòng? (không bắt buộc)"
            )
        self.reason_prompt.setText(prompt)
        self.pages.setCurrentIndex(DETAILS)
        self._touched()

    def chosen_reasons(self) -> list[RatingReason]:
        return [r for r, b in self.reason_buttons.items() if b.isChecked()]

    def send(self) -> None:
        """Save the rating (level, reasons ticked, comment) off the window's thread, and
        thank the citizen: at once, nothing of theirs left on screen; ``rated(id)`` once
        it is saved (a refusal replaces the thanks with why)."""
        if self.request is None or self.level is None:
            return
        db, clock, request_id, level = self._db, self._clock, self.request.id, self.level
        reasons, comment = self.chosen_reasons(), self.comment_edit.text()
        self._answered.add(request_id)

        def saved(rating_id: int | None, refusal: UserError | None, error: str | None) -> None:
            if rating_id is None:
                message = refusal.message if refusal is not None else error or ""
                log.warning("rating not saved: %s", message)
                self.thanks_text.setText(message)
                return
            self.rated.emit(rating_id)

        background.run_refusable(
            self,
            lambda: ratings.submit_rating(db, request_id, level, reasons, comment, clock),
            saved,
        )
        self._thank(
            translate("RatingWindow", "Ý kiến của quý khách đã được ghi nhận để phục vụ tốt hơn.")
        )

    def skip(self) -> None:
        """The citizen does not want to rate: nothing is counted (the request is closed off
        the window's thread)."""
        if self.request is not None:
            db, clock, request_id = self._db, self._clock, self.request.id
            self._answered.add(request_id)

            def skipped(_result: object, error: str | None) -> None:
                if error is not None:
                    log.warning("rating request %s not skipped: %s", request_id, error)

            background.run(self, lambda: ratings.skip_request(db, request_id, clock), skipped)
        self.show_idle()

    def _clear_details(self) -> None:
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self.comment_edit.clear()

    def _thank(self, text: str) -> None:
        self.request = None
        self.level = None
        self._clear_details()  # nothing of this citizen stays for the next
        self.thanks_text.setText(text)
        self.pages.setCurrentIndex(THANKS)
        self._timeout.start(THANKS_SECONDS * 1000)

    def _back_to_levels(self) -> None:
        self.level = None
        self.pages.setCurrentIndex(LEVELS)
        self._timeout.start(LEVEL_SECONDS * 1000)

    def _touched(self) -> None:
        if self.pages.currentIndex() == DETAILS:
            self._timeout.start(DETAIL_SECONDS * 1000)

    def _timed_out(self) -> None:
        """Untouched: details are sent as they are; levels go unrated; thanks end."""
        page = self.pages.currentIndex()
        if page == DETAILS:
            self.send()
        elif page == LEVELS:
            self.skip()
        else:
            self.show_idle()

    def show_idle(self) -> None:
        self._timeout.stop()
        self.request = None
        self.level = None
        self.pages.setCurrentIndex(IDLE)
