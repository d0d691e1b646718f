"""The worklist read on the bare driver, for ``desk dossiers`` in a script.

A command that lists the pending dossiers does three things: sign in, read
the office's calendar (for the bands), read the pages. Here each is the
ordinary service's own statement (``desk.services.accounts.ACCOUNT``,
``desk.services.calendar.STAMP`` and ``SPECIAL_DAYS``, the worklist's page
statement), compiled ahead of time (``desk.storage.statement_book``), with the
same values (``desk.services.worklist_shape``) and the same calendar
(``desk.services.calendar_build``): the rows are the ones ``worklist.fetch_page``
returns (``tests/services/test_quick_list.py`` compares them on both engines).

Only the plain case is answered here. A sign-in that has anything to record
(a wrong password to count, a lock to lift, a refusal to explain), a filter
whose statement the book does not hold, any failure: ``BareUnavailable``, and
the command takes the ordinary way, which does all that as it always has.
Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desk.domain.calendar import WorkingCalendar
from desk.domain.office import Clerk
from desk.domain.passwords import verify_password
from desk.services.calendar_build import calendar_from, stored_day
from desk.services.worklist_shape import (
    Bands,
    View,
    WorklistFilter,
    WorklistItem,
    first_items,
    page_shape,
    page_values,
    statuses_for,
)
from desk.storage.statement_book import BareReader, BareUnavailable

#: The book's keys of the statements that are not a page.
ACCOUNT = "account"
CALENDAR_STAMP = "calendar stamp"
SPECIAL_DAYS = "special days"
#: ``desk.services.changes.CALENDAR``: the counter the calendar's stamp reads.
CALENDAR_TOPIC = "calendar"
#: Rows read per statement when no limit is given.
PAGE = 500


def page_key(flt: WorklistFilter, after: bool) -> str:
    """The book's key of the statement reading a page of ``flt``."""
    return f"page {page_shape(flt, after)!r}"


def sign_in(reader: BareReader, username: str, password: str) -> Clerk:
    """The clerk, when the account is active, not locked, with no failure to clear,
    and the password right; ``BareUnavailable`` for the ordinary sign-in otherwise."""
    found = reader.rows(ACCOUNT, {"username": username.strip()})
    if not found:
        raise BareUnavailable("no such account")
    user_id, name, full_name, role, password_hash, active, locked_until, failed = found[0]
    if not active or locked_until is not None or failed:
        raise BareUnavailable("the sign-in has something to record")
    if not verify_password(password, password_hash):
        raise BareUnavailable("wrong password: the ordinary sign-in counts it")
    return Clerk(id=user_id, username=name, full_name=full_name, role=role)


def working_calendar(reader: BareReader) -> WorkingCalendar:
    _version, _count, years, hours = reader.rows(CALENDAR_STAMP, {"topic": CALENDAR_TOPIC})[0]
    return calendar_from(hours, years, (stored_day(*r) for r in reader.rows(SPECIAL_DAYS, {})))


def fetch(
    reader: BareReader,
    flt: WorklistFilter,
    now: datetime,
    limit: int | None,
    calendar: WorkingCalendar | None = None,
) -> list[WorklistItem]:
    """The first ``limit`` dossiers of ``flt`` (all, with ``None``), most urgent first:
    ``worklist.fetch_page`` page after page (on ``calendar``, read here when not given)."""
    if flt.view is View.CLOSED or flt.search:
        raise BareUnavailable("only the open views, without a search")
    for after in (False, True):
        if not reader.has(page_key(flt, after)):
            raise BareUnavailable(page_key(flt, after))
    if not statuses_for(flt):
        return []
    bands = Bands(now, calendar or working_calendar(reader), reader)

    def read_page(after: tuple[datetime, int] | None, size: int) -> list[WorklistItem]:
        values = page_values(flt, reader, bands, after, size)
        return _items(reader.rows(page_key(flt, after is not None), values))

    return first_items(read_page, limit, PAGE)


def _items(found: Iterable[tuple]) -> list[WorklistItem]:
    make = tuple.__new__
    return [make(WorklistItem, r) for r in found]
