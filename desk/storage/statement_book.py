"""Reading with the bare driver, for a command that must not wait for SQLAlchemy.

Loading SQLAlchemy and the ORM tables costs a command about a quarter of a
second before its first query: more than the whole work of ``desk dossiers
--pending --limit 50`` on a million dossiers. The statements such a command
runs are still SQLAlchemy's own: ``tools/statement_book.py`` compiles them
ahead of time, for SQLite and for PostgreSQL, into ``statement_book.json``
among the resources, with the migration its SQL was written for
(``tests/storage/test_statement_book.py`` fails when the file differs from
the statements as they are now). Here they run on a bare ``sqlite3`` or
``psycopg`` connection, opened with the engine's own settings
(``desk.storage.connection_settings``); the window's first screen on a server
runs them on libpq itself, before ``psycopg`` is even imported
(``desk.storage.libpq``).

``open_bare`` gives a reader only where it can answer exactly as the engine
would: a SQLite file that exists, or a PostgreSQL URL, at the schema of the
book. Anywhere else, and for a statement the book does not hold, the caller
takes the ordinary way (``BareUnavailable``), which creates, migrates or
explains as it always does. A server that cannot be reached is explained at
once, in the engine's words (``UserError``): the ordinary way would only wait
for it a second time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from desk.config import resource
from desk.domain.errors import UserError
from desk.storage import moments
from desk.storage.connection_settings import BUSY_TIMEOUT_MS, postgres_connect_args
from desk.storage.url_text import POSTGRES_PREFIX, SQLITE_PREFIX, sqlite_file

log = logging.getLogger(__name__)

BOOK_FILE = "statement_book.json"
VERSION_TABLE = "alembic_version"  # as desk.storage.migrate names it
#: The name of the server-side cursor a stream reads through.
STREAM = "desk_stream"


class BareUnavailable(Exception):
    """The bare reader cannot answer this exactly: take the ordinary way."""


@dataclass(frozen=True)
class Engine:
    """The engine's name, where the values ask ``reader.dialect.name``."""

    name: str


@dataclass(frozen=True)
class Entry:
    """One statement compiled for one engine: its SQL, the order of its parameters
    (positional drivers; ``None``: by name), and the values it fixes itself."""

    sql: str
    order: tuple[str, ...] | None
    fixed: Mapping[str, Any]

    def params(self, values: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        merged = {**self.fixed, **values} if self.fixed else values
        if self.order is None:
            return dict(merged)
        return tuple(merged[name] for name in self.order)


@dataclass(frozen=True)
class Book:
    head: str  # the migration the statements were compiled for
    statements: Mapping[str, Mapping[str, Entry]]  # key -> engine -> entry


def book_from(data: Mapping[str, Any]) -> Book:
    return Book(
        head=data["head"],
        statements={
            key: {
                engine: Entry(
                    e["sql"], None if e["order"] is None else tuple(e["order"]), e["fixed"]
                )
                for engine, e in per_engine.items()
            }
            for key, per_engine in data["statements"].items()
        },
    )


@cache
def shipped_book() -> Book:
    return book_from(json.loads(resource(BOOK_FILE).read_text(encoding="utf-8")))


class BareReader:
    """Runs the book's statements on one bare connection (see ``open_bare``)."""

    def __init__(self, connection: Any, engine: str, book: Book, driver: str) -> None:
        self._connection = connection
        self.dialect = Engine(engine)
        self._book = book
        #: What reads: "sqlite3", "psycopg" or "libpq".
        self.driver = driver

    def has(self, key: str) -> bool:
        return self.dialect.name in self._book.statements.get(key, {})

    @contextmanager
    def _executed(
        self, key: str, values: Mapping[str, Any], name: str | None = None
    ) -> Iterator[Any]:
        """A cursor that ran the book's ``key`` (``name``: a cursor of that name on the
        server); any driver's failure is ``BareUnavailable`` (the ordinary way then
        reads, or explains)."""
        if not self.has(key):
            raise BareUnavailable(key)
        entry = self._book.statements[key][self.dialect.name]
        cursor = self._connection.cursor(name=name) if name else self._connection.cursor()
        try:
            cursor.execute(entry.sql, entry.params(values))
            yield cursor
        except Exception as exc:
            raise BareUnavailable(str(exc)) from exc
        finally:
            cursor.close()

    def rows(self, key: str, values: Mapping[str, Any]) -> list[tuple]:
        with self._executed(key, values) as cursor:
            return cursor.fetchall()

    def stream(
        self, key: str, values: Mapping[str, Any], batch: int = 5000
    ) -> Iterator[list[tuple]]:
        """The rows in batches, so a long range is never all in memory at once.

        On a server the rows stay there until fetched (a cursor of its own, in a
        transaction: a plain one brings the whole result over at once, a year of
        decisions being some 12 MiB)."""
        if self.driver == "libpq":
            raise BareUnavailable("libpq alone does not stream")
        if self.dialect.name != "postgresql":
            with self._executed(key, values) as cursor:
                while found := cursor.fetchmany(batch):
                    yield found
            return
        with self._connection.transaction(), self._executed(key, values, STREAM) as cursor:
            while found := cursor.fetchmany(batch):
                yield found

    def moment(self, value: datetime) -> datetime | str:
        return moments.stored(self.dialect.name, value)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> BareReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_bare(url: str, book: Book | None = None, light: bool = False) -> BareReader:
    """A bare reader on ``url``, at the book's schema; ``BareUnavailable`` otherwise
    (another kind of URL, no such file, a schema to create or upgrade, any failure:
    the ordinary way then says what is wrong).

    ``light``: on a server, libpq itself where it can be (``desk.storage.libpq``), for a
    few short reads that must not wait for ``psycopg`` to load; it does not ``stream``."""
    book = book or shipped_book()
    try:
        reader = _connect(url, book, light)
    except (BareUnavailable, UserError):
        raise
    except Exception as exc:  # any driver's failure: the ordinary way explains it
        raise BareUnavailable(str(exc)) from exc
    try:
        cursor = reader._connection.cursor()
        cursor.execute(f"SELECT version_num FROM {VERSION_TABLE}")
        found = [r[0] for r in cursor.fetchall()]
        cursor.close()
    except Exception as exc:
        reader.close()
        raise BareUnavailable(str(exc)) from exc
    if found != [book.head]:
        reader.close()
        raise BareUnavailable(f"schema {found} is not {book.head}")
    return reader


def _connect(url: str, book: Book, light: bool) -> BareReader:
    if url.startswith(SQLITE_PREFIX):
        found = sqlite_file(url)
        if found is None or found[1]:  # in memory, or with options: the ordinary way
            raise BareUnavailable(url)
        path = found[0]
        import sqlite3

        # mode=rw: a missing file is not created here (the ordinary way creates it).
        # Any one thread at a time: the login dialog checks a password on a pool thread
        # while the window's thread waits for it (a reader is never shared at once).
        lite = sqlite3.connect(
            Path(path).absolute().as_uri() + "?mode=rw",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
        return BareReader(lite, "sqlite", book, "sqlite3")
    if url.startswith(POSTGRES_PREFIX):
        conninfo, args = _server_settings(url)
        if light:
            light_reader = _light(conninfo, args, url, book)
            if light_reader is not None:
                return light_reader
        import psycopg

        # Autocommit: each SELECT alone, as desk.storage.rows reads.
        try:
            server = psycopg.connect(conninfo, autocommit=True, **args)
        except psycopg.OperationalError as exc:
            # No server, a wrong password, no such database: the ordinary way would wait
            # as long again to say the same, so it is said now (loading its wording).
            from desk.storage.engine import explain_database_error

            raise explain_database_error(exc, url) from exc
        return BareReader(server, "postgresql", book, "psycopg")
    raise BareUnavailable(url)


def _server_settings(url: str) -> tuple[str, dict[str, Any]]:
    """The libpq URI of a server ``url`` and the settings to connect with."""
    args: dict[str, Any] = postgres_connect_args()
    conninfo = "postgresql://" + url[len(POSTGRES_PREFIX) :]
    query = conninfo.partition("?")[2]
    for pair in query.split("&") if query else ():
        args.pop(pair.partition("=")[0], None)  # what the URL says wins, as in the engine
    return conninfo, args


def _light(conninfo: str, args: dict[str, Any], url: str, book: Book) -> BareReader | None:
    """A reader on libpq itself; ``None`` where it cannot read as ``psycopg`` would."""
    from desk.storage import libpq

    try:
        server = libpq.connect(conninfo, args)
    except libpq.LibpqUnavailable as exc:
        log.info("reading with psycopg: %s", exc)
        return None
    except libpq.ConnectFailed as exc:
        from desk.storage.engine import explain_database_error

        raise explain_database_error(exc, url) from exc
    return BareReader(server, "postgresql", book, "libpq")
