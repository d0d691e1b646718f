"""Storage: SQLAlchemy 2 tables, engine set-up and Alembic migrations.

Row classes end in ``Row`` so they are never mistaken for domain objects or Qt
models. Nothing here uses SQLite-only SQL: an office may point every counter at
one PostgreSQL server.
"""

from desk.storage import message_tables  # noqa: E402, F401 (its rows join Base.metadata)
