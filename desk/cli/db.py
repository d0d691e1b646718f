"""Choosing the database, and ``desk db``: set up the office's shared server.

Every command that opens data takes ``--db PATH`` (a SQLite file) and
``--db-url URL`` (any SQLAlchemy URL, ``postgresql+psycopg://user@host/desk``
for a server shared by all counters, kiosks and displays); see
``desk.config.resolve_database_url`` for which one wins.

``desk db init --db-url URL --office-name ... --office-parent ... --office-code ...``
brings an empty server database to the current schema and saves the office,
its first admin account (password from ``DESK_ADMIN_PASSWORD`` or asked twice),
the shipped catalog and calendar, so every counter can log in at once: all in
one transaction. Run again on an office a cut-short first start left half set
up, it adds what is missing (``desk.services.office.complete_setup``).
``desk db use URL`` makes URL this PC's database (``local`` goes back to the file).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desk.config import DATABASE_URL_SETTING, resolve_database_url, save_machine_setting
from desk.domain.errors import UserError, ValidationError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

#: Marked, not translated: the language is installed after this module is imported.
DB_URL_HELP = QT_TRANSLATE_NOOP(
    "CliDb",
    "địa chỉ cơ sở dữ liệu dùng chung trên máy chủ, ví dụ "
    "postgresql+psycopg://desk@may-chu/desk (được ưu tiên hơn --db); "
    "mặc định: biến DESK_DATABASE_URL hoặc cài đặt của máy này",
)
#: The first admin's full name unless ``--admin-name`` says otherwise: stored in the database.
ADMIN_NAME = "Quản trị viên"  # untranslated: a name stored in the database


def add_db_url(parser: argparse.ArgumentParser, default: object = None) -> None:
    """``--db-url URL``, next to every ``--db PATH``."""
    parser.add_argument("--db-url", metavar="URL", default=default, help=translated(DB_URL_HELP))


def url_of(args: argparse.Namespace) -> str:
    """The database URL a command's options choose (see ``resolve_database_url``)."""
    return resolve_database_url(getattr(args, "db_url", None), getattr(args, "db", None))


def add_commands(sub: argparse._SubParsersAction, add_db) -> None:  # noqa: ANN001
    """Add ``db init`` and ``db use`` to the ``desk`` command's sub-commands."""
    db = sub.add_parser(
        "db", help=translate("CliDb", "thiết lập cơ sở dữ liệu dùng chung trên máy chủ")
    )
    actions = db.add_subparsers(
        dest="db_command", metavar=translate("CliDb", "VIỆC"), required=True
    )
    init = actions.add_parser(
        "init",
        help=translate(
            "CliDb",
            "tạo cấu trúc dữ liệu, cơ quan và quản trị viên đầu tiên trên cơ sở dữ liệu trống",
        ),
        description=translate(
            "CliDb",
            "Chuẩn bị một cơ sở dữ liệu trống (thường trên máy chủ PostgreSQL) cho cả "
            "Trung tâm: cấu trúc dữ liệu, thông tin cơ quan, tài khoản quản trị đầu tiên, danh mục "
            "thủ tục và lịch nghỉ. Mật khẩu lấy từ biến DESK_ADMIN_PASSWORD hoặc được hỏi khi chạy.",
        ),
    )
    add_db(init)
    _add_init_options(init)
    use = actions.add_parser(
        "use",
        help=translate(
            "CliDb", "dùng một cơ sở dữ liệu (URL, hoặc local: tệp trên máy này) cho máy này"
        ),
    )
    use.add_argument("target", metavar="URL|local")


def _add_init_options(init: argparse.ArgumentParser) -> None:
    name, full_name = translate("CliDb", "TÊN"), translate("CliDb", "HỌ TÊN")
    init.add_argument(
        "--admin",
        default="admin",
        metavar=name,
        help=translate("CliDb", "tên đăng nhập quản trị"),
    )
    init.add_argument(
        "--admin-name",
        default=ADMIN_NAME,
        metavar=full_name,
        help=translate("CliDb", "họ tên quản trị viên"),
    )
    init.add_argument(
        "--office-name", default="", metavar=name, help=translate("CliDb", "tên cơ quan")
    )
    init.add_argument(
        "--office-parent", default="", metavar=name, help=translate("CliDb", "cơ quan cấp trên")
    )
    init.add_argument(
        "--office-code",
        default="",
        metavar=translate("CliDb", "MÃ"),
        help=translate("CliDb", "mã cơ quan trong mã hồ sơ, ví dụ H36"),
    )
    init.add_argument("--address", default="", metavar=translate("CliDb", "ĐỊA CHỈ"))
    init.add_argument("--hotline", default="", metavar=translate("CliDb", "SỐ"))
    init.add_argument(
        "--head-title",
        default="",
        metavar=translate("CliDb", "CHỨC DANH"),
        help=translate("CliDb", "chức danh lãnh đạo"),
    )
    init.add_argument(
        "--head-name", default="", metavar=full_name, help=translate("CliDb", "họ tên lãnh đạo")
    )


def run(args: argparse.Namespace) -> int:
    return {"init": _init, "use": _use}[args.db_command](args)


def _init(args: argparse.Namespace) -> int:
    """Set up the office in one transaction; on an office a cut-short first start
    left half set up, add what it lacks (and the admin, when there is none)."""
    from desk.services import office
    from desk.storage.database import open_database
    from desk.storage.engine import server_name

    url = url_of(args)
    db = open_database(url)
    try:
        where = server_name(url)
        state = office.setup_state(db)
        if state.office and state.admin:
            return _complete(db, where)
        details = _office_of(args, office.find_office(db))
        if errors := office.check_office(details):
            _print_field_errors(errors)
            return EXIT_FIELD_ERRORS
        try:
            office.set_up_office(db, details, args.admin, args.admin_name, _admin_password())
        except ValidationError as exc:
            _print_field_errors(exc.errors)
            return EXIT_FIELD_ERRORS
        if state.office:
            print(
                translate(
                    "CliDb",
                    "{where}: cơ quan {office} chưa được thiết lập xong (lần thiết lập trước bị "
                    "dừng giữa chừng); đã hoàn tất, quản trị viên {admin}.",
                ).format(where=where, office=details.name, admin=args.admin)
            )
        else:
            print(
                translate(
                    "CliDb", "{where}: đã thiết lập cơ quan {office}, quản trị viên {admin}."
                ).format(where=where, office=details.name, admin=args.admin)
            )
        return 0
    finally:
        db.dispose()


def _complete(db, where: str) -> int:  # noqa: ANN001
    """The office and its admin exist: load what a cut-short first start left out."""
    from desk.services import office

    name = office.get_office(db).name
    added = office.complete_setup(db)
    if added:
        print(
            translate(
                "CliDb",
                "{where}: cơ quan {office} chưa được thiết lập xong (lần thiết lập trước bị "
                "dừng giữa chừng); đã bổ sung: {parts}.",
            ).format(where=where, office=name, parts=", ".join(added))
        )
    else:
        print(
            translate("CliDb", "{where}: đã có cơ quan {office}; cấu trúc dữ liệu đã mới.").format(
                where=where, office=name
            )
        )
    return 0


def _office_of(args: argparse.Namespace, saved):  # noqa: ANN001, ANN202
    """The office the options describe; an option left out keeps what a cut-short
    first start saved."""
    from desk.domain.office import Office

    saved = saved or Office(name="", parent="", code="")
    return Office(
        name=args.office_name or saved.name,
        parent=args.office_parent or saved.parent,
        code=args.office_code or saved.code,
        address=args.address or saved.address,
        hotline=args.hotline or saved.hotline,
        head_title=args.head_title or saved.head_title,
        head_name=args.head_name or saved.head_name,
    )


EXIT_FIELD_ERRORS = 2  # as ``desk`` exits on any mistake of the user's

#: The option that sets each office field, so a message points at what to type again.
_OPTIONS = {
    "office_name": "--office-name",
    "office_parent": "--office-parent",
    "office_code": "--office-code",
}


def _print_field_errors(errors: dict[str, str]) -> None:
    """Each problem on its own line, after the option that sets the field."""
    for field, message in errors.items():
        option = _OPTIONS.get(field)
        text = f"{option}: {message}" if option else message
        print(translate("CliDb", "Lỗi: {message}").format(message=text), file=sys.stderr)


def _admin_password() -> str:
    env = os.environ.get("DESK_ADMIN_PASSWORD")
    if env:
        return env
    first = getpass.getpass(translate("CliDb", "Mật khẩu quản trị viên: "))
    if getpass.getpass(translate("CliDb", "Nhập lại mật khẩu: ")) != first:
        raise UserError(translate("CliDb", "Hai lần nhập mật khẩu không giống nhau."))
    return first


def _use(args: argparse.Namespace) -> int:
    from desk.storage.database import open_database
    from desk.storage.engine import server_name

    if args.target.strip().lower() == "local":
        save_machine_setting(DATABASE_URL_SETTING, "")
        print(translate("CliDb", "Máy này dùng lại tệp dữ liệu trên máy."))
        return 0
    url = args.target.strip()
    if "://" not in url:
        raise UserError(
            translate(
                "CliDb",
                "Hãy ghi địa chỉ đầy đủ, ví dụ postgresql+psycopg://desk@may-chu/desk, hoặc local.",
            )
        )
    open_database(url, create=False).dispose()  # refuse a URL that does not work now
    save_machine_setting(DATABASE_URL_SETTING, url)
    print(
        translate("CliDb", "Máy này dùng cơ sở dữ liệu {server}.").format(server=server_name(url))
    )
    return 0
