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
from desk.cli_backup import COMMANDS as BACKUP_COMMANDS
from desk.cli_backup import add_commands as add_backup_commands
from desk.cli_citizen import COMMANDS as CITIZEN_COMMANDS
from desk.cli_citizen import WINDOW_COMMANDS as CITIZEN_WINDOW_COMMANDS
from desk.cli_citizen import add_commands as add_citizen_commands
from desk.cli_db import add_commands as add_db_commands
from desk.cli_db import add_db_url, url_of
from desk.cli_db import run as run_db
from desk.cli_letters import add_commands as add_letter_commands
from desk.cli_letters import run_apology, run_letter
from desk.cli_personal import COMMANDS as PERSONAL_COMMANDS
from desk.cli_personal import add_commands as add_personal_commands
from desk.cli_queue import COMMANDS as QUEUE_COMMANDS
from desk.cli_queue import add_commands as add_queue_commands
from desk.cli_reports import COMMANDS as REPORT_COMMANDS
from desk.cli_reports import add_commands as add_report_commands
from desk.cli_steps import add_commands as add_step_commands
from desk.cli_steps import run_step
from desk.config import database_url, default_db_path
from desk.domain.clock import VN_TZ
from desk.domain.dossier import DossierStatus
from desk.domain.errors import UserError
from desk.domain.time_limit import TimeLimit
from desk.domain.urgency import Band

EXIT_USER_ERROR = 2


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="tệp dữ liệu SQLite (hoặc URL cơ sở dữ liệu); mặc định: biến DESK_DB "
        f"hoặc {default_db_path()}",
    )
    add_db_url(parser)


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
        "--pending", action="store_true", help="chỉ hồ sơ chưa xong, gấp nhất trước"
    )
    dossiers.add_argument(
        "--band",
        choices=[b.value for b in Band],
        help="chỉ hồ sơ đang giải quyết trong nhóm hạn này",
    )
    dossiers.add_argument(
        "--status", choices=[s.value for s in DossierStatus], help="chỉ hồ sơ ở trạng thái này"
    )
    dossiers.add_argument(
        "--search",
        default="",
        metavar="CHỮ",
        help="tìm theo tên, mã hồ sơ, số giấy tờ, điện thoại (không dấu cũng được)",
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
    add_step_commands(sub, _add_db)
    add_queue_commands(sub)
    add_letter_commands(sub, _add_db)
    add_db_commands(sub, _add_db)
    add_citizen_commands(sub, _add_db)
    add_backup_commands(sub, _add_db)
    add_report_commands(sub, _add_db)
    add_personal_commands(sub, _add_db)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        handler = {
            "demo": _demo,
            "due": _due,
            "dossiers": _dossiers,
            "receipt": _receipt,
            "step": lambda a: run_step(a, _open(a)),
            "apology": lambda a: run_apology(a, _open(a)),
            "letter": lambda a: run_letter(a, _open(a)),
            "db": run_db,
        }
        handler |= QUEUE_COMMANDS | CITIZEN_WINDOW_COMMANDS | BACKUP_COMMANDS | REPORT_COMMANDS
        with_db = CITIZEN_COMMANDS | PERSONAL_COMMANDS
        handler |= {n: (lambda a, f=f: f(a, _open(a))) for n, f in with_db.items()}
        return handler[args.command](args)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
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
    from desk.storage.engine import server_name

    if not args.db and not args.db_url:
        raise UserError("Hãy chỉ rõ tệp dữ liệu mẫu bằng --db PATH (hoặc --db-url URL).")
    db = _open(args, create=True)
    summary = create_demo(db, args.dossiers)
    db.dispose()
    print(f"Đã tạo {summary.dossiers} hồ sơ mẫu trong {args.db or server_name(args.db_url)}.")
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
    db = _open(args) if args.db or args.db_url else None
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
    from desk.domain.clock import SystemClock
    from desk.domain.dossier import STATUS_LABELS
    from desk.services import worklist
    from desk.services.dossiers import list_dossiers

    db = _open(args)
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
            for d in list_dossiers(db, limit=args.limit)
        ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        print(
            "\t".join(
                [
                    r["code"],
                    r["applicant"],
                    r["procedure"][:60],
                    r["received"][:16].replace("T", " "),
                    r["due"][:16].replace("T", " "),
                    STATUS_LABELS[DossierStatus(r["status"])],
                ]
            )
        )
    return 0


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
    from desk.services.receipts import print_receipt

    db = _open(args)
    print_receipt(db, args.code, args.printer, args.paper)
    print(f"Đã gửi phiếu hẹn {args.code} tới {args.printer}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
