"""A database URL as the window and the log show it: its password hidden.

Written without SQLAlchemy: the window's first screen shows the database it
reads, and tells whether the desk is already open on it, before SQLAlchemy has
loaded. The password is hidden as ``URL.render_as_string(hide_password=True)``
hides it; the rest of the URL is kept as it was written.
"""

from __future__ import annotations

HIDDEN = "***"


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
