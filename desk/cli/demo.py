"""``desk demo`` and ``desk --demo``: a sample office to try the desk on.

``desk demo --db PATH [--dossiers N]`` writes a sample office (agency, accounts,
dossiers of past months) into a database and prints the accounts. ``desk --demo``
opens the window on one, signed in as a sample clerk: a throwaway file, or the
``--db`` file, made the first time and used again after.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from desk.cli.db import url_of
from desk.domain.errors import UserError
from desk.domain.translation import translate

if TYPE_CHECKING:
    from desk.storage.database import Database

#: The sample account the window opens with under ``--demo``.
DEMO_CLERK = "canbo1"
#: How many dossiers the window's sample office starts with.
WINDOW_DOSSIERS = 3000


def add_command(
    sub: argparse._SubParsersAction, add_db: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add ``demo`` to the ``desk`` command's sub-commands."""
    demo = sub.add_parser(
        "demo", help=translate("Cli", "tạo cơ sở dữ liệu mẫu (cơ quan, cán bộ, hồ sơ)")
    )
    add_db(demo)
    demo.add_argument(
        "--dossiers",
        type=int,
        default=3000,
        metavar="N",
        help=translate("Cli", "số hồ sơ mẫu (mặc định 3000)"),
    )


def run_demo(args: argparse.Namespace) -> int:
    from desk.services.demo import DEMO_PASSWORD, create_demo
    from desk.storage.database import open_database
    from desk.storage.engine import server_name

    if not args.db and not args.db_url:
        raise UserError(
            translate("Cli", "Hãy chỉ rõ tệp dữ liệu mẫu bằng --db PATH (hoặc --db-url URL).")
        )
    db = open_database(url_of(args), create=True)
    summary = create_demo(db, args.dossiers)
    db.dispose()
    print(
        translate("Cli", "Đã tạo {count} hồ sơ mẫu trong {where}.").format(
            count=summary.dossiers, where=args.db or server_name(args.db_url)
        )
    )
    if summary.accounts:
        print(
            translate("Cli", "Tài khoản: {accounts} (mật khẩu: {password})").format(
                accounts=", ".join(summary.accounts), password=DEMO_PASSWORD
            )
        )
    else:  # an office already there keeps its own accounts; none of the demo's was made
        print(
            translate(
                "Cli",
                "Cơ quan đã có sẵn: hồ sơ mẫu được thêm vào, không tạo tài khoản mẫu nào; "
                "hãy đăng nhập bằng tài khoản của cơ quan.",
            )
        )
    return 0


def window_database(args: argparse.Namespace) -> str:
    """The URL the window's ``--demo`` opens: the ``--db``/``--db-url`` database, else a
    throwaway file (``fill_demo_office`` writes the sample office into it when it has none
    yet, as the window opens it)."""
    if args.db or args.db_url:
        return url_of(args)
    import tempfile
    from pathlib import Path

    from desk.config import database_url

    return database_url(Path(tempfile.mkdtemp(prefix="desk-demo-")) / "demo.sqlite3")


def fill_demo_office(db: Database) -> None:
    """The sample office in ``db`` when it has no office yet (the window's ``--demo``)."""
    from desk.services import office
    from desk.services.demo import create_demo

    if office.needs_setup(db):
        create_demo(db, WINDOW_DOSSIERS)
