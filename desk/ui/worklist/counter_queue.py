"""The counter this PC is at, its queue panel, and the ticket an intake is for.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`. A PC at a counter
(its number in the machine settings, "Hồ sơ > Quầy của máy này...") shows the
counter's queue panel beside the form. "Tiếp nhận hồ sơ" on the panel starts an
intake for the ticket being served: every dossier saved while that ticket is
still served at this counter is linked to it (one citizen may bring several
dossiers).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QSpinBox

from desk import config
from desk.domain.errors import UserError
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message, translate

if TYPE_CHECKING:
    from desk.domain.clock import Clock
    from desk.domain.office import Clerk
    from desk.domain.queue import Ticket
    from desk.storage.database import Database
    from desk.ui.worklist.counter_panel import CounterPanel

log = logging.getLogger(__name__)

#: How often the window checks that the ticket an intake is for is still being served.
TICKET_CHECK_MS = 1000


def machine_counter() -> int | None:
    """This PC's counter number (1 to 99) from its machine settings; None: not a counter."""
    value = config.machine_settings().get("counter")
    return value if type(value) is int and 1 <= value <= 99 else None


class CounterQueue:
    """This PC's counter and the ticket served at it; the window provides the rest."""

    _db: Database
    _clerk: Clerk
    _clock: Clock
    _ticket_timer: QTimer
    counter_dock: QDockWidget | None
    counter_panel: CounterPanel | None
    counter_number: int | None
    ticket: Ticket | None

    def ask_counter(self) -> QInputDialog:
        """Which counter this PC is at (or none): saved for this PC, the panel follows at once."""
        dialog = QInputDialog(self)
        dialog.setObjectName("counter_dialog")
        dialog.setWindowTitle(translate("MainWindow", "Quầy của máy này"))
        dialog.setLabelText(
            translate(
                "MainWindow", "Máy tính này đặt ở quầy số (1 đến 99), hoặc “Không phải quầy”:"
            )
        )
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, 99)
        dialog.setIntValue(self.counter_number or 0)
        spin = dialog.findChild(QSpinBox)
        if spin is not None:
            spin.setSpecialValueText(translate("MainWindow", "Không phải quầy"))
        dialog.setOkButtonText(translate("MainWindow", "Lưu"))
        dialog.setCancelButtonText(translate("MainWindow", "Hủy"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.intValueSelected.connect(lambda number: self.set_counter(number or None))
        dialog.open()
        return dialog

    def set_counter(self, number: int | None, save: bool = True) -> None:
        """Make this PC counter ``number`` (None: no counter) and show or hide its panel."""
        if save:
            try:
                config.save_machine_setting("counter", number)
            except OSError as exc:
                show_message(
                    self,
                    translate("MainWindow", "Quầy của máy này"),
                    translate("MainWindow", "Không lưu được cài đặt của máy: {error}").format(
                        error=exc.strerror or exc
                    ),
                )
                return
        self.forget_ticket()
        if self.counter_dock is not None:
            self.removeDockWidget(self.counter_dock)
            self.counter_dock.deleteLater()
            self.counter_dock = self.counter_panel = None
        self.counter_number = number
        if number is None:
            return
        from desk.ui.worklist.counter_panel import CounterPanel

        panel = CounterPanel(self._db, self._clerk, number, self._clock)
        panel.intake_requested.connect(self.start_intake_for_ticket)
        dock = QDockWidget(translate("MainWindow", "Hàng đợi tại quầy {n}").format(n=number), self)
        dock.setObjectName("counter_dock")
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
        self.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
        self.counter_dock, self.counter_panel = dock, panel

    def start_intake_for_ticket(self, ticket_id: int) -> None:
        """The citizen of ``ticket_id`` is at the counter: a new intake, remembered as
        theirs (the ticket read off the window's thread first)."""
        from desk.services import queue

        db = self._db

        def read(ticket: Ticket | None, refusal: UserError | None, error: str | None) -> None:
            if ticket is None:
                message = refusal.message if refusal is not None else error or ""
                show_message(self, translate("MainWindow", "Tiếp nhận hồ sơ"), message)
                return
            self.ticket = ticket
            self.ticket_label.setText(
                translate("MainWindow", "Từ số {code}").format(code=ticket.code)
            )
            self.ticket_label.show()
            self._ticket_timer.start()
            self.new_intake()

        background.run_refusable(self, lambda: queue.get_ticket(db, ticket_id), read)

    def forget_ticket(self) -> None:
        self.ticket = None
        self.ticket_label.hide()
        self._ticket_timer.stop()

    def _check_ticket(self) -> None:
        """Forget the ticket once the panel no longer serves it (finished, transferred...)."""
        current = self.counter_panel.current if self.counter_panel is not None else None
        if self.ticket is not None and (current is None or current.id != self.ticket.id):
            self.forget_ticket()

    def _link_to_ticket(self, code: str, then: Callable[[Ticket | None], None]) -> None:
        """Link the saved dossier to the ticket when it is still served here, off the
        window's thread; then ``then(ticket)`` (``None``: no ticket, or no longer here)."""
        if self.ticket is None:
            then(None)
            return
        from desk.services import queue

        db, ticket_id, number, clock = self._db, self.ticket.id, self.counter_number, self._clock

        def linked(ticket: Ticket | None, refusal: UserError | None, error: str | None) -> None:
            if refusal is not None or error is not None:
                message = refusal.message if refusal is not None else error or ""
                log.warning("dossier %s not linked to its ticket: %s", code, message)
                show_message(self, translate("MainWindow", "Gắn hồ sơ với số thứ tự"), message)
                then(None)
                return
            if ticket is None and self.ticket is not None and self.ticket.id == ticket_id:
                self.forget_ticket()  # finished or moved on meanwhile
            if self.counter_panel is not None:
                self.counter_panel.poll()
            then(ticket)

        background.run_refusable(
            self, lambda: queue.link_if_served(db, ticket_id, number, code, clock), linked
        )
