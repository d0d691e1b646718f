"""One database: how services read and write it.

``read()`` gives a session for looking; ``write()`` a session whose work is
committed as one transaction when the block ends (or rolled back if it raises).
Database failures a clerk can act on (locked, disk full, not a database)
come out as ``UserError`` with a Vietnamese message; nothing half-written stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from desk.domain.errors import UserError
from desk.domain.translation import translate
from desk.storage import migrate
from desk.storage.engine import (
    DB_ERRORS,
    WRITE_OPTION,
    explain_database_error,
    make_engine,
    server_name,
    sqlite_path,
)


class Database:
    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session:
                yield session
        except DB_ERRORS as exc:
            raise explain_database_error(exc, self.url) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._writer() as session, session.begin():
                yield session
        except DB_ERRORS as exc:
            raise explain_database_error(exc, self.url) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, create: bool = True) -> Database:
    """Open (and create or upgrade) the database at ``url``.

    An existing file that is not a desk database is never touched: the caller
    gets a ``UserError`` that says so. With ``create=False`` a missing SQLite
    file is an error too.
    """
    path = sqlite_path(url)
    if path is not None:
        if not path.exists() and not create:
            raise UserError(
                translate("Database", "Không tìm thấy tệp dữ liệu {path}.").format(path=path)
            )
        if path.exists() and path.stat().st_size > 0:
            _check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        if path is None:
            with db.engine.connect() as conn:
                _refuse_foreign(set(inspect(conn).get_table_names()), server_name(url))
        migrate.upgrade(db.engine)
    except DB_ERRORS as exc:
        db.dispose()
        raise explain_database_error(exc, url) from exc
    except CommandError as exc:
        db.dispose()
        if "locate revision" not in str(exc):
            raise
        raise UserError(
            translate(
                "Database",
                "Cơ sở dữ liệu {database} đã được một phiên bản desk mới hơn nâng cấp. "
                "Hãy cài phiên bản desk mới nhất cho máy này (hỏi quản trị viên).",
            ).format(database=server_name(url))
        ) from exc
    except UserError:
        db.dispose()
        raise
    return db


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
    """Look at an existing file read-only before anything may write to it."""
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise UserError(
            translate(
                "Database",
                "Không đọc được tệp dữ liệu {path}: {error}. "
                "Kiểm tra quyền truy cập tệp, hoặc khôi phục từ bản sao lưu.",
            ).format(path=path, error=exc.strerror)
        ) from exc
    if header != b"SQLite format 3\x00":
        raise UserError(
            translate(
                "Database",
                "Tệp {path} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. "
                "desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, "
                "hoặc chọn tệp khác bằng tùy chọn --db.",
            ).format(path=path)
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise explain_database_error(exc, f"sqlite:///{path}") from exc
    _refuse_foreign(names, path)
