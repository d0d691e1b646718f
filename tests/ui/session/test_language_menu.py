"""The "Ngôn ngữ / Language" menu: the choice is saved for this PC and applies at the next start."""

from __future__ import annotations

import json

import pytest
from message_boxes import visible_message_boxes
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desk import config
from desk.domain.clock import FixedClock
from desk.domain.office import Clerk
from desk.services import language_choice as language
from desk.storage.database import Database
from desk.ui.session.language_menu import MENU_TITLE, LanguageMenu
from desk.ui.worklist.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_language_from_the_environment(monkeypatch):
    monkeypatch.delenv("DESK_LANG", raising=False)


@pytest.fixture
def host(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def saved_settings() -> dict:
    return json.loads((config.data_dir() / config.MACHINE_FILE).read_text(encoding="utf-8"))


def close_boxes(parent) -> None:
    for box in visible_message_boxes(parent):
        box.close()


def test_each_language_is_named_in_itself_and_the_chosen_one_is_checked(host):
    language.save_language("en")
    chooser = LanguageMenu(host.menuBar().addMenu("Trợ &giúp"), host)
    assert chooser.menu.title() == MENU_TITLE == "Ngôn ngữ / Language"
    assert [a.text() for a in chooser.menu.actions()] == ["Tiếng Việt", "English"]
    assert [a.isChecked() for a in chooser.menu.actions()] == [False, True]
    assert chooser.group.isExclusive()


def test_choosing_english_saves_it_for_this_pc_and_says_it_applies_at_the_next_start(host):
    chooser = LanguageMenu(host.menuBar().addMenu("Trợ &giúp"), host)
    assert chooser.actions["vi"].isChecked()  # nothing saved yet: Vietnamese

    chooser.actions["en"].trigger()

    assert saved_settings()["language"] == "en"
    assert language.chosen_language() == "en"
    assert chooser.actions["en"].isChecked() and not chooser.actions["vi"].isChecked()
    boxes = visible_message_boxes(host)
    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "Ngôn ngữ"
    # Told in the language the screen speaks now, Vietnamese.
    assert boxes[0].text() == (
        "Đã chọn English. Ngôn ngữ mới được dùng từ lần mở chương trình tiếp theo."
    )
    assert boxes[0].icon() == QMessageBox.Icon.Information
    close_boxes(host)


def test_a_language_forced_by_desk_lang_is_pointed_out(host, monkeypatch):
    monkeypatch.setenv("DESK_LANG", "vi")
    chooser = LanguageMenu(host.menuBar().addMenu("Trợ &giúp"), host)
    chooser.actions["en"].trigger()
    assert saved_settings()["language"] == "en"
    (box,) = visible_message_boxes(host)
    assert "DESK_LANG=vi" in box.text() and "Tiếng Việt" in box.text()
    assert language.chosen_language() == "vi"  # as the message says
    close_boxes(host)


def test_choosing_the_language_already_chosen_changes_nothing(host):
    chooser = LanguageMenu(host.menuBar().addMenu("Trợ &giúp"), host)
    assert chooser.choose("vi") is None
    assert "language" not in config.machine_settings()
    assert visible_message_boxes(host) == []
    assert chooser.actions["vi"].isChecked()


def test_a_setting_that_cannot_be_saved_is_told_and_the_old_choice_stays(host):
    # A folder where the settings file's temporary copy goes: writing it fails.
    (config.data_dir() / config.MACHINE_FILE).with_suffix(".tmp").mkdir()
    chooser = LanguageMenu(host.menuBar().addMenu("Trợ &giúp"), host)

    chooser.actions["en"].trigger()

    assert language.chosen_language() == "vi"
    assert chooser.actions["vi"].isChecked() and not chooser.actions["en"].isChecked()
    boxes = visible_message_boxes(host)
    assert len(boxes) == 1
    assert boxes[0].text().startswith("Không lưu được cài đặt của máy: ")
    close_boxes(host)


def test_the_main_window_offers_it_in_the_help_menu(
    qtbot, db: Database, clerk: Clerk, clock: FixedClock
):
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    help_actions = window.help_menu.actions()
    assert window.language_menu.menu.menuAction() in help_actions
    assert help_actions[-1] is window.about_action
    assert window.menuBar().actions()[-1] is window.help_menu.menuAction()

    window.language_menu.actions["en"].trigger()

    assert saved_settings()["language"] == "en"
    close_boxes(window)
