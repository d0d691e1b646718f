"""A database URL read without SQLAlchemy: the file a SQLite URL names, and the URL as
the window and the log show it, its password hidden.

Written without SQLAlchemy: the window's first screen shows the database it
reads, and tells whether the desk is already open on it, before SQLAlchemy has
loaded. The password is hidden as ``URL.render_as_string(hide_password=True)``
hides it; the rest of the URL is kept as it was written.
"""

from __future__ import annotations

from urllib.parse import unquote

HIDDEN = "***"
SQLITE_PREFIX = "sqlite:///"
POSTGRES_PREFIX = "postgresql+psycopg://"


def sqlite_file(url: str) -> tuple[str, str] | None:
    """The file path (unescaped, as SQLAlchemy's URL escapes it) and the query of a
    SQLite URL that names a file; ``None`` for another engine or an in-memory database."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    raw, _, query = url[len(SQLITE_PREFIX) :].partition("?")
    path = unquote(raw)
    if not path or path == ":memory:":
        return None
    return path, query


def shown_url(url: str) -> str:
    """``url`` with its password, if any, written ``***``."""
    scheme, sep, rest = url.strip().partition("://")
    if not sep:
        return url.strip()
    where, slash, path = rest.partition("/")
    credentials, at, host = where.rpartition("@")
    if at:
        user, colon, _password = credentials.partition(":")
        where = f"{user}:{HIDDEN}@{host}" if colon else f"{user}@{host}"
    return f"{scheme}://{where}{slash}{path}"
