"""The kiosk's priority reasons: elderly, disabled, pregnant, with a small child, merit.

A mix-in of :class:`~desk.ui.public.kiosk_window.KioskWindow`. The citizen touches
one reason at most before the group; the buttons take as many columns as their
words leave room for on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.domain.queue import PRIORITY_LABELS, PriorityReason
from desk.domain.translation import translated
from desk.ui.public.kiosk_look import CHOOSE, place
from desk.ui.widgets.qt_helpers import translate


class KioskPriorities:
    """The priority buttons; the window provides its pages and whether it is portrait."""

    _portrait: bool
    _priority_columns_now: int

    def _priority_box(self) -> QWidget:
        box = QWidget()
        prompt = QLabel(
            translate(
                "KioskWindow",
                "Người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ, "
                "thương binh và người có công được ưu tiên: chạm vào ô phù hợp trước khi chọn "
                "lĩnh vực.",
            )
        )
        prompt.setObjectName("priority_prompt")
        prompt.setWordWrap(True)
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority_buttons: dict[PriorityReason, QPushButton] = {}
        self._priority_group = QButtonGroup(self)
        self._priority_group.setExclusive(False)
        self.priority_grid = QGridLayout()
        self.priority_grid.setSpacing(18)
        for reason, label in PRIORITY_LABELS.items():
            button = QPushButton(translated(label))
            button.setProperty("role", "priority")
            button.setObjectName(f"priority_{reason.value}")
            button.setCheckable(True)
            button.setMinimumHeight(84)
            button.toggled.connect(lambda on, r=reason: self._priority_toggled(r, on))
            self._priority_group.addButton(button)
            self.priority_buttons[reason] = button
        place(self.priority_grid, list(self.priority_buttons.values()), len(PRIORITY_LABELS))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(prompt)
        layout.addLayout(self.priority_grid)
        return box

    def _priority_columns(self, width: int) -> int:
        """All the priorities in one row if their words fit across ``width``, else three
        to a row, else two (always two on a portrait screen)."""
        buttons = list(self.priority_buttons.values())
        if self._portrait:
            return 2
        margins = self.pages.widget(CHOOSE).layout().contentsMargins()
        room = width - margins.left() - margins.right()
        spacing = self.priority_grid.spacing()
        for columns in (len(buttons), 3):
            widest = [
                max(b.sizeHint().width() for b in buttons[c::columns]) for c in range(columns)
            ]
            if sum(widest) + spacing * (columns - 1) <= room:
                return columns
        return 2

    def _place_priorities(self, width: int) -> None:
        columns = self._priority_columns(width)
        if columns == self._priority_columns_now:
            return
        self._priority_columns_now = columns
        place(self.priority_grid, list(self.priority_buttons.values()), columns)
        # now, not at the next turn of the event loop: the window's minimum size
        # is taken from these when it is shown
        self.priority_grid.parentWidget().layout().activate()
        self.pages.widget(CHOOSE).layout().activate()
        self.pages.updateGeometry()

    def _priority_toggled(self, reason: PriorityReason, on: bool) -> None:
        """One reason at most; touching the chosen one again clears it."""
        if not on:
            return
        for other, button in self.priority_buttons.items():
            if other is not reason and button.isChecked():
                button.setChecked(False)

    def chosen_priority(self) -> PriorityReason | None:
        return next((r for r, b in self.priority_buttons.items() if b.isChecked()), None)
