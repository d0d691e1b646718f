"""``desk due``: the appointment date of a dossier received at a given moment.

The time limit is given directly (``--days``, ``--calendar-days``, ``--hours``,
``--same-day``) or is a procedure's (``--procedure CODE``, by channel). The
calendar is the database's when ``--db``/``--db-url`` is given (its special
days), else the shipped one. The moment of receipt lies in a year the calendar
knows (``desk.domain.calendar.FIRST_YEAR`` to ``LAST_YEAR``) and a limit is at
most ``MAX_AMOUNT``, as in the procedure editor.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, time

from desk.cli.db import url_of
from desk.domain.errors import UserError
from desk.domain.time_limit import TimeLimit
from desk.domain.translation import translate

# The largest limit typed here, in its own unit: what the procedure editor allows
# (``desk.ui.admin.procedure_editor.MAX_AMOUNT``), some four years of working days.
MAX_AMOUNT = 999


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    """Add ``due`` to the ``desk`` command's sub-commands."""
    due = sub.add_parser("due", help=translate("CliDue", "tính ngày hẹn trả kết quả"))
    kind = due.add_mutually_exclusive_group(required=True)
    kind.add_argument("--days", type=int, metavar="N", help=translate("CliDue", "N ngày làm việc"))
    kind.add_argument(
        "--calendar-days", type=int, metavar="N", help=translate("CliDue", "N ngày (theo lịch)")
    )
    kind.add_argument("--hours", type=int, metavar="N", help=translate("CliDue", "N giờ làm việc"))
    kind.add_argument("--same-day", action="store_true", help=translate("CliDue", "trả trong ngày"))
    kind.add_argument(
        "--procedure",
        metavar="CODE",
        help=translate("CliDue", "theo thời hạn của thủ tục có mã CODE"),
    )
    due.add_argument(
        "--cutoff",
        metavar="HH:MM",
        help=translate(
            "CliDue", "với --same-day: nhận sau giờ này thì trả ngày làm việc tiếp theo"
        ),
    )
    due.add_argument(
        "--channel",
        choices=["counter", "post", "online"],
        default="counter",
        help=translate("CliDue", "với --procedure: hình thức nộp (mặc định counter)"),
    )
    due.add_argument(
        "--received",
        required=True,
        metavar='"YYYY-MM-DD HH:MM"',
        help=translate("CliDue", "thời điểm tiếp nhận"),
    )
    due.add_argument(
        "--json", action="store_true", help=translate("CliDue", "in kết quả dạng JSON")
    )
    add_db(due)


def _parse_received(text: str) -> datetime:
    from desk.cli.days import parse_moment

    return parse_moment(
        text,
        translate(
            "CliDue",
            "Thời điểm tiếp nhận '{text}' không đúng dạng: hãy viết \"YYYY-MM-DD HH:MM\", "
            'ví dụ "2026-03-10 09:15".',
        ),
    )


def run_due(args: argparse.Namespace) -> int:
    """Print the appointment for a receipt at ``--received`` under the chosen time limit."""
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
    certainty = cal.certainty(cal.effective_receipt(received).date(), due.date())
    if args.json:
        print(
            json.dumps(
                {
                    "received": received.isoformat(),
                    "limit": limit.describe(),
                    "appointment": due.isoformat(),
                    "calendar_confirmed": certainty.confirmed,
                    "calendar_confirmed_until": (
                        cal.confirmed_until.isoformat() if cal.confirmed_until else None
                    ),
                    "proposed_days": [d.day.isoformat() for d in certainty.proposed],
                },
                ensure_ascii=False,
            )
        )
    else:
        print(translate("CliDue", "Thời hạn: {limit}").format(limit=limit.label()))
        if not certainty.confirmed:
            print(certainty.warning())
        print(due.strftime("%Y-%m-%d %H:%M"))
    return 0


def _limit(make, n: int) -> TimeLimit:
    if not 0 < n <= MAX_AMOUNT:
        raise UserError(
            translate("CliDue", "Thời hạn phải là số nguyên dương, tối đa {max}.").format(
                max=MAX_AMOUNT
            )
        )
    return make(n)


def _parse_cutoff(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise UserError(
            translate(
                "CliDue", "Giờ chốt '{text}' không hợp lệ: hãy viết HH:MM, ví dụ 15:00."
            ).format(text=text)
        ) from exc


def _calendar(db):
    if db is not None:
        from desk.services.calendar import working_calendar

        return working_calendar(db)
    from desk.config import resource
    from desk.domain.calendar import WorkingCalendar, load_special_days, years_confirmed_by

    shipped = tuple(load_special_days(resource("calendar", "vn-days.csv")))
    return WorkingCalendar(special_days=shipped, confirmed_years=years_confirmed_by(shipped))


def _find_procedure(db, code: str):
    if db is not None:
        from desk.services.catalog import get_procedure

        return get_procedure(db, code)
    from desk.services.catalog_files import read_catalog, shipped_catalog_path

    for p in read_catalog(shipped_catalog_path()).procedures:
        if p.code == code:
            return p
    raise UserError(
        translate("CliDue", "Không có thủ tục mã '{code}' trong danh mục.").format(code=code)
    )


def _open(args: argparse.Namespace):  # noqa: ANN202
    from desk.storage.database import open_database

    return open_database(url_of(args), create=False)
