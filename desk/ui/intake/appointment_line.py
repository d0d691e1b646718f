"""The intake form's appointment, shown live before saving as it will be printed.

The line under the form says the appointment of the chosen procedure and channel,
as of now, worded like the receipt; under it, in orange, why it may still move (a
day of the calendar not yet confirmed). Working it out reads the office's calendar,
so it runs off the window's thread (``background.NewestRead``: the clerk may pick
another procedure before the answer comes, and only the newest is shown); a date
that takes longer than ``DELAY_MS`` says it is being worked out. It is worked out
again every ``REFRESH_MS``: a form left open across noon or the office's closing
time shows the date a save would give.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.domain.clock import Clock
from desk.domain.procedure import Channel, Procedure
from desk.domain.time_limit import TimeLimit, stored_limit_label
from desk.domain.vn_dates import clock_label, weekday_label
from desk.services import intake
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.progress_note import DELAY_MS
from desk.ui.widgets.qt_helpers import translate

REFRESH_MS = 30_000


def appointment_text(preview: intake.AppointmentPreview, limit: TimeLimit | None = None) -> str:
    """The appointment as the clerk reads it out, worded like the receipt.

    For example: Hẹn trả: 10 giờ 00 phút, Thứ Ba 10/03/2026 (03 ngày làm việc).
    In the screen's language: the receipt's Vietnamese ``limit_text`` is shown
    only when the ``limit`` itself is not given.
    """
    at = preview.appointment
    return translate("IntakeWindow", "Hẹn trả: {time}, {weekday} {date} ({limit})").format(
        time=clock_label(at),
        weekday=weekday_label(at),
        date=f"{at:%d/%m/%Y}",
        limit=limit.label() if limit is not None else stored_limit_label(preview.limit_text),
    )


class AppointmentLine(QWidget):
    """The appointment of ``chosen()`` (the procedure and the channel picked), kept up to
    date (``refresh``) off the window's thread."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        chosen: Callable[[], tuple[Procedure | None, Channel]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._clock, self._chosen = db, clock, chosen
        self.label = QLabel(self)
        self.label.setObjectName("appointment")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size: 15px; font-weight: bold; color: #0d47a1;")
        self.calendar_note = QLabel(self)
        self.calendar_note.setObjectName("calendar_note")
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #e65100; font-weight: bold;")
        self.calendar_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.calendar_note)
        #: The reads (the newest shown), for which procedure and channel the date shown
        #: is, and what shows when the newest takes long.
        self._reads = background.NewestRead(self)
        self._shown_for: tuple[str, Channel] | None = None
        self._late = QTimer(self)
        self._late.setSingleShot(True)
        self._late.timeout.connect(self._say_late)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        """Work out the appointment of the procedure and channel chosen, as of now."""
        procedure, channel = self._chosen()
        if procedure is None:
            self._reads.forget()
            self._late.stop()
            self._shown_for = None
            self.calendar_note.hide()
            self.label.setText(
                translate("IntakeWindow", "Hẹn trả: chọn thủ tục để xem ngày hẹn trả kết quả.")
            )
            return
        if (procedure.code, channel) != self._shown_for:  # not the date shown: say so
            self._shown_for = (procedure.code, channel)
            self._late.start(DELAY_MS)
        db, now = self._db, self._clock.now()

        def shown(preview: intake.AppointmentPreview | None, error: str | None) -> None:
            self._late.stop()
            if error is not None or preview is None:
                self.calendar_note.hide()
                self.label.setText(error or "")
                return
            self.label.setText(appointment_text(preview, procedure.limit_for(channel)))
            self.calendar_note.setText(preview.calendar_warning)
            self.calendar_note.setVisible(bool(preview.calendar_warning))

        self._reads.run(lambda: intake.preview_appointment(db, procedure, channel, now), shown)

    def pending(self) -> bool:
        """Whether the appointment shown is being worked out again."""
        return self._reads.waiting()

    def _say_late(self) -> None:
        self.calendar_note.hide()
        self.label.setText(translate("IntakeWindow", "Hẹn trả: đang tính..."))
