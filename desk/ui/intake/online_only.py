"""A procedure accepted online only (Directive 24/CT-TTg, from 01/10/2025) at the counter.

The intake form shows a notice under the search: the clerk guides the citizen to the
National Public Service Portal and may print a short guide on the receipt printer
(off the window's thread, ``GuidePrinter``; each guide is counted in the reports).
``OnlineGuide`` is a mix-in of :class:`~desk.ui.intake.intake_window.IntakeWindow`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.procedure import Procedure
from desk.services import intake
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:  # the guide's picture: loaded with the printing
    from PIL import Image

    from desk.domain.office import Clerk
    from desk.ui.intake.guide_printer import GuidePrinter

log = logging.getLogger(__name__)

NOTICE_STYLE = (
    "QFrame#online_only_notice { background: #fff4e5; border: 2px solid #e65100;"
    " border-radius: 4px; }"
)


class OnlineOnlyNotice(QFrame):
    """Shown while an online-only procedure is picked: the warning, the guide, the override."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("online_only_notice")
        self.setStyleSheet(NOTICE_STYLE)
        self.message = QLabel(intake.online_only_notice(), self)
        self.message.setObjectName("online_only_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a3300; font-weight: bold; border: none;")
        self.print_button = QPushButton(
            translate("IntakeWindow", "In hướng dẫn nộp trực tuyến"), self
        )
        self.print_button.setObjectName("print_guide")
        self.print_button.setAutoDefault(False)
        self.status = QLabel(self)
        self.status.setObjectName("guide_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("border: none;")
        self.accept_check = QCheckBox(
            translate("IntakeWindow", "Vẫn tiếp nhận tại quầy (trường hợp đặc biệt)"), self
        )
        self.accept_check.setObjectName("accept_online_only")
        self.accept_check.setStyleSheet("border: none;")
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.accept_check)
        self.hide()

    def show_for(self, procedure: Procedure | None) -> None:
        """Visible for an online-only procedure; a new pick starts without the override."""
        self.accept_check.setChecked(False)
        self.status.clear()
        self.setVisible(procedure is not None and procedure.online_only)

    def set_status(self, text: str, error: bool = False) -> None:
        colour = "#b71c1c" if error else "#1b5e20"
        self.status.setStyleSheet(f"border: none; color: {colour};")
        self.status.setText(text)


class OnlineGuide:
    """Printing the guide of the procedure picked; the form provides the notice and the printer."""

    _procedure: Procedure | None
    _clerk: Clerk
    online_notice: OnlineOnlyNotice
    guide_printer: GuidePrinter
    last_guide: Image.Image | None

    def print_guide(self) -> bool:
        """Print the guide of the procedure picked, in the background; ``False`` if not started."""
        if self._procedure is None or not self._procedure.online_only:
            return False
        if not self.guide_printer.request(self._procedure.code):
            return False
        self.online_notice.print_button.setEnabled(False)
        self.online_notice.set_status(translate("IntakeWindow", "Đang in phiếu hướng dẫn..."))
        return True

    def _guide_printed(self, code: str, image: Image.Image) -> None:
        self.last_guide = image
        self.online_notice.print_button.setEnabled(True)
        self.online_notice.set_status(
            translate(
                "IntakeWindow", "Đã in phiếu hướng dẫn nộp trực tuyến cho thủ tục {code}."
            ).format(code=code)
        )
        log.info("online guide %s printed by %s", code, self._clerk.username)
        self.guide_printed.emit(code)

    def _guide_failed(self, code: str, message: str) -> None:
        self.online_notice.print_button.setEnabled(True)
        self.online_notice.set_status(
            translate("IntakeWindow", "Chưa in được phiếu hướng dẫn: {message}").format(
                message=message
            ),
            error=True,
        )

    def _on_accept_toggled(self, checked: bool) -> None:
        if checked:
            self.picker.error.clear_message()
