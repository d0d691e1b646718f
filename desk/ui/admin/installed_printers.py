"""The printers installed on this computer, for the printer settings to pick one.

Each is listed with whether it is the default or offline; choosing one gives its printer
address (``desk.printing.system_printers``). A printer known only by its Windows name
cannot be chosen here: its address is typed below it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from desk.printing.system_printers import SystemPrinter, list_system_printers, uri_for
from desk.ui.widgets.qt_helpers import translate


def printer_label(printer: SystemPrinter) -> str:
    """A printer as the list shows it: its name, and whether it is the default or offline."""
    if printer.is_default and printer.offline:
        text = translate("PrinterSettingsDialog", "{name} (mặc định, Windows báo đang ngoại tuyến)")
    elif printer.is_default:
        text = translate("PrinterSettingsDialog", "{name} (mặc định)")
    elif printer.offline:
        text = translate("PrinterSettingsDialog", "{name} (Windows báo đang ngoại tuyến)")
    else:
        text = "{name}"
    return text.format(name=printer.name)


class InstalledPrinters(QWidget):
    """The printers installed on this computer; choosing one gives its printer address."""

    chosen = Signal(str)

    def __init__(
        self,
        lister: Callable[[], list[SystemPrinter]] = list_system_printers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lister = lister
        self.printers: list[SystemPrinter] = []
        self.combo = QComboBox()
        self.combo.setObjectName("installed_printers")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._picked)
        self.refresh_button = QPushButton(translate("PrinterSettingsDialog", "Tìm lại"))
        self.refresh_button.setToolTip(
            translate("PrinterSettingsDialog", "Đọc lại danh sách máy in (sau khi vừa cài máy in)")
        )
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh_button)

    def refresh(self) -> None:
        """Read the list again, keeping the printer that was selected if it is still there."""
        current = self.current_uri()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            listed = self.lister()
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.printers = [p for p in listed if uri_for(p) is not None]
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.printers:
            self.combo.addItem(translate("PrinterSettingsDialog", "— Chọn máy in —"), "")
        elif listed:
            self.combo.addItem(
                translate(
                    "PrinterSettingsDialog",
                    "Chỉ chọn theo tên được trên Windows: hãy nhập địa chỉ máy in bên dưới",
                ),
                "",
            )
        else:
            self.combo.addItem(
                translate("PrinterSettingsDialog", "Không tìm thấy máy in nào đã cài trên máy này"),
                "",
            )
        for printer in self.printers:
            self.combo.addItem(printer_label(printer), uri_for(printer))
        self.combo.setEnabled(bool(self.printers))
        self.combo.blockSignals(False)
        self.select_uri(current)

    def current_uri(self) -> str:
        return str(self.combo.currentData() or "")

    def select_uri(self, uri: str) -> None:
        """Show the printer ``uri`` names (typed or saved), or "choose" if it is none of them."""
        at = self.combo.findData(uri.strip()) if uri.strip() else -1
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(at, 0))
        self.combo.blockSignals(False)

    def printer_for(self, uri: str) -> SystemPrinter | None:
        return next((p for p in self.printers if uri_for(p) == uri.strip()), None)

    def _picked(self, index: int) -> None:
        uri = str(self.combo.itemData(index) or "")
        if uri:
            self.chosen.emit(uri)
