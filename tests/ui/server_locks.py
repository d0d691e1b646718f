"""Another PC's transaction holding a table of the office's server locked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool


@contextmanager
def locked(url: str, table: str, mode: str = "ACCESS EXCLUSIVE") -> Iterator[None]:
    """``table`` of the database at ``url`` held in lock ``mode`` by a connection of its
    own until the block ends (``ACCESS EXCLUSIVE``: nobody may even read it; ``EXCLUSIVE``:
    reads go on, writes wait)."""
    other = create_engine(url, poolclass=NullPool)
    holder = other.connect()
    try:
        holder.execute(text(f"LOCK TABLE {table} IN {mode} MODE"))
        yield
    finally:
        holder.rollback()  # the lock goes with the transaction
        holder.close()
        other.dispose()
