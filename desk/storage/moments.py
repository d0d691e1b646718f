"""Moments as the database stores them: naive UTC (text on SQLite), read as Vietnam time.

``UtcDateTime`` does the same for the ORM; these do it in a tenth of its time
for the lists read row by row, and without SQLAlchemy for the commands that
do not load it (``desk.storage.statement_book``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from desk.domain.clock import VN_TZ, to_vn

_NAIVE_EPOCH = datetime(1970, 1, 1)
_VN_EPOCH = datetime(1970, 1, 1, tzinfo=UTC).astimezone(VN_TZ)
_fromisoformat = datetime.fromisoformat


def moment(raw: datetime | str) -> datetime:
    """A stored moment (naive UTC: SQLite's text or the driver's datetime) in Vietnam time.

    The value ``UtcDateTime`` reads back (same instant, same ``VN_TZ``), by one
    subtraction and one addition instead of a zone conversion.
    """
    if raw.__class__ is str:  # (a third of isinstance's time; mypy cannot narrow the other side)
        raw = _fromisoformat(raw)
    return _VN_EPOCH + (raw - _NAIVE_EPOCH)  # type: ignore[operator]  # a datetime by now


def stored(engine: str, value: datetime) -> datetime | str:
    """``value`` as a column of ``UtcDateTime`` holds it on ``engine`` ("sqlite" or
    "postgresql"): naive UTC, and on SQLite the text SQLAlchemy writes for it."""
    naive = to_vn(value).astimezone(UTC).replace(tzinfo=None)
    if engine != "sqlite":
        return naive
    return (
        f"{naive.year:04d}-{naive.month:02d}-{naive.day:02d} "
        f"{naive.hour:02d}:{naive.minute:02d}:{naive.second:02d}.{naive.microsecond:06d}"
    )
