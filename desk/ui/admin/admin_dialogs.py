"""The admin dialogs the main window opens, each imported when first used.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`: each dialog opens
window-modal over it, and when it closes the window re-reads what the dialog may
have changed (the office's name, the catalog, the departments, the queue).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

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

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        """Show an admin dialog; when it closes, re-read what it may have changed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._after_admin_dialog(dialog))
        dialog.open()
        return dialog

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

    def open_clerks(self) -> QDialog:
        from desk.ui.admin.clerks_dialog import ClerksDialog

        return self._open_dialog(ClerksDialog(self._db, self._clerk, parent=self))

    def open_procedures(self) -> QDialog:
        from desk.ui.admin.procedures_dialog import ProceduresDialog

        return self._open_dialog(ProceduresDialog(self._db, self._clerk, parent=self))

    def open_calendar(self) -> QDialog:
        from desk.ui.admin.calendar_dialog import CalendarDialog

        return self._open_dialog(
            CalendarDialog(self._db, self._clerk, parent=self, clock=self._clock)
        )

    def open_rules(self) -> QDialog:
        from desk.ui.admin.rules_dialog import RulesDialog

        return self._open_dialog(RulesDialog(self._db, self._clerk, parent=self))

    def open_printer(self) -> QDialog:
        from desk.ui.admin.printer_dialog import PrinterSettingsDialog

        return self._open_dialog(
            PrinterSettingsDialog(self._db, self._clerk, parent=self, clock=self._clock)
        )

    def open_pc_printer(self) -> QDialog:
        """This PC's own receipt printer: any clerk (``PrinterSettingsDialog(this_pc=True)``)."""
        from desk.ui.admin.printer_dialog import PrinterSettingsDialog

        return self._open_dialog(
            PrinterSettingsDialog(
                self._db, self._clerk, parent=self, clock=self._clock, this_pc=True
            )
        )

    def open_departments(self) -> QDialog:
        from desk.ui.admin.departments_dialog import DepartmentsDialog

        return self._open_dialog(DepartmentsDialog(self._db, self._clerk, parent=self))

    def open_queue(self) -> QDialog:
        from desk.ui.admin.queue_dialog import QueueDialog

        return self._open_dialog(QueueDialog(self._db, self._clerk, parent=self))

    def open_office(self) -> QDialog:
        from desk.ui.admin.office_dialog import OfficeDialog

        return self._open_dialog(OfficeDialog(self._db, self._clerk, parent=self))
