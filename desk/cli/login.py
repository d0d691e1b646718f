"""One login for the whole command line: the same accounts and roles as the window.

Every command that shows an applicant's data or changes data asks who runs it:
``--user NAME``, else the ``DESK_USER`` variable; the password comes from
``DESK_PASSWORD`` (for scripts and scheduled tasks), else it is asked on the
terminal, never echoed. The role needed is the one the window asks for the same
work: the roles granted a ``desk.domain.roles.Permission``, or, where a service
decides by role, those roles; the services check again. A missing account, a
wrong password or a role that may not do the work is a ``UserError``, so
``desk`` says what to do and ends with exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterable

from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.roles import GRANTS, ROLE_LABELS, Permission, Role
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

USER_VARIABLE = "DESK_USER"
PASSWORD_VARIABLE = "DESK_PASSWORD"

#: Any account may do it, whatever its role (marked: the language is installed later).
ANY_ACCOUNT = QT_TRANSLATE_NOOP("CliLogin", "cán bộ (vai trò nào cũng được)")


def allowed_roles(permission: Permission | None = None, roles: Iterable[Role] = ()) -> set[Role]:
    """``roles`` when given, else the roles granted ``permission`` (``None``: every role)."""
    if roles:
        return set(roles)
    return {r for r in Role if permission is None or permission in GRANTS[r]}


def roles_text(roles: Iterable[Role]) -> str:
    """The roles as the help and the messages name them: "lãnh đạo, giám sát hoặc quản trị"."""
    wanted = set(roles)
    if wanted == set(Role):
        return translated(ANY_ACCOUNT)
    labels = [translated(ROLE_LABELS[r]).lower() for r in Role if r in wanted]
    return translate("CliLogin", " hoặc ").join(labels)


def add_user_option(
    parser: argparse.ArgumentParser,
    permission: Permission | None = None,
    *,
    roles: Iterable[Role] = (),
) -> None:
    """``--user NAME``, and a last line of the command's help naming the account it needs."""
    who = roles_text(allowed_roles(permission, roles))
    parser.add_argument(
        "--user",
        metavar=translate("CliLogin", "TÊN"),
        help=translate("CliLogin", "tài khoản thực hiện ({who}); mặc định: biến DESK_USER").format(
            who=who
        ),
    )
    parser.epilog = login_note(who)


def login_note(who: str) -> str:
    """The help's last line: who may run the command, and where the password comes from."""
    return translate(
        "CliLogin",
        "Cần đăng nhập bằng tài khoản {who}: --user TÊN hoặc biến DESK_USER; mật khẩu lấy "
        "từ biến DESK_PASSWORD hoặc được hỏi khi chạy.",
    ).format(who=who)


def user_of(
    args: argparse.Namespace, permission: Permission | None = None, roles: Iterable[Role] = ()
) -> str:
    """The account named by ``--user`` or ``DESK_USER``; without one, what to type."""
    user = (getattr(args, "user", None) or os.environ.get(USER_VARIABLE, "")).strip()
    if not user:
        raise UserError(
            translate(
                "CliLogin",
                "Việc này cần đăng nhập bằng tài khoản {who}: hãy ghi --user TÊN (hoặc đặt biến "
                "DESK_USER); mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.",
            ).format(who=roles_text(allowed_roles(permission, roles)))
        )
    return user


def password_for(user: str) -> str:
    """``DESK_PASSWORD``, else asked on the terminal; with no terminal, where to put it."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserError(
            translate(
                "CliLogin",
                "Không hỏi được mật khẩu của {user} khi không chạy trên màn hình dòng lệnh: "
                "hãy đặt mật khẩu vào biến DESK_PASSWORD.",
            ).format(user=user)
        )
    return getpass.getpass(translate("CliLogin", "Mật khẩu của {user}: ").format(user=user))


def require_role(
    clerk: Clerk, permission: Permission | None = None, roles: Iterable[Role] = ()
) -> None:
    """Refuse an account whose role may not do the work, naming the roles that may."""
    allowed = allowed_roles(permission, roles)
    if Role(clerk.role) in allowed:
        return
    raise UserError(
        translate("CliLogin", "Việc này cần tài khoản {who}; {user} là tài khoản {role}.").format(
            who=roles_text(allowed),
            user=clerk.username,
            role=translated(ROLE_LABELS[Role(clerk.role)]).lower(),
        )
    )


def log_in_from(
    args: argparse.Namespace,
    db,  # noqa: ANN001
    permission: Permission | None = None,
    *,
    roles: Iterable[Role] = (),
) -> Clerk:
    """The account the command runs as, logged in on ``db``, its role checked: one of
    ``roles``, else one granted ``permission`` (``None``: any, as the window lets any
    clerk do it)."""
    from desk.services import accounts

    def check(user: str, password: str) -> Clerk:
        return accounts.log_in(db, user, password)

    return log_in_with(args, check, permission, roles=roles)


def log_in_with(
    args: argparse.Namespace,
    check: Callable[[str, str], Clerk],
    permission: Permission | None = None,
    *,
    roles: Iterable[Role] = (),
) -> Clerk:
    """The same login, the password checked by ``check(user, password)``: for a command
    whose accounts may not be in the database it opens (a restore checks them against
    the backup when the database it replaces cannot be opened)."""
    user = user_of(args, permission, roles)
    clerk = check(user, password_for(user))
    require_role(clerk, permission, roles)
    return clerk
