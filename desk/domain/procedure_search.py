"""Which procedure a clerk's search means: the best match first.

The clerk types a few words at intake ("khai sinh", or "dang ky khai sinh"
without marks on a hurried keyboard) and presses Enter on the first line, so the
procedure meant must be on top. Every procedure whose code, name or field holds
each word typed is listed (accents and case ignored, ``desk.domain.text.matches``),
ranked by, in turn:

1. the whole phrase: the name holds the words together and in the order typed
   ("khai sinh" in "Thủ tục đăng ký khai sinh"), not merely each somewhere;
2. a name that starts with it, past the words "Thủ tục" many published names
   open with ("đăng ký khai sinh" starts "Thủ tục đăng ký khai sinh");
3. the code: the procedure's code starts with what was typed ("1.0011");
4. how often this office uses it: its dossiers of the last year, most first;

and, between procedures still level, where the phrase falls in the name (the
earlier the better), the shorter name (the phrase is more of it), and last the
catalog's own order. The last word typed may be unfinished ("khai si"): the
clerk is still typing it. An empty search lists the catalog in its own order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from desk.domain.text import fold

#: The words many published names open with, which say nothing of the procedure.
LEAD_WORDS = ("thu", "tuc")  # "Thủ tục", folded
_WORD = re.compile(r"\w+")
#: Where a phrase that is not in the name "falls": after every real position.
_NOWHERE = 1_000_000


class Searchable(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def field(self) -> str: ...


P = TypeVar("P", bound=Searchable)


def words(text: str) -> list[str]:
    """The words of ``text``, folded (no accents, no case), punctuation dropped."""
    return _WORD.findall(fold(text))


def phrase_at(phrase: Sequence[str], name: Sequence[str]) -> int | None:
    """The index in ``name`` where the words of ``phrase`` stand together and in order
    (the last one may be unfinished), or ``None``."""
    if not phrase:
        return None
    *whole, last = phrase
    for start in range(len(name) - len(phrase) + 1):
        end = start + len(whole)
        if list(name[start:end]) == whole and name[end].startswith(last):
            return start
    return None


@dataclass(frozen=True)
class _Entry(Generic[P]):
    item: P
    order: int  # the catalog's own order
    code: str  # folded
    name: tuple[str, ...]  # folded words
    haystack: str  # code, name and field folded, for ``matches``
    usage: int

    @property
    def lead(self) -> int:
        """How many of the name's first words are the generic "Thủ tục"."""
        return len(LEAD_WORDS) if self.name[: len(LEAD_WORDS)] == LEAD_WORDS else 0


def _rank_key(entry: _Entry[P], query: str, phrase: Sequence[str]) -> tuple[int, ...]:
    """The sort key of one matching procedure (smaller first), in the order of the
    module's rules."""
    at = phrase_at(phrase, entry.name)
    starts = at is not None and (at == 0 or at == entry.lead)
    code = bool(query) and entry.code.startswith(query)
    where = _NOWHERE if at is None else max(0, at - entry.lead)
    return (
        at is None,
        not starts,
        not code,
        -entry.usage,
        where,
        len(entry.name),
        entry.order,
    )


class ProcedureIndex(Generic[P]):
    """The catalog prepared for searching as the clerk types: each name is folded once.

    ``usage`` maps a procedure code to how many dossiers this office received for it
    in the last year (``desk.services.procedure_usage``); a code it lacks counts 0.
    """

    def __init__(self, procedures: Iterable[P], usage: Mapping[str, int] | None = None) -> None:
        usage = usage or {}
        self._entries = [
            _Entry(
                item=p,
                order=n,
                code=fold(p.code),
                name=tuple(words(p.name)),
                haystack=fold(f"{p.code} {p.name} {p.field}"),
                usage=int(usage.get(p.code, 0)),
            )
            for n, p in enumerate(procedures)
        ]

    def search(self, query: str) -> list[P]:
        """The procedures ``query`` finds, best first (all of them, in catalog order,
        for an empty query)."""
        folded = fold(query)
        if not folded:
            return [e.item for e in self._entries]
        phrase, typed = words(query), folded.split()
        # ``desk.domain.text.matches`` on keys folded once: every word typed is in it.
        found = [e for e in self._entries if all(w in e.haystack for w in typed)]
        found.sort(key=lambda e: _rank_key(e, folded, phrase))
        return [e.item for e in found]
