"""The kiosk's "Tra cứu thủ tục" screen: the published procedures, for citizens.

A citizen types a few words (accents are not needed: "khai sinh" finds "Thủ tục
đăng ký khai sinh") on the on-screen keyboard, or touches a field, then a
procedure: its papers (original or copy, how many), fee, time limit, where and
how to file. "In phiếu hướng dẫn" prints the same as a checklist slip to take
home, so the citizen comes back once with every paper; it prints in the
background, the button waiting until the printer answered.

The kiosk has no keyboard of its own, so the letters are on screen; an
accent-free search needs only the 26 letters and the digits. The fields, each
search and a procedure touched are read off the window's thread (the newest search
typed wins): a server that answers slowly leaves the keys answering. The layout follows
the screen: side by side on a landscape screen, stacked on a portrait one.
"""

from __future__ import annotations

import logging

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.procedure import (
    Procedure,
)
from desk.services import office, public_catalog, queue_setup
from desk.services.public_catalog import FieldCount
from desk.storage.database import Database
from desk.ui.public.kiosk_touch import BACKSPACE, CLEAR, SPACE, LetterKeyboard, TouchCard
from desk.ui.public.procedure_sheet import procedure_html, where_to_file
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)
CONTEXT = "KioskLookup"
FIELD_COLUMNS = 3

STYLE = """
QWidget#kiosk_lookup { background: #eef3f8; }
QLabel#lookup_title { color: #0b4a85; font-size: 38px; font-weight: bold; }
QPushButton[role="back"] {
    background: white; color: #0b4a85; border: 3px solid #0b4a85; border-radius: 16px;
    font-size: 26px; font-weight: bold; padding: 10px 26px;
}
QLineEdit#lookup_search {
    background: white; border: 3px solid #0b4a85; border-radius: 16px;
    font-size: 32px; padding: 10px 18px; color: #13263a;
}
QPushButton[role="key"] {
    background: white; color: #13263a; border: 2px solid #9fb3c8; border-radius: 12px;
    font-size: 28px; font-weight: bold; min-height: 64px;
}
QPushButton[role="key"]:pressed { background: #d8e8f8; }
QPushButton[role="field"] {
    background: white; border: 2px solid #9fb3c8; border-radius: 14px; min-height: 60px;
}
QPushButton[role="field"]:checked { background: #0b4a85; border-color: #0b4a85; }
QLabel[role="field_name"] { color: #13263a; font-size: 21px; font-weight: bold; }
QLabel[role="field_name"][on="true"] { color: white; }
QLabel#lookup_count { color: #4a5b6c; font-size: 22px; }
QPushButton[role="result"] {
    background: white; border: 2px solid #c9d6e3; border-radius: 16px; text-align: left;
}
QPushButton[role="result"]:pressed { background: #d8e8f8; }
QLabel[role="result_name"] { color: #0b4a85; font-size: 25px; font-weight: bold; }
QLabel[role="result_meta"] { color: #4a5b6c; font-size: 20px; }
QLabel#detail_name { color: #0b4a85; font-size: 34px; font-weight: bold; }
QLabel#detail_body { color: #13263a; font-size: 23px; background: white; }
QPushButton#print_button {
    background: #0b4a85; color: white; border-radius: 18px;
    font-size: 30px; font-weight: bold; padding: 16px 40px;
}
QLabel#print_note { color: #13263a; font-size: 24px; }
QLabel#print_note[problem="true"] { color: #b00020; font-weight: bold; }
QLabel#progress_label { color: #13263a; font-size: 24px; }
QProgressBar#progress_bar { min-height: 14px; max-height: 14px; }
QLabel#lookup_hint { color: #4a5b6c; font-size: 22px; }
QScrollArea { border: none; background: transparent; }
QWidget#scroll_inner { background: transparent; }
QScrollBar:vertical { width: 26px; }
"""


class KioskLookupPage(QWidget):
    """The lookup; ``closed`` when the citizen goes back to the kiosk's start."""

    closed = Signal()

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        printer_uri: str | None = None,
        paper: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock: Clock = clock or SystemClock()
        self._printer_uri = printer_uri
        self._paper = paper
        self._portrait: bool | None = None
        self.field = ""
        self.shown: Procedure | None = None
        self.result_cards: list[TouchCard] = []
        self.back_buttons: dict[str, QPushButton] = {}
        self.last_image: Image.Image | None = None
        self.setObjectName("kiosk_lookup")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._detail_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._arrange(portrait=False)
        self._reads = background.NewestRead(self)  # the searches: the newest is shown
        self._openings = background.NewestRead(self)  # a procedure touched
        self._fields_read = False
        self.refresh()

    # ------------------------------------------------------------ layout

    def _top_bar(self, title: str, back_text: str, back) -> QHBoxLayout:  # noqa: ANN001
        """A back button (kept as ``back_buttons[title]``) and the page's title."""
        back_button = QPushButton(back_text)
        self.back_buttons[title] = back_button
        back_button.setProperty("role", "back")
        back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back_button.clicked.connect(back)
        label = QLabel(title)
        label.setObjectName("lookup_title")
        row = QHBoxLayout()
        row.addWidget(back_button)
        row.addSpacing(20)
        row.addWidget(label, 1)
        return row

    def _list_page(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setObjectName("lookup_search")
        self.search.setPlaceholderText(translate("KioskLookup", "Gõ tên thủ tục (không cần dấu)"))
        self.search.textChanged.connect(self.refresh)
        self.keyboard = LetterKeyboard()
        self.keyboard.key.connect(self._key)
        self.hint = QLabel(
            translate(
                "KioskLookup",
                "Ví dụ: gõ KHAI SINH, KET HON hoặc CHUNG THUC, hoặc chạm vào một lĩnh vực. "
                "Chạm vào tên thủ tục để xem giấy tờ cần chuẩn bị, rồi in phiếu hướng dẫn "
                "mang về.",
            )
        )
        self.hint.setObjectName("lookup_hint")
        self.hint.setWordWrap(True)
        self.fields_box = QWidget()
        self.field_group = QButtonGroup(self)
        self.field_group.setExclusive(True)
        self.field_buttons: dict[str, TouchCard] = {}
        self.fields_grid = QGridLayout(self.fields_box)
        self.fields_grid.setContentsMargins(0, 0, 0, 0)
        self.fields_grid.setSpacing(10)
        self.count_label = QLabel()
        self.count_label.setObjectName("lookup_count")
        results = QWidget()
        results.setObjectName("scroll_inner")
        self.results_layout = QVBoxLayout(results)
        self.results_layout.setContentsMargins(0, 0, 8, 0)
        self.results_layout.setSpacing(10)
        self.results_layout.addStretch(1)
        self.results_area = QScrollArea()
        self.results_area.setWidgetResizable(True)
        self.results_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_area.setWidget(results)
        QScroller.grabGesture(
            self.results_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(28)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(18)
        layout.addLayout(
            self._top_bar(
                translate("KioskLookup", "TRA CỨU THỦ TỤC HÀNH CHÍNH"),
                translate("KioskLookup", "‹ Trở về"),
                self.closed.emit,
            )
        )
        layout.addLayout(self.body, 1)
        return page

    def _detail_page(self) -> QWidget:
        page = QWidget()
        self.detail_name = QLabel()
        self.detail_name.setObjectName("detail_name")
        self.detail_name.setWordWrap(True)
        self.detail_body = QLabel()
        self.detail_body.setObjectName("detail_body")
        self.detail_body.setWordWrap(True)
        self.detail_body.setTextFormat(Qt.TextFormat.RichText)
        self.detail_body.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_body.setContentsMargins(16, 16, 16, 16)
        inner = QWidget()
        inner.setObjectName("scroll_inner")
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.addWidget(self.detail_name)
        inner_layout.addWidget(self.detail_body)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.print_button = QPushButton(translate("KioskLookup", "In phiếu hướng dẫn mang về"))
        self.print_button.setObjectName("print_button")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_checklist)
        self.print_note = QLabel()
        self.print_note.setObjectName("print_note")
        self.print_note.setWordWrap(True)
        self.print_progress = ProgressNote()
        notes = QVBoxLayout()
        notes.addWidget(self.print_note)
        notes.addWidget(self.print_progress)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addSpacing(20)
        bottom.addLayout(notes, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(18)
        layout.addLayout(
            self._top_bar(
                translate("KioskLookup", "THÔNG TIN THỦ TỤC"),
                translate("KioskLookup", "‹ Danh sách"),
                self.show_list,
            )
        )
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange(event.size().height() > event.size().width())

    def _arrange(self, portrait: bool) -> None:
        """Landscape: search and keys left, fields and results right; portrait: stacked."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        while self.body.count():
            item = self.body.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    item.layout().takeAt(0)
                item.layout().setParent(None)
        if portrait:
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            for widget, stretch in (
                (self.search, 0),
                (self.fields_box, 0),
                (self.count_label, 0),
                (self.results_area, 1),
                (self.keyboard, 0),
            ):
                self.body.addWidget(widget, stretch)
            self.hint.hide()  # no room for it: the placeholder says enough
            return
        self.body.setDirection(QBoxLayout.Direction.LeftToRight)
        self.hint.show()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(18)
        right.setSpacing(14)
        left.addWidget(self.search)
        left.addWidget(self.keyboard)
        left.addWidget(self.hint)
        left.addStretch(1)
        right.addWidget(self.fields_box)
        right.addWidget(self.count_label)
        right.addWidget(self.results_area, 1)
        self.body.addLayout(left, 2)
        self.body.addLayout(right, 3)

    def _build_fields(self, counts: list[FieldCount]) -> None:
        total = sum(f.count for f in counts)
        entries = [("", translate("KioskLookup", "Tất cả lĩnh vực ({0})").format(total))]
        entries += [(f.name, f"{f.name} ({f.count})") for f in counts]
        for column in range(FIELD_COLUMNS):
            self.fields_grid.setColumnStretch(column, 1)
        for i, (name, text) in enumerate(entries):
            button = TouchCard("field", [(text, "field_name")])
            button.setCheckable(True)
            button.setChecked(name == "")
            button.clicked.connect(lambda _=False, n=name: self.choose_field(n))
            self.field_group.addButton(button)
            self.fields_grid.addWidget(button, i // FIELD_COLUMNS, i % FIELD_COLUMNS)
            self.field_buttons[name] = button

    # ------------------------------------------------------------ behaviour

    def _key(self, value: str) -> None:
        if value == BACKSPACE:
            self.search.backspace()
        elif value == CLEAR:
            self.search.clear()
        elif value == SPACE:
            self.search.insert(" ")
        else:
            self.search.insert(value.lower())

    def choose_field(self, name: str) -> None:
        self.field = name
        if name in self.field_buttons:  # (none yet before the first read)
            self.field_buttons[name].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Search what is typed in the field chosen, off the window's thread (the fields
        too, until they have been read once)."""
        db, text, field = self._db, self.search.text(), self.field
        if self._fields_read:
            self._reads.run(lambda: public_catalog.published(db, text, field), self._found)
            return
        self._reads.run(
            lambda: (public_catalog.fields(db), public_catalog.published(db, text, field)),
            self._first_read,
        )

    def reading(self) -> bool:
        """Whether a search, or a procedure touched, is being read."""
        return self._reads.waiting() or self._openings.waiting()

    def _first_read(
        self, read: tuple[list[FieldCount], list[Procedure]] | None, error: str | None
    ) -> None:
        if read is not None:
            self._build_fields(read[0])
            self._fields_read = True
        self._found(read[1] if read is not None else None, error)

    def _found(self, found: list[Procedure] | None, error: str | None) -> None:
        if found is None:  # the list stays as it was; the next key searches again
            log.warning("kiosk: the procedures could not be read: %s", error)
            self.count_label.setText(
                translate(
                    "KioskLookup",
                    "Chưa tra cứu được, xin thử lại sau giây lát hoặc hỏi cán bộ tại quầy.",
                )
            )
            return
        for card in self.result_cards:
            self.results_layout.removeWidget(card)
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        self.result_cards = []
        for procedure in found:
            meta = translate("KioskLookup", "Lĩnh vực: {0}  ·  Thời hạn: {1}").format(
                procedure.field, procedure.limit.label()
            )
            lines = [(procedure.name, "result_name"), (meta, "result_meta")]
            card = TouchCard("result", lines)
            card.code = procedure.code
            card.clicked.connect(lambda _=False, c=procedure.code: self.open_procedure(c))
            self.results_layout.insertWidget(len(self.result_cards), card)
            card.show()  # now, not at the layout's next turn of the event loop
            self.result_cards.append(card)
        if found:
            self.count_label.setText(translate("KioskLookup", "Có {0} thủ tục:").format(len(found)))
        else:
            self.count_label.setText(
                translate(
                    "KioskLookup",
                    "Không tìm thấy thủ tục nào. Xin thử từ khác, hoặc chọn lĩnh vực.",
                )
            )
        self.results_area.verticalScrollBar().setValue(0)

    def results(self) -> list[str]:
        """The codes listed, in order (for the tests and the screen reader)."""
        return [card.code for card in self.result_cards]

    def open_procedure(self, code: str) -> None:
        """Show a procedure's facts, read off the window's thread (the list stays until
        then; a procedure no longer published says so under the search)."""
        db = self._db

        def read() -> tuple[Procedure, str]:
            return public_catalog.get_published(db, code), where_to_file(office.get_office(db))

        def done(read: tuple[Procedure, str] | None, error: str | None) -> None:
            if read is None:
                self.count_label.setText(error or "")
                return
            procedure, where = read
            self.shown = procedure
            self.detail_name.setText(procedure.name)
            self.detail_body.setText(procedure_html(procedure, where))
            self._note("", problem=False)
            self.pages.setCurrentIndex(1)

        self._openings.run(read, done)

    def print_checklist(self) -> background.Job | None:
        """Print the shown procedure's slip on the kiosk's printer, in the background;
        the note says what happened."""
        if self.shown is None:
            return None
        db, code, clock = self._db, self.shown.code, self._clock
        uri, paper = self._printer_uri, self._paper
        self._note("", problem=False)

        def work() -> tuple[Image.Image, bool]:
            """The slip's image, and whether a printer took it (``none``: shown only)."""
            image = public_catalog.print_checklist(db, code, clock, uri, paper)
            return image, queue_setup.kiosk_prints(db, uri)

        return background.run_in_background(
            self,
            work,
            lambda done: self._checklist_printed(*done),
            lambda message: self._checklist_failed(code, message),
            translate("KioskLookup", "Đang in phiếu hướng dẫn..."),
            buttons=[self.print_button],
            note=self.print_progress,
        )

    def _checklist_failed(self, code: str, message: str) -> None:
        log.error("kiosk: checklist %s not printed: %s", code, message)
        self._note(
            translate(
                "KioskLookup",
                "Máy in phiếu đang gặp sự cố. Xin hỏi cán bộ tại quầy để được hướng dẫn.",
            ),
            problem=True,
        )

    def _checklist_printed(self, image: Image.Image, on_paper: bool) -> None:
        self.last_image = image
        if not on_paper:
            self._note(
                translate(
                    "KioskLookup", "Kiosk chưa nối máy in: xin ghi lại thông tin trên màn hình."
                ),
                problem=True,
            )
        else:
            self._note(
                translate("KioskLookup", "Xin mời nhận phiếu hướng dẫn ở khe máy in."),
                problem=False,
            )

    def _note(self, text: str, problem: bool) -> None:
        self.print_note.setText(text)
        self.print_note.setProperty("problem", problem)
        self.print_note.style().polish(self.print_note)

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)

    def reset(self) -> None:
        """Ready for the next citizen: no search, every field, the list."""
        self.search.clear()
        self.choose_field("")
        self.shown = None
        self.show_list()
