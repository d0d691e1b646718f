"""The apology on the dossier page: "Xin lỗi và hẹn lại..." and the letter (form 04).

What a supervisor does for a dossier the at-risk list flags. Decree 118/2025 art.
19(6): the agency apologises in writing and gives the one new date; the date
may be moved once only. So the button is offered for a running dossier without
an apology, and its tooltip says why it is not offered otherwise (the letter
already made, with its number and new date; or the dossier no longer running).
The dossier keeps its original appointment for the statistics (by default:
an office setting, ``desk.services.office_rules``); the page shows the new date beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desk.domain.apology import Apology
from desk.domain.clock import Clock
from desk.domain.dossier import Dossier
from desk.domain.lifecycle import STEP_LABELS, StepKind
from desk.domain.office import Clerk
from desk.domain.step_offer import apology_allowed, apology_why_not
from desk.domain.translation import translated
from desk.storage.database import Database
from desk.ui.dossier.apology_dialog import ApologyDialog
from desk.ui.dossier.page_steps import BUTTON_TEXTS
from desk.ui.dossier.step_dialogs import when
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message, translate

CONTEXT = "DossierPage"


class PageApology(QObject):
    """The page's apology button and letter button; ``made`` once an apology is recorded."""

    made = Signal()

    def __init__(self, page: QWidget, db: Database, clerk: Clerk, code: str, clock: Clock) -> None:
        super().__init__(page)
        self._page, self._db, self._clerk, self._code, self._clock = page, db, clerk, code, clock
        #: The dossier's apology as last read (None: it has none).
        self.apology: Apology | None = None
        self.last_dialog: ApologyDialog | None = None
        self._reads = background.NewestRead(self)
        self.button = QPushButton(translated(BUTTON_TEXTS[StepKind.APOLOGY]), page)
        self.button.setObjectName("do_apology")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open_dialog)
        self.form_button = QPushButton(translate("DossierPage", "Văn bản xin lỗi (mẫu 04)"), page)
        self.form_button.setObjectName("apology_form")

    def take(self, apology: Apology | None) -> None:
        """The dossier's apology, as the page read it."""
        self.apology = apology

    def enable(self, dossier: Dossier) -> None:
        """Offer the apology when the law allows one now; say why not otherwise."""
        role = self._clerk.role
        allowed = apology_allowed(dossier, self.apology, role)
        self.button.setEnabled(allowed)
        self.button.setToolTip("" if allowed else apology_why_not(dossier, self.apology, role))
        made = self.apology is not None
        self.form_button.setEnabled(made)
        self.form_button.setToolTip(
            translate("DossierPage", "In lại phiếu xin lỗi số {number}.").format(
                number=self.apology.number_text
            )
            if self.apology is not None
            else translate(
                "DossierPage", "Hồ sơ chưa có phiếu xin lỗi: lập bằng nút “Xin lỗi và hẹn lại...”."
            )
        )

    def rescheduled_text(self, dossier: Dossier) -> str:
        """The new date and the letter that gave it ("" when the date was never moved)."""
        if self.apology is None and dossier.effective_due() == dossier.appointment_at:
            return ""
        text = when(dossier.effective_due())
        if self.apology is not None:
            text += translate("DossierPage", " (phiếu xin lỗi số {number}, lập {at})").format(
                number=self.apology.number_text, at=when(self.apology.made_at)
            )
        return text

    def done_text(self) -> str:
        if self.apology is None:
            return ""
        return translate(
            "DossierPage", "Đã lập phiếu xin lỗi số {number}. Hẹn trả mới: {at}."
        ).format(number=self.apology.number_text, at=when(self.apology.new_due_at))

    def open_dialog(self) -> None:
        """The apology dialog over the page (it writes and opens the letter itself), once
        what it shows is read off the window's thread; a second click reads nothing more."""
        if self._reads.waiting():
            return
        db, code, clock = self._db, self._code, self._clock

        def done(found: dict[str, Any] | None, error: str | None) -> None:
            if error is not None or found is None:  # the dossier vanished, a lock...
                show_message(self._page, translated(STEP_LABELS[StepKind.APOLOGY]), error or "")
                return
            dialog = ApologyDialog(db, self._clerk, code, clock, self._page, found=found)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(self.made)
            dialog.destroyed.connect(lambda *_: self._forget(dialog))
            self.last_dialog = dialog
            dialog.open()

        self._reads.run(lambda: ApologyDialog.read(db, code, clock), done)

    def opening(self) -> bool:
        """Whether the apology dialog is being read to be opened."""
        return self._reads.waiting()

    def _forget(self, dialog: ApologyDialog) -> None:
        if self.last_dialog is dialog:
            self.last_dialog = None
