"""Which language this PC speaks, the same for the window and the ``desk`` command."""

from __future__ import annotations

import json

import pytest

from desk import config
from desk.services import language_choice


@pytest.fixture(autouse=True)
def plain_pc(tmp_path, monkeypatch):
    """A fresh data folder (no ``machine.json``) and no ``DESK_LANG``."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_LANG", raising=False)


def test_vietnamese_when_nothing_chooses():
    assert language_choice.chosen_language() == "vi"


def test_the_pc_setting_chooses_and_the_environment_wins_over_it(monkeypatch):
    language_choice.save_language("en")
    saved = json.loads((config.data_dir() / config.MACHINE_FILE).read_text(encoding="utf-8"))
    assert saved["language"] == "en"
    assert language_choice.chosen_language() == "en"
    monkeypatch.setenv("DESK_LANG", " VI ")
    assert language_choice.chosen_language() == "vi"


@pytest.mark.parametrize("unknown", ["klingon", "", "  "])
def test_a_language_the_desk_does_not_speak_is_passed_over(monkeypatch, unknown):
    monkeypatch.setenv("DESK_LANG", unknown)
    assert language_choice.chosen_language() == "vi"
    config.save_machine_setting("language", "en")
    assert language_choice.chosen_language() == "en"
    config.save_machine_setting("language", "fr")
    assert language_choice.chosen_language() == "vi"


def test_only_a_language_the_desk_speaks_is_saved():
    with pytest.raises(ValueError):
        language_choice.save_language("fr")
    assert not (config.data_dir() / config.MACHINE_FILE).exists()
