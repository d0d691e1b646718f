"""The language the ``desk`` command speaks: Vietnamese, or English for trainers and auditors.

The same choice as the window's (``desk.services.language_choice``: ``DESK_LANG``,
else this PC's ``language`` setting, else Vietnamese), plus ``--lang vi|en`` for
one run. It is installed before the parser is built, since argparse takes its
help texts when the options are declared. Vietnamese is the source text and needs
nothing; only another language loads Qt's translator
(``desk.ui.session.language``), so a plain run in Vietnamese starts without
importing Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from desk.domain import translation
from desk.services.language_choice import (
    DEFAULT_LANGUAGE,
    LANGUAGE_VARIABLE,
    LANGUAGES,
    chosen_language,
)

CHOICES = tuple(LANGUAGES)
OPTION = "--lang"


def take_language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) anywhere before ``--``, and ``argv`` without it.

    An unknown language is left in place for the full parser to refuse with its
    usual message.
    """
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == OPTION and i + 1 < len(argv):
            value, width = argv[i + 1], 2
        elif token.startswith(OPTION + "="):
            value, width = token.partition("=")[2], 1
        else:
            continue
        if value in CHOICES:
            return value, argv[:i] + argv[i + width :]
        break
    return None, list(argv)


def install_language(choice: str | None = None) -> str:
    """Make the command's text speak ``choice`` (default: the PC's); returns the language."""
    wanted = choice or chosen_language()
    if wanted == DEFAULT_LANGUAGE:
        translation.install_backend(None)
        return DEFAULT_LANGUAGE
    from desk.ui.session.language import install_console_language  # imports Qt: only when needed

    return install_console_language(wanted)


@contextmanager
def speaking(choice: str | None) -> Iterator[str]:
    """Install the language for one run; ``--lang`` also reaches the windows it opens.

    The windows (the counter's, the kiosk, the display) choose their language
    themselves from ``DESK_LANG``, so a ``--lang`` choice is put there for the
    length of the run and taken back after.
    """
    before = os.environ.get(LANGUAGE_VARIABLE)
    if choice:
        os.environ[LANGUAGE_VARIABLE] = choice
    try:
        yield install_language(choice)
    finally:
        if choice:
            if before is None:
                os.environ.pop(LANGUAGE_VARIABLE, None)
            else:
                os.environ[LANGUAGE_VARIABLE] = before
