"""Waiting for the work windows hand to the background (prints, files, lists)."""

from __future__ import annotations

from desk.ui.widgets import background

#: Generous: only reached when a test is broken, or the machine very loaded.
WAIT_MS = 30_000


def settle(qtbot) -> None:  # noqa: ANN001 (pytest-qt's fixture)
    """Wait until every piece of background work has been handed back to its window."""
    qtbot.waitUntil(lambda: background.pending() == 0, timeout=WAIT_MS)
