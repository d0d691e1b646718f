"""The ``desk`` command: opens the window, or does admin work from a terminal.

Only this module (and the UI start-up) wires concrete things together: the
database URL, the printer, the clock. The language (``--lang``, else
``DESK_LANG``, else this PC's setting) is installed before the parser is built,
so the help texts speak it too (``desk.cli_language``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from desk import __version__
from desk.cli_backup import COMMANDS as BACKUP_COMMANDS
from desk.cli_backup import add_commands as add_backup_commands
from desk.cli_calendar import add_commands as add_calendar_commands
from desk.cli_calendar import run_calendar
from desk.cli_citizen import COMMANDS as CITIZEN_COMMANDS
from desk.cli_citizen import WINDOW_COMMANDS as CITIZEN_WINDOW_COMMANDS
from desk.cli_citizen import add_commands as add_citizen_commands
from desk.cli_db import add_commands as add_db_commands
from desk.cli_db import add_db_url, url_of
from desk.cli_db import run as run_db
from desk.cli_due import add_commands as add_due_command
from desk.cli_due import run_due
from desk.cli_guide import add_command as add_guide_command
from desk.cli_guide import run_guide
from desk.cli_language import CHOICES as LANGUAGES
from desk.cli_language import speaking, take_language_option
from desk.cli_letters import add_commands as add_letter_commands
from desk.cli_letters import run_apology, run_letter
from desk.cli_notify import COMMANDS as NOTIFY_COMMANDS
from desk.cli_notify import add_commands as add_notify_commands
from desk.cli_personal import COMMANDS as PERSONAL_COMMANDS
from desk.cli_personal import add_commands as add_personal_commands
from desk.cli_queue import COMMANDS as QUEUE_COMMANDS
from desk.cli_queue import add_commands as add_queue_commands
from desk.cli_reports import COMMANDS as REPORT_COMMANDS
from desk.cli_reports import add_commands as add_report_commands
from desk.cli_steps import add_commands as add_step_commands
from desk.cli_steps import run_step
from desk.config import database_url, default_db_path
from desk.domain.dossier import DossierStatus
from desk.domain.errors import UserError
from desk.domain.translation import translate, translated
from desk.domain.urgency import Band

EXIT_USER_ERROR = 2


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=translate(
            "Cli",
            "tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB hoặc {path}",
        ).format(path=default_db_path()),
    )
    add_db_url(parser)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desk",
        description=translate(
            "Cli", "Bàn tiếp nhận hồ sơ của Bộ phận Một cửa. Không có lệnh con: mở cửa sổ."
        ),
    )
    p.add_argument("--version", action="version", version=f"desk {__version__}")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=translate(
            "Cli", "ngôn ngữ của lần chạy này (mặc định: biến DESK_LANG hoặc cài đặt của máy này)"
        ),
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help=translate(
            "Cli",
            "mở trên một cơ sở dữ liệu mẫu, đăng nhập sẵn bằng tài khoản mẫu (tạm thời, "
            "hoặc tệp --db nếu có: tạo lần đầu, dùng lại các lần sau)",
        ),
    )
    p.add_argument(
        "--snapshot",
        type=Path,
        metavar=translate("Cli", "TỆP.png"),
        help=translate(
            "Cli",
            "mở cửa sổ, chụp ảnh cửa sổ vào tệp này khi danh sách đã tải xong rồi đóng lại "
            "(để kiểm tra một bản cài đặt hoặc làm tài liệu hướng dẫn)",
        ),
    )
    _add_db(p)
    sub = p.add_subparsers(dest="command", metavar=translate("Cli", "LỆNH"))
    _add_demo(sub)
    add_due_command(sub, _add_db)
    add_calendar_commands(sub, _add_db)
    _add_dossiers(sub)
    _add_receipt(sub)
    add_guide_command(sub, _add_db)
    add_step_commands(sub, _add_db)
    add_queue_commands(sub)
    add_letter_commands(sub, _add_db)
    add_db_commands(sub, _add_db)
    add_citizen_commands(sub, _add_db)
    add_backup_commands(sub, _add_db)
    add_report_commands(sub, _add_db)
    add_personal_commands(sub, _add_db)
    add_notify_commands(sub, _add_db)
    return p


def _add_demo(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo", help=translate("Cli", "tạo cơ sở dữ liệu mẫu (cơ quan, cán bộ, hồ sơ)")
    )
    _add_db(demo)
    demo.add_argument(
        "--dossiers",
        type=int,
        default=3000,
        metavar="N",
        help=translate("Cli", "số hồ sơ mẫu (mặc định 3000)"),
    )


def _add_dossiers(sub: argparse._SubParsersAction) -> None:
    from desk.cli_login import add_user_option

    dossiers = sub.add_parser("dossiers", help=translate("Cli", "liệt kê hồ sơ"))
    dossiers.add_argument(
        "--pending",
        action="store_true",
        help=translate("Cli", "chỉ hồ sơ chưa xong, gấp nhất trước"),
    )
    dossiers.add_argument(
        "--band",
        choices=[b.value for b in Band],
        help=translate("Cli", "chỉ hồ sơ đang giải quyết trong nhóm hạn này"),
    )
    dossiers.add_argument(
        "--status",
        choices=[s.value for s in DossierStatus],
        help=translate("Cli", "chỉ hồ sơ ở trạng thái này"),
    )
    dossiers.add_argument(
        "--search",
        default="",
        metavar=translate("Cli", "CHỮ"),
        help=translate(
            "Cli", "tìm theo tên, mã hồ sơ, số giấy tờ, điện thoại (không dấu cũng được)"
        ),
    )
    dossiers.add_argument("--limit", type=int, default=None, metavar="N")
    dossiers.add_argument("--json", action="store_true", help=translate("Cli", "in dạng JSON"))
    add_user_option(dossiers)  # a clerk gets the dossiers in their charge, as in the window
    _add_db(dossiers)


def _add_receipt(sub: argparse._SubParsersAction) -> None:
    from desk.cli_login import add_user_option

    receipt = sub.add_parser(
        "receipt", help=translate("Cli", "in hoặc in lại phiếu hẹn của một hồ sơ")
    )
    receipt.add_argument(
        "code", metavar="CODE", help=translate("Cli", "mã hồ sơ, ví dụ H36.41-260310-0001")
    )
    receipt.add_argument(
        "--printer",
        required=True,
        metavar="URI",
        help=translate(
            "Cli",
            "none, file:PATH, tcp://HOST:9100, usb://VID:PID, "
            "serial:COM3?baudrate=9600, win32:TÊN MÁY IN",
        ),
    )
    receipt.add_argument(
        "--paper",
        choices=["80", "80-180dpi", "58"],
        default="80",
        help=translate("Cli", "khổ giấy (mặc định 80 mm)"),
    )
    add_user_option(receipt)  # the receipt shows the applicant
    _add_db(receipt)


def main(argv: list[str] | None = None) -> int:
    """Run the ``desk`` command; ``argv`` without the program name (default: ``sys.argv``)."""
    language, argv = take_language_option(sys.argv[1:] if argv is None else list(argv))
    with speaking(language):
        return _main(argv)


def _main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        handler = {
            "demo": _demo,
            "due": run_due,
            "dossiers": _dossiers,
            "receipt": _receipt,
            "guide": lambda a: run_guide(a, _open(a)),
            "step": lambda a: run_step(a, _open(a)),
            "apology": lambda a: run_apology(a, _open(a)),
            "calendar": lambda a: run_calendar(a, _open(a)),
            "letter": lambda a: run_letter(a, _open(a)),
            "db": run_db,
        }
        handler |= QUEUE_COMMANDS | CITIZEN_WINDOW_COMMANDS | BACKUP_COMMANDS | REPORT_COMMANDS
        with_db = CITIZEN_COMMANDS | PERSONAL_COMMANDS | NOTIFY_COMMANDS
        handler |= {n: (lambda a, f=f: f(a, _open(a))) for n, f in with_db.items()}
        return handler[args.command](args)
    except UserError as exc:
        print(translate("Cli", "Lỗi: {message}").format(message=exc.message), file=sys.stderr)
        return EXIT_USER_ERROR


def _url(args: argparse.Namespace) -> str:
    """``--db-url`` > ``--db`` > ``DESK_DATABASE_URL`` > ``DESK_DB`` > setting > default file."""
    return url_of(args)


def _open(args: argparse.Namespace, *, create: bool = False):
    from desk.storage.database import open_database

    return open_database(_url(args), create=create)


def _open_window(args: argparse.Namespace) -> int:
    from desk.ui.app import run

    if args.demo:
        from desk.services import office
        from desk.services.demo import create_demo
        from desk.storage.database import open_database

        if args.db or args.db_url:
            url = _url(args)
        else:
            url = database_url(Path(tempfile.mkdtemp(prefix="desk-demo-")) / "demo.sqlite3")
        db = open_database(url)
        try:
            if office.needs_setup(db):
                create_demo(db, 3000)
        finally:
            db.dispose()
        return run(url, demo_clerk="canbo1", snapshot=args.snapshot)
    return run(_url(args), snapshot=args.snapshot)


def _demo(args: argparse.Namespace) -> int:
    from desk.services.demo import DEMO_PASSWORD, create_demo
    from desk.storage.engine import server_name

    if not args.db and not args.db_url:
        raise UserError(
            translate("Cli", "Hãy chỉ rõ tệp dữ liệu mẫu bằng --db PATH (hoặc --db-url URL).")
        )
    db = _open(args, create=True)
    summary = create_demo(db, args.dossiers)
    db.dispose()
    print(
        translate("Cli", "Đã tạo {count} hồ sơ mẫu trong {where}.").format(
            count=summary.dossiers, where=args.db or server_name(args.db_url)
        )
    )
    print(
        translate("Cli", "Tài khoản: {accounts} (mật khẩu: {password})").format(
            accounts=", ".join(summary.accounts), password=DEMO_PASSWORD
        )
    )
    return 0


def _dossiers(args: argparse.Namespace) -> int:
    from desk.cli_login import log_in_from
    from desk.domain.clock import SystemClock
    from desk.domain.dossier import STATUS_LABELS
    from desk.domain.text import printable
    from desk.services import worklist
    from desk.services.dossiers import list_dossiers

    db = _open(args)
    clerk = log_in_from(args, db)
    own = "" if clerk.is_supervisor else clerk.username  # as the window's list
    now = SystemClock().now()
    if args.pending or args.band or args.status or args.search:
        view = worklist.View.URGENT if args.band else worklist.View.ALL_OPEN
        if args.status:
            view = next(
                v
                for v in (
                    worklist.View.URGENT,
                    worklist.View.WAITING,
                    worklist.View.READY,
                    worklist.View.CLOSED,
                )
                if DossierStatus(args.status) in worklist.statuses_of(v)
            )
        flt = worklist.WorklistFilter(
            view=view,
            band=Band(args.band) if args.band else None,
            status=DossierStatus(args.status) if args.status else None,
            assignee=own,
            search=args.search,
        )
        items = _all_pages(db, flt, now, args.limit)
        rows = [
            {
                "code": i.code,
                "applicant": i.applicant_name,
                "procedure": i.procedure_name,
                "received": i.received_at.isoformat(),
                "appointment": i.appointment_at.isoformat(),
                "due": i.due_at.isoformat(),
                "status": i.status.value,
                "band": i.band.value if i.band else None,
            }
            for i in items
        ]
    else:
        rows = [
            {
                "code": d.code,
                "applicant": d.applicant.name,
                "procedure": d.procedure_name,
                "received": d.received_at.isoformat(),
                "appointment": d.appointment_at.isoformat(),
                "due": d.effective_due().isoformat(),
                "status": d.status.value,
                "band": None,
            }
            for d in list_dossiers(db, limit=args.limit, assignee=own)
        ]
    if args.json:
        print(_terminal_json(rows))
        return 0
    for r in rows:
        print(
            "\t".join(
                [
                    printable(r["code"], 60, visible=True),
                    printable(r["applicant"], 150, visible=True),
                    printable(r["procedure"], 60, visible=True),
                    r["received"][:16].replace("T", " "),
                    r["due"][:16].replace("T", " "),
                    translated(STATUS_LABELS[DossierStatus(r["status"])]),
                ]
            )
        )
    return 0


def _terminal_json(rows: list[dict]) -> str:
    """The rows as JSON that a terminal shows rather than obeys: the control
    characters JSON itself leaves as they are (DEL, C1, separators, lone
    surrogates) are written as \\u escapes, so the data stays exact."""
    from desk.domain.text import UNSAFE

    text = json.dumps(rows, ensure_ascii=False, indent=1)
    return UNSAFE.sub(
        lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text
    )


def _all_pages(db, flt, now, limit: int | None):
    from desk.services import worklist

    items: list = []
    after = None
    while limit is None or len(items) < limit:
        size = 500 if limit is None else min(500, limit - len(items))
        page = worklist.fetch_page(db, flt, now, after=after, size=size)
        items.extend(page)
        if len(page) < size:
            break
        after = (page[-1].due_at, page[-1].id)
    return items


def _receipt(args: argparse.Namespace) -> int:
    from desk.cli_login import log_in_from
    from desk.services.receipts import print_receipt

    db = _open(args)
    log_in_from(args, db)
    print_receipt(db, args.code, args.printer, args.paper)
    print(
        translate("Cli", "Đã gửi phiếu hẹn {code} tới {printer}.").format(
            code=args.code, printer=args.printer
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
