"""One database: how services read and write it.

``read()`` gives a session for looking; ``write()`` a session whose work is
committed as one transaction when the block ends (or rolled back if it raises).
Database failures a clerk can act on (locked, disk full, not a database)
come out as ``UserError`` with a Vietnamese message; nothing half-written stays.

A new SQLite file is created readable by its owner only (``desk.storage.files``);
an empty (0-byte) file that was already there is not a desk database and is
left as it is. A program that works on the database for long (``program=``)
makes itself known to restores while it is open (``desk.storage.presence``).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from desk.domain.errors import UserError
from desk.domain.translation import translate
from desk.storage import files, migrate
from desk.storage.engine import (
    TOOL,
    WRITE_OPTION,
    database_errors,
    explain_database_error,
    make_engine,
    server_name,
    sqlite_path,
    sqlite_url,
)

if TYPE_CHECKING:  # presence imports this module
    from desk.storage.presence import Presence


class Database:
    def __init__(self, url: str, engine: Engine | None = None, program: str = TOOL) -> None:
        self.url = url
        self.program = program
        self.presence: Presence | None = None  # while a program holds it
        self.engine = engine or make_engine(url, program=program)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session:
                yield session
        except database_errors() as exc:
            raise explain_database_error(exc, self.url, reading=True) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._writer() as session, session.begin():
                yield session
        except database_errors() as exc:
            raise explain_database_error(exc, self.url) from exc

    def dispose(self) -> None:
        if self.presence is not None:
            self.presence.close()
            self.presence = None
        self.engine.dispose()


def open_database(url: str, *, create: bool = True, program: str | None = None) -> Database:
    """Open (and create or upgrade) the database at ``url``.

    An existing file that is not a desk database (an empty one included) is
    never touched: the caller gets a ``UserError`` that says so. With
    ``create=False`` a missing SQLite file is an error too. ``program`` (one of
    ``desk.storage.presence.PROGRAMS``) is the long-running program opening
    it: it is known to a restore until ``dispose()``.
    """
    path = sqlite_path(url)
    created = path is not None and _prepare_file(path, create)
    db = Database(url, program=program or TOOL)
    try:
        _bring_up_to_date(db)
    except BaseException:
        db.dispose()
        if created and path is not None:
            _remove_if_empty(path)  # a failed first start leaves no empty file behind
        raise
    if program is not None:
        from desk.storage import presence

        db.presence = presence.hold(db, program)
    return db


def _bring_up_to_date(db: Database) -> None:
    url = db.url
    try:
        if sqlite_path(url) is None:
            with db.engine.connect() as conn:
                _refuse_foreign(set(inspect(conn).get_table_names()), server_name(url))
        migrate.upgrade(db.engine)
    except database_errors() as exc:
        raise explain_database_error(exc, url) from exc
    except migrate.NewerSchema as exc:
        raise UserError(
            translate(
                "Database",
                "Cơ sở dữ liệu {database} đã được một phiên bản desk mới hơn nâng cấp. "
                "Hãy cài phiên bản desk mới nhất cho máy này (hỏi quản trị viên).",
            ).format(database=server_name(url))
        ) from exc


def _remove_if_empty(path: Path) -> None:
    try:
        if path.stat().st_size == 0:
            files.remove_quietly(path)
    except OSError:
        pass


def _prepare_file(path: Path, create: bool) -> bool:
    """Refuse a missing (unless creating), empty or foreign file; create a new one private.

    ``True`` when the file was made here (or by another program at the same moment).
    """
    if not path.exists():
        if not create:
            raise UserError(
                translate("Database", "Không tìm thấy tệp dữ liệu {path}.").format(path=path)
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        files.create_private(path)
        return True
    if path.is_file() and path.stat().st_size == 0:
        raise UserError(
            translate(
                "Database",
                "Tệp {path} trống (0 byte): đây không phải là cơ sở dữ liệu của desk. "
                "desk không ghi gì vào tệp này. Hãy chọn đúng tệp dữ liệu bằng tùy chọn --db, "
                "hoặc khôi phục từ bản sao lưu; muốn tạo dữ liệu mới thì ghi một tên tệp "
                "chưa có.",
            ).format(path=path)
        )
    _check_sqlite_file(path)
    return False


def _refuse_foreign(tables: set[str], where: object) -> None:
    if tables and "alembic_version" not in tables:
        raise UserError(
            translate(
                "Database",
                "Tệp dữ liệu {path} là một cơ sở dữ liệu khác, không phải của desk. "
                "desk không ghi đè lên tệp này: hãy chọn tệp khác bằng tùy chọn --db "
                "(hoặc cơ sở dữ liệu khác bằng --db-url).",
            ).format(path=where)
        )


def _check_sqlite_file(path: Path) -> None:
    """Look at an existing file read-only, through SQLite, before anything may write to it.

    Never with a plain ``open()``: on Linux and macOS, closing a plain handle on a
    database file drops every lock this process's connections hold on it, and
    another program closing its own connection could then take the file for
    unused and remove the write-ahead log from under them.
    """
    import sqlite3  # (on a server, not loaded at all)

    if path.is_dir():
        raise _unreadable(path, os.strerror(errno.EISDIR))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "unable to open" in text:
            raise _unreadable(path, exc) from exc
        if "not a database" in text:
            raise UserError(
                translate(
                    "Database",
                    "Tệp {path} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. "
                    "desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, "
                    "hoặc chọn tệp khác bằng tùy chọn --db.",
                ).format(path=path)
            ) from exc
        raise explain_database_error(exc, sqlite_url(path)) from exc
    _refuse_foreign(names, path)


def _unreadable(path: Path, error: object) -> UserError:
    return UserError(
        translate(
            "Database",
            "Không đọc được tệp dữ liệu {path}: {error}. "
            "Kiểm tra quyền truy cập tệp, hoặc khôi phục từ bản sao lưu.",
        ).format(path=path, error=error)
    )
