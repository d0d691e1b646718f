"""The editable list of departments and agencies a dossier can be transferred to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import Permission, require
from desk.domain.text import nfc
from desk.domain.translation import translate
from desk.storage.database import Database
from desk.storage.tables import DepartmentRow

DEFAULT_DEPARTMENTS = (
    "Công chức Tư pháp - Hộ tịch",  # untranslated: seeded into the database as a department's name
    "Công chức Địa chính - Xây dựng",  # untranslated: seeded into the database as a department's name
    "Công chức Văn hóa - Xã hội",  # untranslated: seeded into the database as a department's name
    "Phòng Kinh tế",  # untranslated: seeded into the database as a department's name
    "Văn phòng đăng ký đất đai",  # untranslated: seeded into the database as a department's name
    "Công an xã",  # untranslated: seeded into the database as a department's name
)


def list_departments(db: Database, *, include_inactive: bool = False) -> list[str]:
    stmt = select(DepartmentRow.name).order_by(DepartmentRow.name)
    if not include_inactive:
        stmt = stmt.where(DepartmentRow.active.is_(True))
    with db.read() as s:
        return list(s.scalars(stmt))


def add_department(db: Database, by: Clerk, name: str) -> None:
    require(by.role, Permission.MANAGE)
    name = " ".join(name.split())
    if not name:
        raise UserError(
            translate("Departments", "Chưa nhập tên phòng, ban hoặc cơ quan."), "department"
        )
    with db.write() as s:
        row = s.scalar(select(DepartmentRow).where(DepartmentRow.name == name))
        if row is not None and row.active:
            raise UserError(
                translate("Departments", "Đã có '{name}' trong danh sách.").format(name=name),
                "department",
            )
        if row is None:
            s.add(DepartmentRow(name=name, active=True))
        else:
            row.active = True


def retire_department(db: Database, by: Clerk, name: str) -> None:
    """Hide from the list; dossiers that went there keep the name."""
    require(by.role, Permission.MANAGE)
    with db.write() as s:
        row = s.scalar(select(DepartmentRow).where(DepartmentRow.name == name))
        if row is not None:
            row.active = False


def seed_departments(db: Database) -> None:
    with db.write() as s:
        seed_departments_in(s)


def seed_departments_in(s: Session) -> bool:
    """The usual departments when the office has none yet; True when added."""
    if s.scalar(select(DepartmentRow.id).limit(1)) is not None:
        return False
    s.add_all(DepartmentRow(name=n, active=True) for n in DEFAULT_DEPARTMENTS)
    return True


def find_department(s, name: str) -> DepartmentRow:
    """The active department called ``name``, as typed: spaces and the decomposed
    letters some Vietnamese keyboards write do not matter; a ``UserError`` naming the
    departments there are when none is called so."""
    wanted = nfc(" ".join(name.split()))
    row = s.scalar(select(DepartmentRow).where(DepartmentRow.name == wanted))
    if row is None or not row.active:
        names = s.scalars(
            select(DepartmentRow.name).where(DepartmentRow.active).order_by(DepartmentRow.name)
        )
        raise UserError(
            translate(
                "Departments", "Không có '{name}' trong danh sách phòng, ban. Các tên có: {names}."
            ).format(name=wanted, names="; ".join(names)),
            "department",
        )
    return row
