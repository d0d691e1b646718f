"""Vietnamese wording of times and dates as printed on a receipt.

The wording itself lives in ``desk.domain.vn_dates`` so the PDF letters use the
very same words; this module keeps the names the printing code imports.
"""

from __future__ import annotations

from desk.domain.vn_dates import (
    WEEKDAY_NAMES,
    clock_text,
    date_text,
    time_and_date_text,
    weekday_and_date_text,
    weekday_name,
)

__all__ = [
    "WEEKDAY_NAMES",
    "clock_text",
    "date_text",
    "time_and_date_text",
    "weekday_and_date_text",
    "weekday_name",
]
