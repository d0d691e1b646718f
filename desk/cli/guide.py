"""``desk guide CODE --printer URI``: print the guide to submitting a procedure online.

The same slip the intake window prints for a procedure accepted online only
(Directive 24/CT-TTg): the portal's address and QR code, the steps, the
hotline. It is counted in the reports (``guided_online``) like a guide
printed at the counter, under the clerk who printed it: the slip holds no
personal data, but the count is one of the office's reported figures, so it is
printed by an account (any role, as at the counter; ``desk.cli.login``), not by
anyone at the PC. Any procedure of the catalog may be printed (an office
may hand it out for a service it encourages online); the command says so when
the procedure is not marked online only.
"""

from __future__ import annotations

import argparse

from desk.cli.login import add_user_option, log_in_from
from desk.domain.translation import translate


def add_command(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    guide = sub.add_parser(
        "guide",
        help=translate("CliGuide", "in phiếu hướng dẫn nộp hồ sơ trực tuyến của một thủ tục"),
        description=translate(
            "CliGuide",
            "In trên máy in phiếu hẹn một phiếu hướng dẫn người dân nộp hồ sơ trên Cổng "
            "Dịch vụ công quốc gia (thủ tục chỉ tiếp nhận trực tuyến, Chỉ thị 24/CT-TTg). "
            "Mỗi phiếu in được tính vào báo cáo.",
        ),
    )
    guide.add_argument(
        "code", metavar="CODE", help=translate("CliGuide", "mã thủ tục, ví dụ 1.004222")
    )
    guide.add_argument(
        "--printer",
        metavar="URI",
        help=translate(
            "CliGuide",
            "none, file:PATH, tcp://HOST:9100, usb://VID:PID, serial:COM3?baudrate=9600, "
            "win32:TÊN MÁY IN (mặc định: máy in phiếu hẹn đã cài đặt)",
        ),
    )
    guide.add_argument(
        "--paper",
        choices=["80", "80-180dpi", "58"],
        help=translate("CliGuide", "khổ giấy (mặc định: khổ đã cài đặt)"),
    )
    add_user_option(guide)
    add_db(guide)


def run_guide(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import catalog, online_guidance
    from desk.services.receipt_printer import receipt_printer

    clerk = log_in_from(args, db)
    procedure = catalog.get_procedure(db, args.code.strip())
    uri = args.printer or receipt_printer(db).uri
    online_guidance.print_guide(db, procedure.code, clerk, uri=uri, paper=args.paper)
    print(
        translate("CliGuide", "Đã gửi phiếu hướng dẫn nộp trực tuyến {code} tới {printer}.").format(
            code=procedure.code, printer=uri
        )
    )
    if not procedure.online_only:
        print(
            translate(
                "CliGuide",
                "Lưu ý: thủ tục {code} không được đánh dấu chỉ tiếp nhận trực tuyến trong danh mục.",
            ).format(code=procedure.code)
        )
    return 0
