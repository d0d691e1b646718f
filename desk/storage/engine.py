"""Opening a database: engine, connection settings, migrations, friendly failures.

SQLite (the default, one file per counter PC) is set up for a desktop that may
lose power: WAL so readers never block the writer, ``synchronous=FULL`` so a
committed dossier survives a power cut, foreign keys on, and a busy timeout so
two windows on the same file wait for each other instead of failing.

PostgreSQL (one server for a whole service centre, ``postgresql+psycopg://``)
gets the same promises by other means: a short connect timeout and TCP
keepalives so a counter whose server went away says so within seconds instead
of hanging; a lock timeout as long as SQLite's busy timeout; and a limit on a
transaction left idle (a counter PC that lost power mid-save), so its row locks
do not stop the other counters for hours. Connections are checked before use
(``_ping_unless_reading``): once the server is back, the next click simply works; a
list read skips the check and reads again on a new connection if it found a dead one.
Each connection to the server names its program and PC in ``application_name``
(``desk kiosk PC-SANH 4321``), so the server's own view of its connections
(``pg_stat_activity``) says which desks, kiosks and displays are connected
(``desk.storage.presence``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, DisconnectionError, InterfaceError, OperationalError

from desk.domain.errors import UserError
from desk.domain.translation import translate
from desk.storage.connection_settings import (  # noqa: F401 (read from here too)
    APPLICATION_NAME_BYTES,
    BUSY_TIMEOUT_MS,
    CONNECT_TIMEOUT_S,
    IDLE_IN_TRANSACTION_MS,
    TOOL,
    application_name,
    ascii_host_name,
    host_name,
    postgres_connect_args,
)

if TYPE_CHECKING:
    import sqlite3

WRITE_OPTION = "desk_write"


def sqlite_url(path: str | Path) -> str:
    """The URL of a SQLite file, escaped by SQLAlchemy whatever characters the path holds."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


#: Set while ``desk.storage.rows.reading`` takes a connection: a read does not wait for a
#: ping, it tries again once on a new connection when the one it took was dead.
READING: ContextVar[bool] = ContextVar("desk_reading", default=False)


def _ping_unless_reading(engine: Engine) -> Callable[..., None]:
    """The pool's check before use (``pool_pre_ping``), skipped for a read.

    A connection from the pool is pinged before a unit of work uses it, so after a
    server restart the next click simply works; a dead one is replaced (SQLAlchemy
    retries the checkout on ``DisconnectionError``). A read of the lists skips the
    round trip (a third of a worklist page's time on the server): it cannot leave
    anything half done, and ``rows.Reader`` runs it again on a new connection.
    """

    def ping(dbapi_conn: Any, _record: object, _proxy: object) -> None:
        if READING.get():
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # whatever the driver raises for a dead connection
            raise DisconnectionError(str(exc)) from exc

    return ping


def make_engine(url: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS, program: str = TOOL) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        args = postgres_connect_args(busy_timeout_ms, program)
        for key in parsed.query:  # what the URL says wins (?connect_timeout=10)
            args.pop(key, None)
        engine = create_engine(url, connect_args=args)
        event.listen(engine, "checkout", _ping_unless_reading(engine))
        return engine
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


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def explain_database_error(exc: BaseException, url: str, *, reading: bool = False) -> UserError:
    """A clerk-readable message for a database that cannot be used right now
    (``reading``: it was only read, so nothing waits to be saved)."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = sqlite_path(url) or server_name(url)
    locked = "locked" in text or "busy" in text or "lock timeout" in text
    if reading and locked:
        return UserError(
            translate(
                "Database",
                "Dữ liệu đang bị một quầy, một chương trình hoặc máy khác giữ quá lâu nên chưa "
                "đọc được. Hãy đợi vài giây rồi thử lại.",
            )
        )
    server = _server_problem(text, server_name(url), reading) if is_postgres(url) else None
    if server is not None:
        return server
    if "locked" in text or "busy" in text:
        return UserError(
            translate(
                "Database",
                "Cơ sở dữ liệu đang bị một chương trình hoặc máy khác khóa quá lâu. "
                "Dữ liệu trên màn hình vẫn được giữ: hãy đợi vài giây rồi bấm Lưu lại; "
                "nếu vẫn lỗi, đóng các cửa sổ desk khác đang mở cùng tệp dữ liệu.",
            )
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return UserError(
            translate(
                "Database",
                "Tệp dữ liệu {path} không phải là cơ sở dữ liệu của desk hoặc đã bị hỏng. "
                "desk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, "
                "hoặc chọn tệp khác bằng tùy chọn --db.",
            ).format(path=where)
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return UserError(
            translate(
                "Database",
                "Không mở hoặc không ghi được tệp dữ liệu {path}: kiểm tra thư mục còn tồn tại "
                "và tài khoản Windows có quyền ghi vào đó.",
            ).format(path=where)
        )
    if "disk" in text and "full" in text:
        return UserError(
            translate(
                "Database",
                "Ổ đĩa đã đầy nên không lưu được. Dữ liệu trên màn hình vẫn được giữ: "
                "hãy giải phóng dung lượng ổ đĩa rồi bấm Lưu lại.",
            )
        )
    return UserError(
        translate("Database", "Lỗi cơ sở dữ liệu: {error}").format(error=getattr(exc, "orig", exc))
    )


def server_name(url: str) -> str:
    """``host/database`` for messages: never the password, nor the driver's name."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return (
        f"{parsed.host or 'localhost'}{f':{parsed.port}' if parsed.port else ''}/{parsed.database}"
    )


UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "name or service not known",
    "temporary failure in name resolution",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
)
CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
    "could not receive data from server",
    "could not send data to server",
    "ssl connection has been closed",
    "connection reset by peer",
    "broken pipe",
)


def _server_problem(text: str, where: str, reading: bool = False) -> UserError | None:
    """The office server is away, refuses us, or lost us mid-way; ``None``: something else.

    Whatever the case, one intake is one transaction: it is saved whole or not
    at all, so the clerk keeps the screen and saves again once the network is back.
    A read (``reading``) has nothing to save: it is only tried again.
    """
    away = any(sign in text for sign in UNREACHABLE)
    if reading and (away or any(sign in text for sign in CONNECTION_LOST)):
        return UserError(
            translate(
                "Database",
                "Không kết nối được tới máy chủ cơ sở dữ liệu {server}. Hãy kiểm tra dây mạng "
                "của máy này, hoặc báo quản trị viên kiểm tra máy chủ, rồi thử lại.",
            ).format(server=where)
        )
    if away:
        return UserError(
            translate(
                "Database",
                "Không kết nối được tới máy chủ cơ sở dữ liệu {server}. "
                "Dữ liệu trên màn hình vẫn được giữ: hãy kiểm tra dây mạng của máy này, "
                "hoặc báo quản trị viên kiểm tra máy chủ, rồi bấm Lưu lại (hoặc thử lại).",
            ).format(server=where)
        )
    if any(sign in text for sign in CONNECTION_LOST):
        return UserError(
            translate(
                "Database",
                "Mất kết nối tới máy chủ cơ sở dữ liệu {server}. Thao tác vừa rồi hoặc đã lưu "
                "trọn vẹn, hoặc chưa lưu gì, không bao giờ lưu dở dang. Dữ liệu trên màn hình "
                "vẫn được giữ: khi mạng ổn định, hãy xem lại danh sách hồ sơ rồi bấm Lưu lại "
                "nếu chưa thấy hồ sơ.",
            ).format(server=where)
        )
    if (
        "password authentication failed" in text
        or "pg_hba.conf" in text
        or ("role" in text and "does not exist" in text)
    ):
        return UserError(
            translate(
                "Database",
                "Máy chủ cơ sở dữ liệu {server} từ chối tài khoản kết nối của desk. "
                "Hãy báo quản trị viên kiểm tra tên, mật khẩu trong địa chỉ cơ sở dữ liệu "
                "(--db-url).",
            ).format(server=where)
        )
    if "database" in text and "does not exist" in text:
        return UserError(
            translate(
                "Database",
                "Trên máy chủ chưa có cơ sở dữ liệu {server}. Quản trị viên hãy tạo nó rồi chạy "
                "lệnh: desk db init --db-url ĐỊA_CHỈ.",
            ).format(server=where)
        )
    if "lock timeout" in text:
        return UserError(
            translate(
                "Database",
                "Một quầy khác đang sửa cùng dữ liệu này quá lâu nên chưa lưu được. "
                "Dữ liệu trên màn hình vẫn được giữ: hãy đợi vài giây rồi bấm Lưu lại.",
            )
        )
    if "deadlock detected" in text:
        return UserError(
            translate(
                "Database",
                "Hai quầy vừa cùng sửa một dữ liệu nên thao tác này chưa được lưu. "
                "Dữ liệu trên màn hình vẫn được giữ: hãy bấm Lưu lại.",
            )
        )
    return None


#: The errors of a unit of work on the database, as SQLAlchemy raises them.
_WRAPPED_ERRORS: tuple[type[Exception], ...] = (OperationalError, DatabaseError, InterfaceError)


def database_errors() -> tuple[type[Exception], ...]:
    """The database errors an ``except`` clause around a unit of work catches.

    SQLAlchemy's, and the ``sqlite3`` module's own (a bare connection's) once that
    module is loaded: none of its errors exists before, and on a server the desk
    never loads it.
    """
    sqlite3 = sys.modules.get("sqlite3")
    return _WRAPPED_ERRORS if sqlite3 is None else (*_WRAPPED_ERRORS, sqlite3.DatabaseError)
