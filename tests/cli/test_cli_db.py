"""Choosing the database (``--db-url``, ``--db``, variables, the PC's setting) and ``desk db``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import build_parser, main
from desk.config import resolve_database_url
from desk.domain.office import Office
from desk.services import accounts, catalog, office
from desk.services.catalog_files import read_catalog, shipped_catalog_path

OFFICE_OPTIONS = [
    "--office-name",
    "Trung tâm Phục vụ hành chính công tỉnh Đồng Nai",
    "--office-parent",
    "UBND tỉnh Đồng Nai",
    "--office-code",
    "H36",
]


@pytest.fixture(autouse=True)
def clean_choice(tmp_path, monkeypatch):
    """No variable and no setting of the PC running the tests takes part."""
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("DESK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_most_explicit_choice_wins(tmp_path, monkeypatch):
    file_url = f"sqlite:///{(tmp_path / 'here.sqlite3').resolve()}"
    server = "postgresql+psycopg://desk@may-chu/desk"
    assert resolve_database_url().endswith("/desk/desk.sqlite3")
    monkeypatch.setenv("DESK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_database_url().endswith("/env.sqlite3")
    monkeypatch.setenv("DESK_DATABASE_URL", server)
    assert resolve_database_url() == server
    assert resolve_database_url(db_path=str(tmp_path / "here.sqlite3")) == file_url
    assert resolve_database_url("postgresql+psycopg://desk@other/desk", str(tmp_path)) == (
        "postgresql+psycopg://desk@other/desk"
    )


def test_every_command_that_takes_db_also_takes_db_url():
    parser = build_parser()
    for command in (
        ["demo"],
        ["dossiers"],
        ["receipt", "X", "--printer", "none"],
        ["step", "X", "ready", "--user", "admin"],
        ["apology", "X", "--reason", "r", "--new-date", "d", "--out", "o.pdf"],
        ["letter", "receipt", "X", "--out", "o.pdf"],
        ["kiosk"],
        ["display"],
        ["db", "init"],
    ):
        args = parser.parse_args([*command, "--db-url", "postgresql+psycopg://desk@h/desk"])
        assert args.db_url == "postgresql+psycopg://desk@h/desk", command


def test_db_init_sets_up_an_empty_database_and_its_first_admin(capsys, blank_db_url, monkeypatch):
    from desk.storage.database import open_database

    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    code, out, err = run(
        capsys, "db", "init", "--db-url", blank_db_url, "--admin", "quantri", *OFFICE_OPTIONS
    )
    assert code == 0, err
    assert "đã thiết lập cơ quan Trung tâm Phục vụ hành chính công" in out
    assert "desk:desk@" not in out  # never the password
    db = open_database(blank_db_url, create=False)
    try:
        assert not office.needs_setup(db)
        assert office.get_office(db).code == "H36"
        assert accounts.log_in(db, "quantri", "matkhau123").role == "admin"
        shipped = read_catalog(shipped_catalog_path()).procedures
        assert len(catalog.list_procedures(db, include_inactive=True)) == len(shipped)
    finally:
        db.dispose()
    code, out, _ = run(capsys, "db", "init", "--db-url", blank_db_url, *OFFICE_OPTIONS)
    assert code == 0
    assert "đã có cơ quan" in out  # a second run changes nothing


def test_db_init_without_the_office_says_what_is_missing(capsys, blank_db_url, monkeypatch):
    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    code, _, err = run(capsys, "db", "init", "--db-url", blank_db_url)
    assert code == 2
    assert "Chưa nhập tên cơ quan" in err


def test_demo_and_the_commands_run_on_the_url_given(capsys, blank_db_url, log_in_as):
    code, out, err = run(capsys, "demo", "--db-url", blank_db_url, "--dossiers", "30")
    assert code == 0, err
    assert "Đã tạo 30 hồ sơ mẫu" in out
    log_in_as("admin", "demo1234")
    code, out, err = run(capsys, "dossiers", "--json", "--db-url", blank_db_url)
    assert code == 0, err
    assert len(json.loads(out)) == 30


def test_db_use_makes_the_url_this_pcs_database(capsys, db, db_url, tmp_path, as_admin):
    code, out, err = run(capsys, "db", "use", db_url)
    assert code == 0, err
    assert resolve_database_url() == db_url
    code, out, _ = run(capsys, "dossiers", "--json")  # no --db: the setting chooses
    assert code == 0 and json.loads(out) == []
    code, _, _ = run(capsys, "db", "use", "local")
    assert code == 0
    assert resolve_database_url().endswith("/desk/desk.sqlite3")


def test_db_use_refuses_what_is_not_a_url(capsys, tmp_path: Path):
    code, _, err = run(capsys, "db", "use", str(tmp_path / "x.sqlite3"))
    assert code == 2
    assert "địa chỉ đầy đủ" in err


def test_db_init_names_the_option_of_a_bad_office_code(capsys, blank_db_url, monkeypatch):
    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    options = [o if o != "H36" else "H36 41" for o in OFFICE_OPTIONS]
    code, out, err = run(capsys, "db", "init", "--db-url", blank_db_url, *options)
    assert code == 2 and "đã thiết lập" not in out
    (line,) = err.strip().splitlines()
    assert line.startswith("Lỗi: --office-code: ") and "dấu cách" in line


def test_db_init_cut_after_the_admin_leaves_nothing_and_runs_again(
    capsys, blank_db_url, monkeypatch
):
    from desk.services import departments
    from desk.storage.database import open_database

    def power_cut(*args, **kwargs):
        raise KeyboardInterrupt  # as when the operator stops it, after the admin is made

    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    monkeypatch.setattr(departments, "seed_departments_in", power_cut)
    with pytest.raises(KeyboardInterrupt):
        main(["db", "init", "--db-url", blank_db_url, *OFFICE_OPTIONS])
    db = open_database(blank_db_url, create=False)
    try:
        state = office.setup_state(db)
        assert (state.office, state.admin) == (False, False)
        assert catalog.list_procedures(db, include_inactive=True) == []
    finally:
        db.dispose()
    monkeypatch.undo()
    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    code, out, err = run(capsys, "db", "init", "--db-url", blank_db_url, *OFFICE_OPTIONS)
    assert code == 0, err
    assert "đã thiết lập cơ quan" in out


def test_a_second_db_init_completes_an_office_left_half_set_up(capsys, empty_db, db_url):
    """An older desk saved the office and its admin, then was cut: no catalog,
    calendar or departments. ``db init`` says so and adds them."""
    office.save_office(empty_db, Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai",
                                               code="H36.41"))  # fmt: skip
    accounts.create_account(empty_db, "admin", "Nguyễn Văn An", "matkhau123", role="admin")
    code, out, err = run(capsys, "db", "init", "--db-url", db_url)
    assert code == 0, err
    assert "cơ quan UBND xã Tân Phú chưa được thiết lập xong" in out
    assert "đã bổ sung: danh mục thủ tục hành chính, lịch nghỉ lễ, Tết, danh sách phòng, ban" in out
    assert office.setup_state(empty_db).complete
    code, out, _ = run(capsys, "db", "init", "--db-url", db_url)
    assert code == 0 and "đã có cơ quan UBND xã Tân Phú" in out


def test_db_init_on_an_office_without_its_admin_keeps_what_was_saved(
    capsys, empty_db, db_url, monkeypatch
):
    saved = Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41",
                          head_title="CHỦ TỊCH", head_name="Trần Thị Bình")  # fmt: skip
    office.save_office(empty_db, saved)  # cut before the admin
    monkeypatch.setenv("DESK_ADMIN_PASSWORD", "matkhau123")
    code, out, err = run(capsys, "db", "init", "--db-url", db_url, "--admin", "quantri")
    assert code == 0, err
    assert "chưa được thiết lập xong" in out and "quản trị viên quantri" in out
    assert office.get_office(empty_db) == saved
    assert accounts.log_in(empty_db, "quantri", "matkhau123").is_admin
    assert office.setup_state(empty_db).complete
