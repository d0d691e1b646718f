"""``desk report`` and ``desk book``: the office's figures and its tracking book from a terminal.

``desk report --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv|xlsx|pdf]
[--by field|procedure|department|clerk] [--out FILE]`` counts the period as the
dashboard does: JSON (the default) and CSV go to the screen unless ``--out`` is
given; XLSX and PDF are the statistics form 06/VPCP/KSTT and need ``--out``.
The JSON holds the totals (``received``, ``decided``, ``early``, ``on_time``,
``late``, ``on_time_rate``, ``pending_in_time``, ``pending_overdue``,
``late_without_apology``...), ``by_field`` (or ``by_<dimension>``) with the
same keys per row, and ``ratings``: the citizens' ratings of the period per clerk
(``total``, one count per level, ``satisfied_share``, ``reasons``).
``desk book --from --to --out FILE.pdf|FILE.xlsx`` writes the tracking book
(Sổ theo dõi hồ sơ) of the dossiers received in the period.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError
from desk.domain.statistics import Dimension, Period

FORMATS = ("json", "csv", "xlsx", "pdf")


def _default_add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="tệp dữ liệu SQLite (hoặc URL)")


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first", required=True, metavar="YYYY-MM-DD", help="ngày đầu kỳ"
    )
    parser.add_argument(
        "--to",
        dest="last",
        required=True,
        metavar="YYYY-MM-DD",
        help="ngày cuối kỳ (tính cả ngày này)",
    )


def add_commands(
    sub: argparse._SubParsersAction,
    add_db: Callable[[argparse.ArgumentParser], None] = _default_add_db,
) -> None:
    """Add ``report`` and ``book`` to the ``desk`` command's sub-commands."""
    report = sub.add_parser(
        "report",
        help="thống kê tình hình, kết quả giải quyết hồ sơ của một kỳ (mẫu 06/VPCP/KSTT)",
        description="Đếm hồ sơ tiếp nhận, đã giải quyết (trước hạn, đúng hạn, quá hạn), đang giải "
        "quyết (trong hạn, quá hạn) của một kỳ. json, csv: in ra màn hình (hoặc --out); xlsx, pdf: "
        "biểu số 06/VPCP/KSTT, cần --out.",
    )
    _period_arguments(report)
    report.add_argument("--format", choices=FORMATS, default="json", help="mặc định json")
    report.add_argument(
        "--by",
        choices=[d.value for d in Dimension],
        default=Dimension.FIELD.value,
        help="json, csv: chia theo lĩnh vực (mặc định), thủ tục, phòng ban hoặc cán bộ",
    )
    report.add_argument("--out", metavar="FILE", help="tệp cần ghi")
    add_db(report)

    book = sub.add_parser(
        "book",
        help="ghi sổ theo dõi hồ sơ của một kỳ ra tệp PDF hoặc Excel",
        description="Sổ theo dõi hồ sơ (mẫu số 06, Thông tư 01/2018/TT-VPCP): mỗi hồ sơ tiếp nhận "
        "trong kỳ một dòng. Định dạng theo đuôi tệp: .pdf hoặc .xlsx.",
    )
    _period_arguments(book)
    book.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx", help="tệp cần ghi")
    add_db(book)


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(
            f"{what} '{text}' không đúng dạng: hãy viết YYYY-MM-DD, ví dụ 2026-03-01."
        ) from exc


def period_of(args: argparse.Namespace) -> Period:
    return Period.custom(parse_day(args.first, "Ngày đầu kỳ"), parse_day(args.last, "Ngày cuối kỳ"))


def _open(args: argparse.Namespace):  # noqa: ANN202
    from desk.cli_db import url_of
    from desk.storage.database import open_database

    return open_database(url_of(args), create=False)


def _suffix(path: str, allowed: tuple[str, ...]) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in allowed:
        raise UserError(f"Tệp '{path}' phải có đuôi {' hoặc '.join('.' + a for a in allowed)}.")
    return suffix


def run_report(args: argparse.Namespace, db=None, clock: Clock | None = None) -> int:  # noqa: ANN001
    """Count the period and write it in the chosen format."""
    from desk.services import report_xlsx, reports

    period = period_of(args)
    if args.format in ("xlsx", "pdf") and not args.out:
        raise UserError(
            f"Định dạng {args.format} ghi ra tệp: hãy thêm --out TÊN_TỆP.{args.format}."
        )
    now = (clock or SystemClock()).now()
    own = db is None
    db = db or _open(args)
    try:
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
    print(f"Đã ghi {path} ({period.title}).")
    return 0


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
    kind = _suffix(args.out, ("pdf", "xlsx"))
    own = db is None
    db = db or _open(args)
    try:
        book = report_book.tracking_book_data(db, period)
        if kind == "pdf":
            path = tracking_book.write(book, args.out)
        else:
            path = report_xlsx.write_tracking_book_xlsx(book, args.out)
    finally:
        if own:
            db.dispose()
    print(f"Đã ghi sổ theo dõi hồ sơ ({period.title}): {book.count} hồ sơ, tệp {path}.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": run_report,
    "book": run_book,
}
