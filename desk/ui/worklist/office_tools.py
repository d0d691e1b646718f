"""What the main window adds around the counter work: reports, backups, the
clerk's own password, the idle screen lock, and the supervisor's alerts about
unhappy citizens. Kept apart so the main window stays about the counter.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desk.domain.clock import Clock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, may
from desk.services import accounts, backup, ratings, settings
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "OfficeTools"
IDLE_MINUTES = "idle_lock_minutes"
BACKUP_CHECK_MS = 30 * 60 * 1000  # the daily copy is made at the first check of a new day
ALERT_CHECK_MS = 5_000


class OfficeTools(QObject):
    def __init__(self, window: QMainWindow, db: Database, clerk: Clerk, clock: Clock) -> None:
        super().__init__(window)
        self._window, self._db, self._clerk, self._clock = window, db, clerk, clock
        self._open: list[object] = []
        #: The read of the backup dialog's folder and copies, before it opens.
        self._backup_read = background.NewestRead(self)
        self._build_menu()
        self.idle_lock = self._install_idle_lock()
        self._waiting: tuple[str, int] | None = None  # a message for when the bar is free
        self._backing_up = False
        window.statusBar().messageChanged.connect(self._bar_changed)
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self.automatic_backup)
        self._backup_timer.start(BACKUP_CHECK_MS)
        QTimer.singleShot(3_000, self.automatic_backup)
        #: The newest rating already told of (``None`` until read: the first check reads it).
        self._last_rating: int | None = None
        #: The supervisor's checks for unhappy citizens, read off the window's thread.
        self._checks = background.NewestRead(self)
        self._alert_timer = QTimer(self)
        if clerk.is_supervisor:
            self._alert_timer.timeout.connect(self.check_unhappy)
            self._alert_timer.start(ALERT_CHECK_MS)
        self._read_start()

    # -- menus ---------------------------------------------------------------------

    def _build_menu(self) -> None:
        bar = self._window.menuBar()
        reports = bar.addMenu(translate("OfficeTools", "&Báo cáo"))
        self.dashboard_action = reports.addAction(
            translate("OfficeTools", "Kết quả giải quyết, thống kê..."), self.open_dashboard
        )
        if not may(self._clerk.role, Permission.REPORTS):
            self.dashboard_action.setEnabled(False)
            self.dashboard_action.setToolTip(
                translate(
                    "OfficeTools", "Chỉ lãnh đạo, giám sát và quản trị viên xem được báo cáo."
                )
            )
        # The main window names its menus: their titles change with the language.
        admin = getattr(self._window, "admin_menu", None)
        target = admin if admin is not None else reports
        target.addSeparator()
        self.backup_action = target.addAction(
            translate("OfficeTools", "Sao lưu, khôi phục..."), self.open_backup
        )
        if not self._clerk.is_admin:
            self.backup_action.setEnabled(False)
            self.backup_action.setToolTip(
                translate("OfficeTools", "Chỉ quản trị viên mới dùng được mục này.")
            )
        self.password_action = target.addAction(
            translate("OfficeTools", "Đổi mật khẩu của tôi..."), self.change_password
        )
        # Keep the help menu last.
        help_menu = getattr(self._window, "help_menu", None)
        help_action = help_menu.menuAction() if help_menu is not None else None
        if help_action is not None and help_action in bar.actions():
            bar.removeAction(help_action)
            bar.addAction(help_action)

    def _keep(self, dialog) -> object:
        self._open.append(dialog)
        dialog.destroyed.connect(
            lambda *_: self._open.remove(dialog) if dialog in self._open else None
        )
        dialog.show()
        dialog.raise_()
        return dialog

    def open_dashboard(self):
        from desk.ui.dashboard.dashboard_window import DashboardWindow

        try:
            window = DashboardWindow(self._db, self._clerk, self._clock)
        except UserError as exc:
            QMessageBox.information(self._window, translate("OfficeTools", "Báo cáo"), exc.message)
            return None
        opener = getattr(self._window, "open_dossier", None)
        if opener is not None:
            window.open_requested.connect(opener)
        return self._keep(window)

    def open_backup(self) -> None:
        """The backup dialog, once its folder and copies are read off the window's thread
        (the folder may be on a network); a second click meanwhile opens nothing more."""
        from desk.ui.admin.backup_dialog import BackupDialog

        if self._backup_read.waiting():
            return
        db, clerk, clock, window = self._db, self._clerk, self._clock, self._window

        def done(found: object, error: str | None) -> None:
            if error is not None:
                show_message(window, BackupDialog.title(), error)
                return
            self._keep(BackupDialog(db, clerk, clock, window, found=found))

        self._backup_read.run(lambda: BackupDialog.read(db), done)

    def opening_backup(self) -> bool:
        """Whether the backup dialog is being read to be opened."""
        return self._backup_read.waiting()

    def change_password(self):
        from desk.ui.admin.password_dialog import PasswordDialog

        return self._keep(PasswordDialog(self._db, self._clerk, parent=self._window))

    # -- background duties -------------------------------------------------------------

    def _install_idle_lock(self):
        """The idle lock, at its default until the office's setting is read."""
        from desk.ui.session.idle_lock import install_idle_lock

        return install_idle_lock(self._window, self._db, self._clerk)

    def _read_start(self) -> None:
        """What the window's start needs from the server, read off its thread: the
        office's idle minutes, the newest rating (a supervisor is told only of later
        ones), and whether the clerk must change a password an admin set."""
        db, clerk = self._db, self._clerk

        def read() -> tuple[str, int | None, bool]:
            last = ratings.last_rating_id(db) if clerk.is_supervisor else None
            return (
                settings.get_setting(db, IDLE_MINUTES),
                last,
                accounts.must_change_password(db, clerk),
            )

        def done(found: tuple[str, int | None, bool] | None, error: str | None) -> None:
            if found is None:  # the lock keeps its default; the first check reads the rating
                log.warning("the start's settings could not be read: %s", error)
                return
            minutes, last, must_change = found
            try:
                self.idle_lock.set_minutes(float(minutes or 10))
            except ValueError:
                pass  # not a number: the default stays
            if self._last_rating is None:
                self._last_rating = last
            if must_change:
                self.change_password()

        self._checks.run(read, done)

    def automatic_backup(self) -> None:
        """One consistent copy a day, at start or at the first check of a new day; made
        in the background (a copy to a network folder takes a while), told in the
        status bar."""
        if self._backing_up:
            return
        self._backing_up = True
        db, clock = self._db, self._clock

        def copy() -> Path | None:  # on a pool thread
            try:
                return backup.automatic_backup(db, clock)
            except OSError as exc:  # the folder went away under the copy
                raise UserError(str(exc)) from exc

        background.run(self, copy, self._backed_up, pool=background.device_pool())

    def _backed_up(self, made: Path | None, error: str | None) -> None:
        self._backing_up = False
        if error is not None:
            log.warning("automatic backup failed: %s", error)
            self.tell(
                translate("OfficeTools", "Chưa sao lưu được hôm nay: {m}").format(m=error), 30_000
            )
        elif made is not None:
            log.info("automatic backup written")
            self.tell(
                translate("OfficeTools", "Đã sao lưu dữ liệu hôm nay vào {p}").format(p=made),
                10_000,
            )

    def tell(self, text: str, ms: int) -> None:
        """A message of the background work in the status bar, once the bar is free.

        The clerk's own news ("Đã lưu hồ sơ ...") is never replaced by it: a message
        already shown keeps its time, and this one follows when it is gone.
        """
        bar = self._window.statusBar()
        if bar.currentMessage():
            self._waiting = (text, ms)
        else:
            bar.showMessage(text, ms)

    def _bar_changed(self, current: str) -> None:
        if current or self._waiting is None:
            return
        text, ms = self._waiting
        self._waiting = None
        self._window.statusBar().showMessage(text, ms)

    def check_unhappy(self) -> None:
        """A citizen said "không hài lòng": the supervisor hears of it at once (read off
        the window's thread; a check asked while one waits waits for that one)."""
        if self._checks.waiting():
            return
        db, last = self._db, self._last_rating

        def read() -> tuple[int | None, list]:
            if last is None:  # not known yet: from now on
                return ratings.last_rating_id(db), []
            return last, ratings.unhappy_since(db, last)

        def done(found: tuple[int | None, list] | None, error: str | None) -> None:
            if found is None:
                log.warning("the ratings could not be read: %s", error)
                return
            newest, news = found
            if self._last_rating is None:
                self._last_rating = newest
            self._tell_unhappy(news)

        self._checks.run(read, done)

    def checking(self) -> bool:
        """Whether the start's settings or a check of the ratings is being read."""
        return self._checks.waiting()

    def _tell_unhappy(self, news: list) -> None:
        for item in news:
            self._last_rating = max(self._last_rating or 0, item.id)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("OfficeTools", "Người dân không hài lòng"),
                item.summary_text(),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.button(QMessageBox.StandardButton.Ok).setText(translate("OfficeTools", "Đã biết"))
            self._keep(box)
