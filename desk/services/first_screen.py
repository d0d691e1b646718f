"""What the window shows before the database layer has loaded: the office, the clerk
signed in, and the first page of the clerk's worklist.

Loading SQLAlchemy, the ORM tables and the services costs the window about half
a second before it could read anything; the list a clerk opens the program for
needs none of that. These reads are the services' own statements
(``desk.services.office.SETUP`` and ``OFFICE_NAMES``, the account, the
calendar, the worklist's page, the at-risk list's two), compiled ahead of time into the statement book
and run on the bare driver (``desk.storage.statement_book``), so the window
shows the worklist at once and builds the rest while the clerk reads it
(``desk.ui.first_window``). The page is the one ``worklist.fetch_page`` gives and the at-risk list the one
``risk.at_risk`` gives (``tests/services/test_first_screen.py`` compares them
on both engines).

Anything these reads cannot answer exactly (an office whose first start is not
complete, an account with a sign-in to record, any failure) is
``BareUnavailable``: the window then starts the ordinary way, which sets up,
completes, counts or explains as it always has. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desk.domain.calendar import WorkingCalendar
from desk.domain.office import Clerk
from desk.domain.scope import Scope, scope_for
from desk.services import quick_list
from desk.services.worklist_shape import WorklistFilter, WorklistItem
from desk.storage.statement_book import BareReader, BareUnavailable

if TYPE_CHECKING:  # the at-risk list is worked out once the window is on screen
    from desk.domain.risk import History, RiskItem, RunningDossier

#: The book's keys of ``desk.services.office.SETUP`` and ``OFFICE_NAMES``, and of
#: ``desk.services.decision_times.WINDOW`` and ``MEDIANS``.
SETUP = "setup state"
OFFICE_NAMES = "office names"
DECISION_WINDOW = "decision window"
DECISION_MEDIANS = "decision medians"


@dataclass(frozen=True)
class OfficeNames:
    name: str
    parent: str


@dataclass(frozen=True)
class AtRisk:
    """The at-risk list, and the history and calendar it was worked out with."""

    items: list[RiskItem]
    history: History
    now: datetime
    calendar: WorkingCalendar


@dataclass(frozen=True)
class FirstPage:
    """The first rows of a clerk's worklist, with what the list needs to show them."""

    filter: WorklistFilter
    items: list[WorklistItem]
    now: datetime
    calendar: WorkingCalendar
    exhausted: bool  # every row of the filter is here


def running_key(scope: Scope) -> str:
    """The book's key of ``risk.running_statement(scope)``."""
    return "running before" if scope.is_office else "own running before"


def window_filter(clerk: Clerk) -> WorklistFilter:
    """The list the window opens on: the urgent dossiers of the clerk's scope (their
    own; a supervisor's, the office's), as ``WorklistView`` starts."""
    return WorklistFilter(assignee=scope_for(clerk).username)


def office_names(reader: BareReader) -> OfficeNames:
    """The office, when its first start is complete; ``BareUnavailable`` otherwise (the
    ordinary start runs the set-up wizard or completes what is missing)."""
    if not all(reader.rows(SETUP, {})[0]):
        raise BareUnavailable("the first start is not complete")
    name, parent = reader.rows(OFFICE_NAMES, {})[0]
    return OfficeNames(name, parent)


def known_clerk(reader: BareReader, username: str) -> Clerk:
    """The clerk signed in without a password (the demo's sample clerk): an active
    account with nothing to record; ``BareUnavailable`` otherwise."""
    found = reader.rows(quick_list.ACCOUNT, {"username": username})
    if not found:
        raise BareUnavailable("no such account")
    user_id, name, full_name, role, _hash, active, locked_until, failed = found[0]
    if not active or locked_until is not None or failed:
        raise BareUnavailable("the sign-in has something to record")
    return Clerk(id=user_id, username=name, full_name=full_name, role=role)


def first_page(reader: BareReader, clerk: Clerk, now: datetime, size: int) -> FirstPage:
    """The first ``size`` rows of the list the window opens on."""
    flt = window_filter(clerk)
    calendar = quick_list.working_calendar(reader)
    items = quick_list.fetch(reader, flt, now, size, calendar)
    return FirstPage(flt, items, now, calendar, len(items) < size)


def at_risk(reader: BareReader, now: datetime, scope: Scope, cal: WorkingCalendar) -> AtRisk:
    """The at-risk list of ``scope`` (``risk.at_risk``), with the history it was read with."""
    from desk.domain.risk import history_window
    from desk.services.at_risk_rows import (
        at_risk_of,
        history_from,
        history_from_medians,
        running_from,
        running_values,
    )

    start, end = history_window(now)
    window = {"start": reader.moment(start), "end": reader.moment(end)}
    if reader.dialect.name == "postgresql":  # the server's medians (decision_times.MEDIANS)
        known = history_from_medians(reader.rows(DECISION_MEDIANS, window))
    else:
        known = history_from(reader.stream(DECISION_WINDOW, window))

    def running_before(limit: datetime) -> list[RunningDossier]:
        values = running_values(reader.moment(limit), scope)
        return running_from(reader.rows(running_key(scope), values))

    return AtRisk(at_risk_of(now, cal, known, running_before), known, now, cal)
