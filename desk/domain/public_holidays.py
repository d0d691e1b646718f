"""Vietnam's public holidays and make-up days as the ``holidays`` package computes them,
for a year whose official schedule the office has not entered yet (Labour Code 2019
art. 112, with the lunar dates).

The years ``public_holidays_table`` holds are read from it: the package's own
answers written out ahead (``tools/public_holidays.py``), so that a list with
dossiers from old years does not load the package (5 MiB, 20 ms). A test checks
the table against the package. Other years are asked of the package.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from desk.domain.calendar_days import SATURDAY


@dataclass(frozen=True)
class PublicYear:
    """What the ``holidays`` package says about one year."""

    holidays: Mapping[date, str]
    makeup_days: frozenset[date]


@lru_cache(maxsize=1)
def _vietnam() -> type:
    """The ``holidays`` package's Vietnam, loaded when a year not confirmed is first
    asked about, and alone: its module is read by itself, not through
    ``holidays.countries``, whose ``__init__`` imports every country of the world
    (twice the time and the memory). A build that keeps the package in an archive
    (no file to read) imports it the ordinary way.
    """
    import holidays

    path = Path(holidays.__file__).parent / "countries" / "vietnam.py"
    spec = importlib.util.spec_from_file_location("desk_holidays_vietnam", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module.Vietnam
        except (OSError, ImportError, AttributeError):
            pass
    from holidays.countries.vietnam import Vietnam

    return Vietnam


_TABLE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _table():  # noqa: ANN202
    """One table of the package's days, grown a year at a time (a table per year asked
    for, with its neighbours, made each year three times over)."""
    return _vietnam()(years=(), language="vi")


@lru_cache(maxsize=64)
def public_year(year: int) -> PublicYear:
    """Vietnamese public holidays and make-up days of one year, from the table written
    ahead when it holds the year, else as the package computes them."""
    from desk.domain.public_holidays_table import YEARS

    written = YEARS.get(year)
    if written is None:
        return computed_year(year)
    days, makeup = written
    return PublicYear(
        {date.fromisoformat(day): name for day, name in days},
        frozenset(date.fromisoformat(day) for day in makeup),
    )


def computed_year(year: int) -> PublicYear:
    """Vietnamese public holidays and make-up days of one year, as the package computes them.

    The neighbouring years are loaded too, because the package files a swap
    under the year of the day off, which may differ from the make-up day's year
    (e.g. 2015-01-02 off against Saturday 2014-12-27).
    """
    with _TABLE_LOCK:
        table = _table()
        for neighbour in (year - 1, year, year + 1):
            if neighbour not in table.years:
                table.update(_vietnam()(years=neighbour, language="vi"))
        in_year = {day: str(name) for day, name in table.items() if day.year == year}
    makeup = frozenset(
        day
        for day in getattr(table, "weekend_workdays", ())
        if day.year == year and day.weekday() >= SATURDAY and day not in in_year
    )
    return PublicYear(in_year, makeup)
