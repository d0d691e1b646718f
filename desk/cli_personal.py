"""``desk export-citizen`` and ``desk erase``: a citizen's personal data from a terminal.

The same services and the same rules as the window: a supervisor or an admin
exports, only a supervisor erases, and both are audited. The password comes
from ``DESK_PASSWORD`` or is asked for on the terminal.
"""

from __future__ import annotations

import argparse

from desk.domain.clock import SystemClock
from desk.domain.translation import translate


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
    e.add_argument(
        "--user",
        required=True,
        metavar=translate("CliPersonal", "TÊN"),
        help=translate("CliPersonal", "tài khoản thực hiện"),
    )
    add_db(e)
    r = sub.add_parser(
        "erase",
        help=translate(
            "CliPersonal",
            "xóa dữ liệu cá nhân của hồ sơ bị từ chối hoặc dừng, đã hết thời hạn lưu giữ",
        ),
    )
    r.add_argument("code", metavar="CODE", help=translate("CliPersonal", "mã hồ sơ"))
    r.add_argument(
        "--user",
        required=True,
        metavar=translate("CliPersonal", "TÊN"),
        help=translate("CliPersonal", "tài khoản lãnh đạo thực hiện"),
    )
    add_db(r)


def run_export(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.cli_steps import _password
    from desk.services import accounts, personal_data

    clerk = accounts.log_in(db, args.user, _password(args.user))
    count = personal_data.export_citizen(db, clerk, args.id_number, args.out)
    print(
        translate("CliPersonal", "Đã xuất {count} hồ sơ vào {path}").format(
            count=count, path=args.out
        )
    )
    return 0


def run_erase(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.cli_steps import _password
    from desk.services import accounts, personal_data

    clerk = accounts.log_in(db, args.user, _password(args.user))
    personal_data.erase_personal_data(db, clerk, args.code, SystemClock())
    print(
        translate("CliPersonal", "Đã xóa dữ liệu cá nhân trong hồ sơ {code}.").format(
            code=args.code
        )
    )
    return 0


#: Each takes the parsed arguments and the open database (as ``desk step`` does).
COMMANDS = {"export-citizen": run_export, "erase": run_erase}
