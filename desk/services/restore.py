"""Restoring a backup over the office's database: by an admin, alone, forward only, undoable.

A restore replaces the legal record of what citizens handed in, so:

- **An admin does it** (``Permission.MANAGE``), and **no one else is working on
  the file**: while a desk, kiosk, display or rating window has the database
  open (``desk.storage.presence``) the restore refuses and names the PCs, or
  waits for them to close (``wait_s``). A desk recording intakes under a
  restore would hand out the same dossier codes a second time.
- **No number is handed out twice.** The replaced database is kept next to it
  (a new name each time, never overwriting anything), and before the restored
  data goes live every counter is taken forward to the higher of the two files:
  the day's dossier numbers, the kiosk's ticket numbers and the apology
  letters' numbers (``day_sequences``, ``queue_sequences``,
  ``apology_sequences``), and the change counters, so every window reloads.
- **Nothing is lost for good.** The dossiers the kept file holds and the
  restored one lacks are listed (code, applicant, received), and
  ``desk.services.missing_dossiers`` brings any of them back.
- **All or nothing.** The backup is checked first (``backup.check_backup``);
  the new content is prepared under a temporary name (upgraded to this
  version's schema), flushed to disk, and copied into the live file in one
  SQLite transaction. A full disk at any step gets the same message as during
  intake ("Ổ đĩa đã đầy"), and leaves the live file as it was and no partial
  file behind: the kept file is whole or absent.

A database on a PostgreSQL server is restored on the server (``pg_restore``),
not by desk: ``restore`` says so and names the PCs still connected to it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk.domain.clock import Clock, SystemClock, to_vn
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.services.backup import SUFFIX, check_backup, check_contents, database_file, online_copy
from desk.services.missing_dossiers import MissingDossier, missing_dossiers
from desk.storage import files, migrate, presence
from desk.storage.database import Database
from desk.storage.engine import is_postgres, make_engine, server_name, sqlite_url
from desk.storage.presence import Program

KEPT_MARK = "truoc-khoi-phuc"  # untranslated: part of a file name, the same in every language
_KEPT_STAMP = "%Y%m%d-%H%M%S-%f"
POLL_S = 1.0

PROGRAM_LABELS = {
    presence.DESK: QT_TRANSLATE_NOOP("Restore", "bàn tiếp nhận"),
    presence.KIOSK: QT_TRANSLATE_NOOP("Restore", "máy lấy số"),
    presence.DISPLAY: QT_TRANSLATE_NOOP("Restore", "màn hình gọi số"),
    presence.RATING: QT_TRANSLATE_NOOP("Restore", "màn hình đánh giá"),
}


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the replaced file is kept, what only it holds."""

    kept: Path | None
    missing: list[MissingDossier]
    counters_forward: int  # counters the kept file had further on


class ProgramsConnected(UserError):
    """Programs still work on the database: ``programs`` says which, on which PCs."""

    def __init__(self, message: str, programs: list[Program]) -> None:
        super().__init__(message)
        self.programs = programs


def program_label(p: Program) -> str:
    kind = PROGRAM_LABELS.get(p.program)
    return f"{p.host} ({translated(kind) if kind else p.program})"


def names_of(programs: list[Program]) -> str:
    return ", ".join(program_label(p) for p in programs)


def _connected(programs: list[Program]) -> ProgramsConnected:
    return ProgramsConnected(
        translate(
            "Restore",
            "Chưa khôi phục: tệp dữ liệu đang được mở trên {programs}. Khôi phục lúc này sẽ làm "
            "các máy đó cấp lại những mã hồ sơ đã cấp. Không có gì bị thay đổi. Hãy đóng desk "
            "trên các máy đó rồi khôi phục lại.",
        ).format(programs=names_of(programs)),
        programs,
    )


def wait_until_alone(
    url: str,
    wait_s: float = 0.0,
    on_wait: Callable[[list[Program]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Return once no program works on the database; refuse after ``wait_s`` seconds."""
    deadline = time.monotonic() + max(0.0, wait_s)
    told = False
    while programs := presence.programs_on(url):
        left = deadline - time.monotonic()
        if left <= 0:
            raise _connected(programs)
        if on_wait is not None and not told:
            on_wait(programs)
            told = True
        sleep(min(POLL_S, left))


def restore(
    url: str,
    backup_file: Path,
    clerk: Clerk,
    clock: Clock | None = None,
    *,
    wait_s: float = 0.0,
    on_wait: Callable[[list[Program]], None] | None = None,
) -> RestoreResult:
    """Replace the database at ``url`` with ``backup_file`` (see the module doc)."""
    require(clerk.role, Permission.MANAGE)
    if is_postgres(url):
        raise _on_a_server(url)
    check_backup(backup_file)
    target = database_file(url)
    wait_until_alone(url, wait_s, on_wait)
    now = to_vn((clock or SystemClock()).now())
    try:
        kept, moved = _replace(url, target, backup_file, now)
        files.fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        raise _failed(exc, target) from exc
    check_contents(target)
    missing = _missing(kept, url) if kept is not None and _readable(kept) else []
    return RestoreResult(kept, missing, moved)


def _replace(url: str, target: Path, backup_file: Path, now: datetime) -> tuple[Path | None, int]:
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    if not (target.exists() and _readable(target)):
        new, moved = _prepared(backup_file, None, folder)
        try:
            kept = _move_aside(target, now)
            os.replace(new, target)
        except BaseException:
            files.remove_quietly(new)
            raise
        return kept, moved
    kept = None
    prepared: Path | None = None
    try:
        kept = _keep_copy(target, now)
        prepared, moved = _prepared(backup_file, kept, folder)
        _still_alone(url, target, kept)
        _copy_into_live(prepared, target)
    except BaseException:
        files.remove_quietly(kept)  # the live file was not replaced: nothing to keep
        raise
    finally:
        files.remove_quietly(prepared)
    return kept, moved


def kept_names(target: Path, now: datetime):  # noqa: ANN201 (an iterator of paths)
    """``desk.truoc-khoi-phuc-20260310-091500-123456.sqlite3``, then ``...-2``, ``...-3``."""
    stem = f"{target.stem}.{KEPT_MARK}-{now.strftime(_KEPT_STAMP)}"
    return files.candidates(target.parent, stem, SUFFIX)


def _keep_copy(target: Path, now: datetime) -> Path:
    """A whole copy of the live database under a name never used before."""
    partial = files.private_temp(target.parent, target.name)
    try:
        online_copy(target, partial)
        files.fsync_file(partial)
        return files.publish(partial, kept_names(target, now))
    except BaseException:
        files.remove_quietly(partial)
        raise


def _prepared(backup_file: Path, kept: Path | None, folder: Path) -> tuple[Path, int]:
    """The backup's content as it will go live: this version's schema, counters forward."""
    new = files.private_temp(folder, "restore")
    try:
        online_copy(backup_file, new)
        engine = make_engine(sqlite_url(new))
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        conn = sqlite3.connect(new, isolation_level=None)
        try:
            if kept is not None:
                conn.execute("ATTACH DATABASE ? AS kept", (str(kept),))
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM presence")  # who works on the file now, not then
            moved = _take_counters_forward(conn) if kept is not None else 0
            conn.execute("COMMIT")
            if kept is not None:
                conn.execute("DETACH DATABASE kept")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        files.fsync_file(new)
        return new, moved
    except BaseException:
        files.remove_quietly(new)
        raise


# Counters of numbers handed out to people, with their keys: never to go back.
_SEQUENCES = {
    "day_sequences": ("agency", "day"),
    "queue_sequences": ("letter", "day"),
    "apology_sequences": ("year",),
}


def _take_counters_forward(conn: sqlite3.Connection) -> int:
    """Each counter to the higher of the two files (the kept one attached as ``kept``).

    Returns how many counters the kept file had further on.
    """
    theirs = {r[0] for r in conn.execute("SELECT name FROM kept.sqlite_master")}
    moved = 0
    for table, key in _SEQUENCES.items():
        if table not in theirs:
            continue
        same = " AND ".join(f"m.{k} = k.{k}" for k in key)
        columns = ", ".join(key)
        moved += conn.execute(
            f"SELECT count(*) FROM kept.{table} k LEFT JOIN main.{table} m"  # noqa: S608
            f" ON {same} WHERE m.last IS NULL OR m.last < k.last"
        ).fetchone()[0]
        conn.execute(
            f"INSERT INTO main.{table} ({columns}, last)"  # noqa: S608
            f" SELECT {columns}, last FROM kept.{table} WHERE true"
            f" ON CONFLICT ({columns}) DO UPDATE SET last = max(last, excluded.last)"
        )
    if "change_counters" in theirs:  # strictly ahead of both: every window reloads
        conn.execute(
            "INSERT INTO main.change_counters (topic, version)"
            " SELECT topic, version + 1 FROM kept.change_counters WHERE true"
            " ON CONFLICT (topic) DO UPDATE SET version = max(version, excluded.version)"
        )
    return moved


def _fingerprint(path: Path) -> tuple:
    """What moves whenever anyone records anything: compared before the copy goes live."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        sums = []
        for table, column in (
            ("dossiers", "max(id)"),
            ("audit_log", "max(id)"),
            ("day_sequences", "sum(last)"),
            ("queue_sequences", "sum(last)"),
            ("apology_sequences", "sum(last)"),
            ("queue_events", "max(id)"),
            ("change_counters", "sum(version)"),
        ):
            if table in tables:
                sums.append(conn.execute(f"SELECT {column} FROM {table}").fetchone()[0])  # noqa: S608
        return tuple(sums)
    finally:
        conn.close()


def _still_alone(url: str, target: Path, kept: Path) -> None:
    """Nobody came in while the copy was prepared, and nothing changed since it was kept."""
    if programs := presence.programs_on(url):
        raise _connected(programs)
    if _fingerprint(target) != _fingerprint(kept):
        raise UserError(
            translate(
                "Restore",
                "Chưa khôi phục: dữ liệu vừa thay đổi trong lúc chuẩn bị khôi phục, nghĩa là "
                "vẫn có máy đang làm việc trên tệp này. Không có gì bị thay đổi. Hãy đóng desk "
                "trên các máy khác rồi khôi phục lại.",
            )
        )


def _copy_into_live(new: Path, target: Path) -> None:
    """One SQLite transaction: other connections see the old data or the new, never a mix."""
    src = sqlite3.connect(f"{new.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _readable(path: Path) -> bool:
    """A whole SQLite database, asked of SQLite alone (see ``backup.check_contents``)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return False


def _move_aside(target: Path, now: datetime) -> Path | None:
    """A missing or broken file is renamed (with its side files), never deleted nor copied."""
    if not target.exists():
        return None
    kept = files.publish(target, kept_names(target, now))
    for extra in ("-wal", "-shm", "-journal"):
        side = target.with_name(target.name + extra)
        if side.exists():
            shutil.move(side, kept.with_name(kept.name + extra))
    return kept


def _missing(kept: Path, url: str) -> list[MissingDossier]:
    db = Database(url)
    try:
        return missing_dossiers(db, kept)
    finally:
        db.dispose()


def _failed(exc: BaseException, target: Path) -> UserError:
    if files.is_disk_full(exc):
        return UserError(
            translate(
                "Restore",
                "Ổ đĩa đã đầy nên chưa khôi phục được. Tệp dữ liệu hiện tại không thay đổi và "
                "không có tệp dở dang nào được để lại: hãy giải phóng dung lượng ổ đĩa chứa "
                "{folder} rồi khôi phục lại.",
            ).format(folder=target.parent)
        )
    error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return UserError(
        translate(
            "Restore",
            "Không khôi phục được ({error}). Tệp dữ liệu hiện tại không thay đổi: hãy kiểm tra "
            "quyền ghi vào thư mục {folder} rồi khôi phục lại.",
        ).format(error=error, folder=target.parent)
    )


def _on_a_server(url: str) -> UserError:
    programs = presence.programs_on(url)
    still = (
        translate("Restore", " Đang kết nối tới cơ sở dữ liệu này: {programs}.").format(
            programs=names_of(programs)
        )
        if programs
        else ""
    )
    return ProgramsConnected(
        translate(
            "Restore",
            "Cơ sở dữ liệu {server} nằm trên máy chủ PostgreSQL: việc khôi phục do quản trị "
            "viên làm trên máy chủ (pg_restore), sau khi đã đóng desk trên mọi máy.{still}",
        ).format(server=server_name(url), still=still),
        programs,
    )


def log_in_from_backup(backup_file: Path, username: str, password: str) -> Clerk:
    """Who is asking, checked against the backup's accounts (when the live file is unusable).

    A temporary copy is opened (and upgraded), never the backup itself.
    """
    from desk.services import accounts
    from desk.storage.database import open_database

    check_backup(backup_file)
    with tempfile.TemporaryDirectory(prefix="desk-login-") as folder:
        copy = Path(folder) / "login.sqlite3"
        online_copy(backup_file, copy)
        db = open_database(sqlite_url(copy), create=False)
        try:
            return accounts.log_in(db, username, password)
        finally:
            db.dispose()
