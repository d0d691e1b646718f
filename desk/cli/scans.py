"""Digitised papers from a terminal: ``desk attach``, ``desk attachments``, ``desk reuse``.

- ``desk attach CODE --paper N FILE...``: the pages of the files (images or PDFs,
  in the order given) added to paper N of the dossier, numbered as on its receipt
  (``--result`` for the result handed back; ``--replace`` drops the pages it had).
- ``desk attachments CODE [--json] [--out DIR]``: the dossier's scans with their
  page counts and SHA-256; ``--out`` writes each PDF there, checked against its hash.
- ``desk reuse --cccd ID [--json]``: what the office holds for a person, and
  whether each may stand for a paper of a new dossier (Decree 118/2025 art. 22(1)).

The same logins as the window (``desk.cli.login``): attaching is a step of the
dossier (any clerk), looking is open to any account; the services check again.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path

from desk.cli.login import add_user_option, log_in_from
from desk.domain.errors import UserError
from desk.domain.roles import Permission
from desk.domain.translation import translate, translated


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    a = sub.add_parser(
        "attach",
        help=translate("CliScans", "số hóa giấy tờ của hồ sơ: thêm trang từ tệp ảnh hoặc PDF"),
    )
    a.add_argument("code", metavar="CODE", help=translate("CliScans", "mã hồ sơ"))
    which = a.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--paper",
        type=int,
        metavar="N",
        help=translate("CliScans", "số thứ tự của giấy tờ trong danh sách trên phiếu hẹn"),
    )
    which.add_argument(
        "--result",
        action="store_true",
        help=translate("CliScans", "số hóa kết quả giải quyết (khi trả kết quả)"),
    )
    a.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar=translate("CliScans", "TỆP"),
        help=translate("CliScans", "ảnh quét (JPEG, PNG, TIFF...) hoặc PDF, theo thứ tự trang"),
    )
    a.add_argument(
        "--replace",
        action="store_true",
        help=translate("CliScans", "thay toàn bộ các trang đã có (mặc định: thêm vào sau)"),
    )
    a.add_argument(
        "--valid-until",
        metavar=translate("CliScans", "NGÀY"),
        help=translate("CliScans", "giấy tờ có giá trị đến ngày (dd/mm/yyyy), nếu có"),
    )
    add_user_option(a, Permission.STEP)
    add_db(a)

    ls = sub.add_parser(
        "attachments", help=translate("CliScans", "liệt kê bản số hóa của một hồ sơ")
    )
    ls.add_argument("code", metavar="CODE", help=translate("CliScans", "mã hồ sơ"))
    ls.add_argument("--json", action="store_true", help=translate("CliScans", "in dạng JSON"))
    ls.add_argument(
        "--out",
        type=Path,
        metavar=translate("CliScans", "THƯ_MỤC"),
        help=translate("CliScans", "ghi từng tệp PDF vào thư mục này (đã kiểm tra mã băm)"),
    )
    add_user_option(ls)
    add_db(ls)

    r = sub.add_parser(
        "reuse",
        help=translate(
            "CliScans", "các giấy tờ đã số hóa của một người (theo CCCD), có dùng lại được không"
        ),
    )
    r.add_argument(
        "--cccd",
        required=True,
        metavar="ID",
        help=translate("CliScans", "số CCCD / định danh cá nhân (12 chữ số)"),
    )
    r.add_argument("--json", action="store_true", help=translate("CliScans", "in dạng JSON"))
    add_user_option(r)
    add_db(r)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UserError(
        translate("CliScans", "Ngày “{text}” không đúng dạng dd/mm/yyyy.").format(text=text)
    )


def _progress():  # noqa: ANN202 (a progress callback)
    def show(done: int, pages: int) -> None:
        if pages >= 5 and (done == pages or done % 5 == 0):
            print(
                translate("CliScans", "  đã xử lý {done}/{pages} trang").format(
                    done=done, pages=pages
                )
            )

    return show


def run_attach(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.domain.clock import SystemClock
    from desk.domain.scans import ScanKind
    from desk.services import scan_attach

    clerk = log_in_from(args, db, Permission.STEP)
    kind = ScanKind.RESULT if args.result else ScanKind.PAPER
    scan = scan_attach.attach_files(
        db,
        clerk,
        args.code,
        args.paper or 0,
        args.files,
        SystemClock(),
        kind=kind,
        append=not args.replace,
        valid_until=_date(args.valid_until),
        progress=_progress(),
    )
    print(
        translate(
            "CliScans",
            "Đã lưu bản số hóa “{name}” của hồ sơ {code}: {pages} trang, {size} KB, "
            "SHA-256 {sha256}.",
        ).format(
            name=scan.name,
            code=scan.dossier_code,
            pages=scan.pages,
            size=max(1, scan.size // 1024),
            sha256=scan.sha256,
        )
    )
    return 0


def _scan_row(scan) -> dict:  # noqa: ANN001
    return {
        "paper": scan.position,
        "kind": scan.kind.value,
        "name": scan.name,
        "pages": scan.pages,
        "bytes": scan.size,
        "sha256": scan.sha256,
        "made_at": scan.made_at.isoformat(),
        "made_by": scan.made_by,
        "from_dossier": scan.origin_code,
        "reused": scan.reused,
        "valid_until": scan.valid_until.isoformat() if scan.valid_until else None,
        "pdfa": scan.pdfa,
    }


def run_attachments(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.domain.scans import pdf_name
    from desk.domain.text import printable
    from desk.services import scans
    from desk.storage import files

    log_in_from(args, db)
    found = scans.list_scans(db, args.code)
    rows = [_scan_row(s) for s in found]
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for scan, row in zip(found, rows):
            path = args.out / pdf_name(scan.dossier_code, scan.position, scan.name)
            files.write_private_bytes(path, scans.read_pdf(db, args.code, scan.position, scan.kind))
            row["file"] = str(path)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(translate("CliScans", "Hồ sơ {code} chưa có bản số hóa nào.").format(code=args.code))
    for row in rows:
        source = (
            translate("CliScans", "đã có bản số hóa, mã hồ sơ {code}").format(
                code=row["from_dossier"]
            )
            if row["reused"]
            else row["made_by"]
        )
        print(
            "\t".join(
                [
                    str(row["paper"]) if row["kind"] == "paper" else translate("CliScans", "KQ"),
                    printable(row["name"], 80, visible=True),
                    translate("CliScans", "{pages} trang").format(pages=row["pages"]),
                    row["made_at"][:16].replace("T", " "),
                    printable(source, 120, visible=True),
                    row["sha256"][:16],
                    row.get("file", ""),
                ]
            ).rstrip()
        )
    return 0


def run_reuse(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.domain.clock import SystemClock
    from desk.domain.scans import REUSE_LABELS
    from desk.domain.text import printable
    from desk.domain.validation import check_cccd
    from desk.services import scan_reuse

    problem = check_cccd(args.cccd)
    if problem:
        raise UserError(problem, "cccd")
    log_in_from(args, db)
    today = SystemClock().now().date()
    held = scan_reuse.held_for(db, args.cccd)
    rows = [
        {
            "file_id": h.file_id,
            "name": h.name,
            "kind": h.kind.value,
            "from_dossier": h.origin_code,
            "digitised_at": h.made_at.isoformat(),
            "pages": h.pages,
            "valid_until": h.valid_until.isoformat() if h.valid_until else None,
            "state": h.state(today).value,
        }
        for h in held
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(translate("CliScans", "Chưa có giấy tờ nào đã số hóa của số định danh này."))
    for h in held:
        valid = h.valid_until.strftime("%d/%m/%Y") if h.valid_until else "—"
        print(
            "\t".join(
                [
                    printable(h.name, 80, visible=True),
                    h.origin_code,
                    f"{h.made_at:%d/%m/%Y}",
                    valid,
                    translated(REUSE_LABELS[h.state(today)]),
                ]
            )
        )
    return 0


#: Each takes the parsed arguments and the open database (as ``desk step`` does).
COMMANDS = {"attach": run_attach, "attachments": run_attachments, "reuse": run_reuse}
