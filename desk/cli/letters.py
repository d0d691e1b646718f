"""``desk apology`` and ``desk letter``: the PDF forms of a dossier from the command line.

``desk apology CODE --reason TEXT --new-date "YYYY-MM-DD HH:MM" --out FILE.pdf``
records the one apology a dossier may have and writes its letter; the same
rules as the window apply (a second one, a date not after the old appointment,
a day off are refused). ``desk letter receipt|supplement|refusal|stop|control
CODE --out FILE.pdf`` writes form 01, 02, 03, 05 or 06 of Circular
03/2025/TT-VPCP, Annex I. Both show the applicant, so both run as an account,
as in the window (``desk.cli.login``): the apology as a clerk's step
(``Permission.STEP``), a letter as any clerk who may open the dossier.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

from desk.cli.login import add_user_option, log_in_from
from desk.domain.apology import NOTIFY_LABELS, NotifyMethod
from desk.domain.clock import Clock, SystemClock
from desk.domain.errors import UserError, ValidationError
from desk.domain.roles import Permission
from desk.domain.translation import translate, translated
from desk.domain.vn_dates import time_and_date_label

LETTERS = ("receipt", "supplement", "refusal", "apology", "stop", "control")


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
    add_user_option(apology, Permission.STEP)
    add_db(apology)

    letter = sub.add_parser(
        "letter",
        help=translate("CliLetters", "ghi một phiếu của hồ sơ ra tệp PDF (01, 02, 03, 04, 05, 06)"),
        description=translate(
            "CliLetters",
            "Các mẫu của Phụ lục I Thông tư 03/2025/TT-VPCP. receipt: giấy tiếp nhận và hẹn "
            "trả (mẫu 01); supplement: phiếu yêu cầu bổ sung (mẫu 02); refusal: phiếu từ chối "
            "(mẫu 03); apology: văn bản xin lỗi và hẹn lại đã lập (mẫu 04); stop: thông báo "
            "dừng giải quyết hồ sơ (mẫu 05); control: phiếu kiểm soát (mẫu 06).",
        ),
    )
    letter.add_argument(
        "kind", choices=LETTERS, metavar=translate("CliLetters", "LOẠI"), help=" | ".join(LETTERS)
    )
    letter.add_argument("code", metavar="CODE", help=translate("CliLetters", "mã hồ sơ"))
    letter.add_argument(
        "--out", required=True, metavar="FILE.pdf", help=translate("CliLetters", "tệp PDF cần ghi")
    )
    add_user_option(letter)
    add_db(letter)


def parse_new_date(text: str) -> datetime:
    from desk.cli.days import parse_moment

    return parse_moment(
        text,
        translate(
            "CliLetters",
            "Ngày hẹn mới '{text}' không đúng dạng: hãy viết \"YYYY-MM-DD HH:MM\", "
            'ví dụ "2026-03-20 09:00".',
        ),
    )


def run_apology(args: argparse.Namespace, db, clock: Clock | None = None) -> int:
    from desk.documents.targets import check_target
    from desk.services import apologies, form_documents

    new_due = parse_new_date(args.new_date)
    out = check_target(args.out)  # the apology is made once: a bad path is refused before
    clerk = log_in_from(args, db, Permission.STEP)
    try:
        apology = apologies.make_apology(
            db, clerk, args.code, args.reason, new_due, args.notify, clock or SystemClock()
        )
    except ValidationError as exc:
        raise UserError("; ".join(exc.errors.values())) from exc
    try:
        path = form_documents.apology_pdf(db, args.code, out)
    except UserError as exc:
        raise UserError(
            translate(
                "CliLetters",
                "Đã lập phiếu xin lỗi số {number} nhưng chưa ghi được tệp: {error} Ghi lại bằng: "
                "desk letter apology {code} --out {out}",
            ).format(number=apology.number_text, error=exc.message, code=args.code, out=out)
        ) from exc
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
    from desk.documents.targets import check_target
    from desk.services import form_documents as forms

    out = check_target(args.out)
    log_in_from(args, db)  # the letter shows the applicant: any clerk, as in the window
    write = {
        "receipt": forms.receipt_pdf,
        "supplement": forms.supplement_request_pdf,
        "refusal": forms.refusal_pdf,
        "apology": forms.apology_pdf,
        "stop": forms.stop_notice_pdf,
        "control": forms.control_slip_pdf,
    }[args.kind]
    path = write(db, args.code, out)
    print(translate("CliLetters", "Đã ghi {path}").format(path=path))
    return 0
