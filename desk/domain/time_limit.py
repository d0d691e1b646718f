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

from desk.domain.translation import QT_TRANSLATE_NOOP, translate


class LimitKind(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


LIMIT_KIND_LABELS = {
    LimitKind.WORKING_DAYS: QT_TRANSLATE_NOOP("LimitKind", "ngày làm việc"),
    LimitKind.CALENDAR_DAYS: QT_TRANSLATE_NOOP("LimitKind", "ngày"),
    LimitKind.WORKING_HOURS: QT_TRANSLATE_NOOP("LimitKind", "giờ làm việc"),
    LimitKind.SAME_DAY: QT_TRANSLATE_NOOP("LimitKind", "trong ngày"),
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
        """Vietnamese wording, as printed on a receipt: "03 ngày làm việc".

        Stays Vietnamese whatever the screen's language: the receipt prints it and
        the dossier stores it (``limit_text``). A screen shows :meth:`label`.
        """
        if self.kind is LimitKind.SAME_DAY:
            text = "Trong ngày"  # untranslated: printed on the receipt
            if self.cutoff is not None:
                text += f" (nhận sau {self.cutoff:%H:%M} trả ngày làm việc tiếp theo)"  # untranslated: printed
            return text
        return f"{self.amount:02d} {LIMIT_KIND_LABELS[self.kind]}"

    def label(self) -> str:
        """The wording of :meth:`describe` in the clerk's language, for a screen."""
        amount = f"{self.amount:02d}"
        if self.kind is LimitKind.SAME_DAY:
            if self.cutoff is None:
                return translate("TimeLimit", "Trong ngày")
            return translate(
                "TimeLimit", "Trong ngày (nhận sau {cutoff} trả ngày làm việc tiếp theo)"
            ).format(cutoff=f"{self.cutoff:%H:%M}")
        if self.kind is LimitKind.WORKING_DAYS:
            if self.amount == 1:
                return translate("TimeLimit", "01 ngày làm việc")
            return translate("TimeLimit", "{amount} ngày làm việc").format(amount=amount)
        if self.kind is LimitKind.WORKING_HOURS:
            if self.amount == 1:
                return translate("TimeLimit", "01 giờ làm việc")
            return translate("TimeLimit", "{amount} giờ làm việc").format(amount=amount)
        if self.amount == 1:
            return translate("TimeLimit", "01 ngày")
        return translate("TimeLimit", "{amount} ngày").format(amount=amount)

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


def stored_limit_label(text: str) -> str:
    """A dossier's stored limit wording (:meth:`TimeLimit.describe`) in the clerk's language.

    A dossier keeps the limit as worded on its receipt; a screen reads that
    wording back into a limit to show it in its own language. Wording from
    elsewhere (an older version, a hand edit) is shown as it is.
    """
    import re

    printed = r"Trong ngày(?: \(nhận sau (\d{2}):(\d{2}) trả ngày làm việc tiếp theo\))?"  # untranslated: printed wording
    same_day = re.fullmatch(printed, text)
    if same_day:
        hour, minute = same_day.groups()
        cutoff = time(int(hour), int(minute)) if hour else None
        return TimeLimit(LimitKind.SAME_DAY, cutoff=cutoff).label()
    counted = re.fullmatch(r"(\d+) (.+)", text)
    if counted:
        for kind, words in LIMIT_KIND_LABELS.items():
            if (
                kind is not LimitKind.SAME_DAY
                and counted.group(2) == str(words)
                and int(counted.group(1)) > 0
            ):
                return TimeLimit(kind, int(counted.group(1))).label()
    return text
