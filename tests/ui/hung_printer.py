"""A printer that hangs: ``file:`` on a FIFO nobody reads until the test releases it.

Opening a FIFO for writing waits until a reader opens it, so a print to
``hung.uri`` stops inside the desk's ``open`` for as long as the test wants,
with no timeout of its own (a real printer that hangs gives up after seconds;
this one never does). ``release()`` reads the whole job; ``job()`` is what
the desk sent. Were the print on the window's thread, the window would stay
frozen until the watchdog releases the printer after ``WATCHDOG_SECONDS``;
``released_by_watchdog`` then says so, and the test fails instead of hanging.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

#: Far beyond what a test needs to check the window while the printer hangs.
WATCHDOG_SECONDS = 60
WAIT_SECONDS = 30


class HungPrinter:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "printer.fifo"
        os.mkfifo(self.path)
        self._data = bytearray()
        self._reader: threading.Thread | None = None
        self.released_by_watchdog = False
        self._watchdog = threading.Timer(WATCHDOG_SECONDS, self._bark)
        self._watchdog.daemon = True
        self._watchdog.start()

    @property
    def uri(self) -> str:
        return f"file:{self.path}"

    def release(self) -> None:
        """Open the other end and read everything the desk writes."""
        if self._reader is not None:
            return
        self._watchdog.cancel()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        with open(self.path, "rb") as fifo:
            while chunk := fifo.read(65536):
                self._data += chunk

    def _bark(self) -> None:
        self.released_by_watchdog = True
        self.release()

    def job(self) -> bytes:
        """The bytes of the job, once the desk closed its end."""
        assert self._reader is not None, "release() the printer first"
        self._reader.join(WAIT_SECONDS)
        assert not self._reader.is_alive(), "the desk never finished writing its job"
        return bytes(self._data)

    def close(self) -> None:
        """Let a print still waiting end, and a reader no print came to end too."""
        self._watchdog.cancel()
        self.release()
        assert self._reader is not None
        self._reader.join(1)
        if self._reader.is_alive():  # no writer came: give the reader its end of file
            os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self._reader.join(WAIT_SECONDS)
