"""Lock the screen after a while with no keyboard or mouse input.

A counter PC faces the public; a clerk who steps away must not leave the citizens'
personal data on screen (Law 91/2025/QH15 on personal data protection,
art. 37(1)(c): the management and technical measures that protect it). After
``minutes`` without input the window's content is covered by an opaque panel asking
for the same clerk's password; wrong passwords count towards the account's temporary
lock like at login. The clerk may also lock at once ("Khóa màn hình", Ctrl+L).
The input is watched at the program's top-level windows
(``desk.ui.widgets.top_windows``). While locked, the program's other windows
(dossier pages, reports) are hidden and come back at unlock, and no shortcut or
menu runs (an application-wide event filter, there only while locked, drops
them), so nothing behind the panel can be reached. Each lock
is written in the audit trail (``desk.services.sessions``).

Writing that entry and checking the password (scrypt, a tenth of a second, and a
server that may make either wait) run off the window's thread: the panel covers the
window at once, and says it is checking while the password is checked.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import accounts, sessions
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate
from desk.ui.widgets.top_windows import TopWindows

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
DEFAULT_MINUTES = 10


class LockPanel(QWidget):
    """The opaque cover: who is logged in, a password field, and the unlock button."""

    def __init__(self, parent: QWidget, clerk: Clerk) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet("LockPanel { background: #263238; } QLabel { color: white; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        title = QLabel(translate("LockPanel", "Màn hình đã khóa"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        who = QLabel(
            translate("LockPanel", "Cán bộ {name} ({username}): nhập mật khẩu để tiếp tục.").format(
                name=clerk.full_name, username=clerk.username
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("LockPanel", "Mật khẩu"))
        self.password.setMaximumWidth(320)
        self.unlock_button = QPushButton(translate("LockPanel", "Mở khóa"))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #ffab91;")
        self.error.setWordWrap(True)
        #: Another clerk signs in here instead (shown when the window offers it).
        self.switch_button = QPushButton(translate("LockPanel", "Đổi người dùng..."))
        self.switch_button.setFlat(True)
        self.switch_button.setStyleSheet("color: white; text-decoration: underline;")
        self.switch_button.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (title, who, self.password, self.unlock_button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        # The whole width, its lines centred: a label aligned in the layout would keep the
        # height of one line when a long message wraps, and be cut.
        self.error.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Under the password: what is wrong with it (``problem``), or what is being done."""
        self.error.setStyleSheet(f"color: {'#ffab91' if problem else 'white'};")
        self.error.setText(text)


class IdleLock(QObject):
    def __init__(self, window: QWidget, db: Database, clerk: Clerk, minutes: float) -> None:
        super().__init__(window)
        self.window, self.db, self.clerk = window, db, clerk
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        self.panel = LockPanel(window, clerk)
        self.panel.hide()
        #: The other windows hidden while the screen is locked, shown again at unlock.
        self.hidden: list[QWidget] = []
        #: A password being checked in the background (the panel waits for the answer).
        self.checking = False
        self.panel.unlock_button.clicked.connect(self.try_unlock)
        self.panel.password.returnPressed.connect(self.try_unlock)
        #: Any input in any of the program's windows restarts the count.
        self.input = TopWindows(self)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.panel.isVisible()

    def _behind_panel(self, watched: QObject) -> bool:
        """A widget of the locked window that is not the panel (dialogs opened from the
        panel, such as "Đổi người dùng", are windows of their own and stay usable)."""
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        return not (watched is self.panel or self.panel.isAncestorOf(watched))

    def offer_switch(self, switch_user: Callable[[], object]) -> None:
        """Let another clerk sign in from the locked screen (the clerk who locked it
        may be gone for the day)."""
        self.panel.switch_button.show()
        self.panel.switch_button.clicked.connect(lambda _checked=False: switch_user())

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.locked:
            self.panel.setGeometry(self.window.rect())
        elif not self.locked:
            if kind in INPUT_EVENTS:
                self.timer.start()  # any input restarts the count
        elif kind == QEvent.Type.Shortcut:
            return True  # no menu item or shortcut runs behind the panel
        elif kind in INPUT_EVENTS and self._behind_panel(watched):
            return True
        return False

    def lock(self, manual: bool = False) -> None:
        """Cover the window (``manual``: the clerk asked, else idle time ran out)."""
        if self.locked:
            return
        self.timer.stop()
        self.panel.setGeometry(self.window.rect())
        self.panel.password.clear()
        self.panel.error.clear()
        self.hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and w.isVisible() and w.isWindow()
        ]
        for widget in self.hidden:
            widget.hide()
        self.panel.show()
        self.panel.raise_()
        self.panel.password.setFocus()
        self.window.installEventFilter(self)  # its size, for the panel's
        app = QApplication.instance()
        if app is not None:  # nothing behind the panel: see every event while locked
            app.installEventFilter(self)
        db, clerk = self.db, self.clerk
        # The lock holds whether or not the entry is written (record_lock logs why not).
        background.run(self, lambda: sessions.record_lock(db, clerk, manual), _nothing)

    def try_unlock(self) -> None:
        """Check the password typed, in the background; the panel goes if it is right."""
        if self.checking or not self.locked:
            return
        db, username, password = self.db, self.clerk.username, self.panel.password.text()
        self.checking = True
        self.panel.unlock_button.setEnabled(False)
        self.panel.password.setReadOnly(True)
        self.panel.say(translate("LockPanel", "Đang kiểm tra mật khẩu..."))
        background.run_refusable(
            self, lambda: accounts.log_in(db, username, password), self._checked
        )

    def _checked(self, _clerk: object, refusal: UserError | None, error: str | None) -> None:
        self.checking = False
        self.panel.unlock_button.setEnabled(True)
        self.panel.password.setReadOnly(False)
        if refusal is not None or error is not None:
            self.panel.say(refusal.message if refusal is not None else error or "", problem=True)
            self.panel.password.clear()
            self.panel.password.setFocus()
            return
        self.panel.error.clear()
        self.panel.hide()
        self.panel.password.clear()
        self.window.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for widget in self.hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self.hidden = []
        self.window.activateWindow()  # the keys go on where the password was typed
        self.timer.start()


def _nothing(_result: object, _error: str | None) -> None:
    """Nothing to show: the lock's entry in the audit trail is written or logged."""


def install_idle_lock(
    window: QWidget, db: Database, clerk: Clerk, minutes: float = DEFAULT_MINUTES
) -> IdleLock:
    """Cover ``window`` after ``minutes`` without input; returns the lock (kept by the window)."""
    lock = IdleLock(window, db, clerk, minutes)
    window.setProperty("desk_idle_lock", True)
    return lock
