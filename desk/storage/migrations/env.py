"""Alembic environment: runs on the engine handed over by ``desk.storage.migrate``.

All revisions run in ONE transaction, so a power cut mid-way leaves the
database as it was. On SQLite, batch migrations copy and drop tables, which
foreign keys would refuse while other tables point at them: foreign keys are
switched off around the transaction (the pragma is ignored inside one) and
checked with ``PRAGMA foreign_key_check`` before commit.

On PostgreSQL many counters may start at the same moment against one server:
the first takes a transaction-level advisory lock and upgrades, the others
wait for it and then find the schema already at head.
"""

from __future__ import annotations

from alembic import context

from desk.storage.tables import Base

engine = context.config.attributes["engine"]
MIGRATION_LOCK = 0x6465736B  # "desk": the one advisory lock key desk uses

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    raw = connection.connection.driver_connection
    if sqlite:
        raw.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET LOCAL lock_timeout = 0")  # a long upgrade
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=sqlite,
                transactional_ddl=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
    finally:
        if sqlite:
            raw.execute("PRAGMA foreign_keys = ON")
