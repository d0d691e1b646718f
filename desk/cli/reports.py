"""``desk report`` and ``desk book``: the office's figures and its tracking book from a terminal.

``desk report --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv|xlsx|pdf]
[--by field|procedure|department|clerk] [--out FILE]`` counts the period as the
dashboard does: JSON and CSV go to the screen unless ``--out`` is given; XLSX and
PDF are the statistics form 06/VPCP/KSTT and need ``--out``. Without ``--format``
the format is the suffix of ``--out`` (as for ``desk book``), JSON without
``--out``; a ``--format`` the suffix contradicts is refused. A first
line on the error stream says the scope (the whole office, "toàn cơ quan"), the
period and the moment the pending dossiers are measured at; the JSON says
``"scope": "office"``.
The JSON holds the totals (``received``, ``decided``, ``early``, ``on_time``,
``late``, ``on_time_rate``, ``pending_in_time``, ``pending_overdue``,
``late_without_apology``...), ``by_field`` (or ``by_<dimension>``) with the
same keys per row, and ``ratings``: the citizens' ratings of the period per clerk
(``total``, one count per level, ``satisfied_share``, ``reasons``).
``desk book --from --to --out FILE.pdf|FILE.xlsx`` writes the tracking book
(Sổ theo dõi hồ sơ, form 07 of Circular 03/2025/TT-VPCP, Annex I) of the
dossiers received in the period. The days of a period lie within the years the
calendar knows (``desk.domain.calendar.FIRST_YEAR`` to ``LAST_YEAR``).

Who may (``desk.cli.login``), as the window's Báo cáo menu: the book lists every
applicant, so it needs a supervisor's or an admin's account (``Permission.REPORTS``);
so does a report that names people, the JSON (its ``ratings`` name each clerk)
and ``--by clerk``. Figures with no name in them (CSV by field, procedure or
department; form 06 as XLSX or PDF) stay open to anyone at the PC.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desk.cli.days import parse_day
from desk.cli.login import add_user_option, allowed_roles, log_in_from, login_note, roles_text
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.roles import Permission
from desk.domain.statistics import Dimension, Period
from desk.domain.translation import translate

FORMATS = ("json", "csv", "xlsx", "pdf")


def _default_add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help=translate("CliReports", "tệp dữ liệu SQLite (hoặc URL)")
    )


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="first",
        required=True,
        metavar="YYYY-MM-DD",
        help=translate("CliReports", "ngày đầu kỳ"),
    )
    parser.add_argument(
        "--to",
        dest="last",
        required=True,
        metavar="YYYY-MM-DD",
        help=translate("CliReports", "ngày cuối kỳ (tính cả ngày này)"),
    )


def add_commands(
    sub: argparse._SubParsersAction,
    add_db: Callable[[argparse.ArgumentParser], None] = _default_add_db,
) -> None:
    """Add ``report`` and ``book`` to the ``desk`` command's sub-commands."""
    report = sub.add_parser(
        "report",
        help=translate(
            "CliReports",
            "thống kê tình hình, kết quả giải quyết hồ sơ của một kỳ (mẫu 06/VPCP/KSTT)",
        ),
        description=translate(
            "CliReports",
            "Đếm hồ sơ tiếp nhận, đã giải quyết (trước hạn, đúng hạn, quá hạn), đang giải "
            "quyết (trong hạn, quá hạn) của một kỳ. json, csv: in ra màn hình (hoặc --out); "
            "xlsx, pdf: biểu số 06/VPCP/KSTT, cần --out.",
        ),
    )
    _period_arguments(report)
    report.add_argument(
        "--format",
        choices=FORMATS,
        help=translate("CliReports", "mặc định: theo đuôi tệp --out; không có --out thì json"),
    )
    report.add_argument(
        "--by",
        choices=[d.value for d in Dimension],
        default=Dimension.FIELD.value,
        help=translate(
            "CliReports",
            "json, csv: chia theo lĩnh vực (mặc định), thủ tục, phòng ban hoặc cán bộ",
        ),
    )
    report.add_argument("--out", metavar="FILE", help=translate("CliReports", "tệp cần ghi"))
    add_user_option(report, Permission.REPORTS)
    report.epilog = translate(
        "CliReports",
        "Không cần đăng nhập khi kết quả không nêu tên ai: csv theo lĩnh vực, thủ tục, phòng "
        "ban; xlsx, pdf (biểu 06). json (có đánh giá của từng cán bộ) và --by clerk: {note}",
    ).format(note=login_note(roles_text(allowed_roles(Permission.REPORTS))))
    add_db(report)

    book = sub.add_parser(
        "book",
        help=translate("CliReports", "ghi sổ theo dõi hồ sơ của một kỳ ra tệp PDF hoặc Excel"),
        description=translate(
            "CliReports",
            "Sổ theo dõi hồ sơ (Mẫu số 07, Phụ lục I Thông tư 03/2025/TT-VPCP): mỗi hồ sơ "
            "tiếp nhận trong kỳ một dòng. Định dạng theo đuôi tệp: .pdf hoặc .xlsx.",
        ),
    )
    _period_arguments(book)
    book.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf|FILE.xlsx",
        help=translate("CliReports", "tệp cần ghi"),
    )
    add_user_option(book, Permission.REPORTS)
    add_db(book)


def period_of(args: argparse.Namespace) -> Period:
    first = parse_day(
        args.first,
        translate(
            "CliReports",
            "Ngày đầu kỳ '{text}' không đúng dạng: hãy viết YYYY-MM-DD, ví dụ 2026-03-01.",
        ),
    )
    last = parse_day(
        args.last,
        translate(
            "CliReports",
            "Ngày cuối kỳ '{text}' không đúng dạng: hãy viết YYYY-MM-DD, ví dụ 2026-03-01.",
        ),
    )
    return Period.custom(first, last)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from desk.cli.db import url_of
    from desk.storage.database import open_database

    return open_database(url_of(args), create=False)


def _book_suffix(path: str) -> str:
    """``pdf`` or ``xlsx``: the tracking book's file type, by the file's suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in ("pdf", "xlsx"):
        raise UserError(
            translate("CliReports", "Tệp '{path}' phải có đuôi .pdf hoặc .xlsx.").format(path=path)
        )
    return suffix


def report_format(args: argparse.Namespace) -> str:
    """The report's format: ``--format``, else the suffix of ``--out`` (as ``desk book``
    goes by it), else JSON on the screen. A ``--format`` that the suffix contradicts
    (``--format json --out x.xlsx``) is refused rather than written under a wrong name."""
    if not args.out:
        return args.format or "json"
    suffix = Path(args.out).suffix.lower().lstrip(".")
    if args.format is None:
        if suffix not in FORMATS:
            raise UserError(
                translate(
                    "CliReports",
                    "Tệp '{path}' phải có đuôi .json, .csv, .xlsx hoặc .pdf (hoặc chọn --format).",
                ).format(path=args.out)
            )
        return suffix
    if suffix in FORMATS and suffix != args.format:
        raise UserError(
            translate(
                "CliReports",
                "--format {format} không khớp với tệp '{path}' (đuôi .{suffix}): hãy bỏ "
                "--format hoặc đổi đuôi tệp thành .{format}.",
            ).format(format=args.format, path=args.out, suffix=suffix)
        )
    return args.format


def names_people(args: argparse.Namespace) -> bool:
    """Whether the report names anyone: the JSON (its ratings per clerk), or a
    breakdown by clerk; form 06 (xlsx, pdf) is always by field."""
    return args.format == "json" or (args.format == "csv" and args.by == Dimension.CLERK.value)


def run_report(args: argparse.Namespace, db=None, clock: Clock | None = None) -> int:  # noqa: ANN001
    """Count the period and write it in the chosen format; a report that names people
    needs a supervisor's or an admin's account."""
    from desk.services import report_xlsx, reports

    period = period_of(args)
    args.format = report_format(args)  # what names_people and heading read
    if args.format in ("xlsx", "pdf") and not args.out:
        raise UserError(
            translate(
                "CliReports", "Định dạng {format} ghi ra tệp: hãy thêm --out TÊN_TỆP.{format}."
            ).format(format=args.format)
        )
    now = (clock or SystemClock()).now()
    own = db is None
    db = db or _open(args)
    try:
        if names_people(args):
            log_in_from(args, db, Permission.REPORTS)
        print(heading(args, period, now), file=sys.stderr)
        if args.format == "pdf":
            path = reports.statistics_form_pdf(db, period, now, args.out)
        elif args.format == "xlsx":
            path = report_xlsx.write_statistics_xlsx(
                reports.statistics_form_data(db, period, now), args.out
            )
        else:
            the_report = reports.report(db, period, now, Dimension(args.by))
            if args.format == "json":
                record = {**reports.as_record(the_report), "ratings": rating_records(db, period)}
                text = json.dumps(record, ensure_ascii=False, indent=1)
            else:
                text = reports.as_csv(the_report)
            if not args.out:
                print(text.rstrip("\n"))
                return 0
            path = Path(args.out)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    finally:
        if own:
            db.dispose()
    print(
        translate("CliReports", "Đã ghi {path} ({period}).").format(
            path=path, period=period.title_label
        )
    )
    return 0


def heading(args: argparse.Namespace, period: Period, now: datetime) -> str:
    """The line that says what the figures are of: the whole office (as the dashboard
    counts it; the worklist of a supervisor), the period, and when "pending" is measured.
    Written on the error stream, so that the JSON or CSV on the output stays plain."""
    from desk.domain.scope import Scope
    from desk.domain.vn_dates import time_and_date_label

    text = translate(
        "CliReports", "Phạm vi: {scope}. {period}: hồ sơ đang giải quyết tính đến {at}."
    ).format(
        scope=Scope.office().label,
        period=period.title_label,
        at=time_and_date_label(period.pending_moment(now)),
    )
    if args.format in ("json", "csv") and args.by == Dimension.CLERK.value:
        text += " " + translate("CliReports", "Mỗi dòng: hồ sơ do một cán bộ phụ trách.")
    return text


def rating_records(db, period: Period) -> list[dict]:  # noqa: ANN001
    """The ratings given in ``period`` per clerk, as plain data; the biggest groups first."""
    from desk.services import ratings

    return [
        {
            "clerk": t.label,
            "key": t.key,
            "total": t.total,
            **{level.value: count for level, count in t.counts.items()},
            "satisfied_share": None if t.satisfied_share is None else round(t.satisfied_share, 4),
            "reasons": {reason.value: n for reason, n in t.reasons.items() if n},
        }
        for t in ratings.summary(db, period.first, period.last, "clerk")
    ]


def run_book(args: argparse.Namespace, db=None) -> int:  # noqa: ANN001
    """Write the tracking book of the period as PDF or XLSX (by the file's suffix)."""
    from desk.documents import tracking_book
    from desk.services import report_book, report_xlsx

    period = period_of(args)
    kind = _book_suffix(args.out)
    own = db is None
    db = db or _open(args)
    try:
        log_in_from(args, db, Permission.REPORTS)  # a line per applicant
        book = report_book.tracking_book_data(db, period)
        if kind == "pdf":
            path = tracking_book.write(book, args.out)
        else:
            path = report_xlsx.write_tracking_book_xlsx(book, args.out)
    finally:
        if own:
            db.dispose()
    print(
        translate(
            "CliReports", "Đã ghi sổ theo dõi hồ sơ ({period}): {count} hồ sơ, tệp {path}."
        ).format(period=period.title_label, count=book.count, path=path)
    )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": run_report,
    "book": run_book,
}
