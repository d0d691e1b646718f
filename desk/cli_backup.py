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


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    b = sub.add_parser(
        "backup",
        help="sao lưu ngay tệp dữ liệu (bản sao nhất quán, kể cả khi đang có người làm việc)",
    )
    add_db(b)
    b.add_argument(
        "--to",
        metavar="THƯ_MỤC",
        help="thư mục chứa bản sao lưu (ổ USB, thư mục mạng); mặc định: thư mục đã chọn",
    )
    r = sub.add_parser(
        "restore",
        help="khôi phục tệp dữ liệu từ một bản sao lưu (tệp cũ được giữ lại bên cạnh)",
    )
    add_db(r)
    r.add_argument("file", metavar="TỆP", help="tệp sao lưu desk-….sqlite3")
    r.add_argument("--yes", action="store_true", help="không hỏi lại trước khi khôi phục")


def run_backup(args: argparse.Namespace) -> int:
    from desk.services import backup
    from desk.storage.database import open_database

    db = open_database(url_of(args), create=False)
    try:
        path = backup.backup_now(db, Path(args.to) if args.to else None)
    finally:
        db.dispose()
    print(f"Đã sao lưu vào {path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desk.services import backup

    file = Path(args.file)
    check = backup.check_backup(file)
    print(f"Bản sao lưu {file.name}: hợp lệ, {check.dossiers} hồ sơ.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Hãy thêm --yes để khôi phục khi không chạy trên màn hình dòng lệnh.")
        answer = input("Thay tệp dữ liệu hiện tại bằng bản sao lưu này? Gõ 'co' để đồng ý: ")
        if answer.strip().lower() not in ("co", "có"):
            print("Đã hủy, không thay đổi gì.")
            return 1
    kept = backup.restore(url_of(args), file)
    if kept is not None:
        print(f"Tệp dữ liệu cũ được giữ tại {kept}")
    print("Đã khôi phục xong. Hãy mở lại desk.")
    return 0


COMMANDS = {"backup": run_backup, "restore": run_restore}
