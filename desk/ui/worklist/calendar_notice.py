"""The supervisor's line in the status bar about the calendar, until it is settled.

A proposed day off (24/11 before the Labour Code says so) changes no appointment
until the admin decides it, and appointments reaching a year whose official
schedule is not entered are only estimated: the head of the desk sees both here
until they are dealt with (read off the window's thread). A click opens Quản trị ›
Lịch làm việc.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from desk.domain.clock import Clock
from desk.services import calendar
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

log = logging.getLogger(__name__)

WARNING_COLOUR = "#e65100"


class CalendarNotice(QLabel):
    """A link in the status bar, shown to supervisors and admins while something is pending."""

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        clock: Clock,
        open_calendar: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self._db, self._clock = db, clock
        self.setObjectName("calendar_notice")
        self.setContentsMargins(8, 0, 8, 0)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: open_calendar())
        window.statusBar().insertPermanentWidget(0, self)
        self.hide()  # until the calendar is read, and for good if nothing is pending
        #: The reads of what is pending: a later read makes an earlier one late.
        self._reads = background.NewestRead(self)
        self.refresh()

    @staticmethod
    def read(db: Database, today: date) -> str:
        """What is pending, in words ("" when nothing is)."""
        return calendar.supervisor_notice(db, today)

    def message(self) -> str:
        """The same, read now."""
        return self.read(self._db, self._clock.now().date())

    def refresh(self) -> None:
        """Read what is pending off the window's thread, then show it."""
        db, today = self._db, self._clock.now().date()

        def done(text: str | None, error: str | None) -> None:
            if text is None:  # the bar keeps what it showed; the next refresh tries again
                log.warning("the calendar's pending days could not be read: %s", error)
                return
            self.show_message(text)

        self._reads.run(lambda: self.read(db, today), done)

    def reading(self) -> bool:
        return self._reads.waiting()

    def show_message(self, text: str) -> None:
        """A short link in the status bar (it shares the bar); the whole message as its tooltip."""
        short = translate("CalendarNotice", "Lịch làm việc cần xem")
        self.setText(
            f'<a href="calendar" style="color:{WARNING_COLOUR}; font-weight:bold">{short}</a>'
        )
        self.setToolTip(
            translate("CalendarNotice", "{message} Bấm để mở Quản trị › Lịch làm việc.").format(
                message=text
            )
        )
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
