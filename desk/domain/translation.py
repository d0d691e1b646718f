"""Screen text in the clerk's language, without Qt in the core.

The desk's source texts are Vietnamese. Rules and services that produce text a
clerk reads (error messages, labels of statuses and steps) pass it through
:func:`translate` with a literal context, so ``pyside6-lupdate`` finds it; the
window installs Qt's translator as the backend at start, the command line may
too, and tests and everything else get the Vietnamese source as it is.

Labels kept in tables (a status's name, a band's name) are marked with
:func:`QT_TRANSLATE_NOOP`: the table keeps the Vietnamese text, which printed
forms use as it is (a receipt or a letter is a Vietnamese administrative
document whatever language the screen speaks), and a screen shows it with
:func:`translated`, which knows the label's context.
"""

from __future__ import annotations

from collections.abc import Callable

Backend = Callable[[str, str], str]


class SourceText(str):
    """A Vietnamese source text that remembers its translation context."""

    context: str

    def __new__(cls, context: str, text: str) -> SourceText:
        value = super().__new__(cls, text)
        value.context = context
        return value

    def __reduce__(self):  # keep the context through copy and pickle
        return (SourceText, (self.context, str(self)))


def _identity(context: str, text: str) -> str:
    return text


_backend: Backend = _identity


def install_backend(backend: Backend | None) -> None:
    """Make ``backend(context, text)`` the translator; ``None`` goes back to Vietnamese."""
    global _backend
    _backend = backend or _identity


def translate(context: str, text: str) -> str:
    """``text`` in the current language (``text`` itself when there is no translation)."""
    return _backend(context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> SourceText:  # noqa: N802 (Qt's name)
    """Mark a label for translation without translating it now."""
    return SourceText(context, text)


def translated(text: str) -> str:
    """A marked label in the current language; any other text as it is."""
    if isinstance(text, SourceText):
        return translate(text.context, str(text))
    return text
