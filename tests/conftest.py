"""Shared fixtures: a real SQLite database in a temp folder, set up like an office."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.domain.clock import FixedClock  # noqa: E402
from desk.domain.office import Clerk, Office  # noqa: E402
from desk.services import office as office_service  # noqa: E402
from desk.storage.database import Database, open_database  # noqa: E402

TEST_OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
    hotline="0251 3822 123",
    head_title="CHỦ TỊCH",
    head_name="Trần Thị Bình",
)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture
def empty_db(db_url: str):
    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A migrated database with the office, an admin, the shipped catalog and calendar."""
    office_service.set_up_office(empty_db, TEST_OFFICE, "admin", "Nguyễn Văn An", "matkhau123")
    return empty_db


@pytest.fixture
def clerk(db: Database) -> Clerk:
    from desk.services import accounts

    return accounts.log_in(db, "admin", "matkhau123")


@pytest.fixture
def clock() -> FixedClock:
    """Tuesday 10 March 2026, 09:15, Vietnam time."""
    return FixedClock(datetime(2026, 3, 10, 9, 15))
