"""Printing a saved dossier's receipt again, from the list or by its code.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`: the receipt is shown
and printed in the background (``desk.ui.intake.receipt_preview``); a printer that
is off never loses the dossier, which was saved before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from desk.ui.widgets.qt_helpers import show_message, translate

if TYPE_CHECKING:
    from desk.domain.clock import Clock
    from desk.domain.office import Clerk
    from desk.storage.database import Database
    from desk.ui.intake.receipt_preview import ReceiptPreviewDialog


class Reprinting:
    """Reprinting receipts; the window provides the list, the intake and the database."""

    _db: Database
    _clerk: Clerk
    _clock: Clock
    last_preview: ReceiptPreviewDialog | None

    def reprint_selected(self) -> None:
        code = self.selected_code()
        if code is None:
            show_message(
                self,
                translate("MainWindow", "In lại phiếu"),
                translate("MainWindow", "Hãy chọn một hồ sơ trong danh sách trước."),
                QMessageBox.Icon.Information,
            )
            return
        self.reprint(code)

    def ask_reprint(self) -> None:
        """Ask for a dossier code to reprint, offering the selected (or last saved) one."""
        suggestion = ""
        if self.tabs.currentWidget() is self.worklist:  # the list's selected dossier
            suggestion = self.selected_code() or ""
        if not suggestion and self.intake_built and self.intake.last_dossier is not None:
            suggestion = self.intake.last_dossier.code
        dialog = QInputDialog(self)
        dialog.setObjectName("reprint_code_dialog")
        dialog.setWindowTitle(translate("MainWindow", "In lại phiếu"))
        dialog.setLabelText(translate("MainWindow", "Mã hồ sơ (ví dụ H36.41-260310-0001):"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(suggestion)
        dialog.setOkButtonText(translate("MainWindow", "In lại"))
        dialog.setCancelButtonText(translate("MainWindow", "Hủy"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda text: self.reprint(text.strip()) if text.strip() else None
        )
        dialog.open()

    def reprint(self, code: str) -> None:
        """Show a saved dossier's receipt and print it again in the background (it shows
        once drawn, off the window's thread: ``last_preview``)."""
        from desk.ui.intake import receipt_preview

        def shown(dialog: ReceiptPreviewDialog | None) -> None:
            if dialog is None:
                return
            self.last_preview = dialog
            dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))

        title = translate("MainWindow", "In lại phiếu")
        receipt_preview.open_printing(self._db, code, self, title, self._clerk, self._clock, shown)

    def _forget_preview(self, dialog: ReceiptPreviewDialog) -> None:
        if self.last_preview is dialog:
            self.last_preview = None
