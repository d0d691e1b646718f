"""The ``desk`` command: opens the window, or does admin work from a terminal.

Only this module (and the UI start-up) wires concrete things together: the
database URL, the printer, the clock. The language (``--lang``, else
``DESK_LANG``, else this PC's setting) is installed before the parser is built,
so the help texts speak it too (``desk.cli.language``).

A command pays only for what it uses: ``desk --version`` imports nothing; each
sub-command's module, and SQLAlchemy, Alembic, ``holidays`` or Qt behind it,
is imported when that sub-command runs (``SUB_COMMANDS``); only ``--help``,
which lists them all, imports every one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desk import __version__
from desk.domain.errors import UserError
from desk.domain.translation import translate, translated

if TYPE_CHECKING:
    import argparse

EXIT_USER_ERROR = 2


def _add_db(parser: argparse.ArgumentParser) -> None:
    from desk.cli.db import add_db_url
    from desk.config import default_db_path

    parser.add_argument(
        "--db",
        metavar="PATH",
        help=translate(
            "Cli",
            "tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB hoặc {path}",
        ).format(path=default_db_path()),
    )
    add_db_url(parser)


Handler = Callable[["argparse.Namespace"], int]


def _with_db(run: Callable[..., int]) -> Handler:
    """A command run as ``run(args, db)`` on the database its options name."""
    return lambda args: run(args, _open(args))


def _own(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    _add_demo(sub)
    return {"demo": _demo}


def _due(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.due import add_commands, run_due

    add_commands(sub, _add_db)
    return {"due": run_due}


def _calendar(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.calendar import add_commands, run_calendar

    add_commands(sub, _add_db)
    return {"calendar": _with_db(run_calendar)}


def _lists(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    _add_dossiers(sub)
    _add_receipt(sub)
    return {"dossiers": _dossiers, "receipt": _receipt}


def _guide(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.guide import add_command, run_guide

    add_command(sub, _add_db)
    return {"guide": _with_db(run_guide)}


def _steps(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.steps import add_commands, run_step

    add_commands(sub, _add_db)
    return {"step": _with_db(run_step)}


def _queue(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.queue import COMMANDS, add_commands

    add_commands(sub)
    return dict(COMMANDS)


def _letters(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.letters import add_commands, run_apology, run_letter

    add_commands(sub, _add_db)
    return {"apology": _with_db(run_apology), "letter": _with_db(run_letter)}


def _db(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.db import add_commands, run

    add_commands(sub, _add_db)
    return {"db": run}


def _citizen(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.citizen import COMMANDS, WINDOW_COMMANDS, add_commands

    add_commands(sub, _add_db)
    return dict(WINDOW_COMMANDS) | {n: _with_db(f) for n, f in COMMANDS.items()}


def _backup(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.backup import COMMANDS, add_commands

    add_commands(sub, _add_db)
    return dict(COMMANDS)


def _reports(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.reports import COMMANDS, add_commands

    add_commands(sub, _add_db)
    return dict(COMMANDS)


def _personal(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.personal import COMMANDS, add_commands

    add_commands(sub, _add_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


def _notify(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.notify import COMMANDS, add_commands

    add_commands(sub, _add_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


def _scans(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.scans import COMMANDS, add_commands

    add_commands(sub, _add_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


#: Each group of sub-commands, in the order ``--help`` lists them, with what adds their
#: options and returns their handlers (importing their module only then).
SUB_COMMANDS: tuple[tuple[tuple[str, ...], Callable[..., dict[str, Handler]]], ...] = (
    (("demo",), _own),
    (("due",), _due),
    (("calendar",), _calendar),
    (("dossiers", "receipt"), _lists),
    (("guide",), _guide),
    (("step",), _steps),
    (("kiosk", "display"), _queue),
    (("apology", "letter"), _letters),
    (("db",), _db),
    (("catalog", "status", "ratings", "rating-window"), _citizen),
    (("backup", "restore", "restore-missing"), _backup),
    (("report", "book"), _reports),
    (("export-citizen", "erase"), _personal),
    (("notify", "outbox"), _notify),
    (("attach", "attachments", "reuse"), _scans),
)
#: Options of ``desk`` itself that take a value (a value is never a sub-command's name).
_VALUED_OPTIONS = ("--db", "--db-url", "--snapshot", "--lang")


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The parser of ``desk``: every sub-command (``"*"``), or only ``command``'s in full and
    the others by name (``None``: none in full), which imports only what it needs."""
    return _parser(command)[0]


def _parser(command: str | None = "*") -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    import argparse
    from pathlib import Path

    from desk.cli.language import CHOICES as LANGUAGES

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
    handlers: dict[str, Handler] = {}
    for names, load in SUB_COMMANDS:
        if command == "*" or command in names:
            handlers |= load(sub)
        else:
            for name in names:  # known by name, so a mistyped one is still told apart
                sub.add_parser(name)
    return p, handlers


def _command_in(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names (``"*"`` for a help that lists them all), or None."""
    known = {name for names, _load in SUB_COMMANDS for name in names}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in known:
            return token
        elif token in ("-h", "--help"):
            return "*"
        elif token in _VALUED_OPTIONS:
            skip = True
        elif token == "--":
            break
    return None


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
    from desk.cli.login import add_user_option
    from desk.domain.dossier import DossierStatus
    from desk.domain.urgency import Band

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
    from desk.cli.login import add_user_option

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
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"]:  # nothing else to load: no language, no parser
        print(f"desk {__version__}")
        return 0
    from desk.cli.language import speaking, take_language_option

    language, argv = take_language_option(argv)
    with speaking(language):
        return _main(argv)


def _main(argv: list[str]) -> int:
    parser, handlers = _parser(_command_in(argv))
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        return handlers[args.command](args)
    except UserError as exc:
        print(translate("Cli", "Lỗi: {message}").format(message=exc.message), file=sys.stderr)
        return EXIT_USER_ERROR


def _url(args: argparse.Namespace) -> str:
    """``--db-url`` > ``--db`` > ``DESK_DATABASE_URL`` > ``DESK_DB`` > setting > default file."""
    from desk.cli.db import url_of

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
            import tempfile
            from pathlib import Path

            from desk.config import database_url

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
    from desk.cli.login import log_in_from
    from desk.domain.clock import SystemClock
    from desk.domain.dossier import STATUS_LABELS, DossierStatus
    from desk.domain.text import printable
    from desk.domain.urgency import Band
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
    from desk.cli.login import log_in_from
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
