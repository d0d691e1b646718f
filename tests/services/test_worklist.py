from __future__ import annotations

from datetime import date, datetime, timedelta

from desk.domain.clock import VN_TZ
from desk.domain.dossier import DossierStatus
from desk.domain.urgency import Band
from desk.services import worklist
from desk.services.demo import create_demo
from desk.services.worklist import View, WorklistFilter

TODAY = date(2026, 3, 13)
NOW = datetime(2026, 3, 13, 16, 0, tzinfo=VN_TZ)


def demo(empty_db):
    create_demo(empty_db, 1500, today=TODAY, seed=3)
    return empty_db


def all_items(db, flt):
    items, after = [], None
    while True:
        page = worklist.fetch_page(db, flt, NOW, after=after, size=97)
        items += page
        if len(page) < 97:
            return items
        after = (page[-1].due_at, page[-1].id)


def test_pages_are_most_urgent_first_without_gaps_or_repeats(empty_db):
    db = demo(empty_db)
    items = all_items(db, WorklistFilter(view=View.ALL_OPEN))
    assert len(items) == worklist.count(db, WorklistFilter(view=View.ALL_OPEN), NOW) > 0
    assert len({i.id for i in items}) == len(items)
    keys = [(i.due_at, i.id) for i in items]
    assert keys == sorted(keys)


def test_band_counts_match_the_items_in_each_band(empty_db):
    db = demo(empty_db)
    counts = worklist.band_counts(db, WorklistFilter(), NOW)
    items = all_items(db, WorklistFilter(view=View.URGENT))
    assert sum(counts.values()) == len(items)
    for band in Band:
        in_band = all_items(db, WorklistFilter(band=band))
        assert len(in_band) == counts[band]
        assert all(i.band is band for i in in_band)
    assert counts[Band.OVERDUE] > 0


def test_views_hold_their_statuses(empty_db):
    db = demo(empty_db)
    waiting = all_items(db, WorklistFilter(view=View.WAITING))
    assert waiting and {i.status for i in waiting} == {DossierStatus.WAITING_SUPPLEMENT}
    assert all(i.band is None for i in waiting)
    ready = all_items(db, WorklistFilter(view=View.READY))
    assert {i.status for i in ready} == {DossierStatus.RESULT_READY}


def test_search_ignores_accents_and_case(empty_db):
    db = demo(empty_db)
    some = all_items(db, WorklistFilter(view=View.ALL_OPEN))[0]
    from desk.domain.text import fold

    typed = fold(some.applicant_name).upper()
    found = all_items(db, WorklistFilter(view=View.ALL_OPEN, search=typed))
    assert some.id in {i.id for i in found}
    assert all(fold(i.applicant_name) == fold(some.applicant_name) for i in found)
    by_code = all_items(db, WorklistFilter(view=View.ALL_OPEN, search=some.code))
    assert [i.id for i in by_code] == [some.id]


def test_filters_narrow_the_list(empty_db):
    db = demo(empty_db)
    flt = WorklistFilter(view=View.ALL_OPEN, field="Hộ tịch")
    items = all_items(db, flt)
    assert items and all(i.field == "Hộ tịch" for i in items)
    dept = "Văn phòng đăng ký đất đai"
    in_dept = all_items(db, WorklistFilter(view=View.URGENT, department=dept))
    assert all(i.holder == dept for i in in_dept if i.status is DossierStatus.IN_PROGRESS)
    choices = worklist.choices(db)
    assert "Hộ tịch" in choices.fields and dept in choices.departments


def test_closed_view_is_newest_first(empty_db):
    db = demo(empty_db)
    closed = worklist.fetch_page(db, WorklistFilter(view=View.CLOSED), NOW, size=50)
    ids = [i.id for i in closed]
    assert ids == sorted(ids, reverse=True)  # newest intake first
    assert NOW - closed[0].received_at < timedelta(days=30)
    more = worklist.fetch_page(
        db, WorklistFilter(view=View.CLOSED), NOW, after=(closed[-1].due_at, closed[-1].id), size=50
    )
    assert more and max(i.id for i in more) < min(ids)


def test_a_calendar_changed_elsewhere_moves_the_bands_at_the_next_page(empty_db, db_url):
    """The page is read on the calendar this program knows, together with the calendar's
    stamp; a calendar changed by another counter (another connection, another process)
    is seen by the very next page, never a page later."""
    from desk.services import accounts, calendar
    from desk.storage.database import open_database

    db = demo(empty_db)
    flt = WorklistFilter(view=View.URGENT)
    before = all_items(db, flt)
    assert calendar.known_calendar(db) is not None  # the next pages use it
    other_counter = open_database(db_url)
    try:
        admin = accounts.log_in(other_counter, "admin", "demo1234")
        # Monday 16/03 off: the dossiers due then or after move a working day further.
        calendar.set_special_day(other_counter, admin, date(2026, 3, 16), "off", "nghỉ bù")
        calendar.set_office_hours(other_counter, admin, "08:00-11:00, 13:00-16:00")
    finally:
        other_counter.dispose()
    after = all_items(db, flt)
    fresh = open_database(db_url)
    try:
        assert after == all_items(fresh, flt)  # as a program that never knew the old one
    finally:
        fresh.dispose()
    assert [i.band for i in after] != [i.band for i in before]
    assert [i.id for i in after] == [i.id for i in before]


def test_without_pipelines_the_pages_are_the_same(empty_db, monkeypatch):
    """A client library too old for psycopg's pipeline reads the stamp and the page one
    after the other: the same rows."""
    from desk.storage import rows

    db = demo(empty_db)
    flt = WorklistFilter(view=View.ALL_OPEN)
    piped = all_items(db, flt)
    monkeypatch.setattr(rows, "_libpq_pipelines", lambda: False)
    assert all_items(db, flt) == piped and piped
