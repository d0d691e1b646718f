"""Storage: SQLAlchemy 2 tables, engine set-up and Alembic migrations.

Row classes end in ``Row`` so they are never mistaken for domain objects or Qt
models. Nothing here uses SQLite-only SQL: an office may point every counter at
one PostgreSQL server. Importing the package loads nothing: a command that reads
with the bare driver (``desk.storage.statement_book``) never loads SQLAlchemy.
"""
