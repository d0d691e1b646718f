"""Applying Alembic migrations from code, at every start.

The scripts live in ``desk/storage/migrations`` (collected as data files in the
frozen build), so a database made by any earlier version is brought up to date
in place and keeps its data.

A database already at the newest revision (nearly every start) costs one read
of ``alembic_version`` and a look at the scripts' revision lines: Alembic itself
(a third of a second to import, and a check of every foreign key) is loaded
only when there is something to upgrade.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*(None|\"[^\"]*\"|'[^']*')", re.MULTILINE)


class NewerSchema(Exception):
    """The database was upgraded by a newer desk: its revision is not among the scripts."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"unknown revision {revision!r}")
        self.revision = revision


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a database already there is not touched
    (the migration run checks every foreign key, which on a large office costs
    a second at each start for nothing). ``NewerSchema`` when a newer desk
    upgraded it."""
    if revision == "head":
        current = current_revision(engine)
        if current == head_revision():
            return
        if current is not None and current not in revisions():
            raise NewerSchema(current)
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(engine), revision)
    except CommandError as exc:
        if "locate revision" in str(exc):
            raise NewerSchema(str(exc)) from exc
        raise


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The database's revision (``None``: an empty database), read without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        found = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return found[0] if found else None


@lru_cache(maxsize=1)
def _chain() -> dict[str, str | None]:
    """revision -> the revision it revises, from the scripts' own lines."""
    chain: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision", "None")
            chain[found["revision"].strip("\"'")] = None if down == "None" else down.strip("\"'")
    return chain


def revisions() -> frozenset[str]:
    return frozenset(_chain())


def head_revision() -> str:
    """The newest revision: the one no other revises (the scripts form one line)."""
    chain = _chain()
    heads = set(chain) - {down for down in chain.values() if down is not None}
    assert len(heads) == 1, f"migration scripts must form one line, heads: {sorted(heads)}"
    return heads.pop()
