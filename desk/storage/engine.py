"""Opening a database: engine, connection settings, migrations, friendly failures.

SQLite (the default, one file per counter PC) is set up for a desktop that may
lose power: WAL so readers never block the writer, ``synchronous=FULL`` so a
committed dossier survives a power cut, foreign keys on, and a busy timeout so
two windows on the same file wait for each other instead of failing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from desk.domain.errors import UserError

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "desk_write"


def make_engine(url: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions
        # begin, so DDL (migrations) is transactional too.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if parsed.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writing unit of work takes the write lock up front (waiting up to
        # the busy timeout) instead of failing half-way when another counter
        # wrote since it started reading.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def explain_database_error(exc: BaseException, url: str) -> UserError:
    """A clerk-readable message for a database that cannot be used right now."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = sqlite_path(url) or make_url(url).render_as_string(hide_password=True)
    if "locked" in text or "busy" in text:
        return UserError(
            "Cơ sở dữ liệu đang bị một chương trình hoặc máy khác khóa quá lâu. "
            "Dữ liệu trên màn hình vẫn được giữ: hãy đợi vài giây rồi bấm Lưu lại; "
            "nếu vẫn lỗi, đóng các cửa sổ desk khác đang mở cùng tệp dữ liệu."
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return UserError(
            f"Tệp dữ liệu {where} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. "
            "desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, "
            "hoặc chọn tệp khác bằng tùy chọn --db."
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return UserError(
            f"Không mở hoặc không ghi được tệp dữ liệu {where}: kiểm tra thư mục còn tồn tại "
            "và tài khoản Windows có quyền ghi vào đó."
        )
    if "disk" in text and "full" in text:
        return UserError(
            "Ổ đĩa đã đầy nên không lưu được. Dữ liệu trên màn hình vẫn được giữ: "
            "hãy giải phóng dung lượng ổ đĩa rồi bấm Lưu lại."
        )
    return UserError(f"Lỗi cơ sở dữ liệu: {getattr(exc, 'orig', exc)}")


DB_ERRORS = (OperationalError, DatabaseError, sqlite3.DatabaseError)
