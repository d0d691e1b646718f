"""Backups of the office's database, and restoring one.

The database is the office's legal record of what citizens handed in and what
they were promised (Decree 118/2025 art. 17(1)(c) and 17(3): the receipt and its
appointment), so a lost disk must not lose it. Copies are made with SQLite's
online backup API: a consistent snapshot even while clerks keep saving, never a
half-copied file. A copy is written under a temporary name, checked, flushed to
disk and only then given its name (never one that exists), so the folder never
holds a broken backup under a good name. Copies hold personal data: they are
readable by their owner only (``desk.storage.files``). Old copies are pruned by
``desk.domain.backup_rotation``.

``check_backup`` is what a restore (``desk.services.restore``) asks of a file
first: the SQLite header, ``PRAGMA integrity_check``, a schema revision this
version of desk knows, and every digitised paper matching its SHA-256.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk.config import data_dir
from desk.domain.backup_rotation import Rotation
from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.translation import translate
from desk.services import scan_integrity, settings
from desk.storage import files, migrate
from desk.storage.database import Database
from desk.storage.engine import sqlite_path

if TYPE_CHECKING:
    import sqlite3

BACKUP_DIR = "backup_dir"  # setting: the folder the admin chose (USB disk, network share)
PREFIX = "desk-"
SUFFIX = ".sqlite3"
_NAME = re.compile(r"^desk-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    size: int


@dataclass(frozen=True)
class BackupCheck:
    """What a backup file holds: its schema revision and how many dossiers."""

    revision: str
    dossiers: int


def default_folder() -> Path:
    return data_dir() / "backups"


def backup_folder(db: Database) -> Path:
    chosen = settings.get_setting(db, BACKUP_DIR).strip()
    return Path(chosen) if chosen else default_folder()


def set_backup_folder(db: Database, clerk: Clerk, folder: Path) -> None:
    """An admin chooses where the copies go; the folder must exist and be writable."""
    require(clerk.role, Permission.MANAGE)
    _writable(folder)
    settings.set_setting(db, BACKUP_DIR, str(folder))


def _writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".desk-write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise UserError(
            translate(
                "Backup",
                "Không ghi được vào thư mục sao lưu {folder}: {error}. "
                "Kiểm tra ổ USB hoặc thư mục mạng đã được cắm, kết nối và cho phép ghi.",
            ).format(folder=folder, error=exc.strerror or exc),
            "folder",
        ) from exc


def database_file(db_or_url: Database | str) -> Path:
    url = db_or_url.url if isinstance(db_or_url, Database) else db_or_url
    path = sqlite_path(url)
    if path is None:
        raise UserError(
            translate(
                "Backup",
                "Sao lưu trong desk chỉ dành cho tệp dữ liệu SQLite. Cơ sở dữ liệu trên máy chủ "
                "PostgreSQL được sao lưu trên máy chủ (pg_dump): hãy báo quản trị viên.",
            )
        )
    return path


def backup_now(db: Database, folder: Path | None = None, clock: Clock | None = None) -> Path:
    """Copy the live database into ``folder`` (default: the chosen one) and prune old copies."""
    import sqlite3  # (a backup is of a SQLite file: loaded only for one)

    source = database_file(db)
    folder = folder or backup_folder(db)
    now = to_vn((clock or SystemClock()).now())
    _writable(folder)
    partial: Path | None = None
    try:
        partial = files.private_temp(folder, PREFIX.rstrip("-"))
        online_copy(source, partial)
        check_backup(partial)
        files.fsync_file(partial)
        target = files.publish(partial, files.candidates(folder, _stem(now), SUFFIX))
        files.fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        files.remove_quietly(partial)
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UserError(
            translate(
                "Backup",
                "Không sao lưu được vào {folder}: {error}. Kiểm tra ổ đĩa còn chỗ "
                "trống và vẫn được kết nối, rồi sao lưu lại.",
            ).format(folder=folder, error=error),
            "folder",
        ) from exc
    except BaseException:
        files.remove_quietly(partial)
        raise
    prune(folder, now.date())
    return target


def automatic_backup(db: Database, clock: Clock | None = None) -> Path | None:
    """At start and daily: one copy a day; ``None`` when today's exists or there is nothing to copy."""
    if sqlite_path(db.url) is None:
        return None
    folder = backup_folder(db)
    today = to_vn((clock or SystemClock()).now()).date()
    if any(b.taken_at.date() == today for b in list_backups(folder)):
        return None
    return backup_now(db, folder, clock)


def online_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while other connections keep writing.

    ``target`` is made readable by its owner only (created so, if it is new).
    """
    files.create_private(target)
    files.make_private(target)
    import sqlite3

    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=1024)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _stem(at: datetime) -> str:
    return f"{PREFIX}{at.strftime(_STAMP)}"


def list_backups(folder: Path) -> list[BackupFile]:
    """The copies in ``folder``, newest first (files named by ``backup_now`` only)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(f"{match[1]}-{match[2]}", _STAMP)
        found.append(BackupFile(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def prune(folder: Path, today: date, rotation: Rotation | None = None) -> list[Path]:
    """Delete the copies the rotation does not keep; returns what was deleted."""
    backups = list_backups(folder)
    keep = (rotation or Rotation()).keep((b.taken_at for b in backups), today)
    deleted = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def check_backup(path: Path) -> BackupCheck:
    """Refuse (``UserError``) a file that is not a whole desk database this version can open."""
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise UserError(
            translate("Backup", "Không đọc được tệp {path}: {error}.").format(
                path=path, error=exc.strerror or exc
            ),
            "file",
        ) from exc
    if header != SQLITE_HEADER:
        raise UserError(
            translate("Backup", "Tệp {name} không phải là bản sao lưu của desk.").format(
                name=path.name
            ),
            "file",
        )
    return check_contents(path)


def check_contents(path: Path) -> BackupCheck:
    """``check_backup`` without reading the file's first bytes itself: SQLite alone opens it.

    For a database this process may have open (the live one, after a restore): closing
    a plain file handle on it would drop every lock the process's connections hold.
    """
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchall()
            revision = _revision(conn)
            dossiers = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
            bad_scans = scan_integrity.damaged_scans(conn) if ok == [("ok",)] else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(
            translate(
                "Backup", "Tệp {name} bị hỏng, không dùng để khôi phục được ({error})."
            ).format(name=path.name, error=exc),
            "file",
        ) from exc
    if ok != [("ok",)]:
        raise UserError(
            translate(
                "Backup",
                "Tệp {name} không qua được kiểm tra toàn vẹn: bản sao lưu đã bị hỏng. "
                "Hãy chọn một bản sao lưu khác.",
            ).format(name=path.name),
            "file",
        )
    if bad_scans:  # a digitised paper no longer matches its SHA-256
        scan_integrity.refuse(bad_scans, path)
    _check_revision(revision, path)
    return BackupCheck(revision, dossiers)


def _revision(conn: sqlite3.Connection) -> str:
    import sqlite3

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables or "dossiers" not in tables:
        raise sqlite3.DatabaseError(translate("Backup", "không phải cơ sở dữ liệu của desk"))
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise sqlite3.DatabaseError(translate("Backup", "không có phiên bản cấu trúc dữ liệu"))
    return str(row[0])


def _check_revision(revision: str, path: Path) -> None:
    if revision not in migrate.revisions():  # the scripts' own lines: no Alembic to import
        raise UserError(
            translate(
                "Backup",
                "Bản sao lưu {name} do một phiên bản desk mới hơn tạo ra (cấu trúc dữ liệu "
                "{revision}): hãy cài phiên bản desk mới nhất rồi khôi phục.",
            ).format(name=path.name, revision=revision),
            "file",
        )
