"""How a desk connects: its timeouts, and how it names itself to the server.

Plain values and libpq settings, with no SQLAlchemy in them, so a command that
reads with the bare driver (``desk.storage.statement_book``) connects exactly as
the engine does (``desk.storage.engine``).
"""

from __future__ import annotations

import os
import socket
import unicodedata

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 5
IDLE_IN_TRANSACTION_MS = 60_000


#: What a command-line run or a script is called in ``application_name``.
TOOL = "tool"
#: PostgreSQL keeps 63 bytes of ``application_name``, printable ASCII only.
APPLICATION_NAME_BYTES = 63


def host_name() -> str:
    """This PC's name as the other PCs and the admin know it."""
    return socket.gethostname() or "?"


_D_WITH_STROKE = str.maketrans({"\u0111": "d", "\u0110": "D"})  # untranslated: letters, not text


def ascii_host_name() -> str:
    """This PC's name in plain ASCII, without spaces: how the server is told it."""
    host = unicodedata.normalize("NFKD", host_name()).translate(_D_WITH_STROKE)
    host = "".join(c for c in host if not unicodedata.combining(c))
    return "".join(c if c.isascii() and c.isprintable() and c != " " else "-" for c in host) or "?"


def application_name(program: str = TOOL) -> str:
    """``desk <program> <host> <pid>`` in plain ASCII (the server replaces anything else)."""
    tail = f" {os.getpid()}"
    head = f"desk {program} "
    return head + ascii_host_name()[: APPLICATION_NAME_BYTES - len(head) - len(tail)] + tail


def postgres_connect_args(
    busy_timeout_ms: int = BUSY_TIMEOUT_MS, program: str = TOOL
) -> dict[str, object]:
    """libpq settings for a counter on the office network (see the module doc)."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "application_name": application_name(program),
        "options": f"-c lock_timeout={int(busy_timeout_ms)}"
        f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}",
    }
