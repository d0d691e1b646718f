"""Files that hold personal data: readable by their owner only, whole or absent.

The database, its ``-wal`` and ``-shm``, the backups, the file a restore keeps and a
citizen's export hold names, addresses, phone and ID numbers, to be protected while
stored (Law 91/2025/QH15 art. 18(1)). On Linux and macOS each is created with mode
0600, whatever the umask (SQLite gives the ``-wal``, ``-shm`` and ``-journal`` the
mode of the database file). On Windows the files live in the account's own data
folder (``%LOCALAPPDATA%``), which other accounts cannot read: that folder is the
protection, so nothing more is done there.

A copy is written under a temporary name in the same folder, flushed to disk,
and only then given its real name, so a full disk or a power cut leaves the
old state, never half a file under a good name. ``publish`` never replaces a
file that already exists.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE = 0o600
POSIX = os.name == "posix"
#: What a full disk (or a full quota) looks like from ``open``/``write``.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def create_private(path: Path) -> bool:
    """Create ``path`` empty with mode 0600; ``False`` when it already existed."""
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE
        )
    except FileExistsError:
        return False
    os.close(fd)
    return True


def make_private(path: Path) -> None:
    """Mode 0600 for a file that may have been created with a wider one (POSIX only)."""
    if POSIX:
        os.chmod(path, PRIVATE)


def private_temp(folder: Path, name: str) -> Path:
    """A new empty file, mode 0600, in ``folder``, named after ``name`` (never an existing one)."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
    os.close(fd)
    return Path(temp)


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` as ``path`` (replacing it), readable by its owner only, whole or not at all."""
    temp = private_temp(path.parent, path.name)
    try:
        with temp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise


def candidates(folder: Path, stem: str, suffix: str) -> Iterator[Path]:
    """``stem+suffix``, then ``stem-2+suffix``, ``stem-3+suffix``, ... in ``folder``."""
    yield folder / f"{stem}{suffix}"
    n = 2
    while True:
        yield folder / f"{stem}-{n}{suffix}"
        n += 1


def publish(partial: Path, names: Iterator[Path]) -> Path:
    """Give the finished ``partial`` the first of ``names`` that does not exist yet.

    A hard link fails when the name is taken, even if another program took it a
    moment ago, so nothing is ever overwritten; where the file system has no
    hard links (FAT on a USB stick), a rename to a name checked free just before.
    """
    for name in names:
        if name.exists():
            continue
        try:
            os.link(partial, name)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in DISK_FULL_ERRNOS:
                raise
            if name.exists():
                continue
            os.rename(partial, name)  # no hard links here: the name was free a moment ago
            return name
        partial.unlink()
        return name
    raise AssertionError("unreachable: names never run out")


def fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
    if not POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_disk_full(exc: BaseException) -> bool:
    """A full disk, as the OS or SQLite reports it."""
    if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
        return True
    # (an error of the sqlite3 module exists only once the module is loaded: it is not
    # loaded for that alone, on a server)
    sqlite3 = sys.modules.get("sqlite3")
    return (
        sqlite3 is not None
        and isinstance(exc, sqlite3.Error)
        and "disk is full" in str(exc).lower()
    )


def remove_quietly(*paths: Path | None) -> None:
    """Delete what a failed copy left (and its SQLite side files); never raises."""
    for path in paths:
        if path is None:
            continue
        for p in [path, *(Path(f"{path}{x}") for x in ("-journal", "-wal", "-shm"))]:
            try:
                p.unlink(missing_ok=True)
            except OSError:
                pass
