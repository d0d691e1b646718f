"""Migrations: from nothing, from the previous revision with data, and in step with the tables."""

from __future__ import annotations

from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desk.storage import migrate
from desk.storage.database import open_database
from desk.storage.engine import make_engine
from desk.storage.tables import Base


def test_upgrade_from_empty_reaches_head(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {
        "office",
        "users",
        "procedures",
        "dossiers",
        "dossier_papers",
        "day_sequences",
    } <= tables
    engine.dispose()


def test_migrated_schema_matches_the_tables(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


def test_database_from_previous_revision_opens_and_keeps_data(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, name, parent, code, address, hotline, head_title, head_name) "
                "VALUES (1, 'UBND xã Tân Phú', 'UBND tỉnh Đồng Nai', 'H36.41', '', '', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO calendar_days (day, kind, note) VALUES ('2026-08-22', 'makeup', 'Làm bù')"
            )
        )
    engine.dispose()

    db = open_database(db_url)  # what the app does at start
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    from desk.services.calendar import special_days
    from desk.services.office import get_office

    assert get_office(db).name == "UBND xã Tân Phú"
    assert [d.day for d in special_days(db)] == [date(2026, 8, 22)]
    db.dispose()


def test_downgrade_then_upgrade_round_trips(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0001")
    assert "dossiers" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert "dossiers" in inspect(engine).get_table_names()
    engine.dispose()
