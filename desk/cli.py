"""The ``desk`` command: opens the window, or does admin work from a terminal.

Only this module (and the UI start-up) wires concrete things together: the
database URL, the printer, the clock.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import datetime, time
from pathlib import Path

from desk import __version__
from desk.config import database_url, default_db_path
from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.time_limit import TimeLimit

EXIT_USER_ERROR = 2


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB "
        f"hoặc {default_db_path()}",
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desk",
        description="Bàn tiếp nhận hồ sơ của Bộ phận Một cửa. Không có lệnh con: mở cửa sổ.",
    )
    p.add_argument("--version", action="version", version=f"desk {__version__}")
    p.add_argument(
        "--demo",
        action="store_true",
        help="mở trên một cơ sở dữ liệu mẫu tạm thời, đăng nhập sẵn bằng tài khoản mẫu",
    )
    _add_db(p)
    sub = p.add_subparsers(dest="command", metavar="LỆNH")

    demo = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu (cơ quan, cán bộ, hồ sơ)")
    _add_db(demo)
    demo.add_argument(
        "--dossiers", type=int, default=3000, metavar="N", help="số hồ sơ mẫu (mặc định 3000)"
    )

    due = sub.add_parser("due", help="tính ngày hẹn trả kết quả")
    kind = due.add_mutually_exclusive_group(required=True)
    kind.add_argument("--days", type=int, metavar="N", help="N ngày làm việc")
    kind.add_argument("--calendar-days", type=int, metavar="N", help="N ngày (theo lịch)")
    kind.add_argument("--hours", type=int, metavar="N", help="N giờ làm việc")
    kind.add_argument("--same-day", action="store_true", help="trả trong ngày")
    kind.add_argument("--procedure", metavar="CODE", help="theo thời hạn của thủ tục có mã CODE")
    due.add_argument(
        "--cutoff",
        metavar="HH:MM",
        help="với --same-day: nhận sau giờ này thì trả ngày làm việc tiếp theo",
    )
    due.add_argument(
        "--channel",
        choices=["counter", "post", "online"],
        default="counter",
        help="với --procedure: hình thức nộp (mặc định counter)",
    )
    due.add_argument(
        "--received", required=True, metavar='"YYYY-MM-DD HH:MM"', help="thời điểm tiếp nhận"
    )
    due.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    _add_db(due)

    dossiers = sub.add_parser("dossiers", help="liệt kê hồ sơ")
    dossiers.add_argument(
        "--pending", action="store_true", help="chỉ hồ sơ đang giải quyết, gấp nhất trước"
    )
    dossiers.add_argument("--limit", type=int, default=None, metavar="N")
    dossiers.add_argument("--json", action="store_true", help="in dạng JSON")
    _add_db(dossiers)

    receipt = sub.add_parser("receipt", help="in hoặc in lại phiếu hẹn của một hồ sơ")
    receipt.add_argument("code", metavar="CODE", help="mã hồ sơ, ví dụ H36.41-260310-0001")
    receipt.add_argument(
        "--printer",
        required=True,
        metavar="URI",
        help="none, file:PATH, tcp://HOST:9100, usb://VID:PID, "
        "serial:COM3?baudrate=9600, win32:TÊN MÁY IN",
    )
    receipt.add_argument(
        "--paper", choices=["80", "80-180dpi", "58"], default="80", help="khổ giấy (mặc định 80 mm)"
    )
    _add_db(receipt)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        handler = {"demo": _demo, "due": _due, "dossiers": _dossiers, "receipt": _receipt}
        return handler[args.command](args)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR


def _url(args: argparse.Namespace) -> str:
    return database_url(args.db or default_db_path())


def _open(args: argparse.Namespace, *, create: bool = False):
    from desk.storage.database import open_database

    return open_database(_url(args), create=create)


def _open_window(args: argparse.Namespace) -> int:
    from desk.ui.app import run

    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="desk-demo-"))
        url = database_url(folder / "demo.sqlite3")
        from desk.services.demo import create_demo
        from desk.storage.database import open_database

        db = open_database(url)
        create_demo(db, 3000)
        db.dispose()
        return run(url, demo_clerk="canbo1")
    return run(_url(args))


def _demo(args: argparse.Namespace) -> int:
    from desk.services.demo import DEMO_PASSWORD, create_demo

    if not args.db:
        raise UserError("Hãy chỉ rõ tệp dữ liệu mẫu bằng --db PATH.")
    db = _open(args, create=True)
    summary = create_demo(db, args.dossiers)
    db.dispose()
    print(f"Đã tạo {summary.dossiers} hồ sơ mẫu trong {args.db}.")
    print(f"Tài khoản: {', '.join(summary.accounts)} (mật khẩu: {DEMO_PASSWORD})")
    return 0


def _parse_received(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)
    except ValueError as exc:
        raise UserError(
            f"Thời điểm tiếp nhận '{text}' không đúng dạng: hãy viết \"YYYY-MM-DD HH:MM\", "
            'ví dụ "2026-03-10 09:15".'
        ) from exc


def _due(args: argparse.Namespace) -> int:
    from desk.domain.procedure import Channel

    received = _parse_received(args.received)
    db = _open(args) if args.db else None
    if args.procedure:
        procedure = _find_procedure(db, args.procedure)
        limit = procedure.limit_for(Channel(args.channel))
    elif args.days is not None:
        limit = _limit(TimeLimit.working_days, args.days)
    elif args.calendar_days is not None:
        limit = _limit(TimeLimit.calendar_days, args.calendar_days)
    elif args.hours is not None:
        limit = _limit(TimeLimit.working_hours, args.hours)
    else:
        limit = TimeLimit.same_day(_parse_cutoff(args.cutoff) if args.cutoff else None)
    cal = _calendar(db)
    due = cal.appointment_for(received, limit)
    if args.json:
        print(
            json.dumps(
                {
                    "received": received.isoformat(),
                    "limit": limit.describe(),
                    "appointment": due.isoformat(),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"Thời hạn: {limit.describe()}")
        print(due.strftime("%Y-%m-%d %H:%M"))
    return 0


def _limit(make, n: int) -> TimeLimit:
    if n <= 0:
        raise UserError("Thời hạn phải là số nguyên dương.")
    return make(n)


def _parse_cutoff(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"Giờ chốt '{text}' không hợp lệ: hãy viết HH:MM, ví dụ 15:00.") from exc


def _calendar(db):
    if db is not None:
        from desk.services.calendar import working_calendar

        return working_calendar(db)
    from desk.config import resource
    from desk.domain.calendar import WorkingCalendar, load_special_days

    return WorkingCalendar(
        special_days=tuple(load_special_days(resource("calendar", "vn-days.csv")))
    )


def _find_procedure(db, code: str):
    if db is not None:
        from desk.services.catalog import get_procedure

        return get_procedure(db, code)
    from desk.services.catalog_files import read_catalog, shipped_catalog_path

    for p in read_catalog(shipped_catalog_path()).procedures:
        if p.code == code:
            return p
    raise UserError(f"Không có thủ tục mã '{code}' trong danh mục.")


def _dossiers(args: argparse.Namespace) -> int:
    from desk.services.dossiers import list_dossiers

    db = _open(args)
    items = list_dossiers(db, pending=args.pending, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "code": d.code,
                        "applicant": d.applicant.name,
                        "procedure": d.procedure_name,
                        "procedure_code": d.procedure_code,
                        "received": d.received_at.isoformat(),
                        "appointment": d.appointment_at.isoformat(),
                        "status": d.status.value,
                    }
                    for d in items
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    from desk.domain.dossier import STATUS_LABELS

    for d in items:
        print(
            "\t".join(
                [
                    d.code,
                    d.applicant.name,
                    d.procedure_name[:60],
                    f"{d.received_at:%Y-%m-%d %H:%M}",
                    f"{d.appointment_at:%Y-%m-%d %H:%M}",
                    STATUS_LABELS[d.status],
                ]
            )
        )
    return 0


def _receipt(args: argparse.Namespace) -> int:
    from desk.services.receipts import print_receipt

    db = _open(args)
    print_receipt(db, args.code, args.printer, args.paper)
    print(f"Đã gửi phiếu hẹn {args.code} tới {args.printer}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
