"""The window's first screen on the bare driver (``desk.services.first_screen``) reads
what the ordinary services read, on SQLite and PostgreSQL: the office, the clerk, the
first page of their worklist, their at-risk list; anything else is left to the
ordinary start."""

from __future__ import annotations

import sys
from datetime import date, datetime

import pytest
from sqlalchemy import delete, update

from desk.domain.clock import FixedClock
from desk.domain.scope import scope_for
from desk.services import accounts, demo, first_screen, office, quick_list, risk, worklist
from desk.storage.statement_book import BareUnavailable, open_bare
from desk.storage.tables import DepartmentRow, UserRow

TODAY = date(2026, 3, 10)
NOW = FixedClock(datetime(2026, 3, 10, 9, 15)).now()


@pytest.fixture
def office_db(empty_db):
    demo.create_demo(empty_db, 900, today=TODAY, months=3)
    return empty_db


def test_the_office_is_read_once_its_first_start_is_complete(db, db_url):
    with open_bare(db_url) as reader:
        names = first_screen.office_names(reader)
        ordinary = office.get_office(db)
        assert (names.name, names.parent) == (ordinary.name, ordinary.parent)
        assert names.name.strip()
        # A first start cut short (no departments): the ordinary start completes it.
        with db.write() as s:
            s.execute(delete(DepartmentRow))
        assert office.setup_state(db).missing == ("departments",)
        with pytest.raises(BareUnavailable):
            first_screen.office_names(reader)
        assert office.complete_setup(db)
        assert first_screen.office_names(reader) == names


def test_a_database_not_set_up_is_left_to_the_wizard(empty_db, db_url):
    assert office.needs_setup(empty_db)
    with open_bare(db_url) as reader, pytest.raises(BareUnavailable):
        first_screen.office_names(reader)


def test_the_demo_clerk_is_the_ordinary_one_unless_something_is_to_record(office_db, db_url):
    with open_bare(db_url) as reader:
        assert first_screen.known_clerk(reader, "canbo1") == accounts.get_clerk(office_db, "canbo1")
        with pytest.raises(BareUnavailable):
            first_screen.known_clerk(reader, "khong-co-ai")
        for change in ({"active": False}, {"failed_logins": 2}):
            with office_db.write() as s:
                s.execute(update(UserRow).where(UserRow.username == "canbo2").values(**change))
            with pytest.raises(BareUnavailable):
                first_screen.known_clerk(reader, "canbo2")
            with office_db.write() as s:
                s.execute(
                    update(UserRow)
                    .where(UserRow.username == "canbo2")
                    .values(active=True, failed_logins=0)
                )


@pytest.mark.parametrize("username", ["lanhdao", "canbo1"])
def test_the_first_page_is_the_worklists_first_page(office_db, db_url, username):
    clerk = accounts.get_clerk(office_db, username)
    with open_bare(db_url) as reader:
        page = first_screen.first_page(reader, clerk, NOW, 3)
    assert page.filter == worklist.WorklistFilter(assignee=scope_for(clerk).username)
    ordinary = worklist.fetch_page(office_db, page.filter, NOW, size=3)
    assert page.items == ordinary and len(ordinary) == 3 and not page.exhausted
    if not clerk.is_supervisor:
        assert {i.assignee for i in page.items} == {clerk.full_name}
    with open_bare(db_url) as reader:
        everything = first_screen.first_page(reader, clerk, NOW, 5000)
    assert everything.exhausted and len(everything.items) > 3
    assert everything.items == worklist.fetch_page(office_db, page.filter, NOW, size=5000)


@pytest.mark.parametrize("username", ["lanhdao", "canbo1"])
def test_the_at_risk_list_is_the_ordinary_one(office_db, db_url, username):
    clerk = accounts.get_clerk(office_db, username)
    scope = scope_for(clerk)
    with open_bare(db_url) as reader:
        found = first_screen.at_risk(reader, NOW, scope, quick_list.working_calendar(reader))
    risk.refresh_history(office_db)
    ordinary = risk.at_risk(office_db, NOW, scope)
    assert found.items == ordinary and ordinary  # the demo office has dossiers at risk
    assert found.history == risk.history(office_db, NOW)
    assert found.history.by_procedure  # a year of decisions was read


def test_the_first_screens_reads_load_no_sqlalchemy(office_db, db_url):
    import subprocess

    code = (
        "import sys\n"
        "from desk.storage.statement_book import open_bare\n"
        "from desk.services import first_screen, quick_list\n"
        "from desk.domain.clock import SystemClock\n"
        "from desk.domain.scope import scope_for\n"
        f"r = open_bare({db_url!r})\n"
        "first_screen.office_names(r)\n"
        "clerk = first_screen.known_clerk(r, 'lanhdao')\n"
        "page = first_screen.first_page(r, clerk, SystemClock().now(), 200)\n"
        "first_screen.at_risk(r, page.now, scope_for(clerk), page.calendar)\n"
        "print(len(page.items), sorted(m for m in sys.modules if m.startswith('sqlalchemy')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, modules = done.stdout.split(" ", 1)
    assert int(count) > 0 and modules.strip() == "[]"


@pytest.mark.postgresql_only
def test_a_long_range_stays_on_the_server_until_fetched(office_db, db_url):
    from desk.domain.risk import history_window
    from desk.storage.statement_book import STREAM

    with open_bare(db_url) as reader:
        start, end = history_window(NOW)
        window = {"start": reader.moment(start), "end": reader.moment(end)}
        open_cursors, total = [], 0
        for batch in reader.stream(first_screen.DECISION_WINDOW, window, batch=50):
            server = reader._connection.execute("SELECT name FROM pg_cursors").fetchall()
            open_cursors.append(server)
            total += len(batch)
        assert total > 100
        # (the query asking is a cursor too, unnamed)
        assert all((STREAM,) in found for found in open_cursors), open_cursors[-3:]
        after = reader._connection.execute("SELECT name FROM pg_cursors").fetchall()
        assert (STREAM,) not in after


@pytest.mark.postgresql_only
def test_the_servers_medians_are_the_middle_of_the_years_working_times(office_db, db_url):
    """PostgreSQL works out the medians itself (``decision_times.MEDIANS``): they are
    Python's ``statistics.median`` of the year's working times (what SQLite's reader
    computes), per department and procedure and per procedure, with decisions of no
    department, odd and even counts among them; the first screen reads the same on
    libpq alone, and its at-risk list is the ordinary one."""
    import statistics
    from collections import defaultdict
    from datetime import timedelta

    from sqlalchemy import select

    from desk.domain.risk import Typical, history_window
    from desk.services import decision_times
    from desk.storage.tables import DecisionTimeRow as T

    start, end = history_window(NOW)
    in_window = (T.decided_at >= start) & (T.decided_at <= end)
    with office_db.write() as s:  # a few decided with no department
        some = s.scalars(select(T.dossier_id).where(in_window).limit(5)).all()
        s.execute(update(T).where(T.dossier_id.in_(some)).values(department_id=None))
    with office_db.read() as s:
        found = s.execute(select(T.procedure_code, T.department_id, T.working_us).where(in_window))
        per_department, per_procedure = defaultdict(list), defaultdict(list)
        for procedure, department, used in found:
            per_department[(department, procedure)].append(used)
            per_procedure[procedure].append(used)

    def typical(values: list[int], whole: bool) -> Typical:
        middle = timedelta(microseconds=statistics.median(values))
        return Typical(middle, len(values), whole_procedure=whole)

    history = decision_times.history(office_db, NOW)
    assert history.by_department == {k: typical(v, False) for k, v in per_department.items()}
    assert history.by_procedure == {k: typical(v, True) for k, v in per_procedure.items()}
    counts = [len(v) for v in [*per_department.values(), *per_procedure.values()]]
    assert any(n % 2 == 0 for n in counts) and any(n % 2 and n > 1 for n in counts)
    assert any(department is None for department, _ in per_department)

    clerk = accounts.get_clerk(office_db, "lanhdao")
    with open_bare(db_url, light=True) as reader:
        assert reader.driver == "libpq"
        first = first_screen.at_risk(
            reader, NOW, scope_for(clerk), quick_list.working_calendar(reader)
        )
    assert first.history == history
    assert first.items == risk.at_risk(office_db, NOW, scope_for(clerk)) and first.items


def test_the_book_holds_the_servers_medians_for_postgresql_only(empty_db, db_url):
    """SQLite has no median: the book has no SQLite form of the server's medians, and
    SQLite's first screen reads the year's working times instead."""
    with open_bare(db_url) as reader:
        on_server = reader.dialect.name == "postgresql"
        assert reader.has(first_screen.DECISION_MEDIANS) == on_server
        assert reader.has(first_screen.DECISION_WINDOW)
