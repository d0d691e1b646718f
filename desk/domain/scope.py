"""Whose dossiers a figure counts: one clerk's ("của tôi") or the whole office's.

Every screen that counts says which: the worklist's bands and tabs, the list of
dossiers at risk of being late ("Cần xin lỗi"), the dashboard and ``desk report``.
The same figure for the same scope and moment is the same number everywhere.

- A clerk (cán bộ tiếp nhận) counts their own: the dossiers in their charge, the
  ones they received until someone else is put in charge (``assignee``).
- A supervisor or an admin counts the whole office (toàn cơ quan); so do the
  dashboard and ``desk report``, whose rows by clerk are each clerk's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.office import Clerk
from desk.domain.translation import translate


@dataclass(frozen=True)
class Scope:
    """The whole office (no clerk), or the dossiers in one clerk's charge."""

    clerk_id: int | None = None
    username: str = ""

    @classmethod
    def office(cls) -> Scope:
        return cls()

    @classmethod
    def own(cls, clerk: Clerk) -> Scope:
        return cls(clerk.id, clerk.username)

    @property
    def is_office(self) -> bool:
        return self.clerk_id is None

    @property
    def label(self) -> str:
        """ "của tôi" or "toàn cơ quan", in the clerk's language, to go inside a sentence."""
        if self.is_office:
            return translate("Scope", "toàn cơ quan")
        return translate("Scope", "của tôi")

    @property
    def heading(self) -> str:
        """ "Hồ sơ của tôi" or "Toàn cơ quan": the scope as the heading of its figures."""
        if self.is_office:
            return translate("Scope", "Toàn cơ quan")
        return translate("Scope", "Hồ sơ của tôi")


def scope_for(clerk: Clerk) -> Scope:
    """What a clerk's screens count: their own dossiers; a supervisor's, the office's."""
    return Scope.office() if clerk.is_supervisor else Scope.own(clerk)
