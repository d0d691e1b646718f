"""The office that runs the desk (cơ quan, Bộ phận Một cửa)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Office:
    name: str  # e.g. "UBND xã Tân Phú"
    parent: str  # e.g. "UBND tỉnh Đồng Nai"
    code: str  # agency code used in dossier codes, e.g. "H36.41"
    address: str = ""
    hotline: str = ""
    head_title: str = "CHỦ TỊCH"  # untranslated: printed above the signature of letters
    head_name: str = ""


@dataclass(frozen=True)
class Clerk:
    """A logged-in account (cán bộ); ``role`` is a ``desk.domain.roles.Role`` value."""

    id: int
    username: str
    full_name: str
    role: str = "clerk"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_supervisor(self) -> bool:
        """Supervisors and admins see everyone's work."""
        return self.role in ("supervisor", "admin")
