"""Hiding most of an ID number or a phone where the full value is not needed.

Law 91/2025/QH15 art. 3(2) (only within a specific, clear scope and purpose): a
screen or paper shows only the personal data its purpose needs. A receipt lies on
counters and is carried around, so it shows the first four and last two digits of
the CCCD (``0010******89``): enough for the citizen to recognise it, useless to a
finder.
"""

from __future__ import annotations

MASK = "*"


def mask_id_number(value: str, keep_start: int = 4, keep_end: int = 2) -> str:
    """``001090001289`` -> ``0010******89``; short values are masked but for the last digit."""
    text = value.strip()
    if not text:
        return ""
    if len(text) <= keep_start + keep_end:
        return MASK * (len(text) - 1) + text[-1]
    return text[:keep_start] + MASK * (len(text) - keep_start - keep_end) + text[-keep_end:]
