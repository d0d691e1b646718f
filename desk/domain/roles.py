"""Who may do what. The services check these, not only the buttons.

- clerk (cán bộ tiếp nhận): intake, and the steps of a dossier;
- supervisor (lãnh đạo / giám sát): also reassigns, edits a dossier's data with a
  reason, sees everyone's work;
- admin (quản trị): accounts, catalog, calendar, settings.
"""

from __future__ import annotations

from enum import StrEnum

from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Cán bộ tiếp nhận"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Role", "Lãnh đạo, giám sát"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Quản trị"),
}


class Permission(StrEnum):
    INTAKE = "intake"
    STEP = "step"
    REASSIGN = "reassign"
    EDIT_DOSSIER = "edit_dossier"
    MANAGE = "manage"  # accounts, catalog, calendar, settings
    REPORTS = "reports"  # the dashboard, form 06/VPCP/KSTT, the tracking book


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.INTAKE, Permission.STEP}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.INTAKE,
            Permission.STEP,
            Permission.REASSIGN,
            Permission.EDIT_DOSSIER,
            Permission.REPORTS,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}

_REFUSALS = {
    Permission.REASSIGN: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ lãnh đạo, giám sát mới được giao lại hồ sơ cho cán bộ khác."
    ),
    Permission.EDIT_DOSSIER: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ lãnh đạo, giám sát mới được sửa thông tin hồ sơ đã tiếp nhận."
    ),
    Permission.REPORTS: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ lãnh đạo, giám sát mới được xem báo cáo, thống kê của cơ quan."
    ),
    Permission.MANAGE: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ quản trị viên mới được thay đổi tài khoản, danh mục, lịch và cài đặt."
    ),
}


def may(role: Role | str, permission: Permission) -> bool:
    return permission in GRANTS[Role(role)]


def require(role: Role | str, permission: Permission) -> None:
    if not may(role, permission):
        refusal = _REFUSALS.get(permission)
        raise UserError(
            translated(refusal)
            if refusal is not None
            else translate("Roles", "Tài khoản này không có quyền làm việc này.")
        )
