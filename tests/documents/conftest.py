"""Fixtures for the PDF form tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    """The user's data folder (platformdirs) inside the test's temp folder."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "desk"
