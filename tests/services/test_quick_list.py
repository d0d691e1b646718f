"""The worklist on the bare driver (``desk.services.quick_list``) gives the rows the
ordinary service gives, on SQLite and PostgreSQL; its sign-in answers only the plain
case and leaves every other to the ordinary one."""

from __future__ import annotations

import runpy
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desk.domain.clock import FixedClock
from desk.domain.urgency import Band
from desk.services import accounts, calendar, demo, quick_list, worklist
from desk.services.worklist import View, WorklistFilter
from desk.storage.statement_book import BareUnavailable, open_bare
from desk.storage.tables import UserRow

BOOK_TOOL = Path(__file__).resolve().parents[2] / "tools" / "statement_book.py"
TODAY = date(2026, 3, 10)
NOW = FixedClock(datetime(2026, 3, 10, 9, 15)).now()


@pytest.fixture
def office(empty_db):
    demo.create_demo(empty_db, 900, today=TODAY, months=2)
    return empty_db


def _listing_filters() -> list[WorklistFilter]:
    return runpy.run_path(str(BOOK_TOOL))["listing_filters"]()


def _ordinary(db, flt: WorklistFilter, limit: int | None, size: int) -> list:
    items: list = []
    after = None
    while limit is None or len(items) < limit:
        want = size if limit is None else min(size, limit - len(items))
        page = worklist.fetch_page(db, flt, NOW, after=after, size=want)
        items.extend(page)
        if len(page) < want:
            break
        after = (page[-1].due_at, page[-1].id)
    return items


def test_every_listing_gives_the_ordinary_rows(office, db_url, monkeypatch):
    monkeypatch.setattr(quick_list, "PAGE", 40)  # several pages: the key after the last row
    filters = _listing_filters()
    clerk_filters = [replace(f, assignee="canbo1") for f in filters if f.assignee]
    seen_rows = 0
    with open_bare(db_url) as reader:
        for flt in [f for f in filters if not f.assignee] + clerk_filters:
            for limit in (None, 7):
                quick = quick_list.fetch(reader, flt, NOW, limit)
                assert quick == _ordinary(office, flt, limit, 40), (flt, limit)
                seen_rows += len(quick)
        assert seen_rows > 500  # the demo office has open dossiers in every view
        everyone = quick_list.fetch(reader, WorklistFilter(view=View.ALL_OPEN), NOW, None)
    bands = {i.band for i in everyone}
    assert Band.OVERDUE in bands and None in bands  # running and waiting dossiers both
    assert [(i.due_at, i.id) for i in everyone] == sorted((i.due_at, i.id) for i in everyone)


def test_the_calendar_is_the_ordinary_one(office, db_url, clerk_admin):
    calendar.set_office_hours(office, clerk_admin, "08:00-12:00, 13:00-16:30")
    with open_bare(db_url) as reader:
        quick = quick_list.working_calendar(reader)
    ordinary = calendar.working_calendar(office)
    assert str(quick.office_hours) == "08:00-12:00, 13:00-16:30" == str(ordinary.office_hours)
    assert quick.special_days == ordinary.special_days and len(quick.special_days) > 20
    assert quick.confirmed_years == ordinary.confirmed_years and quick.confirmed_years


@pytest.fixture
def clerk_admin(office):
    return accounts.log_in(office, "admin", demo.DEMO_PASSWORD)


def test_a_plain_sign_in_is_the_ordinary_clerk(office, db_url):
    with open_bare(db_url) as reader:
        quick = quick_list.sign_in(reader, " canbo1 ", demo.DEMO_PASSWORD)
    assert quick == accounts.log_in(office, "canbo1", demo.DEMO_PASSWORD)


def _failures(db, username: str) -> int:
    with db.read() as s:
        return s.scalar(select(UserRow.failed_logins).where(UserRow.username == username))


def test_anything_to_record_is_left_to_the_ordinary_sign_in(office, db_url):
    with open_bare(db_url) as reader:
        for user, password in (("canbo1", "sai-mat-khau"), ("khong-co-ai", demo.DEMO_PASSWORD)):
            with pytest.raises(BareUnavailable):
                quick_list.sign_in(reader, user, password)
        assert _failures(office, "canbo1") == 0  # the ordinary sign-in counts it, once
        with pytest.raises(Exception, match="Sai"):
            accounts.log_in(office, "canbo1", "sai-mat-khau")
        assert _failures(office, "canbo1") == 1
        with pytest.raises(BareUnavailable):  # a failure to clear on success
            quick_list.sign_in(reader, "canbo1", demo.DEMO_PASSWORD)
        with office.write() as s:
            s.execute(update(UserRow).where(UserRow.username == "canbo2").values(active=False))
        with pytest.raises(BareUnavailable):
            quick_list.sign_in(reader, "canbo2", demo.DEMO_PASSWORD)


def test_searches_and_closed_dossiers_take_the_ordinary_way(office, db_url):
    with open_bare(db_url) as reader:
        for flt in (
            WorklistFilter(view=View.ALL_OPEN, search="nguyen"),
            WorklistFilter(view=View.CLOSED),
            WorklistFilter(view=View.ALL_OPEN, field="Hộ tịch"),  # not in the book
        ):
            with pytest.raises(BareUnavailable):
                quick_list.fetch(reader, flt, NOW, 10)
