"""The screen locks after idle time and opens only with the clerk's password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow
from screen_texts import clipped

from desk.ui.session.idle_lock import install_idle_lock


def _window(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("Nguyễn Thị Mai 079190001234"))
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    return window


def audit_entries(db) -> int:  # noqa: ANN001
    from desk.services import audit
    from desk.storage.engine import host_name

    return len(audit.trail(db, "pc", host_name()))


def test_locks_after_idle_and_unlocks_with_the_password(qtbot, db, clerk):
    window = _window(qtbot)
    lock = install_idle_lock(window, db, clerk, minutes=0.002)  # 120 ms
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.panel.geometry() == window.rect()  # the whole content is covered
    window.resize(900, 650)  # and stays covered when the window grows
    qtbot.waitUntil(lambda: lock.panel.geometry() == window.rect())
    qtbot.waitUntil(lambda: audit_entries(db) == 1)  # the lock is written down
    qtbot.keyClicks(lock.panel.password, "sai-matkhau1")
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert lock.checking and not lock.panel.unlock_button.isEnabled()  # checked meanwhile
    qtbot.waitUntil(lambda: not lock.checking)
    assert lock.locked and "Sai tên đăng nhập hoặc mật khẩu" in lock.panel.error.text()
    assert lock.panel.password.text() == "" and lock.panel.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: clipped(lock.panel) == [])  # the message is read whole
    qtbot.keyClicks(lock.panel.password, "matkhau123")
    lock.panel.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.locked)
    assert lock.panel.password.text() == "" and lock.panel.error.text() == ""


def test_input_keeps_the_screen_open(qtbot, db, clerk):
    window = _window(qtbot)
    lock = install_idle_lock(window, db, clerk, minutes=10)
    lock.timer.stop()
    # Input as the keyboard and the mouse send it: to the window, which passes it on.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert lock.timer.isActive()  # a key press started the count again
    lock.timer.stop()
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton)
    assert lock.timer.isActive() and not lock.locked
    lock.timer.stop()
    page = QLineEdit()  # a window opened later (a dossier's page): its input counts too
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None and page.isActiveWindow())
    assert not lock.timer.isActive()
    qtbot.keyClick(page.windowHandle(), Qt.Key.Key_C)
    assert lock.timer.isActive() and page.text() == "c"
    lock.timer.stop()
    lock.lock()
    assert lock.locked
    lock.timer.stop()
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_B)  # typing into the lock does not unlock
    assert lock.locked and not lock.timer.isActive()
