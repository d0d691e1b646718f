"""Which backups to keep: the newest of each recent day and of each recent month.

A counter PC may be off for weeks, so the rule counts days and months that
HAVE a backup, not calendar days: after a long holiday the folder still holds
the last 14 daily copies. Every backup of today is kept (an admin's manual copy
before a risky change must not be deleted by the automatic one an hour later).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

DAILY = 14
MONTHLY = 12


@dataclass(frozen=True)
class Rotation:
    daily: int = DAILY
    monthly: int = MONTHLY

    def keep(self, stamps: Iterable[datetime], today: date) -> set[datetime]:
        """The backups (by time taken) to keep; the others may be deleted."""
        ordered = sorted(set(stamps), reverse=True)
        kept = {s for s in ordered if s.date() >= today}
        kept |= _newest_per(ordered, lambda s: s.date(), self.daily)
        kept |= _newest_per(ordered, lambda s: (s.year, s.month), self.monthly)
        return kept


def _newest_per(ordered_newest_first: list[datetime], bucket, count: int) -> set[datetime]:  # noqa: ANN001
    kept: dict[object, datetime] = {}
    for stamp in ordered_newest_first:
        key = bucket(stamp)
        if key not in kept:
            if len(kept) >= count:
                break
            kept[key] = stamp
    return set(kept.values())
