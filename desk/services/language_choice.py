"""Which language this PC speaks: ``DESK_LANG``, else its ``language`` setting, else Vietnamese.

The window (its language menu) and the ``desk`` command choose the same way, so the
choice lives here, without Qt; loading the translations is each front end's own
work (Qt's translators in ``desk.ui.session.language``, the command's in
``desk.cli.language``). The desk's texts are Vietnamese at the source.
"""

from __future__ import annotations

import os

from desk import config

#: For one run (a trainer's session, a test): wins over this PC's setting.
LANGUAGE_VARIABLE = "DESK_LANG"
#: The key in this PC's ``machine.json``.
LANGUAGE_SETTING = "language"
#: The language of the source texts, which needs no translation.
DEFAULT_LANGUAGE = "vi"
#: Each language with its name written in itself, as a language menu shows it.
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}  # untranslated: own names


def chosen_language() -> str:
    """``DESK_LANG``, else this PC's setting, else Vietnamese; a name the desk does not
    speak is passed over."""
    for choice in (
        os.environ.get(LANGUAGE_VARIABLE),
        config.machine_settings().get(LANGUAGE_SETTING),
    ):
        if isinstance(choice, str) and choice.strip().lower() in LANGUAGES:
            return choice.strip().lower()
    return DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    """Remember ``language`` for this PC; it applies from the next start."""
    if language not in LANGUAGES:
        raise ValueError(language)
    config.save_machine_setting(LANGUAGE_SETTING, language)
