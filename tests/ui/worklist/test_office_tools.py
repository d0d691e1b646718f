"""The main window's reports menu, backups, own password and supervisor alerts."""

from __future__ import annotations

from background_jobs import settle
from PySide6.QtWidgets import QMessageBox

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.rating import RatingLevel
from desk.services import accounts, backup, catalog, ratings
from desk.services.intake import record_intake
from desk.ui.worklist.main_window import MainWindow


def window_for(qtbot, db, who, clock):
    window = MainWindow(db, who, clock)
    qtbot.addWidget(window)
    return window


def test_a_clerk_cannot_open_reports_or_backups_but_may_change_the_password(
    qtbot, db, clerk, clock
):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    hoa = accounts.log_in(db, "canbo1", "hoa2026ok")
    tools = window_for(qtbot, db, hoa, clock).office_tools
    assert not tools.dashboard_action.isEnabled()
    assert "lãnh đạo" in tools.dashboard_action.toolTip()
    assert not tools.backup_action.isEnabled()
    assert tools.password_action.isEnabled()


def test_a_supervisor_opens_the_dashboard(qtbot, db, clerk, clock):
    accounts.add_clerk(db, clerk, "lanhdao", "Trần Thị Bình", "lanhdao2026", role="supervisor")
    boss = accounts.log_in(db, "lanhdao", "lanhdao2026")
    tools = window_for(qtbot, db, boss, clock).office_tools
    dashboard = tools.open_dashboard()
    assert dashboard is not None and dashboard.isVisible()
    dashboard.close()


def test_the_daily_backup_is_made_once(qtbot, db, clerk, clock):
    tools = window_for(qtbot, db, clerk, clock).office_tools
    tools.automatic_backup()
    settle(qtbot)
    copies = backup.list_backups(backup.backup_folder(db))
    assert len(copies) == 1
    tools.automatic_backup()
    settle(qtbot)
    assert len(backup.list_backups(backup.backup_folder(db))) == 1


def test_the_backup_news_waits_for_the_clerks_own_message(qtbot, db, clerk, clock):
    """A save confirmed just before the automatic backup ends stays on screen (it was
    replaced after 3 seconds on a slow machine, and a window test with it)."""
    window = window_for(qtbot, db, clerk, clock)
    bar = window.statusBar()
    bar.showMessage("Đã lưu hồ sơ H36.41-260310-0001.", 10_000)
    window.office_tools.automatic_backup()
    settle(qtbot)
    assert bar.currentMessage() == "Đã lưu hồ sơ H36.41-260310-0001."
    bar.clearMessage()
    assert bar.currentMessage().startswith("Đã sao lưu dữ liệu hôm nay vào ")


def test_an_unhappy_citizen_alerts_the_supervisor(qtbot, db, clerk, clock):
    window = window_for(qtbot, db, clerk, clock)  # admin: supervises too
    settle(qtbot)  # the window knows the newest rating: only later ones are told
    p = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Hồ Văn Lâm", id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    code = record_intake(db, draft, clerk, clock).code
    request = ratings.request_rating(db, clerk, clock, dossier_code=code)
    ratings.submit_rating(db, request, RatingLevel.UNSATISFIED, (), "Chờ quá lâu", clock)
    window.office_tools.check_unhappy()
    settle(qtbot)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "Chờ quá lâu" in boxes[-1].text()
    window.office_tools.check_unhappy()
    settle(qtbot)
    assert [w for w in window.findChildren(QMessageBox) if w.isVisible()] == boxes  # told once
    for box in boxes:
        box.close()
