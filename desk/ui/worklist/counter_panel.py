"""The counter's queue panel: the ticket at this counter and the buttons that move the line.

"Gọi số tiếp theo" ends the current ticket and calls the next one of the
groups this counter serves (priority and fairness are the domain's rules);
"Gọi lại" calls it again on the display; "Vắng mặt" drops it after enough
calls; "Chuyển nhóm" sends it to another group's line at its arrival place;
"Hoàn thành" frees the counter; "Tiếp nhận hồ sơ" starts an intake for the
citizen at the counter (``intake_requested``): the main window opens the
intake and links the saved dossier to the ticket. The waiting count of every
group is shown, those this counter serves first.

Other counters and the kiosk change the queue from other PCs: the panel polls
the queue's change counter every second and reloads only when it moved.

Each button's action runs off the window's thread: a server that holds the queue
locked, or a network that drops, makes it wait, and the window keeps answering;
meanwhile the buttons wait too, so a second click cannot call two citizens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.queue import (
    PRIORITY_LABELS,
    STATE_LABELS,
    Counter,
    ServiceGroup,
    Ticket,
    TicketState,
    waiting_minutes,
)
from desk.domain.translation import translated
from desk.services import changes, queue, queue_setup, ratings
from desk.services.queue_views import GroupWaiting
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.server_poll import ServerPoll

log = logging.getLogger(__name__)

POLL_MS = 750  # one primary-key read: changes from other PCs show within a second

STYLE = """
QWidget#counter_panel { background: #f4f7fb; }
QLabel#counter_title { color: #0b4a85; font-size: 20px; font-weight: bold; }
QFrame#ticket_box { background: white; border: 2px solid #0b4a85; border-radius: 10px; }
QLabel#ticket_code { color: #0b4a85; font-size: 64px; font-weight: bold; }
QLabel#ticket_code[empty="true"] { color: #9aa7b4; }
QLabel#ticket_group { color: #13263a; font-size: 18px; font-weight: bold; }
QLabel#ticket_priority { color: #7a4b00; font-size: 15px; font-weight: bold; }
QLabel#ticket_detail { color: #4a5b6c; font-size: 14px; }
QLabel#ticket_dossiers { color: #1b5e20; font-size: 14px; }
QPushButton { font-size: 15px; padding: 8px 10px; }
QPushButton#call_next_button {
    background: #0b4a85; color: white; font-size: 18px; font-weight: bold;
    padding: 12px; border-radius: 8px;
}
QPushButton#call_next_button:disabled { background: #8aa4bf; }
QPushButton#intake_button {
    background: #1b6e3a; color: white; font-weight: bold; border-radius: 8px; padding: 10px;
}
QPushButton#intake_button:disabled { background: #a9c7b3; }
QLabel#status_label { font-size: 14px; }
QLabel#status_label[problem="true"] { color: #b00020; }
QLabel[role="waiting_heading"] { color: #0b4a85; font-size: 15px; font-weight: bold; }
QLabel[role="waiting_name"] { font-size: 14px; }
QLabel[role="waiting_name"][mine="false"], QLabel[role="waiting_count"][mine="false"] {
    color: #8a96a3;
}
QLabel[role="waiting_count"] { font-size: 16px; font-weight: bold; }
"""


@dataclass(frozen=True)
class PanelState:
    """What the panel shows, as one read gave it: the counter (or why it could not be
    read), the ticket it serves and that ticket's dossiers, and every active group with
    its waiting counts (the groups a ticket may also be sent to)."""

    counter: Counter | None
    problem: str | None
    current: Ticket | None
    codes: list[str]
    waiting: list[GroupWaiting]


class CounterPanel(QWidget):
    """The queue at one counter; ``intake_requested`` carries the id of the ticket being served."""

    intake_requested = Signal(int)

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        counter_number: int,
        clock: Clock | None = None,
        poll_ms: int = POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self._number = counter_number
        self._clock: Clock = clock or SystemClock()
        self._version = -1
        #: The reads of what the panel shows: a later read makes an earlier one late.
        self._reads = background.NewestRead(self)
        #: An action of the buttons is on its way (they wait for it).
        self._acting = False
        #: Its reads of the queue, which may fail for a while (a server restarting).
        self.server = ServerPoll(
            f"counter {counter_number}",
            self,
            db,
            changes.QUEUE,
            self._version_read,
            self._server_state,
        )
        self.counter: Counter | None = None
        self.current: Ticket | None = None
        self.waiting_counts: dict[str, int] = {}
        self._waiting_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self.setObjectName("counter_panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)

        self.title_label = QLabel()
        self.title_label.setObjectName("counter_title")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.waiting_grid = QGridLayout()
        self.waiting_grid.setHorizontalSpacing(10)
        self.waiting_grid.setVerticalSpacing(4)
        heading = QLabel(translate("CounterPanel", "Đang chờ theo nhóm"))
        heading.setProperty("role", "waiting_heading")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self._ticket_box())
        layout.addLayout(self._buttons())
        layout.addWidget(self.status_label)
        layout.addSpacing(6)
        layout.addWidget(heading)
        layout.addLayout(self.waiting_grid)
        layout.addStretch(1)

        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll)
        self._poll.start(poll_ms)
        # What it shows before the queue is read (or while it cannot be): its number, no ticket.
        self.title_label.setText(translate("CounterPanel", "Quầy {n}").format(n=self._number))
        self._show_ticket([])
        self._enable()
        self.server.poll()

    # ------------------------------------------------------------ layout

    def _ticket_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("ticket_box")
        box.setMinimumHeight(190)
        self.code_label = QLabel()
        self.code_label.setObjectName("ticket_code")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.group_label = QLabel()
        self.group_label.setObjectName("ticket_group")
        self.priority_label = QLabel()
        self.priority_label.setObjectName("ticket_priority")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("ticket_detail")
        self.dossiers_label = QLabel()
        self.dossiers_label.setObjectName("ticket_dossiers")
        self.dossiers_label.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(2)
        for label in (
            self.code_label,
            self.group_label,
            self.priority_label,
            self.detail_label,
            self.dossiers_label,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        return box

    def _buttons(self) -> QVBoxLayout:
        self.call_next_button = QPushButton(translate("CounterPanel", "Gọi số tiếp theo"))
        self.call_next_button.setObjectName("call_next_button")
        self.call_next_button.clicked.connect(self.call_next)
        self.recall_button = QPushButton(translate("CounterPanel", "Gọi lại"))
        self.recall_button.clicked.connect(self.recall)
        self.no_show_button = QPushButton(translate("CounterPanel", "Vắng mặt"))
        self.no_show_button.setToolTip(
            translate("CounterPanel", "Bỏ qua số đã gọi nhiều lần mà không đến")
        )
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.transfer_button = QPushButton(translate("CounterPanel", "Chuyển nhóm…"))
        self.transfer_menu = QMenu(self.transfer_button)
        self.transfer_button.setMenu(self.transfer_menu)
        self.finish_button = QPushButton(translate("CounterPanel", "Hoàn thành"))
        self.finish_button.clicked.connect(self.finish)
        self.intake_button = QPushButton(translate("CounterPanel", "Tiếp nhận hồ sơ"))
        self.intake_button.setObjectName("intake_button")
        self.intake_button.clicked.connect(self.request_intake)
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.recall_button, 0, 0)
        grid.addWidget(self.no_show_button, 0, 1)
        grid.addWidget(self.transfer_button, 1, 0)
        grid.addWidget(self.finish_button, 1, 1)
        layout = QVBoxLayout()
        layout.setSpacing(6)
        layout.addWidget(self.call_next_button)
        layout.addLayout(grid)
        layout.addWidget(self.intake_button)
        return layout

    # ------------------------------------------------------------ reading

    def poll(self) -> None:
        """Reload when the queue changed (its change counter read off the window's
        thread); a queue that cannot be read is said once under the buttons, and read
        again at the next tick."""
        self.server.poll()

    def _server_state(self, failing: bool, message: str) -> None:
        self._status(message, problem=failing)  # back: what it said about it is over

    def _version_read(self, version: int) -> None:
        if version != self._version:
            self._version = version
            self.refresh()

    def refresh(self) -> None:
        """Read the counter, its ticket, the queue's waiting counts and groups off the
        window's thread (the queue changes all day), then show them; the newest read wins."""
        db, number, today = self._db, self._number, self._clock.now().date()

        def read() -> PanelState:
            counter, problem = None, None
            try:
                counter = queue_setup.get_counter(db, number)
            except UserError as exc:
                problem = exc.message
            current = queue.current_ticket(db, number, today)
            return PanelState(
                counter,
                problem,
                current,
                queue.dossiers_of_ticket(db, current.id) if current is not None else [],
                queue.waiting_counts(db, today),
            )

        def done(state: PanelState | None, error: str | None) -> None:
            if state is None:  # what it shows stays; the next change reads again
                self._version = -1
                self._status(error or "", problem=True)
                return
            self._show_state(state)

        self._reads.run(read, done)

    def reading(self) -> bool:
        """Whether the panel is being read."""
        return self._reads.waiting()

    def _show_state(self, state: PanelState) -> None:
        self.counter = state.counter
        if state.problem is not None:
            self.title_label.setText(translate("CounterPanel", "Quầy {n}").format(n=self._number))
            self._status(state.problem, problem=True)
        self.current = state.current
        if self.counter is not None:
            self.title_label.setText(f"{self.counter.label} · {self._clerk.full_name}")
        self._show_ticket(state.codes)
        self._show_waiting(state.waiting)
        self._fill_transfer_menu([count.group for count in state.waiting])
        self._enable()

    def _show_ticket(self, codes: list[str]) -> None:
        ticket = self.current
        self.code_label.setProperty("empty", ticket is None)
        self.code_label.style().polish(self.code_label)
        if ticket is None:
            self.code_label.setText("---")
            self.group_label.setText(translate("CounterPanel", "Chưa gọi số nào"))
            for label in (self.priority_label, self.detail_label, self.dossiers_label):
                label.hide()
            return
        self.code_label.setText(ticket.code)
        self.group_label.setText(ticket.group_name)
        self.priority_label.setVisible(ticket.priority is not None)
        if ticket.priority is not None:
            self.priority_label.setText(
                translate("CounterPanel", "Ưu tiên: {kind}").format(
                    kind=translated(PRIORITY_LABELS[ticket.priority])
                )
            )
        waited = round(waiting_minutes(ticket.issued_at, ticket.called_at or self._clock.now()))
        if ticket.state is TicketState.CALLED:
            state = translate("CounterPanel", "Đã gọi {n} lần").format(n=ticket.calls)
        else:
            state = translated(STATE_LABELS[ticket.state])
        self.detail_label.setText(
            translate("CounterPanel", "{state} · lấy số lúc {time} · đã chờ {minutes} phút").format(
                state=state, time=f"{ticket.issued_at:%H:%M}", minutes=waited
            )
        )
        self.detail_label.show()
        self.dossiers_label.setVisible(bool(codes))
        self.dossiers_label.setText(
            translate("CounterPanel", "Đã nhận hồ sơ: {codes}").format(codes=", ".join(codes))
        )

    def _show_waiting(self, counts: list[GroupWaiting]) -> None:
        served = set(self.counter.group_ids) if self.counter else set()
        counts = sorted(counts, key=lambda c: (c.group.id not in served, c.group.position))
        while len(self._waiting_rows) < len(counts):
            self._waiting_rows.append(self._waiting_row(len(self._waiting_rows)))
        for row, labels in enumerate(self._waiting_rows):
            for label in labels:
                label.setVisible(row < len(counts))
            if row >= len(counts):
                continue
            count = counts[row]
            name, number, extra = labels
            name.setText(f"{count.group.letter} · {count.group.name}")
            number.setText(str(count.waiting))
            extra.setText(
                translate("CounterPanel", "({n} ưu tiên)").format(n=count.priority_waiting)
                if count.priority_waiting
                else ""
            )
            for label in labels:
                label.setProperty("mine", count.group.id in served)
                label.style().unpolish(label)
                label.style().polish(label)
        self.waiting_counts = {c.group.letter: c.waiting for c in counts}

    def _waiting_row(self, row: int) -> tuple[QLabel, QLabel, QLabel]:
        name, number, extra = QLabel(), QLabel(), QLabel()
        name.setProperty("role", "waiting_name")
        number.setProperty("role", "waiting_count")
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        extra.setProperty("role", "waiting_name")
        for column, label in enumerate((name, number, extra)):
            self.waiting_grid.addWidget(label, row, column)
        self.waiting_grid.setColumnStretch(0, 1)
        return name, number, extra

    def _fill_transfer_menu(self, groups: list[ServiceGroup]) -> None:
        self.transfer_menu.clear()
        for group in groups:
            if self.current is not None and group.id == self.current.group_id:
                continue
            action = self.transfer_menu.addAction(f"{group.letter} · {group.name}")
            action.setData(group.id)
            action.triggered.connect(lambda _=False, g=group.id: self.transfer(g))

    def _enable(self) -> None:
        ticket = self.current
        held = ticket is not None and ticket.state in (TicketState.CALLED, TicketState.SERVING)
        held = held and not self._acting
        self.call_next_button.setEnabled(self.counter is not None and not self._acting)
        for button in (self.recall_button, self.transfer_button, self.finish_button):
            button.setEnabled(held)
        self.intake_button.setEnabled(held)
        self.no_show_button.setEnabled(held and ticket.state is TicketState.CALLED)  # type: ignore[union-attr]

    # ------------------------------------------------------------ actions

    def _status(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("problem", problem)
        self.status_label.style().polish(self.status_label)

    def _run(
        self,
        work: Callable[[], Ticket | None],
        done: str = "",
        then: Callable[[Ticket | None], None] | None = None,
    ) -> None:
        """Run one queue action off the window's thread; a refusal is shown under the
        buttons, never lost; after a success the status says ``done`` and ``then(ticket)``
        follows. The buttons wait meanwhile."""
        if self._acting:
            return
        self._acting = True
        self._enable()
        background.run(  # a refusal, or a server away, comes back as its message
            self,
            work,
            lambda ticket, error: self._acted(ticket, error, done, then),
            pool=background.device_pool(),
        )

    def acting(self) -> bool:
        """Whether an action of the buttons is on its way."""
        return self._acting

    def _acted(
        self,
        ticket: Ticket | None,
        error: str | None,
        done: str,
        then: Callable[[Ticket | None], None] | None,
    ) -> None:
        self._acting = False
        if error is not None:
            log.info("counter %s: %s", self._number, error)
        self._status(error or done, problem=error is not None)
        self._version = -1
        self.server.poll()
        self._enable()
        if error is None and then is not None:
            then(ticket)

    def call_next(self) -> None:
        served = self.current.id if self.current is not None else None
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock

        def work() -> Ticket | None:
            ticket = queue.call_next(db, number, clerk, clock)
            if served is not None:  # calling next finished the one being served
                _ask_rating(db, clerk, clock, number, served)
            return ticket

        def then(ticket: Ticket | None) -> None:
            if ticket is None:
                self._status(
                    translate("CounterPanel", "Không còn ai đang chờ ở các nhóm quầy này phục vụ.")
                )
            else:
                self._status(
                    translate("CounterPanel", "Đang mời số {code}.").format(code=ticket.code)
                )

        self._run(work, then=then)

    def _held_action(
        self,
        act: Callable[[int], Ticket],
        done: str,
        then: Callable[[Ticket | None], None] | None = None,
    ) -> None:
        if self.current is None:
            return
        ticket_id = self.current.id
        self._run(lambda: act(ticket_id), done, then)

    def recall(self) -> None:
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock
        self._held_action(
            lambda t: queue.recall(db, t, number, clerk, clock),
            translate("CounterPanel", "Đã gọi lại."),
        )

    def mark_no_show(self) -> None:
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock
        self._held_action(
            lambda t: queue.mark_no_show(db, t, number, clerk, clock),
            translate("CounterPanel", "Đã đánh dấu vắng mặt."),
        )

    def finish(self) -> None:
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock

        def act(ticket_id: int) -> Ticket:
            ticket = queue.finish(db, ticket_id, number, clerk, clock)
            _ask_rating(db, clerk, clock, number, ticket.id)
            return ticket

        self._held_action(act, translate("CounterPanel", "Đã hoàn thành."))

    def transfer(self, group_id: int) -> None:
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock
        self._held_action(
            lambda t: queue.transfer(db, t, number, group_id, clerk, clock),
            translate("CounterPanel", "Đã chuyển sang nhóm khác; số giữ chỗ theo giờ lấy số."),
        )

    def request_intake(self) -> None:
        """Mark the citizen as at the counter and ask the main window for an intake."""
        db, number, clerk, clock = self._db, self._number, self._clerk, self._clock

        def then(ticket: Ticket | None) -> None:
            if ticket is not None:
                self.intake_requested.emit(ticket.id)

        self._held_action(lambda t: queue.start_service(db, t, number, clerk, clock), "", then)


def _ask_rating(db: Database, clerk: Clerk, clock: Clock, number: int, ticket_id: int) -> None:
    """The citizen facing the rating window is asked how the service was (a courtesy:
    it never blocks the counter)."""
    try:
        ratings.request_rating(db, clerk, clock, ticket_id=ticket_id, counter_number=number)
    except UserError as exc:
        log.warning("counter %s: rating request failed: %s", number, exc.message)
