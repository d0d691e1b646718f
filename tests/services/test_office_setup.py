"""The first start is one transaction, and an office an older version left half set
up is completed (``desk.services.office``)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.domain.office import Office
from desk.services import accounts, calendar, catalog, departments, office
from desk.services.catalog_files import read_catalog, shipped_catalog_path
from desk.storage.tables import (
    CalendarDayRow,
    ChannelLimitRow,
    DepartmentRow,
    OfficeRow,
    ProcedurePaperRow,
    ProcedureRow,
    SettingRow,
    UserRow,
)

TABLES = (OfficeRow, UserRow, ProcedureRow, ProcedurePaperRow, ChannelLimitRow, CalendarDayRow,
          SettingRow, DepartmentRow)  # fmt: skip
TEST_OFFICE = Office(name="UBND xã Tân Phú", parent="UBND tỉnh Đồng Nai", code="H36.41")


def counts(db) -> dict[str, int]:
    with db.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def every_table(db) -> dict[str, int]:
    from desk.storage.tables import Base

    with db.read() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def set_up(db) -> None:
    office.set_up_office(db, TEST_OFFICE, "admin", "Nguyễn Văn An", "matkhau123")


class Cut(RuntimeError):
    """The power going off, at one step of the first start."""


@pytest.mark.parametrize(
    "module, step",
    [
        (departments, "seed_departments_in"),
        (calendar, "load_shipped_days_in"),
        (catalog, "load_shipped_catalog_in"),
    ],
)
def test_a_first_start_cut_after_the_admin_leaves_nothing(empty_db, monkeypatch, module, step):
    def cut(*args, **kwargs):
        raise Cut(step)

    monkeypatch.setattr(module, step, cut)
    before = every_table(empty_db)
    with pytest.raises(Cut):
        set_up(empty_db)
    assert every_table(empty_db) == before  # not a row more, in any table
    assert set(counts(empty_db).values()) == {0}
    assert office.needs_setup(empty_db)
    monkeypatch.undo()
    set_up(empty_db)  # the same start, once the power is back, sets everything up
    assert office.setup_state(empty_db).complete


def test_a_complete_first_start_has_every_part(empty_db):
    set_up(empty_db)
    state = office.setup_state(empty_db)
    assert state.complete and state.missing == ()
    shipped = read_catalog(shipped_catalog_path()).procedures
    assert len(catalog.list_procedures(empty_db, include_inactive=True)) == len(shipped)
    assert calendar.confirmed_years(empty_db) >= {2025, 2026}
    assert departments.list_departments(empty_db) == sorted(departments.DEFAULT_DEPARTMENTS)
    assert office.complete_setup(empty_db) == []


def half_set_up(db) -> None:
    """What an older version left when cut after the admin: no catalog, calendar,
    departments (its steps were separate transactions)."""
    office.save_office(db, TEST_OFFICE)
    accounts.create_account(db, "admin", "Nguyễn Văn An", "matkhau123", role="admin")


def test_a_half_set_up_office_is_found_and_completed(empty_db):
    half_set_up(empty_db)
    assert not office.needs_setup(empty_db)  # nobody is asked for the office again
    assert office.setup_state(empty_db).missing == ("catalog", "calendar", "departments")
    added = office.complete_setup(empty_db)
    assert added == ["danh mục thủ tục hành chính", "lịch nghỉ lễ, Tết", "danh sách phòng, ban"]
    assert office.setup_state(empty_db).complete
    assert calendar.confirmed_years(empty_db) >= {2025, 2026}
    assert catalog.get_procedure(empty_db, "1.001193").name
    before = counts(empty_db)
    assert office.complete_setup(empty_db) == []
    assert counts(empty_db) == before


def test_only_what_is_missing_is_added(empty_db):
    half_set_up(empty_db)
    calendar.load_shipped_days(empty_db)
    departments.seed_departments(empty_db)
    departments_before = departments.list_departments(empty_db, include_inactive=True)
    assert office.complete_setup(empty_db) == ["danh mục thủ tục hành chính"]
    assert departments.list_departments(empty_db, include_inactive=True) == departments_before


def test_an_office_without_its_admin_is_set_up_over_what_was_saved(empty_db):
    office.save_office(empty_db, TEST_OFFICE)  # cut before the admin
    assert office.needs_setup(empty_db)
    renamed = Office(name="UBND phường Tân Phong", parent="UBND tỉnh Đồng Nai", code="H36.42")
    clerk = office.set_up_office(empty_db, renamed, "quantri", "Lê Văn Bình", "matkhau123")
    assert clerk.is_admin
    assert office.get_office(empty_db).code == "H36.42"
    assert counts(empty_db)["office"] == 1
    assert office.setup_state(empty_db).complete


def test_office_names_that_cannot_be_printed_are_refused():
    bad = Office(name="UBND\x1b xã Tân Phú", parent="P" * 201, code="H36.41")
    errors = office.check_office(bad)
    assert "Tên cơ quan có ký tự điều khiển" in errors["office_name"]
    assert "Cơ quan cấp trên dài 201 ký tự, quá mức 200" in errors["office_parent"]


def test_the_queue_defaults_are_made_whole_or_not_at_all(db, monkeypatch):
    from desk.services import queue_setup

    real = queue_setup._save_counter_in

    def cut_at_counter_3(s, counter):
        if counter.number == 3:
            raise Cut("counter 3")
        return real(s, counter)

    monkeypatch.setattr(queue_setup, "_save_counter_in", cut_at_counter_3)
    with pytest.raises(Cut):
        queue_setup.ensure_defaults(db)
    assert queue_setup.list_groups(db) == [] and queue_setup.list_counters(db) == []
    monkeypatch.undo()
    assert queue_setup.ensure_defaults(db)
    assert [c.number for c in queue_setup.list_counters(db)] == [1, 2, 3]
    assert not queue_setup.ensure_defaults(db)
