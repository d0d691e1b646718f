"""A dialog's save, run off the window's thread.

An admin saving the office's details, an account, a department waits for the server
like anyone: the save runs on the pool (``desk.ui.widgets.background``), the dialog is
held meanwhile (disabled, so a second click saves nothing twice) and says so, and the
outcome comes back on the window's thread: ``saved(result)``, or ``refused(error)``
with the service's ``UserError`` (a ``ValidationError``'s fields, a lock, a server
away) for the dialog to show where it belongs. The focus goes back where it was.
A save that answers at once is not seen at all; one that waits holds the dialog
after ``progress_note.DELAY_MS``, as the intake form does, and a second click
meanwhile asks nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desk.domain.errors import UserError
from desk.ui.widgets import background
from desk.ui.widgets.forms import Notice
from desk.ui.widgets.progress_note import DELAY_MS
from desk.ui.widgets.qt_helpers import translate

T = TypeVar("T")


class DialogSave:
    """The saves of one dialog, one at a time."""

    def __init__(self, dialog: QWidget, notice: Notice | None = None) -> None:
        """``notice``: where the dialog says it is saving (cleared with the outcome)."""
        self._dialog = dialog
        self._notice = notice
        self._waiting = False
        self._held = False
        self._focus: QWidget | None = None
        self._hold_timer = QTimer(dialog)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(DELAY_MS)
        self._hold_timer.timeout.connect(self._hold)

    def _hold(self) -> None:
        self._held = True
        self._focus = QApplication.focusWidget()
        self._dialog.setEnabled(False)
        if self._notice is not None:
            self._notice.show_waiting(translate("DialogSave", "Đang lưu..."))

    def _release(self) -> None:
        self._hold_timer.stop()
        if not self._held:
            return
        self._held = False
        self._dialog.setEnabled(True)
        if self._notice is not None:
            self._notice.clear_notice()
        focus, self._focus = self._focus, None
        if focus is not None and self._dialog.isAncestorOf(focus):
            focus.setFocus()

    def run(
        self,
        work: Callable[[], T],
        saved: Callable[[T], None],
        refused: Callable[[UserError], None],
    ) -> bool:
        """Run ``work()`` off the window's thread, then ``saved`` or ``refused`` here;
        ``False`` when a save is already on its way (nothing more is asked)."""
        if self._waiting:
            return False
        self._waiting = True
        self._hold_timer.start()

        def done(result: Any, refusal: UserError | None, error: str | None) -> None:
            self._waiting = False
            self._release()
            if refusal is not None:
                refused(refusal)
            elif error is not None:  # a bug, logged by the pool: said in the general words
                refused(UserError(error))
            else:
                saved(result)

        background.run_refusable(self._dialog, work, done)
        return True

    def waiting(self) -> bool:
        """Whether a save is on its way."""
        return self._waiting
