"""The dossier page's printing: its receipt again, and each form of Circular
03/2025/TT-VPCP, Annex I, the dossier has (the control slip, form 06; the supplement
request, 02; the refusal, 03; the stop notice, 05; the apology, 04).

A mix-in of :class:`~desk.ui.dossier.dossier_page.DossierPage`: the buttons sit in its
footer, three rows of two so the page fits a 1024-pixel screen. The receipt is shown and
printed in the background (``desk.ui.intake.receipt_preview``); a form is written off
the window's thread (``form_documents.FormWriter``), then opened to print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton

from desk.ui.dossier import form_documents
from desk.ui.intake import receipt_preview
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.domain.clock import Clock
    from desk.domain.office import Clerk
    from desk.storage.database import Database
    from desk.ui.intake.receipt_preview import ReceiptPreviewDialog


class PagePrinting:
    """The footer's buttons and what they print; the page provides the dossier's code,
    the database, the clerk, the clock and its form writer."""

    db: Database
    code: str
    clerk: Clerk
    clock: Clock
    forms: form_documents.PageForms
    last_preview: ReceiptPreviewDialog | None
    apology_form_button: QPushButton

    def _build_footer(self) -> QHBoxLayout:
        self.receipt_button = QPushButton(translate("DossierPage", "In lại phiếu hẹn"))
        self.receipt_button.clicked.connect(self.print_receipt)
        self.slip_button = QPushButton(translate("DossierPage", "Phiếu kiểm soát (mẫu 06)"))
        self.slip_button.clicked.connect(self.print_control_slip)
        self.supplement_form_button = QPushButton(
            translate("DossierPage", "Phiếu yêu cầu bổ sung (mẫu 02)")
        )
        self.supplement_form_button.clicked.connect(
            lambda: self._write_form(form_documents.SUPPLEMENT_REQUEST)
        )
        self.refusal_form_button = QPushButton(translate("DossierPage", "Phiếu từ chối (mẫu 03)"))
        self.refusal_form_button.clicked.connect(lambda: self._write_form(form_documents.REFUSAL))
        self.stop_form_button = QPushButton(translate("DossierPage", "Thông báo dừng (mẫu 05)"))
        self.stop_form_button.setObjectName("stop_form")
        self.stop_form_button.clicked.connect(lambda: self._write_form(form_documents.STOP_NOTICE))
        self.close_button = QPushButton(translate("DossierPage", "Đóng"))
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout()
        forms = QGridLayout()  # three rows of two: the page fits a 1024-pixel screen
        buttons = (
            self.receipt_button,
            self.slip_button,
            self.supplement_form_button,
            self.refusal_form_button,
            self.stop_form_button,
            self.apology_form_button,
        )
        for number, button in enumerate(buttons):
            button.setAutoDefault(False)
            forms.addWidget(button, number // 2, number % 2)
        row.addLayout(forms)
        row.addStretch(1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        return row

    def print_receipt(self) -> None:
        """Print the receipt (after a supplement: the new one, with the new appointment);
        it shows once drawn, off the window's thread (``last_preview``)."""

        def shown(preview: ReceiptPreviewDialog | None) -> None:
            if preview is None:
                return
            preview.destroyed.connect(lambda *_: self._forget_preview(preview))
            self.last_preview = preview

        receipt_preview.open_printing(
            self.db,
            self.code,
            self,
            translate("DossierPage", "In phiếu hẹn"),
            self.clerk,
            self.clock,
            shown,
        )

    def _forget_preview(self, preview: ReceiptPreviewDialog) -> None:
        if self.last_preview is preview:
            self.last_preview = None

    def print_control_slip(self) -> None:
        self._write_form(form_documents.CONTROL_SLIP)

    def _write_form(self, form: form_documents.Form, before: str = "") -> None:
        """Write ``form`` in the background, then open it to print (see ``PageForms``)."""
        button = {
            form_documents.CONTROL_SLIP: self.slip_button,
            form_documents.SUPPLEMENT_REQUEST: self.supplement_form_button,
            form_documents.REFUSAL: self.refusal_form_button,
            form_documents.STOP_NOTICE: self.stop_form_button,
            form_documents.APOLOGY: self.apology_form_button,
        }[form]
        self.forms.write(form, before, [button])
