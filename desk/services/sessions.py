"""Who is at a counter PC: its screen locked, and one clerk handing it to another.

Both go in the audit trail under the PC (entity ``pc``, keyed by its name), so who
worked where and when can be told afterwards (a management measure under
Law 91/2025/QH15 art. 37(1)(c); the law sets no general log, this is the desk's
choice). A screen must lock even when the database cannot be reached: that entry is
then only logged.
"""

from __future__ import annotations

import logging

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.services import audit
from desk.storage.database import Database
from desk.storage.engine import host_name

log = logging.getLogger(__name__)

PC_ENTITY = "pc"
LOCKED = "screen_locked"
SWITCHED = "user_switched"


def record_lock(db: Database, clerk: Clerk, manual: bool, clock: Clock | None = None) -> bool:
    """The clerk's screen locked (``manual``: by the clerk, else after idle time);
    ``False`` when the entry could not be written (the lock holds all the same)."""
    now = (clock or SystemClock()).now()
    after = {"user": clerk.username, "how": "manual" if manual else "idle"}
    try:
        with db.write() as s:
            audit.record(s, clerk, now, PC_ENTITY, host_name(), LOCKED, after=after)
    except UserError as exc:
        log.warning("screen of %s locked, not written down: %s", clerk.username, exc.message)
        return False
    return True


def record_switch(db: Database, before: Clerk, after: Clerk, clock: Clock | None = None) -> None:
    """``after`` signed in at this PC in place of ``before`` (the entry names ``after``)."""
    now = (clock or SystemClock()).now()
    with db.write() as s:
        audit.record(
            s,
            after,
            now,
            PC_ENTITY,
            host_name(),
            SWITCHED,
            {"user": before.username},
            {"user": after.username},
        )
