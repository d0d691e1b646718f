"""``desk kiosk`` and ``desk display``: the queue's own screens, each on its own PC.

Both open the same database as the counters (``--db``, or a shared server's
URL; ``--demo`` makes a throwaway sample office) and need no login: the kiosk
stands in the lobby and the display hangs on a wall. Both start full screen
(``--windowed`` for trying them out); Ctrl+Shift+Q closes them. The rating
window facing the citizen (``desk rating-window``, ``desk.cli.citizen``) is such a
screen too: it takes the same options and runs the same way.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from desk.cli.db import add_db_url, url_of
from desk.config import database_url, default_db_path
from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

log = logging.getLogger("desk")

EXIT_OPEN_FAILED = 2
#: Marked, not translated: the language is installed after this module is imported.
PRINTER_HELP = QT_TRANSLATE_NOOP(
    "CliQueue",
    "máy in phiếu: none (chỉ hiện trên màn hình), tcp://HOST:9100, usb://VID:PID, "
    "serial:COM3?baudrate=9600, win32:TÊN MÁY IN, file:PATH; mặc định: theo Quản trị > Hàng đợi",
)


def add_screen_options(parser: argparse.ArgumentParser) -> None:
    """The options of a screen on its own PC: its database, ``--demo``, full screen or not."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=translate(
            "CliQueue",
            "tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu) dùng chung với các quầy; mặc định: "
            "biến DESK_DB hoặc {path}",
        ).format(path=default_db_path()),
    )
    add_db_url(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("CliQueue", "mở trên một cơ sở dữ liệu mẫu tạm thời"),
    )
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument(
        "--fullscreen",
        dest="fullscreen",
        action="store_true",
        default=True,
        help=translate("CliQueue", "toàn màn hình (mặc định)"),
    )
    screen.add_argument(
        "--windowed",
        dest="fullscreen",
        action="store_false",
        help=translate("CliQueue", "mở trong cửa sổ thường"),
    )


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``kiosk`` and ``display`` to the ``desk`` command's sub-commands."""
    kiosk = sub.add_parser(
        "kiosk", help=translate("CliQueue", "máy lấy số thứ tự (màn hình cảm ứng, in phiếu)")
    )
    add_screen_options(kiosk)
    kiosk.add_argument("--printer", metavar="URI", help=translated(PRINTER_HELP))
    kiosk.add_argument(
        "--paper",
        choices=["80", "80-180dpi", "58"],
        help=translate("CliQueue", "khổ giấy phiếu (mặc định theo cài đặt)"),
    )
    display = sub.add_parser("display", help=translate("CliQueue", "màn hình gọi số ở phòng chờ"))
    add_screen_options(display)
    display.add_argument(
        "--no-sound",
        action="store_true",
        help=translate("CliQueue", "không đọc số gọi trên loa"),
    )


def run_kiosk(args: argparse.Namespace) -> int:
    def make(db):  # noqa: ANN001, ANN202
        from desk.ui.public.kiosk_window import KioskWindow

        return KioskWindow(db, printer_uri=args.printer, paper=args.paper)

    return run_screen(args, make, "kiosk")


def run_display(args: argparse.Namespace) -> int:
    def make(db):  # noqa: ANN001, ANN202
        from desk.ui.public.display_window import DisplayWindow

        return DisplayWindow(db, sound=not args.no_sound)

    return run_screen(args, make, "display")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "kiosk": run_kiosk,
    "display": run_display,
}


def _url(args: argparse.Namespace) -> str:
    if args.demo:
        return make_demo_database(Path(tempfile.mkdtemp(prefix="desk-demo-")))
    return url_of(args)


def make_demo_database(folder: Path) -> str:
    """A sample office with its queue: some tickets waiting, a few already called."""
    from desk.domain.clock import SystemClock
    from desk.services import accounts, queue, queue_setup
    from desk.services.demo import create_demo
    from desk.storage.database import open_database

    url = database_url(folder / "demo.sqlite3")
    db = open_database(url)
    try:
        create_demo(db, 200)
        queue_setup.ensure_defaults(db)
        clock = SystemClock()
        groups = queue_setup.list_groups(db, active_only=True)
        clerks = [accounts.get_clerk(db, name) for name in ("canbo1", "canbo2", "canbo3")]
        for i in range(14):
            group = groups[(i * 5) % len(groups)]
            queue.take_ticket(db, group.id, None, _Earlier(clock, 40 - 2 * i))
        for number, clerk in zip((1, 2, 3, 1), clerks + clerks[:1]):
            queue.call_next(db, number, clerk, clock)
    finally:
        db.dispose()
    return url


class _Earlier:
    """A clock ``minutes`` behind another: demo tickets taken over the last hour."""

    def __init__(self, clock, minutes: int) -> None:  # noqa: ANN001
        self._clock = clock
        self._minutes = minutes

    def now(self):  # noqa: ANN201
        return self._clock.now() - timedelta(minutes=self._minutes)


def run_screen(args: argparse.Namespace, make, program: str) -> int:  # noqa: ANN001
    """Open the database and show the window made by ``make(db)`` until it is closed.

    ``program`` (``kiosk``, ``display``, ``rating``) is how this PC is named to a
    restore while the window is open (``desk.storage.presence``).
    """
    from desk.services import office, queue_setup
    from desk.storage.database import open_database
    from desk.ui.app import ExceptionHook, application, setup_logging, show_fatal

    log_file = setup_logging()
    app = application()
    previous_hook = sys.excepthook
    sys.excepthook = ExceptionHook(log_file)
    try:
        try:
            db = open_database(_url(args), create=False, program=program)
            if office.needs_setup(db):
                db.dispose()
                raise UserError(
                    translate(
                        "CliQueue",
                        "Cơ sở dữ liệu này chưa có cơ quan: hãy mở desk ở một quầy để thiết lập "
                        "trước, rồi dùng cùng tệp dữ liệu (--db) cho máy này.",
                    )
                )
        except UserError as exc:
            log.error("cannot open the queue screen: %s", exc.message)
            show_fatal(translate("CliQueue", "Không mở được dữ liệu"), exc.message)
            return EXIT_OPEN_FAILED
        try:
            queue_setup.ensure_defaults(db)
            window = make(db)
            if args.fullscreen:
                window.showFullScreen()
            else:
                window.resize(1280, 720)
                window.show()
            return app.exec()
        finally:
            db.dispose()
    finally:
        sys.excepthook = previous_hook
