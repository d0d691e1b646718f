"""Migrations: from nothing, from the previous revision with data, and in step with the tables."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desk.domain.errors import UserError
from desk.storage import migrate
from desk.storage.database import open_database
from desk.storage.engine import make_engine
from desk.storage.tables import Base


def test_upgrade_from_empty_reaches_head(blank_db_url):
    engine = make_engine(blank_db_url)
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


def test_migrated_schema_matches_the_tables(blank_db_url):
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


def test_database_from_previous_revision_opens_and_keeps_data(blank_db_url):
    engine = make_engine(blank_db_url)
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

    db = open_database(blank_db_url)  # what the app does at start
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    from desk.services.calendar import special_days
    from desk.services.office import get_office

    assert get_office(db).name == "UBND xã Tân Phú"
    kept = {d.day: d for d in special_days(db)}
    assert kept[date(2026, 8, 22)].note == "Làm bù"  # the office's own row, untouched
    assert kept[date(2026, 8, 22)].source  # ...but now with a source (revision 0009)
    assert date(2026, 1, 2) in kept  # the New Year 2026 swap it never had
    db.dispose()


def test_downgrade_then_upgrade_round_trips(blank_db_url):
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0001")
    assert "dossiers" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert "dossiers" in inspect(engine).get_table_names()
    engine.dispose()


def test_dossiers_from_before_the_lifecycle_keep_their_data_and_get_an_intake_step(blank_db_url):
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, username, full_name, password_hash, is_admin, active, created_at)"
                " VALUES (1, 'admin', 'Nguyễn Văn An', 'x', :yes, :yes, '2026-03-10 02:00:00'),"
                " (2, 'canbo1', 'Lê Thị Hoa', 'x', :no, :yes, '2026-03-10 02:00:00')"
            ),
            {"yes": True, "no": False},
        )
        conn.execute(
            text(
                "INSERT INTO procedures (id, code, name, search_key, field, level, limit_kind,"
                " limit_amount, cutoff, fee, legal_basis, active) VALUES (1, '1.001193',"
                " 'Thủ tục đăng ký khai sinh', '', 'Hộ tịch', 'xã', 'same_day', 0, '15:00', '', '', :yes)"
            ),
            {"yes": True},
        )
        conn.execute(
            text(
                "INSERT INTO dossiers (id, code, procedure_id, procedure_code, procedure_name, field,"
                " applicant_kind, applicant_name, search_key, id_number, address, phone, email,"
                " principal, channel, result_delivery, delivery_address, sets, note, fee, limit_text,"
                " received_at, appointment_at, status, clerk_id, created_at) VALUES (1,"
                " 'H36.41-260310-0001', 1, '1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch',"
                " 'person', 'Phạm Thị Hồng', '', '079190001234', '', '', '', '', 'counter', 'counter',"
                " '', 1, '', '', 'Trong ngày', '2026-03-10 02:15:00', '2026-03-10 10:00:00',"
                " 'received', 2, '2026-03-10 02:15:00')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        roles = dict(conn.execute(text("SELECT username, role FROM users")).all())
        row = conn.execute(
            text("SELECT due_at, appointment_at, assignee_id, holder, applicant_name FROM dossiers")
        ).one()
        step = conn.execute(text("SELECT kind, by_user_id, at FROM dossier_steps")).one()
    assert roles == {"admin": "admin", "canbo1": "clerk"}
    assert row.due_at == row.appointment_at
    assert (row.assignee_id, row.holder, row.applicant_name) == (
        2,
        "Bộ phận Một cửa",
        "Phạm Thị Hồng",
    )
    assert (step.kind, step.by_user_id) == ("intake", 2)
    engine.dispose()


def test_procedure_levels_become_keys_and_a_district_becomes_the_commune(blank_db_url):
    """Revision 0008: no district level since 01/07/2025; the free-text level becomes a key."""
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine, "0007")
    levels = {
        "1.001731": "huyện",
        "1.000001": "Cấp huyện",
        "1.000002": "quận",
        "1.001193": "xã",
        "1.000003": "Cấp xã",
        "1.013833": "tỉnh",
        "3.000333": "Trung ương",
        "1.000004": "",
        "1.000005": "không rõ",
    }
    with engine.begin() as conn:
        for number, (code, level) in enumerate(levels.items(), start=1):
            conn.execute(
                text(
                    "INSERT INTO procedures (id, code, name, search_key, field, level, limit_kind,"
                    " limit_amount, cutoff, fee, legal_basis, active) VALUES (:id, :code, 'Thủ tục',"
                    " '', 'Hộ tịch', :level, 'working_days', 3, '', '', '', :yes)"
                ),
                {"id": number, "code": code, "level": level, "yes": True},
            )
    migrate.upgrade(engine, "0008")
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT code, level FROM procedures")).all())
        online = set(conn.execute(text("SELECT DISTINCT online_only FROM procedures")).scalars())
    assert stored == {
        "1.001731": "commune",
        "1.000001": "commune",
        "1.000002": "commune",
        "1.001193": "commune",
        "1.000003": "commune",
        "1.013833": "province",
        "3.000333": "central",
        "1.000004": "",
        "1.000005": "",
    }
    assert online == {False}
    migrate.downgrade(engine, "0007")
    with engine.connect() as conn:
        back = dict(conn.execute(text("SELECT code, level FROM procedures")).all())
    assert (back["1.001731"], back["1.013833"], back["3.000333"]) == ("xã", "tỉnh", "trung ương")
    engine.dispose()


def test_the_revision_lines_agree_with_alembic():
    """``migrate`` reads the scripts' revision lines itself (so a start needs no Alembic):
    the same head and the same revisions as Alembic's own reading."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.revisions() == {s.revision for s in script.walk_revisions()}


def test_a_current_database_opens_without_alembic(tmp_path):
    path = tmp_path / "desk.sqlite3"
    open_database(f"sqlite:///{path}").dispose()  # made and upgraded: Alembic ran
    code = (
        "import sys\n"
        "from desk.storage.database import open_database\n"
        f"open_database({f'sqlite:///{path}'!r}).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_database_of_a_newer_desk_is_refused_without_touching_it(blank_db_url):
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(UserError, match="phiên bản desk mới hơn"):
        open_database(blank_db_url)


def test_revision_0012_works_out_the_decisions_already_made(blank_db_url):
    """An office upgraded to 0012 gets the working time of its past decisions, the same
    the desk writes with each new decision."""
    from sqlalchemy import select

    from desk.services.demo import create_demo
    from desk.storage.tables import DecisionTimeRow

    db = open_database(blank_db_url)
    create_demo(db, 300, today=date(2026, 3, 13), seed=2)
    with db.read() as s:
        written = {r.dossier_id: r.working_us for r in s.scalars(select(DecisionTimeRow))}
    db.dispose()
    assert len(written) > 100
    engine = make_engine(blank_db_url)
    migrate.downgrade(engine, "0011")  # an office as it was before the table
    migrate.upgrade(engine)
    with engine.connect() as conn:
        filled = dict(conn.execute(text("SELECT dossier_id, working_us FROM decision_times")).all())
    engine.dispose()
    assert filled == written


def test_revision_0014_moves_the_apology_numbers_out_of_the_day_sequences(blank_db_url):
    """Up to 0013 the letters were counted in ``day_sequences`` under agency "PXL" on
    the first of January; from 0014 in ``apology_sequences`` by year, and back again."""
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine, "0013")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO day_sequences (agency, day, last) VALUES"
                " ('PXL', :y25, 7), ('PXL', :y26, 3), ('H36', :y26, 41)"
            ),
            {"y25": date(2025, 1, 1), "y26": date(2026, 1, 1)},
        )
    migrate.upgrade(engine, "0014")
    with engine.connect() as conn:
        letters = dict(conn.execute(text("SELECT year, last FROM apology_sequences")).all())
        days = conn.execute(text("SELECT agency, last FROM day_sequences")).all()
    assert letters == {2025: 7, 2026: 3}
    assert [tuple(r) for r in days] == [("H36", 41)]
    migrate.downgrade(engine, "0013")
    with engine.connect() as conn:
        back = sorted(
            tuple(r) for r in conn.execute(text("SELECT agency, last FROM day_sequences"))
        )
    assert back == [("H36", 41), ("PXL", 3), ("PXL", 7)]
    engine.dispose()
