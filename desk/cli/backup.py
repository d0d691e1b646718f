"""``desk backup``, ``desk restore`` and ``desk restore-missing`` from a terminal.

All three are an admin's work, as in the window (Quản trị › Sao lưu, khôi
phục): ``--user NAME`` (or ``DESK_USER``), the password from ``DESK_PASSWORD``
or asked (``desk.cli.login``); a backup is a copy of every applicant's data.
For a restore the account is checked against the database being replaced when
it can be opened, else against the backup's own accounts (the live file may be
the broken one the admin is recovering from). It refuses while a desk, kiosk
or display has the database open, naming the PCs, or waits for them to close
with ``--wait [SECONDS]``; see ``desk.services.restore`` for what else it
guarantees. ``restore-missing`` lists, and brings back, the dossiers only the
kept file holds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.db import url_of
from desk.cli.login import add_user_option, log_in_from, log_in_with
from desk.domain.errors import UserError
from desk.domain.roles import Permission
from desk.domain.translation import translate

#: The answers that agree to a restore, in Vietnamese whatever the language (and its own word).
_YES = ("co", "có")  # untranslated: typed answers, accepted in every language
#: ``--wait`` without a number: long enough for a clerk to finish a citizen and close.
DEFAULT_WAIT_S = 600.0


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    b = sub.add_parser(
        "backup",
        help=translate(
            "CliBackup",
            "sao lưu ngay tệp dữ liệu (bản sao nhất quán, kể cả khi đang có người làm việc)",
        ),
    )
    add_db(b)
    add_user_option(b, Permission.MANAGE)
    b.add_argument(
        "--to",
        metavar=translate("CliBackup", "THƯ_MỤC"),
        help=translate(
            "CliBackup",
            "thư mục chứa bản sao lưu (ổ USB, thư mục mạng); mặc định: thư mục đã chọn",
        ),
    )
    _add_restore(sub, add_db)
    _add_restore_missing(sub, add_db)


def _add_restore(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    r = sub.add_parser(
        "restore",
        help=translate(
            "CliBackup",
            "khôi phục tệp dữ liệu từ một bản sao lưu (quản trị viên; tệp cũ được giữ lại bên cạnh)",
        ),
        description=translate(
            "CliBackup",
            "Thay tệp dữ liệu bằng một bản sao lưu đã kiểm tra. Không làm khi còn máy nào mở "
            "tệp dữ liệu (desk, máy lấy số, màn hình gọi số). Tệp cũ được giữ lại; các số đã "
            "cấp (mã hồ sơ, số thứ tự, số phiếu xin lỗi) không bị cấp lại; các hồ sơ chỉ có "
            "trong tệp cũ được liệt kê để lấy lại bằng lệnh restore-missing.",
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
    r.add_argument(
        "--wait",
        nargs="?",
        type=float,
        const=DEFAULT_WAIT_S,
        default=0.0,
        metavar=translate("CliBackup", "GIÂY"),
        help=translate(
            "CliBackup",
            "đợi các máy đang mở tệp dữ liệu đóng lại (tối đa GIÂY giây, mặc định {seconds:.0f})",
        ).format(seconds=DEFAULT_WAIT_S),
    )
    add_user_option(r, Permission.MANAGE)


def _add_restore_missing(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    m = sub.add_parser(
        "restore-missing",
        help=translate(
            "CliBackup",
            "liệt kê và lấy lại các hồ sơ chỉ có trong tệp dữ liệu cũ được giữ lại khi khôi phục",
        ),
    )
    add_db(m)
    m.add_argument(
        "--from",
        dest="kept",
        required=True,
        metavar=translate("CliBackup", "TỆP"),
        help=translate("CliBackup", "tệp dữ liệu cũ …truoc-khoi-phuc-….sqlite3"),
    )
    m.add_argument(
        "codes",
        nargs="*",
        metavar=translate("CliBackup", "MÃ"),
        help=translate("CliBackup", "mã các hồ sơ cần lấy lại; không ghi mã: chỉ liệt kê"),
    )
    m.add_argument(
        "--all",
        action="store_true",
        help=translate("CliBackup", "lấy lại mọi hồ sơ còn thiếu"),
    )
    add_user_option(m, Permission.MANAGE)


def run_backup(args: argparse.Namespace) -> int:
    from desk.services import backup
    from desk.storage.database import open_database

    db = open_database(url_of(args), create=False)
    try:
        log_in_from(args, db, Permission.MANAGE)
        path = backup.backup_now(db, Path(args.to) if args.to else None)
    finally:
        db.dispose()
    print(translate("CliBackup", "Đã sao lưu vào {path}").format(path=path))
    return 0


def _admin(args: argparse.Namespace, url: str, backup_file: Path | None = None):  # noqa: ANN202
    """The admin of ``args``, logged in on the database, or on the backup when it cannot open
    (the live file may be the broken one the admin is recovering from)."""
    from desk.services import accounts, restore
    from desk.storage.database import open_database

    def check(user: str, password: str):  # noqa: ANN202
        try:
            db = open_database(url, create=False)
        except UserError:
            if backup_file is None:
                raise
            return restore.log_in_from_backup(backup_file, user, password)
        try:
            return accounts.log_in(db, user, password)
        finally:
            db.dispose()

    return log_in_with(args, check, Permission.MANAGE)


def _confirm() -> bool:
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
    return answer.strip().lower() in (yes, *_YES)


def run_restore(args: argparse.Namespace) -> int:
    from desk.services import backup, restore
    from desk.storage.engine import is_postgres

    url, file = url_of(args), Path(args.file)
    clerk = _admin(args, url, None if is_postgres(url) else file)
    if is_postgres(url):
        restore.restore(url, file, clerk)  # says how a server is restored, and who is on it
    check = backup.check_backup(file)
    print(
        translate("CliBackup", "Bản sao lưu {name}: hợp lệ, {count} hồ sơ.").format(
            name=file.name, count=check.dossiers
        )
    )
    if not args.yes and not _confirm():
        print(translate("CliBackup", "Đã hủy, không thay đổi gì."))
        return 1

    def waiting(programs: list) -> None:
        print(
            translate(
                "CliBackup",
                "Đang đợi các máy đóng desk: {programs} (tối đa {seconds:.0f} giây)…",
            ).format(programs=restore.names_of(programs), seconds=args.wait),
            flush=True,
        )

    try:
        result = restore.restore(url, file, clerk, wait_s=args.wait or 0.0, on_wait=waiting)
    except restore.ProgramsConnected as exc:
        if args.wait:
            raise
        hint = translate("CliBackup", "Hoặc chạy lại lệnh với --wait để đợi các máy đó đóng.")
        raise UserError(f"{exc.message} {hint}") from exc
    if result.kept is not None:
        print(translate("CliBackup", "Tệp dữ liệu cũ được giữ tại {path}").format(path=result.kept))
    if result.counters_forward:
        print(
            translate(
                "CliBackup",
                "{count} bộ đếm số (mã hồ sơ, số thứ tự, số phiếu xin lỗi) được đưa lên tiếp sau "
                "các số tệp cũ đã cấp: không số nào bị cấp lại.",
            ).format(count=result.counters_forward)
        )
    _print_missing(result.missing, result.kept, args)
    print(translate("CliBackup", "Đã khôi phục xong. Hãy mở lại desk."))
    return 0


def _print_missing(missing: list, kept: Path | None, args: argparse.Namespace) -> None:
    if not missing or kept is None:
        return
    print(
        translate(
            "CliBackup", "{count} hồ sơ có trong tệp cũ nhưng không có trong bản sao lưu:"
        ).format(count=len(missing))
    )
    for m in missing:
        print(f"  {m.code}\t{m.applicant}\t{m.received_at:%d/%m/%Y %H:%M}")
    db = f' --db "{args.db}"' if getattr(args, "db", None) else ""
    print(
        translate(
            "CliBackup",
            'Để lấy lại: desk restore-missing --from "{kept}"{db} MÃ… (hoặc --all cho tất cả).',
        ).format(kept=kept, db=db)
    )


def run_restore_missing(args: argparse.Namespace) -> int:
    from desk.services import missing_dossiers
    from desk.storage.database import open_database

    url, kept = url_of(args), Path(args.kept)
    clerk = _admin(args, url)
    db = open_database(url, create=False)
    try:
        if not args.codes and not args.all:
            missing = missing_dossiers.missing_dossiers(db, kept)
            if not missing:
                print(translate("CliBackup", "Không còn hồ sơ nào chỉ có trong tệp cũ."))
                return 0
            _print_missing(missing, kept, args)
            return 0
        done = missing_dossiers.bring_back(db, clerk, kept, args.codes or None)
    finally:
        db.dispose()
    for code in done.codes:
        print(translate("CliBackup", "Đã lấy lại hồ sơ {code}.").format(code=code))
    for code in done.already_there:
        print(translate("CliBackup", "Hồ sơ {code} đã có sẵn, không chép lại.").format(code=code))
    if done.accounts:
        print(
            translate(
                "CliBackup", "Các tài khoản cũng được lấy lại cùng hồ sơ: {accounts}."
            ).format(accounts=", ".join(done.accounts))
        )
    return 0


COMMANDS = {"backup": run_backup, "restore": run_restore, "restore-missing": run_restore_missing}
