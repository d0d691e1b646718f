"""The ``desk`` command: opens the window, or does admin work from a terminal.

Only this package (and the UI start-up) wires concrete things together: the
database URL, the printer, the clock. Here is ``main`` with the parser; each
group of sub-commands is a module of its own (``desk.cli.backup``,
``desk.cli.dossiers`` ...), and every command that runs as an account signs in
through ``desk.cli.login``. The language (``--lang``, else ``DESK_LANG``, else
this PC's setting) is installed before the parser is built, so the help texts
speak it too (``desk.cli.language``).

A command pays only for what it uses: ``desk --version`` imports nothing; each
sub-command's module, and SQLAlchemy, Alembic, ``holidays`` or Qt behind it,
is imported when that sub-command runs (``SUB_COMMANDS``); only ``--help``,
which lists them all, imports every one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desk import __version__
from desk.domain.errors import UserError
from desk.domain.translation import translate

if TYPE_CHECKING:
    import argparse

EXIT_USER_ERROR = 2


def _add_db(parser: argparse.ArgumentParser, default: object = None) -> None:
    """``--db`` and ``--db-url``. A sub-command's are not set when not given
    (``_sub_db``), so ``desk --db FILE SUB`` keeps the FILE given before it."""
    from desk.cli.db import add_db_url
    from desk.config import default_db_path

    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help=translate(
            "Cli",
            "tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB hoặc {path}",
        ).format(path=default_db_path()),
    )
    add_db_url(parser, default)


def _sub_db(parser: argparse.ArgumentParser) -> None:
    import argparse

    _add_db(parser, argparse.SUPPRESS)


Handler = Callable[["argparse.Namespace"], int]


def _with_db(run: Callable[..., int]) -> Handler:
    """A command run as ``run(args, db)`` on the database its options name."""
    return lambda args: run(args, _open(args))


def _demo(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.demo import add_command, run_demo

    add_command(sub, _sub_db)
    return {"demo": run_demo}


def _dossiers(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.dossiers import COMMANDS, add_commands, run_dossiers_command

    add_commands(sub, _sub_db)
    handlers = {n: _with_db(f) for n, f in COMMANDS.items()}
    # A listing may not need the ordinary way (SQLAlchemy, migrations) at all.
    handlers["dossiers"] = lambda args: run_dossiers_command(args, lambda: _open(args))
    return handlers


def _due(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.due import add_commands, run_due

    add_commands(sub, _sub_db)
    return {"due": run_due}


def _calendar(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.calendar import add_commands, run_calendar

    add_commands(sub, _sub_db)
    return {"calendar": _with_db(run_calendar)}


def _guide(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.guide import add_command, run_guide

    add_command(sub, _sub_db)
    return {"guide": _with_db(run_guide)}


def _steps(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.steps import add_commands, run_step

    add_commands(sub, _sub_db)
    return {"step": _with_db(run_step)}


def _queue(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.queue import COMMANDS, add_commands

    add_commands(sub)
    return dict(COMMANDS)


def _letters(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.letters import add_commands, run_apology, run_letter

    add_commands(sub, _sub_db)
    return {"apology": _with_db(run_apology), "letter": _with_db(run_letter)}


def _db(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.db import add_commands, run

    add_commands(sub, _sub_db)
    return {"db": run}


def _citizen(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.citizen import COMMANDS, WINDOW_COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return dict(WINDOW_COMMANDS) | {n: _with_db(f) for n, f in COMMANDS.items()}


def _backup(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.backup import COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return dict(COMMANDS)


def _reports(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.reports import COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return dict(COMMANDS)


def _personal(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.personal import COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


def _notify(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.notify import COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


def _scans(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from desk.cli.scans import COMMANDS, add_commands

    add_commands(sub, _sub_db)
    return {n: _with_db(f) for n, f in COMMANDS.items()}


#: Each group of sub-commands, in the order ``--help`` lists them, with what adds their
#: options and returns their handlers (importing their module only then).
SUB_COMMANDS: tuple[tuple[tuple[str, ...], Callable[..., dict[str, Handler]]], ...] = (
    (("demo",), _demo),
    (("due",), _due),
    (("calendar",), _calendar),
    (("dossiers", "receipt"), _dossiers),
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
    from pathlib import Path

    from desk.cli.language import CHOICES as LANGUAGES
    from desk.cli.parser import DeskParser

    p = DeskParser(
        prog="desk",
        description=translate(
            "Cli", "Bàn tiếp nhận hồ sơ của Bộ phận Một cửa. Không có lệnh con: mở cửa sổ."
        ),
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"desk {__version__}",
        help=translate("Cli", "in số phiên bản của desk rồi thoát"),
    )
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


def _open(args: argparse.Namespace):  # noqa: ANN202
    from desk.storage.database import open_database

    return open_database(_url(args), create=False)  # a mistyped path is not a new office


def _open_window(args: argparse.Namespace) -> int:
    from desk.ui.app import run

    if args.demo:
        from desk.cli.demo import DEMO_CLERK, fill_demo_office, window_database

        return run(
            window_database(args),
            demo_clerk=DEMO_CLERK,
            snapshot=args.snapshot,
            prepare=fill_demo_office,
        )
    return run(_url(args), snapshot=args.snapshot)
