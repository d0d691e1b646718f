"""The locked screen never freezes the window on a server that makes it wait.

Another PC holds the table of accounts locked (a restore, an admin's long change):
locking the screen writes its entry in the audit trail, and unlocking checks the
password (scrypt, then the failed-login count) in the background while the window's
timer keeps ticking; the panel says it is checking, and goes once the answer comes.
"""

from __future__ import annotations

from background_jobs import WAIT_MS, ticks_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from server_locks import locked

from desk.services import accounts, audit
from desk.storage.engine import host_name
from desk.ui.session.idle_lock import install_idle_lock


def test_locking_and_unlocking_on_a_locked_server_leave_the_window_alive(qtbot, server_db):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    window = QMainWindow()
    window.setCentralWidget(QLabel("Nguyễn Thị Mai 079190001234"))
    qtbot.addWidget(window)
    window.show()
    lock = install_idle_lock(window, server_db, clerk, minutes=10)
    ticks = ticks_of(window)
    with locked(server_db.url, "audit_log"):  # the lock's entry waits for it
        lock.lock(manual=True)
        assert lock.locked  # covered at once
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)  # the event loop runs meanwhile
    qtbot.waitUntil(lambda: len(audit.trail(server_db, "pc", host_name())) == 1, timeout=WAIT_MS)
    with locked(server_db.url, "users"):  # the password's check waits for it
        qtbot.keyClicks(lock.panel.password, "matkhau123")
        qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)
        assert lock.locked and lock.checking
        assert lock.panel.error.text() == "Đang kiểm tra mật khẩu..."
        assert not lock.panel.unlock_button.isEnabled() and lock.panel.password.isReadOnly()
        lock.panel.unlock_button.click()  # a second try meanwhile changes nothing
        qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT_MS)
    assert not lock.checking and lock.panel.password.text() == ""
