"""Accounts: logging in, and an admin adding clerks.

Passwords are kept only as salted scrypt hashes (``desk.domain.passwords``).
The personal data the desk holds is protected under Law 91/2025/QH15
(art. 37(1)(c): management and technical measures), so repeated wrong passwords
lock an account for a while, a password can be changed by its owner and reset
by an admin (who then cannot know it for long: the owner must change it), and
every one of these events is in the audit trail.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError, ValidationError
from desk.domain.office import Clerk
from desk.domain.passwords import check_new_password, hash_password, verify_password
from desk.domain.roles import Permission, Role, require
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated
from desk.services import audit
from desk.storage import rows
from desk.storage.database import Database
from desk.storage.tables import UserRow

_USERNAME = re.compile(r"^[a-z0-9._-]{3,60}$")
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
WRONG_LOGIN = QT_TRANSLATE_NOOP("Accounts", "Sai tên đăng nhập hoặc mật khẩu.")


def _clerk(row: UserRow) -> Clerk:
    return Clerk(id=row.id, username=row.username, full_name=row.full_name, role=row.role)


def _account_statement(_dialect: str):  # noqa: ANN202
    u = UserRow
    return select(
        u.id,
        u.username,
        u.full_name,
        u.role,
        u.password_hash,
        u.active,
        u.locked_until,
        u.failed_logins,
    ).where(u.username == bindparam("username"))


#: An account as a sign-in reads it, for a reader without the ORM (``desk.services.quick_list``).
ACCOUNT = rows.Statement(_account_statement)


def check_account(username: str, full_name: str, password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not _USERNAME.match(username.strip()):
        errors["username"] = translate(
            "Accounts",
            "Tên đăng nhập từ 3 ký tự, chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang.",
        )
    if not full_name.strip():
        errors["full_name"] = translate("Accounts", "Chưa nhập họ và tên cán bộ.")
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
    with db.write() as s:
        return create_account_in(s, username, full_name, password, role=role, clock=clock)


def create_account_in(
    s: Session,
    username: str,
    full_name: str,
    password: str,
    *,
    role: Role | str = Role.CLERK,
    clock: Clock | None = None,
) -> Clerk:
    """``create_account`` inside the caller's transaction (the first start's)."""
    errors = check_account(username, full_name, password)
    if errors:
        raise ValidationError(errors)
    username = username.strip()
    if s.scalar(select(UserRow).where(UserRow.username == username)) is not None:
        raise UserError(
            translate(
                "Accounts", "Tên đăng nhập '{username}' đã có người dùng: hãy chọn tên khác."
            ).format(username=username),
            "username",
        )
    row = UserRow(
        username=username,
        full_name=full_name.strip(),
        password_hash=hash_password(password),
        role=Role(role).value,
        active=True,
        created_at=(clock or SystemClock()).now(),
        failed_logins=0,
        password_changed_at=(clock or SystemClock()).now(),
        must_change_password=False,
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
        raise UserError(translate("Accounts", "Chỉ quản trị viên mới được thêm tài khoản."))
    require(by.role, Permission.MANAGE)
    return create_account(db, username, full_name, password, role=role, clock=clock)


def log_in(db: Database, username: str, password: str, clock: Clock | None = None) -> Clerk:
    """Check the password; after ``MAX_FAILED_LOGINS`` wrong ones the account waits a while."""
    now = (clock or SystemClock()).now()
    failure: UserError | None = None
    with db.write() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username.strip()))
        if row is None:
            verify_password(password, _dummy_hash())  # as slow as for a real account
            raise UserError(translated(WRONG_LOGIN), "password")
        if row.locked_until is not None and row.locked_until > now:
            raise UserError(_locked_message(row.locked_until), "username")
        if verify_password(password, row.password_hash):
            row.failed_logins = 0
            row.locked_until = None
        else:
            failure = _count_failure(s, row, now)
        clerk, active = _clerk(row), row.active
    if failure is not None:  # committed: the count survives the refusal
        raise failure
    if not active:
        raise UserError(
            translate("Accounts", "Tài khoản này đã bị khóa: hãy liên hệ quản trị viên."),
            "username",
        )
    return clerk


@cache
def _dummy_hash() -> str:
    """A hash to check a wrong user name against, made at the first such login (scrypt
    takes a tenth of a second and 16 MiB: not for every program start)."""
    return hash_password("không-phải-mật-khẩu-1")  # untranslated: never shown, only hashed


def _locked_message(until: datetime) -> str:
    return translate(
        "Accounts",
        "Tài khoản tạm khóa đến {time} ngày {date} vì nhập sai mật khẩu {count} lần. "
        "Hãy đợi, hoặc nhờ quản trị viên đặt lại mật khẩu.",
    ).format(time=f"{until:%H:%M}", date=f"{until:%d/%m/%Y}", count=MAX_FAILED_LOGINS)


def _count_failure(s: Session, row: UserRow, now: datetime) -> UserError:
    row.failed_logins = (row.failed_logins or 0) + 1
    if row.failed_logins < MAX_FAILED_LOGINS:
        return UserError(
            translated(WRONG_LOGIN), "password"
        )  # never tells whether the account exists
    row.failed_logins = 0
    row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
    audit.record(
        s, None, now, "user", row.username, "login_locked", {}, {"until": row.locked_until}
    )
    return UserError(_locked_message(row.locked_until), "password")


def must_change_password(db: Database, clerk: Clerk) -> bool:
    """After an admin's reset, the owner chooses a new password before working."""
    with db.read() as s:
        row = s.get(UserRow, clerk.id)
        return bool(row is not None and row.must_change_password)


def change_password(
    db: Database, clerk: Clerk, old: str, new: str, clock: Clock | None = None
) -> None:
    """The owner changes their own password, proving they know the old one."""
    now = (clock or SystemClock()).now()
    if (msg := check_new_password(new)) is not None:
        raise UserError(msg, "new")
    if new == old:
        raise UserError(translate("Accounts", "Mật khẩu mới phải khác mật khẩu cũ."), "new")
    with db.write() as s:
        row = s.get(UserRow, clerk.id)
        if row is None or not verify_password(old, row.password_hash):
            raise UserError(translate("Accounts", "Mật khẩu hiện tại không đúng."), "old")
        _set_password(row, new, now, must_change=False)
        audit.record(s, clerk, now, "user", row.username, "password_changed")


def reset_password(
    db: Database, by: Clerk, username: str, new: str, clock: Clock | None = None
) -> None:
    """An admin sets a temporary password (and lifts a lock); the owner must change it."""
    require(by.role, Permission.MANAGE)
    now = (clock or SystemClock()).now()
    if (msg := check_new_password(new)) is not None:
        raise UserError(msg, "new")
    with db.write() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            raise UserError(
                translate("Accounts", "Không có tài khoản '{username}'.").format(username=username),
                "username",
            )
        _set_password(row, new, now, must_change=row.id != by.id)
        audit.record(s, by, now, "user", row.username, "password_reset")


def set_active(
    db: Database, by: Clerk, username: str, active: bool, clock: Clock | None = None
) -> None:
    """An admin disables (or enables again) an account; nobody else may."""
    require(by.role, Permission.MANAGE)
    now = (clock or SystemClock()).now()
    with db.write() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            raise UserError(
                translate("Accounts", "Không có tài khoản '{username}'.").format(username=username),
                "username",
            )
        before = row.active
        row.active = active
        audit.record(
            s, by, now, "user", row.username, "set_active", {"active": before}, {"active": active}
        )


def _set_password(row: UserRow, new: str, now: datetime, *, must_change: bool) -> None:
    row.password_hash = hash_password(new)
    row.password_changed_at = now
    row.must_change_password = must_change
    row.failed_logins = 0
    row.locked_until = None


def list_clerks(db: Database) -> list[Clerk]:
    with db.read() as s:
        return [_clerk(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]


def get_clerk(db: Database, username: str) -> Clerk:
    with db.read() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            raise UserError(
                translate("Accounts", "Không có tài khoản '{username}'.").format(username=username)
            )
        return _clerk(row)
