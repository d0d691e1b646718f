"""``desk export-citizen`` and ``desk erase``: a citizen's personal data from a terminal.

The same services and the same rules as the window: a supervisor or an admin
exports, only a supervisor erases, and both are audited. The account and its
password come as for every command (``desk.cli.login``), its role checked
before anything is read, and again by the service.
"""

from __future__ import annotations

import argparse

from desk.cli.login import add_user_option, log_in_from
from desk.domain.clock import SystemClock
from desk.domain.roles import Role
from desk.domain.translation import translate

# Who may, as ``desk.services.personal_data`` decides (Law 91/2025/QH15): export, erase.
EXPORTERS = (Role.SUPERVISOR, Role.ADMIN)
ERASERS = (Role.SUPERVISOR,)


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    e = sub.add_parser(
        "export-citizen",
        help=translate(
            "CliPersonal",
            "xuất mọi hồ sơ của một số định danh (CCCD) ra tệp JSON (lãnh đạo, quản trị)",
        ),
    )
    e.add_argument(
        "id_number",
        metavar=translate("CliPersonal", "SỐ_ĐỊNH_DANH"),
        help=translate("CliPersonal", "số CCCD / định danh cá nhân"),
    )
    e.add_argument(
        "--out",
        required=True,
        metavar=translate("CliPersonal", "TỆP"),
        help=translate("CliPersonal", "tệp JSON sẽ ghi"),
    )
    add_user_option(e, roles=EXPORTERS)
    add_db(e)
    r = sub.add_parser(
        "erase",
        help=translate(
            "CliPersonal",
            "xóa dữ liệu cá nhân của hồ sơ bị từ chối hoặc dừng, đã hết thời hạn lưu giữ",
        ),
    )
    r.add_argument("code", metavar="CODE", help=translate("CliPersonal", "mã hồ sơ"))
    add_user_option(r, roles=ERASERS)
    add_db(r)


def run_export(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import personal_data

    clerk = log_in_from(args, db, roles=EXPORTERS)
    count = personal_data.export_citizen(db, clerk, args.id_number, args.out)
    print(
        translate("CliPersonal", "Đã xuất {count} hồ sơ vào {path}").format(
            count=count, path=args.out
        )
    )
    return 0


def run_erase(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import personal_data

    clerk = log_in_from(args, db, roles=ERASERS)
    personal_data.erase_personal_data(db, clerk, args.code, SystemClock())
    print(
        translate("CliPersonal", "Đã xóa dữ liệu cá nhân trong hồ sơ {code}.").format(
            code=args.code
        )
    )
    return 0


#: Each takes the parsed arguments and the open database (as ``desk step`` does).
COMMANDS = {"export-citizen": run_export, "erase": run_erase}
