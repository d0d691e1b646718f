"""The scanner's folder: a network scanner saves each page there, the desk offers it.

Most office scanners "scan to folder" (SMB or a USB driver's target folder).
The admin names that folder once per PC (``scan_folder`` in this PC's
settings); the desk watches it (``QFileSystemWatcher``, with a poll every two
seconds as well: a network share may never send a change notice) and offers
each new image or PDF once its size has stopped changing, i.e. once the
scanner finished writing it. Files there before the watch began are not
offered: they belong to an earlier citizen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desk import config
from desk.documents.scan_sources import SCAN_SUFFIXES

SETTING = "scan_folder"
POLL_MS = 2000


def scan_folder() -> Path | None:
    """This PC's scanner folder, when one is set and exists."""
    value = str(config.machine_settings().get(SETTING) or "").strip()
    return Path(value) if value and Path(value).is_dir() else None


def set_scan_folder(folder: Path | None) -> None:
    config.save_machine_setting(SETTING, str(folder) if folder else "")


class ScanFolderWatcher(QObject):
    """``arrived(paths)`` for the files a scanner finished writing, oldest first."""

    arrived = Signal(list)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder if folder is not None else scan_folder()
        self._seen: set[Path] = set()
        self._sizes: dict[Path, int] = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.check())
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        if self.folder is not None:
            self._seen = set(self._files())
            self._watcher.addPath(str(self.folder))
            self._timer.start()

    def _files(self) -> list[Path]:
        if self.folder is None:
            return []
        try:
            found = [
                p
                for p in self.folder.iterdir()
                if p.suffix.lower() in SCAN_SUFFIXES and p.is_file()
            ]
        except OSError:
            return []
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))

    def check(self) -> list[Path]:
        """Offer the new files whose size did not change since the last look."""
        ready = []
        for path in self._files():
            if path in self._seen:
                continue
            size = path.stat().st_size
            if size > 0 and self._sizes.get(path) == size:
                ready.append(path)
            self._sizes[path] = size
        for path in ready:
            self._seen.add(path)
            self._sizes.pop(path, None)
        if ready:
            self.arrived.emit(ready)
        return ready

    def stop(self) -> None:
        self._timer.stop()
        if self.folder is not None:
            self._watcher.removePath(str(self.folder))
