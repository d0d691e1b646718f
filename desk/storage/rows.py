"""Reading rows at the engine's own speed, for the lists a clerk waits on.

The worklist's first page costs the database well under a millisecond, even
on a million dossiers, when the query stops early on an index. Through an ORM
session the same rows cost several times that: a transaction begun and rolled
back around one SELECT, a ``Row`` object and a type conversion per value. This
module keeps SQLAlchemy for what it is good at (the SQL written once and
portably, the connection pool, the error family) and skips the rest on the
few hot paths that use it:

- ``Statement``: a Core statement compiled once per dialect (its SQL and the
  order of its parameters), run on the pooled connection's DBAPI cursor;
- ``reading(db)``: one pooled connection for a few statements, DBAPI tuples
  back, no transaction around them (each SELECT sees one consistent state; on
  PostgreSQL the driver keeps each statement prepared on its connection);
- ``moment`` (``desk.storage.moments``)/``stored_moment``: a stored moment (naive
  UTC; text on SQLite) to Vietnam time and back, as ``UtcDateTime`` does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

from desk.storage.database import Database
from desk.storage.engine import READING, database_errors, explain_database_error
from desk.storage.moments import moment as moment  # the lists read it from here
from desk.storage.types import UtcDateTime


class Statement:
    """A Core statement, with named ``bindparam``s, compiled once per dialect.

    ``build(dialect_name)`` writes it (the same for every engine, or the form an
    engine plans best). Values the statement fixes itself (``OFFSET 0`` of a
    limited ``UNION``) are sent with the given ones. ``engines``: the engines it is
    written for, when not every one (the statement book holds it for those only).
    """

    def __init__(
        self, build: Callable[[str], ClauseElement], engines: tuple[str, ...] | None = None
    ) -> None:
        self._build = build
        self.engines = engines
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def _compile(self, dialect: Dialect) -> _Compiled:
        known = self._compiled.get(dialect.name)
        if known is None:
            compiled = self._build(dialect.name).compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)  # a query, not DDL
            fixed = {k: v for k, v in compiled.params.items() if v is not None}
            order = tuple(compiled.positiontup or ()) if dialect.positional else None
            known = _Compiled(compiled.string, order, fixed)
            with self._lock:
                self._compiled[dialect.name] = known
        return known

    def sql(self, dialect: Dialect) -> str:
        return self._compile(dialect).sql

    def clause(self, dialect: Dialect) -> Executable:
        """The statement itself, for a session to run."""
        built = self._build(dialect.name)
        assert isinstance(built, Executable)
        return built

    def compiled(self, dialect: Dialect) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        """The SQL, the order of its parameters (``None``: by name) and the values it
        fixes: what ``desk.storage.statement_book`` keeps to run it without SQLAlchemy."""
        known = self._compile(dialect)
        return known.sql, known.order, dict(known.fixed)

    def params(self, dialect: Dialect, values: Mapping[str, Any]) -> Sequence[Any] | dict:
        """The DBAPI parameters: a tuple in the SQL's order, or a dict, as the driver wants."""
        known = self._compile(dialect)
        merged = {**known.fixed, **values} if known.fixed else values
        if known.order is None:
            return dict(merged)
        return tuple(merged[name] for name in known.order)


class _Compiled(NamedTuple):
    sql: str
    order: tuple[str, ...] | None
    fixed: dict[str, Any]


_moment_binders: dict[str, Callable[[Any], Any]] = {}


def stored_moment(dialect: Dialect, value: datetime) -> Any:
    """``value`` as the column stores it, for a parameter compared with a raw column
    (``UtcDateTime``: naive UTC; on SQLite its text, which sorts as the moments do)."""
    processor = _moment_binders.get(dialect.name)
    if processor is None:
        processor = UtcDateTime().dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
        _moment_binders[dialect.name] = processor
    return processor(value)


T = TypeVar("T")

#: The name of the cursor a long range is read through on a server.
STREAM_CURSOR = "desk_rows_stream"


class Reader:
    """Runs statements on one pooled connection (see ``reading``).

    The connection is taken without the pool's ping (``engine.READING``): when the
    first statement finds it dead (the server restarted), it is dropped and the
    statement runs again on a new one. Reads only, so nothing is done twice.
    """

    def __init__(self, conn: Connection, dialect: Dialect, autocommit: bool) -> None:
        self._conn = conn
        self.dialect = dialect
        self._autocommit = autocommit
        self._fresh = True  # nothing has run on this connection yet
        self._cursor = self._open()

    def _open(self) -> Any:
        driver = self._conn.connection.driver_connection
        assert driver is not None  # a connection just checked out is open
        if self._autocommit:
            # No transaction around single reads: the driver then keeps each statement
            # prepared on the connection, and a page is not planned again each time.
            # (Set on the driver directly, and put back before the pool takes it.)
            driver.autocommit = True
        self._driver = driver
        return self._conn.connection.cursor()

    def _on_a_live_connection(self, first_use: Callable[[], T]) -> T:
        """``first_use()``; run again on a new connection when the one taken was dead."""
        try:
            done = first_use()
        except self.dialect.loaded_dbapi.Error as exc:
            if not (self._fresh and self.dialect.is_disconnect(exc, self._driver, self._cursor)):
                raise
            self._conn.invalidate(exc)  # dead: the next use takes a new connection
            self._cursor = self._open()
            done = first_use()
        self._fresh = False
        return done

    def _execute(self, sql: str, params: Any) -> None:
        self._on_a_live_connection(lambda: self._cursor.execute(sql, params))

    def rows(self, statement: Statement, values: Mapping[str, Any]) -> list[tuple]:
        self._execute(statement.sql(self.dialect), statement.params(self.dialect, values))
        return self._cursor.fetchall()

    def rows_together(
        self, pairs: Sequence[tuple[Statement, Mapping[str, Any]]]
    ) -> list[list[tuple]]:
        """The rows of several statements, sent in one round trip to a server (psycopg's
        pipeline: a page and the calendar's stamp cost one wait, not two); one after
        another on SQLite, where there is no trip to save, and with a client library too
        old for pipelines."""
        if not (self._autocommit and _pipelines_supported(self._driver)):
            return [self.rows(statement, values) for statement, values in pairs]
        return self._on_a_live_connection(lambda: self._pipelined(pairs))

    def _pipelined(self, pairs: Sequence[tuple[Statement, Mapping[str, Any]]]) -> list[list[tuple]]:
        cursors = []
        try:
            with self._driver.pipeline():
                for statement, values in pairs:
                    cursor = self._driver.cursor()
                    cursors.append(cursor)
                    cursor.execute(
                        statement.sql(self.dialect), statement.params(self.dialect, values)
                    )
            return [cursor.fetchall() for cursor in cursors]
        finally:
            for cursor in cursors:
                cursor.close()

    def stream(
        self, statement: Statement, values: Mapping[str, Any], batch: int = 5000
    ) -> Iterator[list[tuple]]:
        """The rows in batches, so a long range is never all in memory at once.

        On a server the rows stay there until fetched: a cursor of its own on the
        server, in a transaction (a plain cursor brings the whole result over at once,
        a year of decisions being some 12 MiB), as the bare reader reads it."""
        sql, params = statement.sql(self.dialect), statement.params(self.dialect, values)
        if not (self._autocommit and self.dialect.name == "postgresql"):
            self._execute(sql, params)
            while found := self._cursor.fetchmany(batch):
                yield found
            return

        def begin() -> tuple[ExitStack, Any]:
            stack = ExitStack()
            try:
                stack.enter_context(self._driver.transaction())
                cursor = stack.enter_context(self._driver.cursor(name=STREAM_CURSOR))
                cursor.execute(sql, params)
            except BaseException:
                stack.close()
                raise
            return stack, cursor

        stack, cursor = self._on_a_live_connection(begin)
        with stack:
            while found := cursor.fetchmany(batch):
                yield found

    def moment(self, value: datetime) -> Any:
        return stored_moment(self.dialect, value)

    def close(self) -> None:
        self._cursor.close()
        if self._autocommit and not self._driver.closed:
            self._driver.autocommit = False


def _pipelines_supported(driver: Any) -> bool:
    """psycopg's pipeline needs libpq 14 or newer (the binary wheels carry 16 and up)."""
    return getattr(type(driver), "pipeline", None) is not None and _libpq_pipelines()


@cache
def _libpq_pipelines() -> bool:
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


@contextmanager
def reading(db: Database) -> Iterator[Reader]:
    """A ``Reader`` on one pooled connection; database failures come out as ``UserError``."""
    engine = db.engine
    dialect = engine.dialect
    # (the driver's own errors too: the rows are read on its bare cursor)
    failures: tuple[type[BaseException], ...] = (*database_errors(), dialect.loaded_dbapi.Error)
    try:
        taking = READING.set(True)
        try:
            conn = engine.connect()
        finally:
            READING.reset(taking)
        with conn:
            reader = Reader(conn, dialect, autocommit=dialect.name == "postgresql")
            try:
                yield reader
            finally:
                reader.close()
    except failures as exc:
        raise explain_database_error(exc, db.url, reading=True) from exc
