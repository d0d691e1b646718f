"""A report export, or a count, that waits on the office's server never freezes the
dashboard.

The office's PostgreSQL server holds the dossiers locked (a long maintenance, a
restore on another PC): the export of form 06 waits for it in the background.
Meanwhile the dashboard's event loop runs (a timer ticks, a tab still opens), a
small window says the report is being written, and "Xuất báo cáo" is disabled;
once the lock is released the PDF is written and a message says where.
"""

from __future__ import annotations

import subprocess
from datetime import datetime

from background_jobs import settle, ticks_of
from message_boxes import click_box_button, visible_message_boxes
from server_locks import locked

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.statistics import Figure, Period
from desk.services import accounts, reports
from desk.storage.database import Database
from desk.storage.engine import make_engine
from desk.ui.dashboard.dashboard_window import QUEUE_TAB, DashboardWindow
from desk.ui.dashboard.report_tables import number_text
from desk.ui.widgets.progress_note import ProgressWindow

NOW = datetime(2026, 3, 10, 16, 30, tzinfo=VN_TZ)


def open_dashboard(qtbot, db: Database) -> tuple[DashboardWindow, list[int]]:  # noqa: ANN001
    """The admin's dashboard on screen, and a list a 10 ms timer of its own grows while
    its event loop runs."""
    admin = accounts.log_in(db, "admin", "matkhau123")
    window = DashboardWindow(db, admin, FixedClock(NOW))
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    qtbot.waitExposed(window)
    return window, ticks_of(window)


def test_an_export_waiting_on_a_locked_server_leaves_the_dashboard_alive(
    qtbot, server_db, tmp_path, shots
):
    window, ticks = open_dashboard(qtbot, server_db)
    settle(qtbot)  # its figures counted before the server locks the dossiers
    with locked(server_db.url, "dossiers"):
        target = tmp_path / "bieu-06.pdf"
        job = window.export("form_pdf", target)
        qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ProgressWindow)))
        [shown] = window.findChildren(ProgressWindow)
        assert shown.text() == "Đang ghi báo cáo Tháng 3/2026..."
        assert job.running and not window.export_button.isEnabled()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        window.tabs.setCurrentIndex(QUEUE_TAB)  # another tab still opens (read already)
        assert window.tabs.currentIndex() == QUEUE_TAB
        window.grab().save(str(shots / "dashboard-export-waiting.png"))
        shown.grab().save(str(shots / "dashboard-export-progress-window.png"))
        assert job.running and not target.exists()

    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    settle(qtbot)
    [box] = visible_message_boxes(window)
    assert box.text() == f"Đã ghi tệp {target}."
    click_box_button(box, "Đóng")
    assert window.export_button.isEnabled() and window.last_export == target
    assert not window.findChildren(ProgressWindow)
    pdf = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
    assert pdf.returncode == 0 and "Tháng 3/2026" in pdf.stdout


def test_the_counts_wait_on_a_locked_server_without_freezing_and_the_newest_period_wins(
    qtbot, server_db, shots
):
    """A year of a busy office takes the server a second or more to count: the window
    opens at once and keeps answering, says what it counts, and shows the period asked
    last, whichever count the server finishes first."""
    with locked(server_db.url, "dossiers"):
        window, ticks = open_dashboard(qtbot, server_db)  # opens at once, counting
        qtbot.waitUntil(window.progress.isVisible)
        assert window.progress.text() == "Đang tính số liệu Tháng 3/2026..."
        assert window.reading() and window.dashboard is None
        assert window.tiles[Figure.RECEIVED].value() == "-"
        assert window.chart.empty_message() == "Đang tính số liệu..."
        window.set_period(Period.quarter(2026, 1))  # asked again while the month waits
        assert window.progress.text() == "Đang tính số liệu Quý I/2026..."
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        window.grab().save(str(shots / "dashboard-counting.png"))
    settle(qtbot)
    assert not window.reading() and not window.progress.isVisible()
    total = reports.report(server_db, Period.quarter(2026, 1), NOW).total
    assert window.dashboard is not None and window.dashboard.period.title == "Quý I/2026"
    assert window.tiles[Figure.RECEIVED].value() == number_text(total.received)
    assert "Quý I/2026" in window.period_label.text() and "Quý I/2026" in window.windowTitle()
    assert not window.error_label.isVisible()
    # counted: an office with no dossiers yet has no bars, and says so
    assert window.chart.empty_message() == "Chưa có số liệu trong các tháng này."


def test_a_count_the_server_cannot_make_is_said_over_the_tiles(qtbot, pg_server, shots):
    """The dossiers stay locked longer than the desk waits: the window says why there
    are no figures, in Vietnamese, and counts again when asked."""
    url = pg_server.create_database(office=True)
    db = Database(url, engine=make_engine(url, busy_timeout_ms=300))
    with locked(url, "dossiers"):
        window, _ticks = open_dashboard(qtbot, db)
        settle(qtbot)
        assert window.error_label.isVisible()
        assert window.error_label.text() == (
            "Dữ liệu đang bị một quầy, một chương trình hoặc máy khác giữ quá lâu nên chưa "
            "đọc được. Hãy đợi vài giây rồi thử lại."
        )
        assert window.tiles[Figure.RECEIVED].value() == "-"
        window.grab().save(str(shots / "dashboard-count-failed.png"))
    try:
        window.refresh()
        settle(qtbot)
        assert not window.error_label.isVisible()
        total = reports.report(db, window.period, NOW).total
        assert window.tiles[Figure.RECEIVED].value() == number_text(total.received)
    finally:
        db.dispose()
        pg_server.drop_database(url)
