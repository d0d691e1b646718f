"""How a procedure states the time it may take (thời hạn giải quyết).

Most procedures say N working days; some N calendar days ("20 ngày" for a
construction permit), some N working hours, some "in the day" (trong ngày),
optionally with a cut-off after which the day of receipt becomes the next
working day (Decree 23/2015 art. 7; Civil Status Law art. 5(3): 15:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum


class LimitKind(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


LIMIT_KIND_LABELS = {
    LimitKind.WORKING_DAYS: "ngày làm việc",
    LimitKind.CALENDAR_DAYS: "ngày",
    LimitKind.WORKING_HOURS: "giờ làm việc",
    LimitKind.SAME_DAY: "trong ngày",
}


@dataclass(frozen=True)
class TimeLimit:
    kind: LimitKind
    amount: int = 0
    cutoff: time | None = None

    def __post_init__(self) -> None:
        if self.kind is not LimitKind.SAME_DAY and self.amount <= 0:
            raise ValueError(f"a {self.kind} limit needs a positive amount, not {self.amount}")
        if self.kind is LimitKind.SAME_DAY and self.amount != 0:
            raise ValueError("a same-day limit has no amount")

    def describe(self) -> str:
        """Vietnamese wording, as printed on a receipt: "03 ngày làm việc"."""
        if self.kind is LimitKind.SAME_DAY:
            text = "Trong ngày"
            if self.cutoff is not None:
                text += f" (nhận sau {self.cutoff:%H:%M} trả ngày làm việc tiếp theo)"
            return text
        return f"{self.amount:02d} {LIMIT_KIND_LABELS[self.kind]}"

    @classmethod
    def working_days(cls, n: int) -> TimeLimit:
        return cls(LimitKind.WORKING_DAYS, n)

    @classmethod
    def calendar_days(cls, n: int) -> TimeLimit:
        return cls(LimitKind.CALENDAR_DAYS, n)

    @classmethod
    def working_hours(cls, n: int) -> TimeLimit:
        return cls(LimitKind.WORKING_HOURS, n)

    @classmethod
    def same_day(cls, cutoff: time | None = None) -> TimeLimit:
        return cls(LimitKind.SAME_DAY, 0, cutoff)
