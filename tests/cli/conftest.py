"""Fixtures for the command line: no test reads this PC's settings or keeps a language,
and none runs as an account unless it says which."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk.domain import translation


@pytest.fixture(autouse=True)
def vietnamese_home(tmp_path, monkeypatch):
    """A fresh data folder (no ``machine.json``) and no ``DESK_LANG``: the command speaks
    Vietnamese, whatever language this PC was set to; Vietnamese again after the test.
    No ``DESK_USER`` or ``DESK_PASSWORD`` either: a login is the test's own choice."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_LANG", raising=False)
    monkeypatch.delenv("DESK_USER", raising=False)
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    yield tmp_path / "data"
    translation.install_backend(None)


@pytest.fixture
def log_in_as(monkeypatch) -> Callable[[str, str], None]:
    """``log_in_as(user, password)``: the commands run as that account, as a script
    would set ``DESK_USER`` and ``DESK_PASSWORD``."""

    def log_in(user: str, password: str) -> None:
        monkeypatch.setenv("DESK_USER", user)
        monkeypatch.setenv("DESK_PASSWORD", password)

    return log_in


@pytest.fixture
def as_admin(log_in_as) -> None:
    """The test office's admin (``tests/conftest.py``): ``admin`` / ``matkhau123``."""
    log_in_as("admin", "matkhau123")
