"""The "Ngôn ngữ / Language" submenu: which language this PC's screens speak.

The choice is kept per PC (``desk.services.language_choice.save_language``) and applies
from the next start: the window's texts are made once, when it opens, so a
language changed mid-session would leave half the screen in the old one. The
clerk is told so in the language the screen speaks now. Each language is named
in itself ("Tiếng Việt", "English"), and the submenu's own title carries both,
so a reader of either finds it. Printed papers stay Vietnamese in any case.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desk.services.language_choice import (
    LANGUAGE_VARIABLE,
    LANGUAGES,
    chosen_language,
    save_language,
)
from desk.ui.widgets.qt_helpers import show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "LanguageMenu"
#: The same in every language, so that whoever reads the menu finds it.
MENU_TITLE = "Ngôn ngữ / Language"  # untranslated: bilingual on purpose


class LanguageMenu(QObject):
    """A submenu of ``menu`` with one radio item per language, the chosen one checked."""

    def __init__(self, menu: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.menu = menu.addMenu(MENU_TITLE)
        self.menu.setObjectName("language_menu")
        #: The language checked now (saved for this PC, or the one the desk runs in).
        self.checked = chosen_language()
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.group)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self.checked)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.menu.addAction(action)
            self.actions[code] = action
        #: The last message shown (None before the first choice).
        self.last_message: QMessageBox | None = None

    def choose(self, language: str) -> QMessageBox | None:
        """Save ``language`` for this PC and say when it applies; nothing if already chosen."""
        if language == self.checked:
            self.actions[language].setChecked(True)
            return None
        title = translate("LanguageMenu", "Ngôn ngữ")
        try:
            save_language(language)
        except OSError as exc:
            log.warning("language setting not saved: %s", exc)
            self.actions[self.checked].setChecked(True)
            self.last_message = show_message(
                self._parent,
                title,
                translate("LanguageMenu", "Không lưu được cài đặt của máy: {error}").format(
                    error=exc.strerror or exc
                ),
            )
            return self.last_message
        log.info("screen language set to %s for the next start", language)
        self.checked = language
        self.actions[language].setChecked(True)
        text = translate(
            "LanguageMenu",
            "Đã chọn {language}. Ngôn ngữ mới được dùng từ lần mở chương trình tiếp theo.",
        ).format(language=LANGUAGES[language])
        forced = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
        if forced in LANGUAGES and forced != language:
            text += "\n\n" + translate(
                "LanguageMenu",
                "Lưu ý: trên máy này biến môi trường DESK_LANG={value} đang chọn {forced} và "
                "được ưu tiên hơn lựa chọn trong menu. Hãy nhờ người quản trị máy bỏ biến đó.",
            ).format(value=forced, forced=LANGUAGES[forced])
        self.last_message = show_message(self._parent, title, text, QMessageBox.Icon.Information)
        return self.last_message
