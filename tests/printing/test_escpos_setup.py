from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from desk.printing.escpos_setup import PICKLE_DIR_ENV, configure_escpos_cache


def test_a_value_already_set_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(PICKLE_DIR_ENV, str(tmp_path / "chosen"))
    assert configure_escpos_cache(tmp_path / "other") == tmp_path / "chosen"
    assert os.environ[PICKLE_DIR_ENV] == str(tmp_path / "chosen")


def test_the_given_folder_is_created_and_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(PICKLE_DIR_ENV, raising=False)
    folder = tmp_path / "cache" / "escpos"
    assert configure_escpos_cache(folder) == folder
    assert folder.is_dir()
    assert os.environ[PICKLE_DIR_ENV] == str(folder)


def test_an_unusable_folder_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(PICKLE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    chosen = configure_escpos_cache(blocker / "escpos")
    assert chosen != blocker / "escpos"
    assert chosen.is_relative_to(tmp_path / "xdg") or chosen.is_relative_to(tempfile.gettempdir())
    assert chosen.is_dir()
    assert os.environ[PICKLE_DIR_ENV] == str(chosen)
