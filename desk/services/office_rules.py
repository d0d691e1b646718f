"""The office settings that stand in for rules whose text in force was not found.

See ``desk.domain.legal_rules``: each such rule keeps the desk's long-standing
behaviour by default, and the admin may choose otherwise once the office has
its own instruction. Changes are audited.
"""

from __future__ import annotations

from datetime import datetime

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.legal_rules import LATE_COUNTING_SETTING, LateCounting
from desk.domain.office import Clerk
from desk.domain.translation import translate
from desk.services import audit, settings
from desk.storage.database import Database


def late_counting(db: Database) -> LateCounting:
    value = settings.get_setting(db, LATE_COUNTING_SETTING).strip()
    try:
        return LateCounting(value or LateCounting.ORIGINAL)
    except ValueError:
        return LateCounting.ORIGINAL


def set_late_counting(
    db: Database, by: Clerk, value: LateCounting | str, clock: Clock | None = None
) -> LateCounting:
    if not by.is_admin:
        raise UserError(translate("OfficeRules", "Chỉ quản trị viên mới được đổi quy định này."))
    try:
        chosen = LateCounting(value)
    except ValueError:
        raise UserError(
            translate("OfficeRules", "Cách tính “{value}” không hợp lệ.").format(value=value),
            LATE_COUNTING_SETTING,
        ) from None
    before = late_counting(db)
    settings.set_setting(db, LATE_COUNTING_SETTING, chosen.value)
    with db.write() as s:
        audit.record(
            s,
            by,
            (clock or SystemClock()).now(),
            "setting",
            LATE_COUNTING_SETTING,
            "set",
            {"value": before.value},
            {"value": chosen.value},
        )
    return chosen


def decision_due(counting: LateCounting, appointment_at: datetime, due_at: datetime) -> datetime:
    """The date a decision is classified against: the receipt's, or the apology's new one."""
    return due_at if counting is LateCounting.EXTENDED else appointment_at
