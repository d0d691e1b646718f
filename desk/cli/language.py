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

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from desk.domain import translation
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.services.language_choice import (
    DEFAULT_LANGUAGE,
    LANGUAGE_VARIABLE,
    LANGUAGES,
    chosen_language,
)

CHOICES = tuple(LANGUAGES)
OPTION = "--lang"

#: argparse's own words that a user reads, in the desk's language: its headings, and
#: its messages about what was typed (a value it cannot read, an option missing). It
#: writes them in English, through ``gettext``; the English catalogue gives its own
#: words back. Its messages about a parser built wrong, a programming error no user
#: sees, are left as they are.
PARSER_WORDS = {
    "usage: ": QT_TRANSLATE_NOOP("ParserWords", "cách dùng: "),
    "positional arguments": QT_TRANSLATE_NOOP("ParserWords", "tham số theo vị trí"),
    "options": QT_TRANSLATE_NOOP("ParserWords", "tùy chọn"),
    "show this help message and exit": QT_TRANSLATE_NOOP(
        "ParserWords", "in hướng dẫn này rồi thoát"
    ),
    "%(prog)s: error: %(message)s\n": QT_TRANSLATE_NOOP(
        "ParserWords", "%(prog)s: lỗi: %(message)s\n"
    ),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "ParserWords", "tham số %(argument_name)s: %(message)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "ParserWords", "không có lựa chọn %(value)r (hãy chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP(
        "ParserWords", "giá trị %(value)r không đọc được (cần kiểu %(type)s)"
    ),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP(
        "ParserWords", "thiếu tham số bắt buộc: %s"
    ),
    "one of the arguments %s is required": QT_TRANSLATE_NOOP(
        "ParserWords", "cần một trong các tham số %s"
    ),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("ParserWords", "không hiểu các tham số: %s"),
    "expected one argument": QT_TRANSLATE_NOOP(
        "ParserWords", "cần một giá trị ngay sau tùy chọn này"
    ),
    "expected at most one argument": QT_TRANSLATE_NOOP(
        "ParserWords", "chỉ nhận nhiều nhất một giá trị"
    ),
    "expected at least one argument": QT_TRANSLATE_NOOP("ParserWords", "cần ít nhất một giá trị"),
    "not allowed with argument %s": QT_TRANSLATE_NOOP(
        "ParserWords", "không dùng được cùng tham số %s"
    ),
    "ignored explicit argument %r": QT_TRANSLATE_NOOP(
        "ParserWords", "tùy chọn này không nhận giá trị %r"
    ),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "ParserWords", "tùy chọn %(option)s chưa rõ: có thể là %(matches)s"
    ),
    "can't open '%(filename)s': %(error)s": QT_TRANSLATE_NOOP(
        "ParserWords", "không mở được tệp '%(filename)s': %(error)s"
    ),
}


def parser_words(message: str) -> str:
    """argparse's ``message`` in the command's language (as it is, when not a user's)."""
    found = PARSER_WORDS.get(message)
    return translated(found) if found is not None else message


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
    english_words = argparse._  # type: ignore[attr-defined]  # its gettext, looked up per call
    argparse._ = parser_words  # type: ignore[attr-defined]
    try:
        yield install_language(choice)
    finally:
        argparse._ = english_words  # type: ignore[attr-defined]
        if choice:
            if before is None:
                os.environ.pop(LANGUAGE_VARIABLE, None)
            else:
                os.environ[LANGUAGE_VARIABLE] = before
