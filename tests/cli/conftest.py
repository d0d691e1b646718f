"""Fixtures for the command line: no test reads this PC's settings or keeps a language."""

from __future__ import annotations

import pytest

from desk.domain import translation


@pytest.fixture(autouse=True)
def vietnamese_home(tmp_path, monkeypatch):
    """A fresh data folder (no ``machine.json``) and no ``DESK_LANG``: the command speaks
    Vietnamese, whatever language this PC was set to; Vietnamese again after the test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_LANG", raising=False)
    yield tmp_path / "data"
    translation.install_backend(None)
