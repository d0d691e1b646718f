"""Vietnamese text helpers: NFC normalisation, accent-insensitive search keys, and
the one function that makes stored text safe to print, export or show.

A database may hold text no form should have let in (typed before the checks of
``desk.domain.validation`` existed, or written by another program): control
characters (NUL, ESC...), which Excel files cannot hold at all and which a
terminal obeys as commands, and texts of any length, which no printed cell or
page can hold. :func:`printable` is the one cleaning every export and printout
goes through, so none of them can fail on what is already stored.
"""

from __future__ import annotations

import re
import unicodedata

#: What never belongs in a name, an address or a reason: C0 controls (tab and line
#: breaks included: callers that allow line breaks say so), DEL, C1 controls, the
#: Unicode line and paragraph separators, the bidirectional overrides and isolates
#: (they make a name read backwards on screen), lone surrogates and the two
#: non-characters XML refuses.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
#: The unsafe characters that break a line or separate words: a space stands for them.
_SPACING = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")
LINE_BREAKS = frozenset("\n\r")
ELLIPSIS = "…"


def nfc(text: str) -> str:
    """Composed form: decomposed input misplaces tone marks when drawn."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """A search key without accents or case: "Đăng ký kết hôn" -> "dang ky ket hon"."""
    plain = text.replace("đ", "d").replace("Đ", "D")  # untranslated: letters, not a text
    decomposed = unicodedata.normalize("NFD", plain)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def matches(query: str, *texts: str) -> bool:
    """True when every word of the query appears in one of the texts, accents ignored."""
    haystack = " ".join(fold(t) for t in texts)
    return all(word in haystack for word in fold(query).split())


def unsafe_characters(text: str, *, line_breaks: bool = False) -> list[str]:
    """The characters of ``text`` that a one-line field (or, with ``line_breaks``,
    a multi-line one) must not hold, in order, each once."""
    found: list[str] = []
    for match in UNSAFE.finditer(text):
        char = match.group()
        if (line_breaks and char in LINE_BREAKS) or char in found:
            continue
        found.append(char)
    return found


def escape_code(char: str) -> str:
    r"""How a terminal or a message shows an unsafe character: ``\x1b``, ``\u2028``."""
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(
    text: str,
    limit: int | None = None,
    *,
    line_breaks: bool = False,
    visible: bool = False,
) -> str:
    r"""``text`` made safe to print, export to a spreadsheet or write to a terminal.

    Each unsafe character (see ``UNSAFE``) is dropped, or becomes a space when it
    separates words (tab, line breaks: a line break stays one with
    ``line_breaks``). With ``visible`` each becomes its escape instead
    (``\x1b``), so a terminal shows it rather than obeys it. A text longer than
    ``limit`` characters is cut and ends with "…", so a cell or a page holds it.
    """
    if limit is not None and len(text) > 4 * limit + 64:
        text = text[: 4 * limit + 64]  # never clean more than can be kept

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if line_breaks and char in LINE_BREAKS:
            return "\n" if char == "\n" else ""
        if visible:
            return escape_code(char)
        return " " if char in _SPACING else ""

    if line_breaks:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = UNSAFE.sub(replace, text)
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return cleaned


def escape_markup(text: str) -> str:
    """``text`` as markup shows it (a PDF paragraph, a Qt rich text): ``&``, ``<`` and
    ``>`` escaped, as ``xml.sax.saxutils.escape`` does without loading ``urllib``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
