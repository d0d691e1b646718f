"""PostgreSQL's own client library (libpq), called directly, for the window's first screen.

On a server, the window's first screen reads a handful of short statements of the
statement book (``desk.storage.statement_book``): the office, the clerk, the
calendar, the first page of the worklist. Importing ``psycopg`` for them costs
the start more than all the rest of its reading: some 75 ms and 20 MiB (a
hundred and sixty modules, asyncio, ssl and email among them), before a
connection that then takes 2 ms. The library it calls, libpq, which ``psycopg``
ships with itself and loads anyway, answers the same statements with nothing
but ``ctypes``; ``psycopg`` is then imported on the loader's thread, after the
window is shown.

Only what those statements need is done here, exactly as ``psycopg`` does it:
parameters by name (``%(name)s``, the SQL the book holds for ``psycopg``) sent
as text for the server to type, and results read as text and turned into the
values ``psycopg`` gives for the types the book's statements return. Anything
else (a type not in ``PARSERS``, a value of a parameter not in ``_text``, a
library not found, a server that does not speak ISO dates or UTF-8) is
``LibpqUnavailable``, and the caller reads with ``psycopg`` as before
(``tests/storage/test_libpq.py`` compares the two on every statement the first
screen runs).
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

#: libpq's names for its connection and result states (libpq-fe.h).
CONNECTION_OK = 0
PGRES_COMMAND_OK = 1
PGRES_TUPLES_OK = 2
#: The encoding and date style the text of the results is read in.
CLIENT_ENCODING = "UTF8"
DATE_STYLE = "ISO"


class LibpqUnavailable(Exception):
    """This cannot be done here exactly as ``psycopg`` would: read with ``psycopg``."""


class ConnectFailed(Exception):
    """The server refused or could not be reached; the text is libpq's, as ``psycopg``'s
    ``OperationalError`` would give it."""


def _text_of_bool(raw: bytes) -> bool:
    return raw == b"t"


def _text_of_str(raw: bytes) -> str:
    return raw.decode("utf-8")


def _date(raw: bytes) -> date:
    return date.fromisoformat(raw.decode("ascii"))


def _timestamp(raw: bytes) -> datetime:
    return datetime.fromisoformat(raw.decode("ascii"))


#: The value ``psycopg`` gives for each type, by the type's number in ``pg_type``:
#: bool, int8, int2, int4, text, oid, float4, float8, bpchar, varchar, name, date,
#: timestamp (without time zone: the desk stores naive UTC, ``desk.storage.moments``).
PARSERS: dict[int, Callable[[bytes], Any]] = {
    16: _text_of_bool,
    20: int,
    21: int,
    23: int,
    25: _text_of_str,
    26: int,
    700: float,
    701: float,
    1042: _text_of_str,
    1043: _text_of_str,
    19: _text_of_str,
    1082: _date,
    1114: _timestamp,
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")


@cache
def numbered(sql: str) -> tuple[str, tuple[str, ...]]:
    """``sql`` with ``%(name)s`` as libpq's ``$1``, ``$2``…, and the names in that order
    (a name used twice is one parameter)."""
    names: list[str] = []

    def number(found: re.Match[str]) -> str:
        name = found.group(1)
        if name is None:
            return "%"
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _PLACEHOLDER.sub(number, sql), tuple(names)


def _text(value: object) -> bytes | None:
    """A parameter as the text the server reads it from (``None``: SQL's NULL)."""
    if value is None:
        return None
    if value is True or value is False:
        return b"true" if value else b"false"
    if isinstance(value, str):
        return str.encode(value, "utf-8")  # an enumeration's value, not its name
    if isinstance(value, int):
        return str(int(value)).encode("ascii")
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat(" ").encode("ascii")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat().encode("ascii")
    raise LibpqUnavailable(f"a parameter of type {type(value).__name__}")


def library_path() -> Path | None:
    """The libpq ``psycopg`` ships (the binary package), in the environment or in the
    bundle; ``None`` when there is none to find."""
    spec = importlib.util.find_spec("psycopg_binary")  # found, not imported
    folders: list[Path] = []
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        folders += [package.parent / "psycopg_binary.libs", package / ".dylibs", package]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders += [Path(bundle) / "psycopg_binary.libs", Path(bundle)]
    for folder in folders:
        if folder.is_dir():
            found = sorted(
                p for p in folder.iterdir() if p.name.startswith("libpq") and _is_library(p.name)
            )
            if found:
                return found[0]
    return None


def _is_library(name: str) -> bool:
    return ".so" in name or name.endswith((".dll", ".dylib"))


@cache
def _library(path: Path) -> ctypes.CDLL:
    lib = ctypes.CDLL(str(path))
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, result, args in (
        ("PQconnectdbParams", p, [ctypes.POINTER(s), ctypes.POINTER(s), i]),
        ("PQstatus", i, [p]),
        ("PQerrorMessage", s, [p]),
        ("PQparameterStatus", s, [p, s]),
        ("PQfinish", None, [p]),
        ("PQexecParams", p, [p, s, i, p, ctypes.POINTER(s), p, p, i]),
        ("PQresultStatus", i, [p]),
        ("PQresultErrorMessage", s, [p]),
        ("PQntuples", i, [p]),
        ("PQnfields", i, [p]),
        ("PQftype", ctypes.c_uint, [p, i]),
        # Called once a cell: without argument types, on the result as a ``c_void_p``,
        # each call is twice as quick (``_rows``).
        ("PQgetvalue", s, None),
        ("PQgetisnull", i, None),
        ("PQclear", None, [p]),
    ):
        function = getattr(lib, name)
        function.restype = result
        if args is not None:
            function.argtypes = args
    return lib


class Connection:
    """One connection, in autocommit (each statement alone, as ``psycopg``'s with
    ``autocommit=True``), used from one thread."""

    def __init__(self, lib: ctypes.CDLL, handle: int) -> None:
        self._lib = lib
        self._handle: int | None = handle

    def cursor(self) -> Cursor:
        return Cursor(self)

    def run(self, sql: str, values: Mapping[str, Any]) -> list[tuple]:
        """The rows of ``sql`` with ``values`` for its parameters, as ``psycopg`` reads them."""
        if self._handle is None:
            raise LibpqUnavailable("the connection is closed")
        text, names = numbered(sql)
        params = [_text(values[name]) for name in names]
        array = (ctypes.c_char_p * max(len(params), 1))(*params)
        lib = self._lib
        result = lib.PQexecParams(
            self._handle, text.encode("utf-8"), len(params), None, array, None, None, 0
        )
        if not result:
            raise LibpqUnavailable(self._message(lib.PQerrorMessage(self._handle)))
        try:
            status = lib.PQresultStatus(result)
            if status == PGRES_COMMAND_OK:
                return []
            if status != PGRES_TUPLES_OK:
                raise LibpqUnavailable(self._message(lib.PQresultErrorMessage(result)))
            return _rows(lib, result)
        finally:
            lib.PQclear(result)

    @staticmethod
    def _message(raw: bytes | None) -> str:
        return (raw or b"").decode("utf-8", "replace").strip()

    def close(self) -> None:
        if self._handle is not None:
            self._lib.PQfinish(self._handle)
            self._handle = None


def _rows(lib: ctypes.CDLL, result: int) -> list[tuple]:
    fields = range(lib.PQnfields(result))
    try:
        parsers = [PARSERS[lib.PQftype(result, j)] for j in fields]
    except KeyError as exc:
        raise LibpqUnavailable(f"a column of type {exc.args[0]}") from exc
    value, is_null, cells = lib.PQgetvalue, lib.PQgetisnull, ctypes.c_void_p(result)
    rows = []
    try:
        for i in range(lib.PQntuples(result)):
            row = []
            for j in fields:
                raw = value(cells, i, j)
                # NULL reads as an empty text: asked only then
                row.append(parsers[j](raw) if raw or not is_null(cells, i, j) else None)
            rows.append(tuple(row))
    except ValueError as exc:  # a date out of Python's range, say
        raise LibpqUnavailable(str(exc)) from exc
    return rows


class Cursor:
    """The part of a DB-API cursor ``BareReader`` uses."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._rows: list[tuple] = []

    def execute(self, sql: str, values: Mapping[str, Any] | None = None) -> None:
        self._rows = self._connection.run(sql, values or {})

    def fetchall(self) -> list[tuple]:
        rows, self._rows = self._rows, []
        return rows

    def close(self) -> None:
        self._rows = []


def connect(
    conninfo: str, settings: Mapping[str, object], library: Path | None = None
) -> Connection:
    """A connection to ``conninfo`` (a ``postgresql://`` URI) with ``settings`` after it,
    as ``psycopg.connect(conninfo, **settings)`` opens it.

    ``LibpqUnavailable`` when there is no library (``library``, or the one
    ``library_path`` finds) or the server's text is not read as here;
    ``ConnectFailed`` with libpq's message when the server cannot be used."""
    path = library or library_path()
    if path is None:
        raise LibpqUnavailable("no libpq next to psycopg")
    try:
        lib = _library(path)
    except (OSError, AttributeError) as exc:
        raise LibpqUnavailable(f"{path}: {exc}") from exc
    pairs = [("dbname", conninfo)]
    pairs += [(key, str(value)) for key, value in settings.items()]
    pairs.append(("client_encoding", CLIENT_ENCODING))
    keys = (ctypes.c_char_p * (len(pairs) + 1))(*[k.encode() for k, _ in pairs], None)
    values = (ctypes.c_char_p * (len(pairs) + 1))(*[v.encode("utf-8") for _, v in pairs], None)
    handle = lib.PQconnectdbParams(keys, values, 1)
    if not handle:
        raise LibpqUnavailable("libpq could not allocate a connection")
    connection = Connection(lib, handle)
    if lib.PQstatus(handle) != CONNECTION_OK:
        message = Connection._message(lib.PQerrorMessage(handle))
        connection.close()
        raise ConnectFailed(message)
    for name, wanted in (("client_encoding", CLIENT_ENCODING), ("DateStyle", DATE_STYLE)):
        said = (lib.PQparameterStatus(handle, name.encode()) or b"").decode("ascii", "replace")
        if not said.startswith(wanted):
            connection.close()
            raise LibpqUnavailable(f"the server's {name} is {said!r}")
    return connection
