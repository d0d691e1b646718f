"""``desk notify`` and ``desk outbox``: the messages to applicants from a terminal.

- ``desk notify setup [--smtp URL --from ADDRESS] [--modem URI] [--zalo-token-file FILE]``
  turns the senders on (``off`` turns one off) and shows them, secrets hidden;
- ``desk notify test --to PHONE_OR_EMAIL`` sends one test message now;
- ``desk outbox [--all] [--json]`` lists the messages not sent yet (or all);
- ``desk outbox send`` makes one sending pass, for a scheduled task on the PC with
  the modem (or any PC, for e-mail and Zalo); it ends with 1 when a message was
  given up in the pass, so the task's history shows it.

The same logins as the window (``desk.cli.login``): ``--user NAME`` (or
``DESK_USER``), the password from ``DESK_PASSWORD`` or asked; setting up and
testing is an admin's work, the outbox (applicants' phones and addresses) a
supervisor's or an admin's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desk.cli.login import add_user_option, log_in_from
from desk.domain.clock import SystemClock
from desk.domain.errors import UserError
from desk.domain.roles import Permission, Role
from desk.domain.translation import translate, translated

CHANNELS = ("sms", "email", "zalo")


# Who may read the outbox, as the window's Quản trị › Tin nhắn cho người nộp.
OUTBOX_READERS = (Role.SUPERVISOR, Role.ADMIN)


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    notify = sub.add_parser(
        "notify",
        help=translate(
            "CliNotify", "thiết lập và thử gửi tin nhắn cho người nộp (SMS, thư điện tử, Zalo)"
        ),
    )
    actions = notify.add_subparsers(
        dest="notify_command", metavar=translate("CliNotify", "VIỆC"), required=True
    )
    setup = actions.add_parser(
        "setup",
        help=translate(
            "CliNotify",
            "bật, tắt các kênh gửi tin của cơ quan (quản trị viên); không có tùy chọn: "
            "xem cài đặt hiện tại",
        ),
    )
    setup.add_argument(
        "--smtp",
        metavar="URL",
        help=translate(
            "CliNotify",
            "máy chủ thư: smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS), smtps://…:465 (TLS), "
            "smtp://máy-chủ:25?starttls=no (mạng nội bộ); off: tắt",
        ),
    )
    setup.add_argument(
        "--from",
        dest="sender",
        metavar=translate("CliNotify", "ĐỊA_CHỈ"),
        help=translate("CliNotify", "địa chỉ thư điện tử gửi đi của cơ quan"),
    )
    setup.add_argument(
        "--modem",
        metavar="URI",
        help=translate(
            "CliNotify",
            "modem GSM/4G cắm vào máy này: serial:COM5 hoặc serial:/dev/ttyUSB2?baudrate=115200; "
            "off: tắt SMS",
        ),
    )
    setup.add_argument(
        "--zalo-token-file",
        metavar=translate("CliNotify", "TỆP"),
        help=translate(
            "CliNotify", "tệp chứa mã truy cập (access token) Zalo Official Account; off: tắt Zalo"
        ),
    )
    setup.add_argument(
        "--zalo-url",
        metavar="URL",
        help=translate("CliNotify", "địa chỉ API gửi ZNS (mặc định: địa chỉ của Zalo)"),
    )
    setup.add_argument(
        "--sms-plain",
        choices=("yes", "no"),
        help=translate("CliNotify", "yes: gửi SMS không dấu (rẻ hơn); no: có dấu"),
    )
    add_user_option(setup, Permission.MANAGE)
    add_db(setup)
    test = actions.add_parser(
        "test", help=translate("CliNotify", "gửi ngay một tin thử (quản trị viên)")
    )
    test.add_argument(
        "--to",
        required=True,
        metavar=translate("CliNotify", "SĐT_HOẶC_THƯ"),
        help=translate("CliNotify", "số điện thoại hoặc địa chỉ thư điện tử nhận tin thử"),
    )
    test.add_argument(
        "--channel",
        choices=CHANNELS,
        help=translate(
            "CliNotify", "kênh gửi (mặc định: thư điện tử cho địa chỉ thư, SMS hoặc Zalo cho số)"
        ),
    )
    add_user_option(test, Permission.MANAGE)
    add_db(test)
    _add_outbox(sub, add_db)


def _add_outbox(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    outbox = sub.add_parser(
        "outbox",
        help=translate(
            "CliNotify",
            "tin nhắn chờ gửi và gửi không được; outbox send: gửi một lượt (lãnh đạo, quản trị)",
        ),
    )
    outbox.add_argument(
        "action",
        nargs="?",
        choices=("send",),
        help=translate("CliNotify", "send: gửi các tin đến hạn qua các kênh máy này có"),
    )
    outbox.add_argument(
        "--all", action="store_true", help=translate("CliNotify", "cả các tin đã gửi")
    )
    outbox.add_argument("--json", action="store_true", help=translate("CliNotify", "in dạng JSON"))
    add_user_option(outbox, roles=OUTBOX_READERS)
    add_db(outbox)


def run_notify(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import notify_settings

    clerk = log_in_from(args, db, Permission.MANAGE)
    if args.notify_command == "test":
        return _test(args, db, clerk)
    changes: dict[str, object] = {}
    if args.smtp is not None:
        changes["smtp_url"] = args.smtp
    if args.sender is not None:
        changes["smtp_from"] = args.sender
    if args.modem is not None:
        changes["modem"] = args.modem
    if args.zalo_token_file is not None:
        changes["zalo_token"] = _token(args.zalo_token_file)
    if args.zalo_url is not None:
        changes["zalo_url"] = args.zalo_url
    if args.sms_plain is not None:
        changes["sms_plain"] = args.sms_plain == "yes"
    if changes:
        current = notify_settings.set_up(db, clerk, SystemClock(), **changes)  # type: ignore[arg-type]
    else:
        current = notify_settings.load(db)
    for line in current.describe():
        print(line)
    return 0


def _token(path: str) -> str:
    if path.strip().lower() == "off":
        return "off"
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UserError(
            translate("CliNotify", "Không đọc được tệp mã truy cập {path}: {error}").format(
                path=path, error=exc.strerror or exc
            )
        ) from None
    if not token:
        raise UserError(translate("CliNotify", "Tệp mã truy cập {path} trống.").format(path=path))
    return token


def _test(args: argparse.Namespace, db, clerk) -> int:  # noqa: ANN001
    from desk.domain.messages import CHANNEL_LABELS, MessageChannel
    from desk.domain.roles import Permission, require
    from desk.services import delivery

    require(clerk.role, Permission.MANAGE)
    channel = MessageChannel(args.channel) if args.channel else None
    used, reference = delivery.send_test(db, args.to, channel)
    print(
        translate("CliNotify", "Đã gửi tin thử qua {channel} tới {to}{ref}.").format(
            channel=translated(CHANNEL_LABELS[used]),
            to=args.to,
            ref=f" ({reference})" if reference else "",
        )
    )
    return 0


def run_outbox(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    from desk.services import notify_settings, outbox

    log_in_from(args, db, roles=OUTBOX_READERS)
    if args.action == "send":
        from desk.services import delivery

        senders = notify_settings.senders_here(notify_settings.load(db))
        if not senders:
            print(translate("CliNotify", "Máy này chưa có kênh gửi nào: xem desk notify setup."))
            return 0
        report = delivery.send_pending(db, senders, SystemClock())
        print(
            translate(
                "CliNotify", "Đã gửi {sent}; sẽ thử lại {retrying}; gửi không được {failed}."
            ).format(sent=report.sent, retrying=report.retrying, failed=report.failed)
        )
        return 1 if report.failed else 0
    from desk.domain.messages import MessageStatus

    waiting = (MessageStatus.PENDING, MessageStatus.SENDING, MessageStatus.FAILED)
    found = outbox.list_messages(db, () if args.all else waiting)
    if args.json:
        print(json.dumps([m.as_json() for m in found], ensure_ascii=False, indent=1))
        return 0
    _print_table(found)
    return 0


def _print_table(found) -> None:  # noqa: ANN001
    from desk.domain.messages import CHANNEL_LABELS, STATUS_LABELS

    if not found:
        print(translate("CliNotify", "Không có tin nhắn nào."))
    for m in found:
        print(
            "\t".join(
                [
                    str(m.id),
                    f"{m.created_at:%Y-%m-%d %H:%M}",
                    m.dossier_code,
                    translated(CHANNEL_LABELS[m.channel]),
                    m.recipient,
                    translated(STATUS_LABELS[m.status]),
                    str(m.attempts),
                    m.last_error,
                ]
            )
        )


COMMANDS = {"notify": run_notify, "outbox": run_outbox}
