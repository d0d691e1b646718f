"""A report export that waits on the office's server never freezes the dashboard.

The office's PostgreSQL server holds the dossiers locked (a long maintenance, a
restore on another PC): the export of form 06 waits for it in the background.
Meanwhile the dashboard's event loop runs (a timer ticks, a tab still opens), a
small window says the report is being written, and "Xuất báo cáo" is disabled;
once the lock is released the PDF is written and a message says where.
"""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from background_jobs import settle
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import QTimer
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from desk.domain.clock import VN_TZ, FixedClock
from desk.services import accounts
from desk.storage.database import Database
from desk.storage.engine import make_engine
from desk.ui.dashboard.dashboard_window import QUEUE_TAB, DashboardWindow
from desk.ui.widgets.progress_note import ProgressWindow

NOW = datetime(2026, 3, 10, 16, 30, tzinfo=VN_TZ)
#: The desk waits this long for a lock before it gives up: longer than any test run.
PATIENT_MS = 600_000


@pytest.fixture
def server_db(pg_server):
    """The test office on PostgreSQL, opened by a desk that waits long for locks."""
    url = pg_server.create_database(office=True)
    db = Database(url, engine=make_engine(url, busy_timeout_ms=PATIENT_MS))
    yield db
    db.dispose()
    pg_server.drop_database(url)


def test_an_export_waiting_on_a_locked_server_leaves_the_dashboard_alive(
    qtbot, server_db, tmp_path, shots
):
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    window = DashboardWindow(server_db, admin, FixedClock(NOW))
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    qtbot.waitExposed(window)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(len(ticks)))
    timer.start(10)

    other = create_engine(server_db.url, poolclass=NullPool)
    holder = other.connect()
    try:
        holder.execute(text("LOCK TABLE dossiers IN ACCESS EXCLUSIVE MODE"))
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
    finally:
        holder.rollback()  # the lock goes with the transaction
        holder.close()
        other.dispose()

    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    settle(qtbot)
    [box] = visible_message_boxes(window)
    assert box.text() == f"Đã ghi tệp {target}."
    click_box_button(box, "Đóng")
    assert window.export_button.isEnabled() and window.last_export == target
    assert not window.findChildren(ProgressWindow)
    pdf = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
    assert pdf.returncode == 0 and "Tháng 3/2026" in pdf.stdout
