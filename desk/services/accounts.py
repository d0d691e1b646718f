"""Accounts: logging in, and an admin adding clerks.

Passwords are kept only as salted scrypt hashes (``desk.domain.passwords``).
"""

from __future__ import annotations

import re

from sqlalchemy import select

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.passwords import check_new_password, hash_password, verify_password
from desk.domain.roles import Role
from desk.storage.database import Database
from desk.storage.tables import UserRow

_USERNAME = re.compile(r"^[a-z0-9._-]{3,60}$")


def _clerk(row: UserRow) -> Clerk:
    return Clerk(id=row.id, username=row.username, full_name=row.full_name, role=row.role)


def check_account(username: str, full_name: str, password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not _USERNAME.match(username.strip()):
        errors["username"] = (
            "Tên đăng nhập từ 3 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang."
        )
    if not full_name.strip():
        errors["full_name"] = "Chưa nhập họ và tên cán bộ."
    if (msg := check_new_password(password)) is not None:
        errors["password"] = msg
    return errors


def create_account(
    db: Database,
    username: str,
    full_name: str,
    password: str,
    *,
    role: Role | str = Role.CLERK,
    clock: Clock | None = None,
) -> Clerk:
    errors = check_account(username, full_name, password)
    if errors:
        raise ValidationError(errors)
    username = username.strip()
    with db.write() as s:
        if s.scalar(select(UserRow).where(UserRow.username == username)) is not None:
            raise UserError(
                f"Tên đăng nhập '{username}' đã có người dùng: hãy chọn tên khác.", "username"
            )
        row = UserRow(
            username=username,
            full_name=full_name.strip(),
            password_hash=hash_password(password),
            role=Role(role).value,
            active=True,
            created_at=(clock or SystemClock()).now(),
        )
        s.add(row)
        s.flush()
        return _clerk(row)


def add_clerk(
    db: Database,
    by: Clerk,
    username: str,
    full_name: str,
    password: str,
    *,
    role: Role | str = Role.CLERK,
    clock: Clock | None = None,
) -> Clerk:
    """An admin adds an account; nobody else may."""
    if not by.is_admin:
        raise UserError("Chỉ quản trị viên mới được thêm tài khoản.")
    return create_account(db, username, full_name, password, role=role, clock=clock)


def log_in(db: Database, username: str, password: str) -> Clerk:
    with db.read() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username.strip()))
    if row is None or not verify_password(password, row.password_hash):
        raise UserError("Sai tên đăng nhập hoặc mật khẩu.", "password")
    if not row.active:
        raise UserError("Tài khoản này đã bị khóa: hãy liên hệ quản trị viên.", "username")
    return _clerk(row)


def list_clerks(db: Database) -> list[Clerk]:
    with db.read() as s:
        return [_clerk(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]


def get_clerk(db: Database, username: str) -> Clerk:
    with db.read() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            raise UserError(f"Không có tài khoản '{username}'.")
        return _clerk(row)
