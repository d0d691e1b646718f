"""The admin dialogs the main window opens, each imported when first used.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`: what a dialog shows
is read off the window's thread (the dialog's ``read``), then the dialog opens
window-modal over it with what was read (``found``); when it closes the window
re-reads what the dialog may have changed (the office's name, the catalog, the
departments, the queue). A server that makes the read wait leaves the window
answering; a second click meanwhile opens nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message

if TYPE_CHECKING:
    from desk.domain.clock import Clock
    from desk.domain.office import Clerk
    from desk.storage.database import Database


class AdminDialogs:
    """Opening the admin dialogs; the window provides the database, the clerk and the clock."""

    _db: Database
    _clerk: Clerk
    _clock: Clock
    _dialogs: list[QDialog]
    _admin_reads: background.NewestRead

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        """Show an admin dialog; when it closes, re-read what it may have changed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._after_admin_dialog(dialog))
        dialog.open()
        return dialog

    def _open_after_read(
        self, title: str, read: Callable[[], Any], build: Callable[[Any], QDialog]
    ) -> None:
        """Run ``read()`` off the window's thread, then open ``build(found)``; if it could
        not be read, say why under ``title`` instead."""
        if self._admin_reads.waiting():
            return

        def done(found: Any, error: str | None) -> None:
            if error is not None:
                show_message(self, title, error)
                return
            self._open_dialog(build(found))

        self._admin_reads.run(read, done)

    def _open_admin(self, dialog_class: type[QDialog]) -> None:
        """Open one of the dialogs made as ``dialog_class(db, clerk, parent=, found=)``
        once its ``read(db)`` is done."""
        db, clerk, made = self._db, self._clerk, cast(Any, dialog_class)
        self._open_after_read(
            made.title(),
            lambda: made.read(db),
            lambda found: made(db, clerk, parent=self, found=found),
        )

    def opening_admin_dialog(self) -> bool:
        """Whether an admin dialog's content is being read to be opened."""
        return self._admin_reads.waiting()

    @property
    def last_admin_dialog(self) -> QDialog | None:
        """The admin dialog opened last, while it is open."""
        return self._dialogs[-1] if self._dialogs else None

    def _after_admin_dialog(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        self.refresh_title()
        if self.intake_built:  # else it reads the catalog when it is built
            self.intake.reload_catalog()
        self.worklist.fill_choices()
        if self.counter_panel is not None:  # the queue's groups or counters may have changed
            self.counter_panel.refresh()
        if self.calendar_notice is not None:  # a proposed day may have been decided
            self.calendar_notice.refresh()

    def open_clerks(self) -> None:
        from desk.ui.admin.clerks_dialog import ClerksDialog

        self._open_admin(ClerksDialog)

    def open_procedures(self) -> None:
        from desk.ui.admin.procedures_dialog import ProceduresDialog

        self._open_admin(ProceduresDialog)

    def open_calendar(self) -> None:
        from desk.ui.admin.calendar_dialog import CalendarDialog

        db, clerk, clock = self._db, self._clerk, self._clock
        self._open_after_read(
            CalendarDialog.title(),
            lambda: CalendarDialog.read(db, clock),
            lambda found: CalendarDialog(db, clerk, parent=self, clock=clock, found=found),
        )

    def open_rules(self) -> None:
        from desk.ui.admin.rules_dialog import RulesDialog

        self._open_admin(RulesDialog)

    def open_printer(self) -> None:
        self._open_printer(this_pc=False)

    def open_pc_printer(self) -> None:
        """This PC's own receipt printer: any clerk (``PrinterSettingsDialog(this_pc=True)``)."""
        self._open_printer(this_pc=True)

    def _open_printer(self, *, this_pc: bool) -> None:
        from desk.ui.admin.printer_dialog import PrinterSettingsDialog

        db, clerk, clock = self._db, self._clerk, self._clock
        self._open_after_read(
            PrinterSettingsDialog.title(this_pc=this_pc),
            lambda: PrinterSettingsDialog.read(db, this_pc=this_pc),
            lambda found: PrinterSettingsDialog(
                db,
                clerk,
                parent=self,
                clock=clock,
                this_pc=this_pc,
                found=found,
            ),
        )

    def open_departments(self) -> None:
        from desk.ui.admin.departments_dialog import DepartmentsDialog

        self._open_admin(DepartmentsDialog)

    def open_queue(self) -> None:
        from desk.ui.admin.queue_dialog import QueueDialog

        self._open_admin(QueueDialog)

    def open_office(self) -> None:
        from desk.ui.admin.office_dialog import OfficeDialog

        self._open_admin(OfficeDialog)
