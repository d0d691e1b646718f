"""One desk window per user and database: a second start brings the first forward.

A clerk who double-clicks the desk's icon while it is already open (hidden
behind another program, or minimised) would otherwise get a second window on
the same dossiers, signed in twice. So the first window holds a lock file, and
a second start that finds it held leaves a request beside it, which the first
sees (it watches the folder), comes forward on, and removes; the second then
ends. Both are plain files in the temporary folder (``QDir.tempPath()``, the
user's own on Windows) and work the same on every system.

The folder's name is a hash of the user and the database URL:

- the user: on a PC shared through user switching, each clerk has a desk of
  their own (on Linux the temporary folder is shared between accounts);
- the database: a desk on the training database may stay open next to the one
  on the office's real data (``--demo`` makes a new database on each start, so
  demos never meet).

A desk that crashed leaves its lock file behind: the lock names the process that
held it, and the next start, seeing that process gone, takes the lock over
(``QLockFile``). A lock is never taken over for its age alone: a desk stays open
all day.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QFileSystemWatcher, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desk.storage.url_text import SQLITE_PREFIX, shown_url, sqlite_file

log = logging.getLogger(__name__)

KEY_PREFIX = "desk-"
LOCK_NAME = "lock"
#: The file a second start leaves in the first desk's folder.
REQUEST_NAME = "show"
#: What a second start writes in it (for whoever reads the folder).
SHOW_REQUEST = b"show\n"
#: A request still being written cannot be removed yet (Windows): look again this
#: much later, this many times.
RETRY_MS = 100
RETRIES = 20
#: Windows' ``ASFW_ANY``: let whichever process comes next take the foreground.
_ASFW_ANY = -1


def user_name() -> str:
    """The account this program runs as; a fixed word when the system will not say."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 (no USERNAME/LOGNAME and no passwd entry)
        return os.environ.get("USERNAME") or "user"


def database_identity(db_url: str) -> str:
    """The database a URL names, written one way: no password, a file's full path.

    On Windows a file path is compared without regard to case, as Windows does.
    """
    text = db_url.strip()
    found = sqlite_file(text)
    if found is not None:
        path, query = found
        return (
            SQLITE_PREFIX + os.path.normcase(os.path.abspath(path)) + ("?" + query if query else "")
        )
    return shown_url(text)


def instance_key(db_url: str, user: str | None = None) -> str:
    """The name of the desk's folder for ``user`` (default: this account) on ``db_url``.

    A hash, short and plain ASCII: a Windows user name may have Vietnamese
    letters, and a database URL has characters no file name may have.
    """
    who = user if user is not None else user_name()
    digest = hashlib.sha256(f"{who}\n{database_identity(db_url)}".encode()).hexdigest()
    return KEY_PREFIX + digest[:24]


def instance_folder(key: str) -> Path:
    """Where the desk of ``key`` keeps its lock and receives requests."""
    return Path(QDir.tempPath()) / key


def bring_forward(window: QWidget) -> None:
    """Show ``window`` unminimised (kept maximised if it was), on top and active."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def _allow_foreground() -> None:
    """On Windows, let the running desk take the foreground when it is asked to.

    Windows only lets the program the clerk just started bring a window to the
    front; without this the running desk could only flash on the taskbar.
    """
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(_ASFW_ANY)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        log.warning("AllowSetForegroundWindow is not available")


def _not_private(folder: Path) -> str:
    """Make ``folder`` for this account alone; what is wrong with it, else ``""``.

    On Linux the temporary folder is shared by every account: a folder made there
    by someone else (or a link in its place) could receive this desk's request
    file where they choose, so it is used only if it is this account's own and
    closed to others. (On Windows the temporary folder is the user's own.)
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.lstat(folder)
    except OSError as exc:
        return f"cannot be made ({exc})"
    if not stat.S_ISDIR(found.st_mode):
        return "is not a folder"
    if not hasattr(os, "getuid") or not found.st_mode & 0o077:
        return ""
    if found.st_uid != os.getuid() or found.st_mode & 0o022:
        return "is not this account's own"
    # This account's own, that others could only look into (as a desk made it before it
    # closed its folder): nothing in it can be someone else's, so it is closed now.
    try:
        folder.chmod(0o700)
    except OSError as exc:
        return f"cannot be closed to others ({exc})"
    log.info("closed %s to other accounts", folder)
    return ""


class SingleInstance(QObject):
    """The first desk's lock, or the second desk's request to the first.

    ``claim()`` once: ``True`` means this is the only desk on that key and it
    now holds the lock (``activation_requested`` fires when another start asks
    it to come forward); ``False`` means another desk holds it and was asked to
    come forward, so this start should end.
    """

    activation_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.folder = instance_folder(key)
        self.lock: QLockFile | None = None
        self.watcher: QFileSystemWatcher | None = None
        self._retries = 0

    @property
    def request(self) -> Path:
        return self.folder / REQUEST_NAME

    def claim(self) -> bool:
        lock_path = self.folder / LOCK_NAME
        problem = _not_private(self.folder)
        if problem:
            log.error("%s %s; a second window will not be noticed", self.folder, problem)
            return True
        left = lock_path.exists()
        lock = QLockFile(str(lock_path))
        # Never stale for its age: only when the process that holds it is gone.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            if left:
                log.info("took over the single-instance lock of a desk that ended: %s", self.key)
            self.lock = lock
            self._watch()
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            return not self._ask_running_desk()
        log.error("cannot lock %s; a second window will not be noticed", lock_path)
        return True

    def close(self) -> None:
        """Stop watching and give the lock back."""
        if self.watcher is not None:
            self.watcher.directoryChanged.disconnect(self._look)
            self.watcher.deleteLater()
            self.watcher = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    def is_listening(self) -> bool:
        """Whether this desk holds the lock and hears the requests of later starts."""
        return self.lock is not None and self.lock.isLocked()

    def _ask_running_desk(self) -> bool:
        """Leave the request for the desk that holds the lock; ``False`` if it cannot."""
        _allow_foreground()
        try:
            self.request.write_bytes(SHOW_REQUEST)
        except OSError as exc:
            log.warning("cannot ask the running desk to come forward: %s", exc)
            return False
        return True

    def _watch(self) -> None:
        # A request left before this desk started is from a start that has ended.
        try:
            self._take_request()
        except OSError as exc:
            log.warning("cannot remove an old request: %s", exc)
        watcher = QFileSystemWatcher(self)
        if not watcher.addPath(str(self.folder)):
            log.error("cannot watch %s; a second window will not be noticed", self.folder)
        watcher.directoryChanged.connect(self._look)
        self.watcher = watcher
        log.info("single instance: listening in %s", self.folder)
        # A start between the lock and the watch: its request is already there.
        self._look()

    def _look(self, _folder: str = "") -> None:
        if self.lock is None:
            return
        try:
            taken = self._take_request()
        except OSError as exc:  # still open in the start that writes it
            if self._retries < RETRIES:
                self._retries += 1
                QTimer.singleShot(RETRY_MS, self._look)
            else:
                log.warning("cannot take the request of another start: %s", exc)
            return
        self._retries = 0
        if taken:
            log.info("another start of the desk asked this window to come forward")
            self.activation_requested.emit()

    def _take_request(self) -> bool:
        """Remove the request file; ``True`` if there was one."""
        try:
            self.request.unlink()
        except FileNotFoundError:
            return False
        return True
