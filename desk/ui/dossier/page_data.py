"""Everything a dossier's page shows, read in one go off the window's thread.

A page reads the dossier, its apology, its timeline, the accounts that name its
steps, its messages and the applicant's consent, its digitised papers, the
working calendar (its urgency) and, for a supervisor, its audit trail: nine reads,
each a round trip to the server on an office with many counters. ``read_page``
does them all on a pool thread; the page shows the result on the window's thread
(``DossierPage.reload``), so a page re-read after another counter changed the
dossier never holds the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.apology import Apology
from desk.domain.calendar import WorkingCalendar
from desk.domain.consent import MessageChannel
from desk.domain.dossier import Dossier
from desk.domain.errors import UserError
from desk.domain.lifecycle import Step
from desk.domain.office import Clerk
from desk.domain.scans import Scan
from desk.services import accounts, apologies, audit, calendar, dossiers, outbox, scans, steps
from desk.services.audit import AuditEntry
from desk.services.outbox import MessageView
from desk.storage.database import Database


@dataclass(frozen=True)
class PageData:
    """One reading of a dossier's page."""

    dossier: Dossier
    apology: Apology | None
    timeline: list[Step]
    clerks: list[Clerk]
    assignee: str
    messages: list[MessageView]
    agreed: tuple[MessageChannel, ...]
    scans: list[Scan]
    calendar: WorkingCalendar
    trail: list[AuditEntry] | None  # for a supervisor only


def read_page(db: Database, code: str, with_trail: bool) -> PageData:
    """Read what the page of dossier ``code`` shows (``UserError`` when it cannot be read:
    an unknown code, a server away or locked)."""
    dossier = dossiers.get_dossier(db, code)
    code = dossier.code
    try:  # the messages: a page without them is still the dossier's
        messages = outbox.dossier_messages(db, code)
        agreed = tuple(outbox.consent_for(db, code).agreed())
    except UserError:
        messages, agreed = [], ()
    return PageData(
        dossier=dossier,
        apology=apologies.get_apology(db, code),
        timeline=steps.timeline(db, code),
        clerks=accounts.list_clerks(db),
        assignee=dossiers.assignee_name(db, code),
        messages=messages,
        agreed=agreed,
        scans=scans.list_scans(db, code),
        calendar=calendar.working_calendar(db),
        trail=audit.trail(db, "dossier", code) if with_trail else None,
    )
