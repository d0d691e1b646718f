"""The worklist's filter boxes: field, procedure, status, channel, department, clerk.

Filled from the catalog, the departments and the accounts (``fill_choices``), read
off the window's thread: until they come each box offers "all" (and the channels,
which need no reading), and a clerk's clerk box already holds their own name. The
statuses offered are those of the view shown (``fill_statuses``). A clerk's clerk
box is fixed on their own name (they work on the dossiers given to them); a
supervisor's lists everyone. ``changed`` says a box was chosen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from desk.domain.dossier import STATUS_LABELS
from desk.domain.office import Clerk
from desk.domain.procedure import CHANNEL_LABELS, Channel
from desk.domain.text import fold
from desk.domain.translation import translated
from desk.services import worklist
from desk.services.worklist import Choices, View
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate
from desk.ui.worklist.worklist_table_model import status_choices

log = logging.getLogger(__name__)

#: Texts never shown: they only set how wide a filter box is (in characters).
WIDTH_SAMPLES = {
    "field_filter": "Tất cả lĩnh vực....",  # untranslated: width sample
    "procedure_filter": "Tất cả thủ tục hành chính....",  # untranslated: width sample
    "status_filter": "Tất cả trạng thái...",  # untranslated: width sample
    "channel_filter": "Qua dịch vụ bưu chính",  # untranslated: width sample
    "department_filter": "Tất cả phòng, ban.....",  # untranslated: width sample
    "assignee_filter": "Tất cả cán bộ.......",  # untranslated: width sample
}


class FilterBar(QWidget):
    """The six filter boxes in a row."""

    changed = Signal()
    #: The choices' read ended (shown, or kept as they were when it failed).
    choices_read = Signal()

    def __init__(self, db: Database, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._clerk = clerk
        self.field_combo = self._combo("field_filter")
        self.procedure_combo = self._combo("procedure_filter")
        self.status_combo = self._combo("status_filter")
        self.channel_combo = self._combo("channel_filter")
        self.department_combo = self._combo("department_filter")
        self.assignee_combo = self._combo("assignee_filter")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos():
            row.addWidget(combo, 1)
        #: The reads of the choices: a later read makes an earlier one late (not shown).
        self._reads = background.NewestRead(self)
        # What needs no reading is offered at once: "all" in every box, the channels, and
        # a clerk's own name (their list is theirs from the first read).
        own = [(clerk.username, clerk.full_name)] if not clerk.is_supervisor else []
        self.show_choices(Choices([], [], [], own))
        self.fill_statuses(View.URGENT)

    def _combo(self, name: str) -> QComboBox:
        """A filter box as many characters wide as its ``WIDTH_SAMPLES`` entry."""
        width_text = WIDTH_SAMPLES[name]
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(len(width_text))
        # Narrower when the window is (a counter's queue panel beside it): the text elides.
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("M" * 8))
        combo.view().setMinimumWidth(combo.fontMetrics().horizontalAdvance("M" * 40))
        combo.activated.connect(lambda _index: self.changed.emit())
        return combo

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.field_combo,
            self.procedure_combo,
            self.status_combo,
            self.channel_combo,
            self.department_combo,
            self.assignee_combo,
        )

    def fill_choices(self, view: View) -> None:
        """Fill the boxes from the catalog, the departments and the accounts, read off the
        window's thread; the status box at once, with the statuses ``view`` can hold."""
        self.fill_statuses(view)
        db = self._db

        def done(choices: Choices | None, error: str | None) -> None:
            if choices is None:  # the boxes keep what they offer; the list still reads
                log.warning("the filter boxes' choices could not be read: %s", error)
            else:
                self.show_choices(choices)
            self.choices_read.emit()

        self._reads.run(lambda: worklist.choices(db), done)

    def reading(self) -> bool:
        """Whether the choices are on their way."""
        return self._reads.waiting()

    def show_choices(self, choices: Choices) -> None:
        """Offer ``choices`` in the boxes; what each box had chosen stays if it still can."""

        def fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value, label in items:
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

        fill(
            self.field_combo,
            translate("WorklistView", "Tất cả lĩnh vực"),
            [(f, f) for f in sorted(choices.fields, key=fold)],
        )
        fill(
            self.procedure_combo,
            translate("WorklistView", "Tất cả thủ tục"),
            sorted(choices.procedures, key=lambda p: fold(p[1])),
        )
        fill(
            self.channel_combo,
            translate("WorklistView", "Mọi hình thức nộp"),
            [(c.value, translated(CHANNEL_LABELS[c])) for c in Channel],
        )
        fill(
            self.department_combo,
            translate("WorklistView", "Tất cả phòng, ban"),
            [(d, d) for d in sorted(choices.departments, key=fold)],
        )
        assignees = choices.assignees
        own = (self._clerk.username, self._clerk.full_name)
        if not self._clerk.is_supervisor and own[0] not in {u for u, _name in assignees}:
            assignees = [*assignees, own]  # their box holds them even if the read did not
        fill(self.assignee_combo, translate("WorklistView", "Tất cả cán bộ"), assignees)
        if not self._clerk.is_supervisor:
            # A clerk works on the dossiers given to them; a supervisor sees everyone's.
            at = self.assignee_combo.findData(self._clerk.username)
            self.assignee_combo.setCurrentIndex(max(at, 0))
            self.assignee_combo.setEnabled(False)
            self.assignee_combo.setToolTip(
                translate(
                    "WorklistView",
                    "Danh sách chỉ gồm hồ sơ anh/chị phụ trách. Hồ sơ khác: quét hoặc nhập mã "
                    "ở ô “Quét/nhập mã hồ sơ” (F2).",
                )
            )

    def fill_statuses(self, view: View) -> None:
        """The statuses ``view`` can hold; the one chosen stays if it still can."""
        combo = self.status_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("WorklistView", "Tất cả trạng thái"), None)
        for status in status_choices(view):
            combo.addItem(translated(STATUS_LABELS[status]), status)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.setEnabled(combo.count() > 2)
        combo.blockSignals(False)

    def reset(self) -> None:
        """Every box back to "all" (a clerk's own name stays in the clerk box)."""
        for combo in self.combos():
            if combo is not self.assignee_combo or self._clerk.is_supervisor:
                combo.setCurrentIndex(0)
