"""``desk calendar``: the working calendar from a terminal.

``desk calendar list --year 2027 [--json]`` shows every day off or make-up day of
a year, with its status and source (a year not yet confirmed shows the public
holidays estimated from the Labour Code). ``desk calendar import FILE.csv``
enters an official schedule (``date,kind,note,source,status``) and marks the
years it covers as confirmed; ``desk calendar confirm|reject DATE`` decides a
proposed day. ``list`` is open (the public holidays); changes need an admin
account, as in the window: ``--user NAME`` or ``DESK_USER``, the password from
``DESK_PASSWORD`` or asked (``desk.cli.login``). A year is one the calendar knows
(``desk.domain.calendar.FIRST_YEAR`` to ``LAST_YEAR``): 26 is a typo, not a year.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from desk.cli.login import add_user_option, log_in_from
from desk.domain.calendar import check_year
from desk.domain.roles import Permission
from desk.domain.translation import translate


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    cal = sub.add_parser(
        "calendar",
        help=translate("CliCalendar", "xem, nhập lịch nghỉ chính thức, quyết định ngày đề xuất"),
    )
    actions = cal.add_subparsers(dest="calendar_action", metavar=translate("CliCalendar", "VIỆC"))
    actions.required = True
    listing = actions.add_parser(
        "list", help=translate("CliCalendar", "các ngày nghỉ, ngày làm bù của một năm")
    )
    listing.add_argument("--year", type=int, required=True, metavar="YYYY")
    listing.add_argument(
        "--json", action="store_true", help=translate("CliCalendar", "in dạng JSON")
    )
    add_db(listing)
    imports = actions.add_parser(
        "import",
        help=translate(
            "CliCalendar", "nhập lịch nghỉ chính thức từ tệp CSV (date,kind,note,source,status)"
        ),
    )
    imports.add_argument("file", type=Path, metavar="FILE.csv")
    imports.add_argument(
        "--years",
        type=int,
        nargs="+",
        metavar="YYYY",
        help=translate(
            "CliCalendar", "các năm được xác nhận (mặc định: các năm có ngày đã xác nhận trong tệp)"
        ),
    )
    for name, text in (
        ("confirm", translate("CliCalendar", "xác nhận áp dụng một ngày đề xuất")),
        ("reject", translate("CliCalendar", "không áp dụng một ngày đề xuất")),
    ):
        decide = actions.add_parser(name, help=text)
        decide.add_argument("day", metavar="YYYY-MM-DD")
        add_user_option(decide, Permission.MANAGE)
        add_db(decide)
    add_user_option(imports, Permission.MANAGE)
    add_db(imports)


def _day(text: str) -> date:
    from desk.cli.days import parse_day

    return parse_day(
        text, translate("CliCalendar", "Ngày “{text}” không hợp lệ: hãy viết YYYY-MM-DD.")
    )


def run_calendar(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import calendar

    action = args.calendar_action
    if action == "list":
        return _list(db, check_year(args.year), args.json)
    if action == "import":  # what was typed is checked before the password is asked
        for year in args.years or ():
            check_year(year)
    else:
        day = _day(args.day)
    clerk = log_in_from(args, db, Permission.MANAGE)
    if action == "import":
        done = calendar.import_schedule(db, clerk, args.file, tuple(args.years or ()))
        print(done.summary())
        return 0
    decided = calendar.decide_proposed_day(db, clerk, day, action == "confirm")
    print(
        translate("CliCalendar", "Ngày {date}: {status}.").format(
            date=f"{decided.day:%d/%m/%Y}", status=decided.status.value
        )
    )
    return 0


def _list(db, year: int, as_json: bool) -> int:  # noqa: ANN001
    from desk.services import calendar

    days = calendar.days_of_year(db, year)
    confirmed = year in calendar.confirmed_years(db)
    if as_json:
        print(
            json.dumps(
                {
                    "year": year,
                    "confirmed": confirmed,
                    "days": [
                        {
                            "date": d.isoformat(),
                            "kind": kind,
                            "status": status,
                            "note": note,
                            "source": source,
                        }
                        for d, kind, status, note, source in days
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if confirmed:
        print(translate("CliCalendar", "Năm {year}: đã có lịch nghỉ chính thức.").format(year=year))
    else:
        print(
            translate(
                "CliCalendar",
                "Năm {year}: chưa có lịch nghỉ chính thức; ngày lễ dưới đây là ước tính.",
            ).format(year=year)
        )
    for d, kind, status, note, source in days:
        print("\t".join((d.isoformat(), kind, status, note, source)))
    return 0
