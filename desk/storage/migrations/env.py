"""Alembic environment: runs on the engine handed over by ``desk.storage.migrate``."""

from __future__ import annotations

from alembic import context

from desk.storage.tables import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
