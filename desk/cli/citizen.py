"""The citizen's side from the command line: the published catalog, a dossier's status,
the satisfaction ratings and the rating window.

``desk catalog --format pdf|xlsx --out FILE`` writes the booklet of every
published procedure (A4, by field, with a table of contents and the date) or the
same list as an Excel workbook. ``desk status CODE`` prints what the kiosk shows
for a dossier (the staff running it need no ID digits; ``--id4 NNNN`` checks
them as the kiosk does for a typed code). ``desk ratings --from --to --by``
prints the ratings per clerk, counter or procedure. ``desk rating-window
--counter N`` opens the window facing the citizen at counter N.

The catalog, the status and the rating window are public and need no login;
the ratings per clerk name each clerk, so ``--by clerk`` needs a supervisor's or
an admin's account (``desk.cli.login``), as the window's reports do.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from desk.cli.login import add_user_option, allowed_roles, log_in_from, login_note, roles_text
from desk.domain.clock import Clock, SystemClock
from desk.domain.rating import LEVEL_LABELS, RatingLevel
from desk.domain.roles import Permission
from desk.domain.translation import translate, translated
from desk.domain.vn_dates import clock_label, weekday_and_date_label


def _default_add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help=translate("CliCitizen", "tệp dữ liệu SQLite (hoặc URL)")
    )


def add_commands(
    sub: argparse._SubParsersAction,
    add_db: Callable[[argparse.ArgumentParser], None] = _default_add_db,
) -> None:
    """Add ``catalog``, ``status``, ``ratings`` and ``rating-window`` to ``desk``."""
    catalog = sub.add_parser(
        "catalog",
        help=translate(
            "CliCitizen", "ghi danh mục thủ tục để niêm yết: tập PDF khổ A4 hoặc tệp Excel"
        ),
        description=translate(
            "CliCitizen",
            "Ghi các thủ tục đang áp dụng, theo lĩnh vực: pdf là tập niêm yết khổ A4 có "
            "mục lục và ngày cập nhật; xlsx là cùng danh sách dạng Excel.",
        ),
    )
    catalog.add_argument(
        "--format",
        choices=["pdf", "xlsx"],
        help=translate("CliCitizen", "định dạng (mặc định: theo đuôi tệp)"),
    )
    catalog.add_argument(
        "--out", required=True, metavar="FILE", help=translate("CliCitizen", "tệp cần ghi")
    )
    add_db(catalog)

    status = sub.add_parser(
        "status",
        help=translate("CliCitizen", "tình trạng một hồ sơ, như kiosk hiện cho người dân"),
        description=translate(
            "CliCitizen",
            "In mã hồ sơ, thủ tục, tình trạng, ngày hẹn trả và kết quả đã có hay chưa; "
            "không in thông tin cá nhân.",
        ),
    )
    status.add_argument(
        "code", metavar="CODE", help=translate("CliCitizen", "mã hồ sơ, ví dụ H36.41-260310-0001")
    )
    status.add_argument(
        "--id4",
        metavar="NNNN",
        help=translate("CliCitizen", "4 số cuối CCCD để đối chiếu như kiosk"),
    )
    status.add_argument("--json", action="store_true", help=translate("CliCitizen", "in dạng JSON"))
    add_db(status)

    report = sub.add_parser(
        "ratings", help=translate("CliCitizen", "tổng hợp đánh giá mức độ hài lòng")
    )
    report.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    report.add_argument(
        "--by",
        choices=["clerk", "counter", "procedure"],
        default="clerk",
        help=translate("CliCitizen", "nhóm theo"),
    )
    report.add_argument("--json", action="store_true", help=translate("CliCitizen", "in dạng JSON"))
    add_user_option(report, Permission.REPORTS)
    report.epilog = translate(
        "CliCitizen", "Theo quầy, theo thủ tục: không cần đăng nhập. Theo cán bộ: {note}"
    ).format(note=login_note(roles_text(allowed_roles(Permission.REPORTS))))
    add_db(report)

    from desk.cli.queue import add_screen_options

    window = sub.add_parser(
        "rating-window",
        help=translate("CliCitizen", "màn hình đánh giá mức độ hài lòng đặt trước mặt người dân"),
    )
    add_screen_options(window)
    window.add_argument(
        "--counter",
        type=int,
        metavar="N",
        help=translate("CliCitizen", "số quầy (mặc định: mọi quầy, một màn hình chung)"),
    )


def _iso_day(text: str, message: str) -> date:
    """The day ``text`` names (``parse_day``); ``message`` (with ``{text}``) says what is
    wrong with a text not written YYYY-MM-DD."""
    from desk.cli.days import parse_day

    return parse_day(text, message)


def run_catalog(args: argparse.Namespace, db, clock: Clock | None = None) -> int:  # noqa: ANN001
    from desk.services import public_catalog

    out = Path(args.out)
    count = public_catalog.export(db, out, args.format or "", clock or SystemClock())
    print(
        translate("CliCitizen", "Đã ghi {count} thủ tục vào {path}.").format(count=count, path=out)
    )
    return 0


def run_status(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import public_status

    if args.id4:
        status = public_status.status_by_typed_code(db, args.code, args.id4)
    else:
        status = public_status.status_by_receipt(db, args.code)
    when = status.appointment
    if args.json:
        row = {
            "code": status.code,
            "procedure": status.procedure_name,
            "status": status.status_label,
            "appointment": when.isoformat() if when else None,
            "result_ready": status.result_ready,
        }
        print(json.dumps(row, ensure_ascii=False, indent=1))
        return 0
    print(translate("CliCitizen", "Mã hồ sơ: {code}").format(code=status.code))
    print(translate("CliCitizen", "Thủ tục: {name}").format(name=status.procedure_name))
    print(
        translate("CliCitizen", "Tình trạng: {status}").format(
            status=translated(status.status_label)
        )
    )
    if when is not None:
        print(_appointment_text(when))
    if status.result_ready:
        print(translate("CliCitizen", "Kết quả: Đã có, mời nhận tại Bộ phận Một cửa"))
    else:
        print(translate("CliCitizen", "Kết quả: Chưa có"))
    return 0


def _appointment_text(when: datetime) -> str:
    """ "Ngày hẹn trả kết quả: 09 giờ 15 phút, Thứ Sáu, ngày 13/03/2026", in the screen's language."""
    return translate("CliCitizen", "Ngày hẹn trả kết quả: {time}, {day}").format(
        time=clock_label(when), day=weekday_and_date_label(when)
    )


def run_ratings(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import ratings

    first = _iso_day(
        args.first,
        translate("CliCitizen", "Ngày đầu '{text}' không đúng dạng YYYY-MM-DD, ví dụ 2026-03-10."),
    )
    last = _iso_day(
        args.last,
        translate("CliCitizen", "Ngày cuối '{text}' không đúng dạng YYYY-MM-DD, ví dụ 2026-03-10."),
    )
    if args.by == "clerk":  # each clerk named, with the citizens' verdict on them
        log_in_from(args, db, Permission.REPORTS)
    tallies = ratings.summary(db, first, last, args.by)
    if args.json:
        rows = [
            {
                "key": t.key,
                "label": t.label,
                "total": t.total,
                "levels": {level.value: t.counts[level] for level in RatingLevel},
                "satisfied_share": t.satisfied_share,
            }
            for t in tallies
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    header = [
        translated(ratings.GROUP_LABELS[args.by]),
        *(translated(LEVEL_LABELS[lv]) for lv in RatingLevel),
        translate("CliCitizen", "Tổng"),
        translate("CliCitizen", "Tỷ lệ hài lòng"),
    ]
    print("\t".join(header))
    for t in tallies:
        counts = [str(t.counts[level]) for level in RatingLevel]
        print("\t".join([t.label, *counts, str(t.total), t.share_text()]))
    if not tallies:
        print(
            translate("CliCitizen", "Chưa có đánh giá nào từ {first} đến {last}.").format(
                first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"
            )
        )
    return 0


def run_rating_window(args: argparse.Namespace) -> int:
    from desk.cli.queue import run_screen

    def make(db):  # noqa: ANN001, ANN202
        from desk.ui.public.rating_window import RatingWindow

        return RatingWindow(db, counter_number=args.counter)

    return run_screen(args, make, "rating")


#: Sub-commands that take the parsed options and the opened database: ``(args, db) -> int``.
COMMANDS: dict[str, Callable[..., int]] = {
    "catalog": run_catalog,
    "status": run_status,
    "ratings": run_ratings,
}
#: Sub-commands that open their own database and window, like ``kiosk``: ``(args) -> int``.
WINDOW_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "rating-window": run_rating_window,
}
