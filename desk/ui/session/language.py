"""The language of the screens: Vietnamese by default, English for trainers and auditors.

Chosen per PC (``language`` in ``machine.json``, set from the menu), or for one
run by ``DESK_LANG`` (:mod:`desk.services.language_choice`). The desk's own texts are Vietnamese at the source, so
Vietnamese needs only Qt's own buttons and menus translated (Qt ships no
Vietnamese: ``qtbase_vi.qm`` is the desk's own); English loads ``desk_en.qm``
and keeps Qt's built-in English. Dates stay in the Vietnamese order
(27/11/2026) in both.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desk import config
from desk.domain import translation
from desk.services.language_choice import DEFAULT_LANGUAGE, LANGUAGES, chosen_language

log = logging.getLogger(__name__)

_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.Vietnam),
}
#: The .qm files each language loads, from ``desk/resources/translations``.
_CATALOGUES = {"vi": ("qtbase_vi",), "en": ("desk_en",)}

_installed: list[QTranslator] = []


def load_translators(language: str) -> list[QTranslator]:
    """The translators of ``language``, loaded from the shipped .qm files."""
    folder = config.resource_dir() / "translations"
    translators = []
    for name in _CATALOGUES[language]:
        translator = QTranslator()
        if not translator.load(str(folder / f"{name}.qm")):
            log.error("translation %s missing from %s", name, folder)
            continue
        translators.append(translator)
    return translators


def install_language(language: str | None = None) -> str:
    """Make the running application speak ``language`` (default: the chosen one).

    Needs a ``QCoreApplication``; replaces whatever language was installed
    before. Returns the language installed.
    """
    language = language if language in LANGUAGES else chosen_language()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for translator in load_translators(language):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(_LOCALES[language])
    translation.install_backend(QCoreApplication.translate)
    return language


def install_console_language(language: str | None = None) -> str:
    """The same for the command line, which runs without a Qt application."""
    language = language if language in LANGUAGES else chosen_language()
    translators = load_translators(language) if language != DEFAULT_LANGUAGE else []
    _installed[:] = translators

    def backend(context: str, text: str) -> str:
        for translator in translators:
            found = translator.translate(context, text)
            if found:
                return found
        return text

    translation.install_backend(backend if translators else None)
    return language
