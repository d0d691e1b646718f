"""The "Quét/nhập mã hồ sơ" box: where a citizen's receipt is scanned or its code typed.

The receipt carries the dossier code as a QR code. A keyboard-wedge scanner
"types" what it reads followed by Enter into the focused input, so the box only
has to be focused: F2 does that from any screen of the program (many scanners
can also be set to send F2 before each code). Enter opens the dossier.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desk.ui.widgets.qt_helpers import translate

CONTEXT = "ScanBox"


def normalise_code(text: str) -> str:
    """The code as stored: no spaces, capital letters (a scanner may send either case)."""
    return "".join(text.split()).upper()


class ScanBox(QWidget):
    """A label, the code input and an "Mở" button; ``submitted(code)`` on Enter."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(translate("ScanBox", "Quét/nhập mã hồ sơ (F2):"), self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("scan_box")
        self.edit.setPlaceholderText(translate("ScanBox", "Ví dụ: H36.41-260310-0001"))
        self.edit.setClearButtonEnabled(True)
        width = self.edit.fontMetrics().horizontalAdvance("H36.41-260310-0001")
        self.edit.setMinimumWidth(width + 60)
        self.edit.setMaximumWidth(width * 2)
        self.edit.setToolTip(
            translate(
                "ScanBox",
                "Bấm F2 ở bất kỳ màn hình nào rồi quét mã QR trên phiếu hẹn, hoặc gõ mã hồ sơ "
                "và bấm Enter.",
            )
        )
        self.label.setBuddy(self.edit)
        self.open_button = QPushButton(translate("ScanBox", "Mở"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.submit)
        self.edit.returnPressed.connect(self.submit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.open_button)
        layout.addStretch(1)

    def focus_box(self) -> None:
        """Bring the window forward and put the cursor in the box, ready for a scan."""
        window = self.window()
        window.raise_()
        window.activateWindow()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def submit(self) -> None:
        code = normalise_code(self.edit.text())
        if code:
            self.submitted.emit(code)

    def done(self) -> None:
        """The dossier was found: empty the box for the next scan."""
        self.edit.clear()

    def failed(self) -> None:
        """Keep what was read, selected, so the next scan or typing replaces it."""
        self.edit.setFocus()
        self.edit.selectAll()
