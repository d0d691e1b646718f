"""``desk apology`` and ``desk letter``: the PDF forms of a dossier from the command line.

``desk apology CODE --reason TEXT --new-date "YYYY-MM-DD HH:MM" --out FILE.pdf``
records the one apology a dossier may have and writes its letter; the same
rules as the window apply (a second one, a date not after the old appointment,
a day off are refused). ``desk letter receipt|supplement|refusal|stop|control
CODE --out FILE.pdf`` writes form 01, 02, 03, 05 or 06 of Circular
03/2025/TT-VPCP, Annex I. The apology is made as a named account: its password
comes from ``DESK_PASSWORD`` or is asked for.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desk.domain.apology import NOTIFY_LABELS, NotifyMethod
from desk.domain.clock import VN_TZ, Clock, SystemClock
from desk.domain.errors import UserError, ValidationError
from desk.domain.translation import translate, translated
from desk.domain.vn_dates import time_and_date_label

LETTERS = ("receipt", "supplement", "refusal", "stop", "control")


def _default_add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help=translate("CliLetters", "tệp dữ liệu SQLite (hoặc URL)")
    )


def add_commands(
    sub: argparse._SubParsersAction,
    add_db: Callable[[argparse.ArgumentParser], None] = _default_add_db,
) -> None:
    """Add ``apology`` and ``letter`` to the ``desk`` command's sub-commands."""
    apology = sub.add_parser(
        "apology",
        help=translate(
            "CliLetters",
            "lập văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04, một lần cho "
            "mỗi hồ sơ)",
        ),
        description=translate(
            "CliLetters",
            "Ghi nhận lời xin lỗi và ngày hẹn mới của một hồ sơ trễ hạn, rồi ghi phiếu "
            "ra tệp PDF. Mật khẩu lấy từ biến DESK_PASSWORD hoặc được hỏi khi chạy.",
        ),
    )
    apology.add_argument("code", metavar="CODE", help=translate("CliLetters", "mã hồ sơ"))
    apology.add_argument(
        "--reason",
        required=True,
        metavar=translate("CliLetters", "LÝ DO"),
        help=translate("CliLetters", "lý do chậm trả kết quả"),
    )
    apology.add_argument(
        "--new-date",
        required=True,
        metavar='"YYYY-MM-DD HH:MM"',
        help=translate("CliLetters", "ngày giờ hẹn trả mới"),
    )
    apology.add_argument(
        "--out", required=True, metavar="FILE.pdf", help=translate("CliLetters", "tệp PDF cần ghi")
    )
    methods = ", ".join(f"{m.value} ({translated(NOTIFY_LABELS[m]).lower()})" for m in NotifyMethod)
    apology.add_argument(
        "--notify",
        choices=[m.value for m in NotifyMethod],
        default=NotifyMethod.LETTER.value,
        help=translate("CliLetters", "cách báo người nộp: {methods}").format(methods=methods),
    )
    apology.add_argument(
        "--user",
        metavar=translate("CliLetters", "TÊN"),
        help=translate("CliLetters", "tài khoản lập phiếu (mặc định: quản trị viên đầu tiên)"),
    )
    add_db(apology)

    letter = sub.add_parser(
        "letter",
        help=translate("CliLetters", "ghi một phiếu của hồ sơ ra tệp PDF (01, 02, 03, 05, 06)"),
        description=translate(
            "CliLetters",
            "Các mẫu của Phụ lục I Thông tư 03/2025/TT-VPCP. receipt: giấy tiếp nhận và hẹn "
            "trả (mẫu 01); supplement: phiếu yêu cầu bổ sung (mẫu 02); refusal: phiếu từ chối "
            "(mẫu 03); stop: thông báo dừng giải quyết hồ sơ (mẫu 05); control: phiếu kiểm "
            "soát (mẫu 06).",
        ),
    )
    letter.add_argument(
        "kind", choices=LETTERS, metavar=translate("CliLetters", "LOẠI"), help=" | ".join(LETTERS)
    )
    letter.add_argument("code", metavar="CODE", help=translate("CliLetters", "mã hồ sơ"))
    letter.add_argument(
        "--out", required=True, metavar="FILE.pdf", help=translate("CliLetters", "tệp PDF cần ghi")
    )
    add_db(letter)


def parse_new_date(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)
    except ValueError as exc:
        raise UserError(
            translate(
                "CliLetters",
                "Ngày hẹn mới '{text}' không đúng dạng: hãy viết \"YYYY-MM-DD HH:MM\", "
                'ví dụ "2026-03-20 09:00".',
            ).format(text=text)
        ) from exc


def _password(user: str) -> str:
    env = os.environ.get("DESK_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise UserError(
            translate(
                "CliLetters", "Hãy đặt mật khẩu của tài khoản vào biến môi trường DESK_PASSWORD."
            )
        )
    return getpass.getpass(translate("CliLetters", "Mật khẩu của {user}: ").format(user=user))


def _first_admin(db) -> str:
    from desk.services import accounts

    admins = [c.username for c in accounts.list_clerks(db) if c.is_admin]
    if not admins:
        raise UserError(
            translate("CliLetters", "Chưa có tài khoản quản trị: hãy chỉ rõ tài khoản bằng --user.")
        )
    return admins[0]


def run_apology(args: argparse.Namespace, db, clock: Clock | None = None) -> int:
    from desk.services import accounts, apologies

    new_due = parse_new_date(args.new_date)
    user = args.user or _first_admin(db)
    clerk = accounts.log_in(db, user, _password(user))
    try:
        apology = apologies.make_apology(
            db, clerk, args.code, args.reason, new_due, args.notify, clock or SystemClock()
        )
    except ValidationError as exc:
        raise UserError("; ".join(exc.errors.values())) from exc
    path = apologies.apology_pdf(db, args.code, Path(args.out))
    print(
        translate("CliLetters", "Đã lập phiếu xin lỗi số {number} cho hồ sơ {code}.").format(
            number=apology.number_text, code=apology.dossier_code
        )
    )
    print(
        translate("CliLetters", "Hẹn trả mới: {when}").format(
            when=time_and_date_label(apology.new_due_at)
        )
    )
    if apology.late:
        print(
            translate(
                "CliLetters",
                "Lưu ý: phiếu lập muộn hơn quy định (chậm nhất một ngày làm việc trước ngày hẹn); "
                "đã ghi nhận là lập muộn.",
            )
        )
    print(translate("CliLetters", "Đã ghi {path}").format(path=path))
    return 0


def run_letter(args: argparse.Namespace, db) -> int:
    from desk.documents import forms

    write = {
        "receipt": forms.receipt_pdf,
        "supplement": forms.supplement_request_pdf,
        "refusal": forms.refusal_pdf,
        "stop": forms.stop_notice_pdf,
        "control": forms.control_slip_pdf,
    }[args.kind]
    path = write(db, args.code, Path(args.out))
    print(translate("CliLetters", "Đã ghi {path}").format(path=path))
    return 0
