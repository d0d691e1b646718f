"""Start-up of the window: Qt, the log, the error hook, the database, who is at the counter.

Order: make sure this is the only desk of this user on this database (a second
start brings the first window forward and ends, see ``single_instance``); open
(create or upgrade) the database; on the very first start the setup wizard
creates the office and its first admin (who is then signed in), else the login
dialog asks who sits at the counter (the demo signs a sample clerk in
directly); then the main window.

On a database already set up and at the current schema, the start does not wait
for the database layer: the login, the clerk's list and their at-risk count are
read on the bare driver and shown first, and the window is completed once
SQLAlchemy and the ``Database`` have loaded on their own thread
(``desk.ui.first_start``).

A database that cannot be opened (not a desk database, unreadable) is never
touched: the clerk is told why and the program ends with code 2. An error
nobody caught is written to the log with its traceback and shown in a dialog,
and the window keeps running, so a bug in one action does not lose the
others' work.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desk import __version__, config
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.storage.url_text import shown_url
from desk.ui.session.language import install_language
from desk.ui.session.single_instance import SingleInstance, bring_forward, instance_key
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import message_box, translate

if TYPE_CHECKING:
    from desk.storage.database import Database
    from desk.ui.first_start import DatabaseLoader, FirstStart
    from desk.ui.worklist.main_window import MainWindow

log = logging.getLogger("desk")

CONTEXT = "App"
EXIT_OPEN_FAILED = 2
#: A bug while nobody is at the keyboard (``--snapshot``): logged, and the program ends.
EXIT_UNATTENDED_ERROR = 3
LOG_FILE = "desk.log"
LOG_BYTES = 2_000_000
LOG_BACKUPS = 5
#: How long the end of the program waits for a list still being computed in the
#: background (it reads the database, which closes next): the database's busy timeout.
WORKERS_WAIT_MS = 10_000
#: Passes of the event loop before the snapshot: results delivered, their rows laid out,
#: and one more for a layout inside a layout.
SETTLE_PASSES = 3
#: A property of the QApplication once ``application()`` has prepared it.
_PREPARED = "desk_prepared"


class _DeskLogHandler(RotatingFileHandler):
    """The desk's own log file (a class of its own so start-up adds it only once)."""


def setup_logging(folder: Path | None = None) -> Path:
    """Log to ``desk.log`` in the user's log folder, rotated at 2 MB, five files kept."""
    path = (folder or config.log_dir()) / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, _DeskLogHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    handler = _DeskLogHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


class ExceptionHook:
    """``sys.excepthook`` for the window: log, tell the clerk, keep running.

    A ``UserError`` that escaped is shown as it is (its message says what to do);
    anything else is a bug: logged with its traceback (for whoever supports the
    office; the clerk is shown where the log is, not the traceback).
    While one such message is open, further errors are only logged, so an error
    repeated on every repaint cannot bury the screen in dialogs.

    With nobody at the keyboard (``unattended``: ``desk --snapshot``), either ends the
    program with ``EXIT_UNATTENDED_ERROR`` and says why on standard error, instead of
    waiting for ever behind a dialog nobody closes.
    """

    def __init__(self, log_file: Path, *, unattended: bool = False) -> None:
        self.log_file = log_file
        self.unattended = unattended
        self.box: QMessageBox | None = None

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            log.warning("unhandled user error: %s", exc.message)
            if self.unattended:
                self._end(exc.message)
                return
            self._show(translate("App", "Không thực hiện được"), exc.message)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        if self.unattended:
            self._end(
                translate(
                    "App",
                    "Chương trình dừng vì một lỗi không mong muốn: {error}. Xem nhật ký {log}.",
                ).format(error=f"{exc_type.__name__}: {exc}", log=self.log_file)
            )
            return
        text = translate(
            "App",
            "Đã xảy ra lỗi không mong muốn. Việc vừa làm có thể chưa hoàn tất: hãy kiểm tra "
            "lại rồi làm tiếp. Nếu lỗi lặp lại, hãy gửi tệp nhật ký {log} cho người hỗ trợ.",
        ).format(log=self.log_file)
        self._show(translate("App", "Đã xảy ra lỗi"), text)

    def _end(self, message: str) -> None:
        """Nobody would close a dialog: say why on standard error, and end."""
        print(message, file=sys.stderr)
        QApplication.exit(EXIT_UNATTENDED_ERROR)

    def _show(self, title: str, text: str) -> None:
        if QApplication.instance() is None or self.box is not None:
            return
        parent: QWidget | None = QApplication.activeWindow()
        box = message_box(parent, title, text, QMessageBox.Icon.Critical)
        box.setObjectName("error_box")
        box.finished.connect(lambda _result: self._closed(box))
        self.box = box
        box.open()

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()


def application() -> QApplication:
    """The running QApplication (made if needed), prepared once: name, version, icon, language.

    Windows counter PCs often run at 125 % or 150 %: Qt 6 scales by the screen's
    exact factor only with the ``PassThrough`` rounding policy (rounded to 1 or 2
    the window would be too small or too large), and the policy must be set
    before the application exists.
    """
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if app.property(_PREPARED):
        return app
    app.setApplicationName(config.APP_NAME)
    app.setOrganizationName(config.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    icon = config.resource_dir() / "icons" / "desk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_language()
    app.setProperty(_PREPARED, True)
    return app


def show_fatal(title: str, message: str) -> None:
    """A blocking message before any window exists; with nobody at the keyboard (the
    ``unattended`` hook of ``desk --snapshot``), the same words on standard error: the
    box would wait for ever for a click."""
    hook = sys.excepthook
    if isinstance(hook, ExceptionHook) and hook.unattended:
        print(f"{title}: {message}", file=sys.stderr)
        return
    box = message_box(None, title, message, QMessageBox.Icon.Critical)
    box.setObjectName("fatal_box")
    box.exec()


def sign_in(db: Database, demo_clerk: str | None = None) -> Clerk | None:
    """Who works at this counter now; ``None`` when the clerk cancels."""
    from desk.services import accounts, office
    from desk.ui.session.setup_wizard import complete_unfinished_setup

    if not office.needs_setup(db) and (box := complete_unfinished_setup(db)) is not None:
        box.exec()
    if office.needs_setup(db):
        from desk.ui.session.setup_wizard import SetupWizard

        wizard = SetupWizard(db)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.clerk
    if demo_clerk:
        return accounts.get_clerk(db, demo_clerk)
    from desk.ui.session.login_dialog import LoginDialog

    dialog = LoginDialog(db)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.clerk


def _safe_url(db_url: str) -> str:
    return shown_url(db_url)


def run(
    db_url: str,
    demo_clerk: str | None = None,
    snapshot: Path | None = None,
    prepare: Callable[[Database], None] | None = None,
) -> int:
    """Run the window on the database at ``db_url``; the exit code of the program.

    A desk of this user already open on the same database is brought forward
    instead, and this start ends with 0 before touching the database. ``prepare(db)``
    runs on a database the start opens the ordinary way, before anyone signs in (the
    demo writes its sample office there).
    """
    log_file = setup_logging()
    if snapshot is not None and not demo_clerk:
        # The picture is taken without anyone at the keyboard: the login dialog would
        # wait for ever. Only a start that signs a clerk in by itself can take it.
        message = translate(
            "App",
            "Không chụp được cửa sổ: --snapshot cần một cán bộ đăng nhập sẵn, nhưng lần chạy "
            "này phải hỏi đăng nhập. Hãy thêm --demo (đăng nhập sẵn tài khoản mẫu canbo1), "
            "ví dụ: desk --demo --db TỆP_DỮ_LIỆU --snapshot {picture}",
        ).format(picture=snapshot)
        log.error("snapshot refused: nobody is signed in without the login dialog")
        print(message, file=sys.stderr)
        return EXIT_OPEN_FAILED
    app = application()
    previous_hook = sys.excepthook
    sys.excepthook = ExceptionHook(log_file, unattended=snapshot is not None)
    log.info("desk %s starting on %s", __version__, _safe_url(db_url))
    guard = SingleInstance(instance_key(db_url))
    try:
        if not guard.claim():
            log.info(
                "desk is already open for this user on this database: asked it to come forward"
            )
            return 0
        guard.activation_requested.connect(bring_desk_forward)
        from desk.ui.first_start import first_start

        try:
            first = first_start(db_url)
            if first is not None:
                return _run_first_window(app, first, demo_clerk, snapshot)
            from desk.storage import presence
            from desk.storage.database import open_database

            db = open_database(db_url, program=presence.DESK)
            if prepare is not None:
                prepare(db)
        except UserError as exc:
            log.error("cannot open the database: %s", exc.message)
            show_fatal(translate("App", "Không mở được dữ liệu"), exc.message)
            return EXIT_OPEN_FAILED
        try:
            return _run_window(app, db, demo_clerk, snapshot)
        finally:
            db.dispose()
    finally:
        guard.close()
        sys.excepthook = previous_hook


def take_snapshot(app: QApplication, window: QWidget, path: Path) -> None:
    """Save a picture of ``window`` once its lists have loaded, then end the program.

    ``desk --snapshot FILE`` proves an installation opens on its database and
    makes the pictures of a manual; the program's exit code says whether the
    picture was written. Each pass of the event loop first delivers the lists read in
    the background, whose texts then ask their rows to be laid out again, which the
    next pass does: the picture is taken after ``SETTLE_PASSES``, as the clerk sees
    the window a moment later.
    """
    for _ in range(SETTLE_PASSES):
        QThreadPool.globalInstance().waitForDone(WORKERS_WAIT_MS)
        app.processEvents()
    saved = window.grab().save(str(path))
    log.info("snapshot %s to %s", "saved" if saved else "NOT saved", path)
    app.exit(0 if saved else 1)


def bring_desk_forward() -> None:
    """Another start asked: show the main window, and the dialog open over it, in front.

    Before the main window exists (the login dialog or the set-up wizard is
    open), that dialog comes forward.
    """
    from desk.ui.worklist.main_window import MainWindow

    targets: list[QWidget] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    modal = QApplication.activeModalWidget()
    if modal is not None and modal not in targets:
        targets.append(modal)
    if not targets:
        targets = [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()]
    for window in targets:
        bring_forward(window)
        log.info("brought %s forward", type(window).__name__)


def _who(sign: Callable[[], Clerk | None]) -> Clerk | int:
    """The clerk ``sign()`` signs in; else the program's exit code (cancelled, or refused
    with the reason shown)."""
    try:
        clerk = sign()
    except UserError as exc:
        log.error("cannot sign in: %s", exc.message)
        show_fatal(translate("App", "Không đăng nhập được"), exc.message)
        return EXIT_OPEN_FAILED
    if clerk is None:
        log.info("start cancelled")
        return 0
    log.info("%s signed in", clerk.username)
    return clerk


def _run_window(
    app: QApplication, db: Database, demo_clerk: str | None, snapshot: Path | None = None
) -> int:
    from desk.ui.worklist.main_window import MainWindow

    clerk = _who(lambda: sign_in(db, demo_clerk))
    if isinstance(clerk, int):
        return clerk
    window = MainWindow(db, clerk)
    window.install_scan_route()  # scanner keys from any field, and this PC's COM-port scanner
    window.show()
    QTimer.singleShot(0, lambda: log.info("main window shown with its worklist"))
    if snapshot is not None:
        QTimer.singleShot(0, lambda: take_snapshot(app, window, snapshot))
    try:
        return app.exec()
    finally:
        background.wait_for_done(WORKERS_WAIT_MS)


def _run_first_window(
    app: QApplication, first: FirstStart, demo_clerk: str | None, snapshot: Path | None
) -> int:
    """The window on the bare start: the worklist first, the rest once the database
    layer is there (``desk.ui.first_start``)."""
    from desk.domain.clock import SystemClock
    from desk.services.first_screen import first_page
    from desk.storage.programs import DESK
    from desk.storage.statement_book import BareUnavailable
    from desk.ui.first_start import (
        DatabaseLoader,
        keep_at_risk_history,
        read_at_risk,
        sign_in_first,
    )
    from desk.ui.worklist.main_window import COMPLETION_MODULES, MainWindow, location_of
    from desk.ui.worklist.worklist_table_model import PAGE_SIZE

    loader = DatabaseLoader(first.url, DESK, COMPLETION_MODULES)
    try:
        with first.reader as reader:
            clerk = _who(lambda: sign_in_first(first, loader, demo_clerk))
            if isinstance(clerk, int):
                return clerk
            try:
                page = first_page(reader, clerk, SystemClock().now(), PAGE_SIZE)
            except BareUnavailable as exc:  # the whole window at once, the ordinary way
                log.info("worklist not read on the bare driver: %s", exc)
                page = None
        if page is None:
            window = MainWindow(loader.wait(), clerk)
            window.install_scan_route()
        else:
            window = MainWindow.first(clerk, first.names, page, location_of(first.url))
        window.show()
        QTimer.singleShot(0, lambda: log.info("main window shown with its worklist"))
        if window.is_complete:
            if snapshot is not None:
                QTimer.singleShot(0, lambda: take_snapshot(app, window, snapshot))
        else:
            loader.when_loaded(lambda: _complete(app, window, loader, snapshot))
            loader.first_done.connect(window.show_first_at_risk, Qt.ConnectionType.QueuedConnection)
            shown = page
            # Once the window is on screen: the at-risk list on the bare driver, then the rest.
            QTimer.singleShot(
                0,
                lambda: loader.start(
                    lambda: read_at_risk(first.url, clerk, shown), keep_at_risk_history
                ),
            )
        try:
            return app.exec()
        finally:
            background.wait_for_done(WORKERS_WAIT_MS)
    except UserError as exc:  # the database layer could not open it
        log.error("cannot open the database: %s", exc.message)
        show_fatal(translate("App", "Không mở được dữ liệu"), exc.message)
        return EXIT_OPEN_FAILED
    finally:
        loader.dispose()


def _complete(
    app: QApplication, window: MainWindow, loader: DatabaseLoader, snapshot: Path | None
) -> None:
    """The database layer is there: the rest of the window, or why it cannot be."""
    try:
        db = loader.wait()
    except UserError as exc:
        log.error("cannot open the database: %s", exc.message)
        show_fatal(translate("App", "Không mở được dữ liệu"), exc.message)
        app.exit(EXIT_OPEN_FAILED)
        return
    if not window.isVisible():  # closed before: nothing to complete
        return
    window.complete(db)
    window.install_scan_route()  # scanner keys from any field, and this PC's COM-port scanner
    log.info("main window complete")
    if snapshot is not None:
        QTimer.singleShot(0, lambda: take_snapshot(app, window, snapshot))
