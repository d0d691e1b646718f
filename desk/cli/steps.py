"""``desk step``: a step of a dossier's life from the command line, as a named user.

Any clerk's account may make a step, as in the window (``Permission.STEP``; a
reassign is a supervisor's): ``--user NAME`` or ``DESK_USER``, the password from
``DESK_PASSWORD`` or asked (``desk.cli.login``); the same services and rules as
the window apply. As the window prints the form a step produces, ``--out
FILE.pdf`` writes it right after the step is recorded: the supplement request
(form 02), the refusal (form 03) or the stop notice (form 05, Decree
118/2025/NĐ-CP art. 21) of Circular 03/2025/TT-VPCP, Annex I.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.login import add_user_option, log_in_from
from desk.domain.clock import SystemClock
from desk.domain.dossier import RESULT_CLASS_LABELS, ReturnMethod
from desk.domain.errors import UserError, ValidationError
from desk.domain.lifecycle import SupplementRequest
from desk.domain.roles import Permission
from desk.domain.translation import translate, translated

STEPS = (
    "transfer",
    "supplement",
    "receive-supplement",
    "refuse",
    "ready",
    "return",
    "stop",
    "reassign",
)
#: The steps that produce a form, and the writer of that form in ``desk.services.form_documents``.
STEP_FORMS = {
    "supplement": "supplement_request_pdf",
    "refuse": "refusal_pdf",
    "stop": "stop_notice_pdf",
}


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:
    p = sub.add_parser(
        "step",
        help=translate(
            "CliSteps",
            "thực hiện một bước của hồ sơ (chuyển, bổ sung, từ chối, có kết quả, trả, dừng)",
        ),
        description=translate(
            "CliSteps",
            "Thực hiện một bước của hồ sơ với tư cách một tài khoản cán bộ (--user TÊN "
            "hoặc biến DESK_USER; giao lại hồ sơ: lãnh đạo, giám sát). Mật khẩu lấy từ "
            "biến DESK_PASSWORD hoặc được hỏi khi chạy.",
        ),
    )
    p.add_argument("code", metavar="CODE", help=translate("CliSteps", "mã hồ sơ"))
    p.add_argument(
        "step", choices=STEPS, metavar=translate("CliSteps", "BƯỚC"), help=" | ".join(STEPS)
    )
    add_user_option(p, Permission.STEP)
    p.add_argument(
        "--to",
        metavar=translate("CliSteps", "NƠI"),
        help=translate("CliSteps", "transfer: phòng, ban nhận; reassign: tài khoản nhận"),
    )
    _add_step_details(p)
    add_db(p)


def _add_step_details(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar=translate("CliSteps", "GIẤY TỜ"),
        help=translate("CliSteps", "supplement: giấy tờ cần bổ sung (lặp lại cho mỗi giấy tờ)"),
    )
    p.add_argument(
        "--reason",
        default="",
        metavar=translate("CliSteps", "LÝ DO"),
        help=translate("CliSteps", "lý do (supplement, refuse, stop, reassign)"),
    )
    p.add_argument(
        "--contact",
        default="",
        help=translate("CliSteps", "supplement: người và số điện thoại liên hệ"),
    )
    p.add_argument(
        "--post", action="store_true", help=translate("CliSteps", "return: trả qua bưu chính")
    )
    p.add_argument(
        "--tracking",
        default="",
        metavar=translate("CliSteps", "MÃ"),
        help=translate("CliSteps", "return --post: mã vận đơn"),
    )
    p.add_argument(
        "--collected-by",
        default="",
        metavar=translate("CliSteps", "HỌ TÊN"),
        help=translate("CliSteps", "return: người nhận kết quả"),
    )
    p.add_argument("--note", default="", help=translate("CliSteps", "ghi chú"))
    p.add_argument(
        "--out",
        metavar="FILE.pdf",
        help=translate(
            "CliSteps",
            "supplement, refuse, stop: ghi phiếu của bước (mẫu 02, 03, 05) ra tệp PDF này",
        ),
    )


def run_step(args: argparse.Namespace, db) -> int:
    from desk.services import steps

    code, step = args.code, args.step
    if getattr(args, "out", None) and step not in STEP_FORMS:
        raise UserError(
            translate(
                "CliSteps",
                "Bước {step} không có phiếu để ghi: --out chỉ dùng với {steps}.",
            ).format(step=step, steps=", ".join(STEP_FORMS))
        )
    if getattr(args, "out", None):  # a path that cannot be written, refused before the step
        from desk.documents.targets import check_target

        check_target(args.out)
    clerk = log_in_from(args, db, Permission.STEP)
    clock = SystemClock()
    try:
        if step == "transfer":
            if not args.to:
                raise UserError(
                    translate("CliSteps", 'Hãy cho biết nơi nhận bằng --to "TÊN PHÒNG, BAN".')
                )
            steps.transfer(db, clerk, code, args.to, clock, args.note)
        elif step == "supplement":
            steps.request_supplement(
                db,
                clerk,
                code,
                SupplementRequest(tuple(args.missing), args.reason, args.contact),
                clock,
            )
        elif step == "receive-supplement":
            steps.receive_supplement(db, clerk, code, clock, args.note)
        elif step == "refuse":
            steps.refuse(db, clerk, code, args.reason, clock)
        elif step == "ready":
            result = steps.mark_ready(db, clerk, code, clock, args.note)
            print(
                translate("CliSteps", "Kết quả: {result}").format(
                    result=translated(RESULT_CLASS_LABELS[result])
                )
            )
        elif step == "return":
            steps.return_result(
                db,
                clerk,
                code,
                clock,
                method=ReturnMethod.POST if args.post else ReturnMethod.COUNTER,
                collected_by=args.collected_by,
                tracking_number=args.tracking,
            )
        elif step == "stop":
            steps.stop(db, clerk, code, args.reason, clock)
        elif step == "reassign":
            steps.reassign(db, clerk, code, args.to or "", args.reason, clock)
    except ValidationError as exc:
        raise UserError("; ".join(exc.errors.values())) from exc
    from desk.domain.dossier import STATUS_LABELS
    from desk.services.dossiers import get_dossier

    d = get_dossier(db, code)
    print(f"{d.code}: {translated(STATUS_LABELS[d.status])} ({d.holder})")
    if step == "receive-supplement":
        print(
            translate("CliSteps", "Hẹn trả mới: {when}").format(
                when=f"{d.appointment_at:%Y-%m-%d %H:%M}"
            )
        )
    if getattr(args, "out", None):
        _write_form(db, d.code, step, Path(args.out))
    return 0


def _write_form(db, code: str, step: str, out: Path) -> None:
    """The form of the step just recorded; if it cannot be written, say how to write it later."""
    from desk.services import form_documents as forms

    letter = {"supplement": "supplement", "refuse": "refusal", "stop": "stop"}[step]
    try:
        path = getattr(forms, STEP_FORMS[step])(db, code, out)
    except UserError as exc:
        raise UserError(
            translate(
                "CliSteps",
                "Đã ghi nhận bước {step} nhưng chưa ghi được phiếu: {error} Ghi lại bằng: "
                "desk letter {letter} {code} --out {out}",
            ).format(step=step, error=exc.message, letter=letter, code=code, out=out)
        ) from exc
    print(translate("CliSteps", "Đã ghi {path}").format(path=path))
