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
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from desk.storage.database import Database
from desk.storage.engine import DB_ERRORS, explain_database_error
from desk.storage.moments import moment as moment  # the lists read it from here
from desk.storage.types import UtcDateTime


class Statement:
    """A Core statement, with named ``bindparam``s, compiled once per dialect.

    ``build(dialect_name)`` writes it (the same for every engine, or the form an
    engine plans best). Values the statement fixes itself (``OFFSET 0`` of a
    limited ``UNION``) are sent with the given ones.
    """

    def __init__(self, build: Callable[[str], ClauseElement]) -> None:
        self._build = build
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


class Reader:
    """Runs statements on one pooled connection (see ``reading``)."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cursor = cursor
        self.dialect = dialect

    def rows(self, statement: Statement, values: Mapping[str, Any]) -> list[tuple]:
        self._cursor.execute(statement.sql(self.dialect), statement.params(self.dialect, values))
        return self._cursor.fetchall()

    def stream(
        self, statement: Statement, values: Mapping[str, Any], batch: int = 5000
    ) -> Iterator[list[tuple]]:
        """The rows in batches, so a long range is never all in memory at once."""
        self._cursor.execute(statement.sql(self.dialect), statement.params(self.dialect, values))
        while found := self._cursor.fetchmany(batch):
            yield found

    def moment(self, value: datetime) -> Any:
        return stored_moment(self.dialect, value)


@contextmanager
def reading(db: Database) -> Iterator[Reader]:
    """A ``Reader`` on one pooled connection; database failures come out as ``UserError``."""
    engine = db.engine
    dialect = engine.dialect
    autocommit = dialect.name == "postgresql"
    try:
        with engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None  # a connection just checked out is open
            if autocommit:
                # No transaction around single reads: the driver then keeps each statement
                # prepared on the connection, and a page is not planned again each time.
                # (Set on the driver directly, and put back before the pool takes it.)
                driver.autocommit = True
            cursor = conn.connection.cursor()
            try:
                yield Reader(cursor, dialect)
            finally:
                cursor.close()
                if autocommit and not driver.closed:
                    driver.autocommit = False
    except (*DB_ERRORS, dialect.loaded_dbapi.Error) as exc:
        raise explain_database_error(exc, db.url) from exc
