"""The main window's two tabs: the intake form and the list of dossiers.

A mix-in of :class:`~desk.ui.worklist.main_window.MainWindow`. The intake form is built
the first time it is needed (its tab opened, Ctrl+N, a citizen's card scanned, a ticket
called), in the place its tab kept for it: a window that only lists dossiers never
builds it. Its modules are imported beforehand, off the window's thread
(``COMPLETION_MODULES``), so its first opening only builds it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.domain.clock import Clock
    from desk.domain.office import Clerk
    from desk.storage.database import Database
    from desk.ui.intake.intake_window import IntakeWindow

log = logging.getLogger(__name__)

INTAKE_TAB, DOSSIERS_TAB = 0, 1


class WindowTabs:
    """The tabs; the window provides them, the database, the clerk and the clock."""

    tabs: QTabWidget
    _intake: IntakeWindow | None
    _db: Database
    _clerk: Clerk
    _clock: Clock

    def new_intake(self) -> None:
        self.tabs.setCurrentIndex(INTAKE_TAB)
        self.intake.focus_search()

    def _put_in_tab(self, index: int, page: QWidget) -> None:
        """``page`` in the tab at ``index``, in place of what held it, the same tab shown."""
        shown = self.tabs.currentIndex()
        old = self.tabs.widget(index)
        self.tabs.insertTab(index, page, self._tab_label(index))
        if old is not None:
            self.tabs.removeTab(index + 1)
            old.deleteLater()
        self.tabs.setCurrentIndex(max(shown, 0))

    @property
    def intake(self) -> IntakeWindow:
        """The intake form, built when first needed: its tab opened, Ctrl+N, a citizen's
        card scanned, a ticket called. A window that only lists dossiers never builds it."""
        if self._intake is None:
            self._build_intake()
        assert self._intake is not None
        return self._intake

    @property
    def intake_built(self) -> bool:
        return self._intake is not None

    def _build_intake(self) -> None:
        from desk.ui.intake.intake_window import IntakeWindow

        self._intake = IntakeWindow(self._db, self._clerk, self._clock, self)
        self._intake.dossier_saved.connect(self._on_dossier_saved)
        self._put_in_tab(INTAKE_TAB, self._intake)
        log.info("intake form built")

    def _on_tab_changed(self, index: int) -> None:
        if index == INTAKE_TAB and self._intake is None:
            self._build_intake()

    @staticmethod
    def _tab_label(index: int) -> str:
        if index == INTAKE_TAB:
            return translate("MainWindow", "Tiếp nhận hồ sơ")
        return translate("MainWindow", "Danh sách hồ sơ")
