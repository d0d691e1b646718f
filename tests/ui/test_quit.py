"""Thoát ends the program: the report windows go with the main window."""

from __future__ import annotations

from desk.domain.clock import FixedClock
from desk.domain.office import Clerk
from desk.storage.database import Database
from desk.ui.dashboard.dashboard_window import DashboardWindow
from desk.ui.worklist.main_window import MainWindow


def test_quit_closes_the_report_windows_too(qtbot, db: Database, clerk: Clerk, clock: FixedClock):
    w = MainWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.show()
    report = DashboardWindow(db, clerk, clock)  # a window of its own, as the menu opens it
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    w.quit_action.trigger()
    assert not w.isVisible()
    assert not report.isVisible()
