"""``desk dossiers`` and ``desk receipt``: the dossiers as the window lists them, and a
receipt printed again.

Both show an applicant's data, so both run as an account (``desk.cli.login``): a
clerk gets the dossiers in their charge, a supervisor everyone's, as in the
window. ``--pending``, ``--band``, ``--status`` and ``--search`` ask the
worklist's own query, most urgent first; without them, the latest dossiers.
Names are printed as stored, their control characters shown as escapes so a
terminal shows rather than obeys them; ``--json`` keeps the text exact.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from desk.cli.login import add_user_option, log_in_from, log_in_with, require_role
from desk.domain.translation import translate, translated

if TYPE_CHECKING:
    from desk.domain.office import Clerk
    from desk.services.worklist_shape import WorklistFilter, WorklistItem

AddDb = Callable[[argparse.ArgumentParser], None]


def add_commands(sub: argparse._SubParsersAction, add_db: AddDb) -> None:
    """Add ``dossiers`` and ``receipt`` to the ``desk`` command's sub-commands."""
    _add_dossiers(sub, add_db)
    _add_receipt(sub, add_db)


def _add_dossiers(sub: argparse._SubParsersAction, add_db: AddDb) -> None:
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
    add_db(dossiers)


def _add_receipt(sub: argparse._SubParsersAction, add_db: AddDb) -> None:
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
    add_db(receipt)


def run_dossiers_command(args: argparse.Namespace, open_db: Callable[[], object]) -> int:
    """``desk dossiers``: on the bare driver when it can answer exactly
    (``desk.services.quick_list``), else the ordinary way on ``open_db()``."""
    credentials: list[str] = []
    if _worklist_asked(args) and not args.search:
        from desk.storage.statement_book import BareUnavailable

        try:
            rows = _quick_rows(args, credentials)
        except BareUnavailable:
            pass
        else:
            _show(args, rows)
            return 0
    return run_dossiers(args, open_db(), *credentials)


def _quick_rows(args: argparse.Namespace, credentials: list[str]) -> list[dict]:
    from desk.cli.db import url_of
    from desk.domain.clock import SystemClock
    from desk.services import quick_list
    from desk.storage.statement_book import open_bare

    # A page of rows at most: on a server, libpq itself reads it (``desk.storage.libpq``),
    # without the 75 ms of importing psycopg; a whole list is psycopg's to read quickly.
    light = args.limit is not None and args.limit <= quick_list.PAGE
    with open_bare(url_of(args), light=light) as reader:

        def check(user: str, password: str) -> Clerk:
            credentials[:] = [user, password]  # asked once, even if the ordinary way follows
            return quick_list.sign_in(reader, user, password)

        clerk = log_in_with(args, check)
        flt = worklist_filter(args, _own(clerk))
        return [_row_of(i) for i in quick_list.fetch(reader, flt, SystemClock().now(), args.limit)]


def run_dossiers(args: argparse.Namespace, db, *credentials: str) -> int:  # noqa: ANN001
    """``desk dossiers`` the ordinary way; ``credentials`` (user, password) when the
    quick way already asked for them."""
    from desk.domain.clock import SystemClock

    if credentials:
        clerk = accounts_log_in(db, *credentials)  # not asked twice
        require_role(clerk)
    else:
        clerk = log_in_from(args, db)
    own = _own(clerk)
    if _worklist_asked(args):
        flt = worklist_filter(args, own)
        rows = [_row_of(i) for i in _all_pages(db, flt, SystemClock().now(), args.limit)]
    else:
        rows = _latest_rows(db, args.limit, own)
    _show(args, rows)
    return 0


def accounts_log_in(db, user: str, password: str) -> Clerk:  # noqa: ANN001
    from desk.services import accounts

    return accounts.log_in(db, user, password)


def _own(clerk: Clerk) -> str:
    return "" if clerk.is_supervisor else clerk.username  # as the window's list


def _worklist_asked(args: argparse.Namespace) -> bool:
    return bool(args.pending or args.band or args.status or args.search)


def _show(args: argparse.Namespace, rows: list[dict]) -> None:
    if args.json:
        print(_terminal_json(rows))
    else:
        _print_rows(rows)


def worklist_filter(args: argparse.Namespace, own: str) -> WorklistFilter:
    """The worklist's filter the options ask for, most urgent first."""
    from desk.domain.dossier import DossierStatus
    from desk.domain.urgency import Band
    from desk.services.worklist_shape import View, WorklistFilter, statuses_of

    view = View.URGENT if args.band else View.ALL_OPEN
    if args.status:
        view = next(
            v
            for v in (View.URGENT, View.WAITING, View.READY, View.CLOSED)
            if DossierStatus(args.status) in statuses_of(v)
        )
    return WorklistFilter(
        view=view,
        band=Band(args.band) if args.band else None,
        status=DossierStatus(args.status) if args.status else None,
        assignee=own,
        search=args.search,
    )


def _row_of(i: WorklistItem) -> dict:
    return {
        "code": i.code,
        "applicant": i.applicant_name,
        "procedure": i.procedure_name,
        "received": i.received_at.isoformat(),
        "appointment": i.appointment_at.isoformat(),
        "due": i.due_at.isoformat(),
        "status": i.status.value,
        "band": i.band.value if i.band else None,
    }


def _latest_rows(db, limit: int | None, own: str) -> list[dict]:  # noqa: ANN001
    from desk.services.dossiers import list_dossiers

    return [
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
        for d in list_dossiers(db, limit=limit, assignee=own)
    ]


def _print_rows(rows: list[dict]) -> None:
    """One dossier a line, tab-separated; stored control characters shown, not obeyed."""
    from desk.domain.dossier import STATUS_LABELS, DossierStatus
    from desk.domain.text import printable

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


def _terminal_json(rows: list[dict]) -> str:
    """The rows as JSON that a terminal shows rather than obeys: the control
    characters JSON itself leaves as they are (DEL, C1, separators, lone
    surrogates) are written as \\u escapes, so the data stays exact."""
    from desk.domain.text import UNSAFE

    text = json.dumps(rows, ensure_ascii=False, indent=1)
    return UNSAFE.sub(
        lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text
    )


def _all_pages(db, flt, now, limit: int | None):  # noqa: ANN001, ANN202
    from desk.services import worklist
    from desk.services.worklist_shape import first_items

    return first_items(
        lambda after, size: worklist.fetch_page(db, flt, now, after=after, size=size), limit, 500
    )


def run_receipt(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services.receipts import print_receipt

    clerk = log_in_from(args, db)
    printed = print_receipt(db, args.code, args.printer, args.paper, clerk=clerk)
    if printed.reprinted_at is not None:  # a receipt went out before: this copy is marked
        text = translate("Cli", "Đã gửi phiếu hẹn {code} (bản in lại) tới {printer}.")
    else:
        text = translate("Cli", "Đã gửi phiếu hẹn {code} tới {printer}.")
    print(text.format(code=args.code, printer=args.printer))
    return 0


#: Sub-commands that take the parsed options and the opened database: ``(args, db) -> int``.
COMMANDS: dict[str, Callable[..., int]] = {"receipt": run_receipt}
