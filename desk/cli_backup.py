"""``desk backup`` and ``desk restore``: the same copies as the window makes, from a terminal.

``restore`` never opens (nor upgrades) the database it replaces: the file may be
the broken one the admin is recovering from. It checks the backup first and
keeps the replaced file next to it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli_db import url_of
from desk.domain.errors import UserError
from desk.domain.translation import translate

#: The answers that agree to a restore, in Vietnamese whatever the language (and its own word).
_YES = ("co", "có")  # untranslated: typed answers, accepted in every language


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    b = sub.add_parser(
        "backup",
        help=translate(
            "CliBackup",
            "sao lưu ngay tệp dữ liệu (bản sao nhất quán, kể cả khi đang có người làm việc)",
        ),
    )
    add_db(b)
    b.add_argument(
        "--to",
        metavar=translate("CliBackup", "THƯ_MỤC"),
        help=translate(
            "CliBackup",
            "thư mục chứa bản sao lưu (ổ USB, thư mục mạng); mặc định: thư mục đã chọn",
        ),
    )
    r = sub.add_parser(
        "restore",
        help=translate(
            "CliBackup", "khôi phục tệp dữ liệu từ một bản sao lưu (tệp cũ được giữ lại bên cạnh)"
        ),
    )
    add_db(r)
    r.add_argument(
        "file",
        metavar=translate("CliBackup", "TỆP"),
        help=translate("CliBackup", "tệp sao lưu desk-….sqlite3"),
    )
    r.add_argument(
        "--yes",
        action="store_true",
        help=translate("CliBackup", "không hỏi lại trước khi khôi phục"),
    )


def run_backup(args: argparse.Namespace) -> int:
    from desk.services import backup
    from desk.storage.database import open_database

    db = open_database(url_of(args), create=False)
    try:
        path = backup.backup_now(db, Path(args.to) if args.to else None)
    finally:
        db.dispose()
    print(translate("CliBackup", "Đã sao lưu vào {path}").format(path=path))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desk.services import backup

    file = Path(args.file)
    check = backup.check_backup(file)
    print(
        translate("CliBackup", "Bản sao lưu {name}: hợp lệ, {count} hồ sơ.").format(
            name=file.name, count=check.dossiers
        )
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                translate(
                    "CliBackup",
                    "Hãy thêm --yes để khôi phục khi không chạy trên màn hình dòng lệnh.",
                )
            )
        yes = translate("CliBackup", "co")
        answer = input(
            translate(
                "CliBackup",
                "Thay tệp dữ liệu hiện tại bằng bản sao lưu này? Gõ '{yes}' để đồng ý: ",
            ).format(yes=yes)
        )
        if answer.strip().lower() not in (yes, *_YES):
            print(translate("CliBackup", "Đã hủy, không thay đổi gì."))
            return 1
    kept = backup.restore(url_of(args), file)
    if kept is not None:
        print(translate("CliBackup", "Tệp dữ liệu cũ được giữ tại {path}").format(path=kept))
    print(translate("CliBackup", "Đã khôi phục xong. Hãy mở lại desk."))
    return 0


COMMANDS = {"backup": run_backup, "restore": run_restore}
