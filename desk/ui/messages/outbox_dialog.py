"""The supervisor's list of messages to applicants that need a look: those given up
(after the last try, or at once when trying could not help) and those waiting for
more than two hours (the PC with the modem is off, or no PC sends e-mail).

From the list the supervisor opens the dossier (to call the citizen instead) or
sends a given-up message again once its cause is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.lifecycle import STEP_LABELS
from desk.domain.messages import CHANNEL_LABELS, STATUS_LABELS, MessageStatus
from desk.domain.office import Clerk
from desk.domain.translation import translated
from desk.services import outbox
from desk.storage.database import Database
from desk.ui.dossier.dossier_history import stamp
from desk.ui.widgets import background
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.forms import Notice, fill_table, read_only_table
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.screen_fit import fit_to_screen
from desk.ui.widgets.table_fit import set_column_widths

CONTEXT = "OutboxDialog"
WIDTHS = (16, 22, 22, 12, 18, 22, 14, 7)  # average characters; the last column takes the rest


class OutboxDialog(QDialog):
    """``open_requested(code)`` when the supervisor opens a dossier from the list."""

    open_requested = Signal(str)

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock,
        parent: QWidget | None = None,
        found: list[outbox.MessageView] | None = None,
    ) -> None:
        """``found``: the list as ``read`` gave it (read here when not given)."""
        super().__init__(parent)
        self._db, self._clerk, self._clock = db, clerk, clock
        self.items: list[outbox.MessageView] = []
        #: The reads of the list: a later read makes an earlier one late (not shown).
        self._reads = background.NewestRead(self)
        self.setObjectName("outbox_dialog")
        self.setWindowTitle(translate("OutboxDialog", "Tin nhắn cho người nộp cần xem lại"))
        intro = QLabel(
            translate(
                "OutboxDialog",
                "Tin đã thôi gửi (hết số lần thử, hoặc không thể gửi) và tin chờ quá 2 giờ. "
                "Hãy gọi điện cho người nộp, hoặc sửa nguyên nhân rồi bấm “Gửi lại”.",
            )
        )
        intro.setWordWrap(True)
        self.table = read_only_table(
            [
                translate("OutboxDialog", "Thời gian"),
                translate("OutboxDialog", "Hồ sơ"),
                translate("OutboxDialog", "Người nộp"),
                translate("OutboxDialog", "Kênh"),
                translate("OutboxDialog", "Gửi tới"),
                translate("OutboxDialog", "Báo tin"),
                translate("OutboxDialog", "Trạng thái"),
                translate("OutboxDialog", "Số lần"),
                translate("OutboxDialog", "Lý do"),
            ]
        )
        self.table.setObjectName("outbox_table")
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        #: Said when nothing needs a look, instead of an empty table.
        self.empty_label = QLabel(
            translate(
                "OutboxDialog",
                "Không có tin nào cần xem lại: mọi tin khác đã gửi được hoặc đang chờ gửi.",
            )
        )
        self.empty_label.setObjectName("outbox_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.notice = Notice()
        self._saves = DialogSave(self, self.notice)
        self.open_button = QPushButton(translate("OutboxDialog", "Mở hồ sơ"))
        self.open_button.clicked.connect(self.open_selected)
        self.retry_button = QPushButton(translate("OutboxDialog", "Gửi lại"))
        self.retry_button.setObjectName("retry_button")
        self.retry_button.clicked.connect(self.retry_selected)
        self.reload_button = QPushButton(translate("OutboxDialog", "Làm mới"))
        self.reload_button.clicked.connect(self.reload)
        close = QPushButton(translate("OutboxDialog", "Đóng"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.retry_button, self.reload_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        fit_to_screen(self, 1240, 560)
        if found is None:
            try:
                found = self.read(db, clock)
            except UserError as exc:
                found = []
                self.notice.show_error(exc.message)
        self.show_items(found)

    @staticmethod
    def read(db: Database, clock: Clock) -> list[outbox.MessageView]:
        """The messages that need a look (it may wait on the server: read off the
        window's thread)."""
        return outbox.problems(db, clock.now())

    def reload(self) -> None:
        """Read the list again off the window's thread; what it shows stays until then,
        and stays if the read fails (the notice says why)."""
        db, clock = self._db, self._clock

        def done(items: list[outbox.MessageView] | None, error: str | None) -> None:
            if items is None:
                self.notice.show_error(error or "")
                return
            self.show_items(items)

        self._reads.run(lambda: self.read(db, clock), done)

    def reading(self) -> bool:
        """Whether the list is being read again."""
        return self._reads.waiting()

    def show_items(self, items: list[outbox.MessageView]) -> None:
        self.items = items
        fill_table(
            self.table,
            [
                (
                    stamp(m.created_at),
                    m.dossier_code,
                    m.applicant_name,
                    translated(CHANNEL_LABELS[m.channel]),
                    m.recipient,
                    translated(STEP_LABELS[m.step_kind]),
                    translated(STATUS_LABELS[m.status]),
                    str(m.attempts),
                    m.last_error,
                )
                for m in self.items
            ],
            [m.id for m in self.items],
        )
        set_column_widths(self.table, WIDTHS)
        self.empty_label.setVisible(not self.items)
        self._enable()

    def selected(self) -> outbox.MessageView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _enable(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None)
        self.retry_button.setEnabled(chosen is not None and chosen.status is MessageStatus.FAILED)

    def select(self, message_id: int) -> None:
        for number, m in enumerate(self.items):
            if m.id == message_id:
                self.table.selectRow(number)

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_requested.emit(chosen.dossier_code)

    def retry_selected(self) -> None:
        """Send the chosen message again (recorded off the window's thread), then read the
        list again."""
        chosen = self.selected()
        if chosen is None:
            return
        db, clerk, clock = self._db, self._clerk, self._clock

        def retried(_done: object) -> None:
            self.reload()
            self.notice.show_ok(
                translate(
                    "OutboxDialog", "Tin nhắn tới {to} sẽ được gửi lại trong lượt gửi tới."
                ).format(to=chosen.recipient)
            )

        self._saves.run(
            lambda: outbox.retry(db, clerk, chosen.id, clock),
            retried,
            lambda exc: self.notice.show_error(exc.message),
        )

    def saving(self) -> bool:
        """Whether a message to send again is being recorded."""
        return self._saves.waiting()
