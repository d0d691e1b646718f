"""Where "now" comes from. Every service takes a clock so tests can fix time.

Vietnam keeps one zone, UTC+7, with no daylight saving: a fixed offset is exact
and needs no tz database (which a frozen Windows build may lack).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol

VN_TZ = timezone(timedelta(hours=7), "ICT")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in Vietnam time."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(VN_TZ)


class FixedClock:
    """A clock that says what it is told; ``advance`` moves it on."""

    def __init__(self, at: datetime) -> None:
        self._at = to_vn(at)

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def to_vn(moment: datetime) -> datetime:
    """The same moment in Vietnam time; a naive value is taken as Vietnam time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)
