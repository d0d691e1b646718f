"""The supervisor's line in the status bar about the calendar, until it is settled.

A proposed day off (24/11 before the Labour Code says so) changes no appointment
until the admin decides it, and appointments reaching a year whose official
schedule is not entered are only estimated: the head of the desk sees both here
until they are dealt with. A click opens Quản trị › Lịch làm việc.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from desk.domain.clock import Clock
from desk.services import calendar
from desk.storage.database import Database
from desk.ui.widgets.qt_helpers import translate

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
        self.refresh()

    def message(self) -> str:
        return calendar.supervisor_notice(self._db, self._clock.now().date())

    def refresh(self) -> None:
        """A short link in the status bar (it shares the bar); the whole message as its tooltip."""
        text = self.message()
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
