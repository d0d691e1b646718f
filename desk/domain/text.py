"""Vietnamese text helpers: NFC normalisation and accent-insensitive search keys."""

from __future__ import annotations

import unicodedata


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
