"""One desk window per user and database: a second start brings the first forward.

A clerk who double-clicks the desk's icon while it is already open (hidden
behind another program, or minimised) would otherwise get a second window on
the same dossiers, signed in twice. So the first window listens on a local
socket (a named pipe on Windows, a socket file elsewhere) and a second start
connects to it, asks it to come forward and ends.

The socket's name is a hash of the user and the database URL:

- the user: on a PC shared through Windows user switching, each clerk has a
  desk of their own (named pipes are visible machine-wide);
- the database: a desk on the training database may stay open next to the one
  on the office's real data (``--demo`` makes a new database on each start, so
  demos never meet).

A desk that crashed leaves its socket file behind on Linux and macOS (Windows
removes a pipe with its process): connecting to it is refused, and the next
start removes it and listens in its place.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from desk.storage.url_text import SQLITE_PREFIX, shown_url, sqlite_file

log = logging.getLogger(__name__)

KEY_PREFIX = "desk-"
#: What a second start says; anything else on the socket is ignored.
SHOW_REQUEST = b"show\n"
#: A local socket answers at once; a desk so busy that it does not accept a
#: connection within this time is treated as absent.
CONNECT_MS = 2000
WRITE_MS = 2000
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
    """The local socket's name for ``user`` (default: this account) on ``db_url``.

    A hash, short and plain ASCII: a socket file's path may not be longer than
    about 100 characters, and a Windows user name may have Vietnamese letters.
    """
    who = user if user is not None else user_name()
    digest = hashlib.sha256(f"{who}\n{database_identity(db_url)}".encode()).hexdigest()
    return KEY_PREFIX + digest[:24]


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


class SingleInstance(QObject):
    """The first desk's listening socket, or the second desk's call to the first.

    ``claim()`` once: ``True`` means this is the only desk on that key and it
    now listens (``activation_requested`` fires when another start asks it to
    come forward); ``False`` means another desk answered and was asked to come
    forward, so this start should end.
    """

    activation_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._ask_running_desk():
            return False
        if self._listen():
            return True
        # The name is taken yet nobody answered a moment ago: a desk starting at
        # this very moment. Ask once more; failing that, run without the guard.
        if self._ask_running_desk():
            return False
        log.error("cannot listen as %s; a second window will not be noticed", self.key)
        return True

    def close(self) -> None:
        """Stop listening (the socket file is removed with it)."""
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None

    def is_listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def _ask_running_desk(self) -> bool:
        """``True`` if a desk listens on the key; it has then been asked to come forward."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_MS):
            if socket.error() == QLocalSocket.LocalSocketError.ConnectionRefusedError:
                # A socket file with nobody behind it: left by a desk that crashed.
                log.info("removing the stale single-instance socket %s", self.key)
                QLocalServer.removeServer(self.key)
            socket.abort()
            return False
        _allow_foreground()
        socket.write(SHOW_REQUEST)
        if not socket.waitForBytesWritten(WRITE_MS):
            log.warning("the running desk did not take the request: %s", socket.errorString())
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_MS)
        return True

    def _listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            log.info("cannot listen as %s: %s", self.key, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._accept)
        self.server = server
        log.info("single instance: listening as %s", server.fullServerName())
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        """Act on one request line, then close the connection."""
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        if line == SHOW_REQUEST:
            log.info("another start of the desk asked this window to come forward")
            self.activation_requested.emit()
        socket.disconnectFromServer()
