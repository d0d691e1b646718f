"""The command line asks for the account the window asks for (``desk.cli.login``).

Every command that shows an applicant's data or changes data: without an account
it says to give ``--user``/``DESK_USER`` and ends with 2; a wrong password ends
with 2; an account whose role may not do the work ends with 2 naming the roles
that may; the right account does it. Figures with no name in them, ``due``, the
catalog, the public status and the calendar stay open.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.cli import build_parser, login, main
from desk.domain.apology import propose_new_date
from desk.domain.clock import SystemClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.errors import UserError
from desk.domain.roles import Role
from desk.services import accounts, backup, calendar, catalog, dossiers
from desk.services.intake import record_intake

sqlite_only = pytest.mark.sqlite_only(reason="who may is the same on both engines")

PASSWORDS = {"admin": "matkhau123", "lanhdao": "matkhau789", "canbo1": "matkhau456"}
CERTIFICATE = "1.004873"
TODAY = SystemClock().now().date().isoformat()  # the command line runs on the real clock
NOT_A_LOGIN_MESSAGE = ("--user", "DESK_USER", "Sai tên đăng nhập", "Việc này cần")


@dataclass
class Office:
    path: str  # the SQLite file, or the server's URL
    where: list[str]  # --db PATH or --db-url URL
    own: str  # a dossier canbo1 received, in canbo1's charge
    other: str  # a dossier the admin received
    tmp: Path


def _receive(db, clerk, name: str, id_number: str) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name=name, id_number=id_number, phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, SystemClock()).code


@pytest.fixture
def office(db, db_url, clerk, tmp_path) -> Office:
    """The test office with a clerk and a supervisor, and a dossier of each of two clerks."""
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", PASSWORDS["canbo1"], role=Role.CLERK)
    accounts.add_clerk(
        db, clerk, "lanhdao", "Trần Thị Bình", PASSWORDS["lanhdao"], role=Role.SUPERVISOR
    )
    canbo1 = accounts.log_in(db, "canbo1", PASSWORDS["canbo1"])
    own = _receive(db, canbo1, "Đỗ Thị Thu Hà", "079190001234")
    other = _receive(db, clerk, "Phạm Văn Long", "079190005678")
    if db_url.startswith("sqlite"):
        path = db_url.removeprefix("sqlite:///")
        return Office(path, ["--db", path], own, other, tmp_path)
    return Office(db_url, ["--db-url", db_url], own, other, tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _new_date(db, code: str) -> str:
    old = dossiers.get_dossier(db, code).effective_due()
    new = propose_new_date(old, calendar.working_calendar(db), now=SystemClock().now())
    return f"{new:%Y-%m-%d %H:%M}"


def _backup_file(db, o: Office) -> str:
    return str(backup.backup_now(db, o.tmp / "sao-luu"))


def _schedule(o: Office) -> str:
    path = o.tmp / "lich.csv"
    path.write_text(
        "date,kind,note,source,status\n2027-09-03,off,Nghỉ lễ Quốc khánh,QĐ 1/2027,confirmed\n",
        encoding="utf-8",
    )
    return str(path)


def _worked(expected: str) -> Callable[[int, str, str], bool]:
    return lambda rc, out, err: rc == 0 and expected in out


def _passed_the_login(rc: int, out: str, err: str) -> bool:
    """The login let it through; what the service says next is not about the account."""
    return not any(words in err for words in NOT_A_LOGIN_MESSAGE)


@dataclass
class Guarded:
    argv: Callable  # (db, office) -> the command's arguments
    allowed: tuple[Role, ...]  # who may
    runs_as: str  # the account that shows it working
    worked: Callable[[int, str, str], bool] | None  # None: proved elsewhere (restore)


ANY = tuple(Role)
SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)
ADMIN = (Role.ADMIN,)
GUARDED = {
    "dossiers": Guarded(
        lambda db, o: ["dossiers", "--json"], ANY, "canbo1", _worked("Đỗ Thị Thu Hà")
    ),
    "receipt": Guarded(
        lambda db, o: ["receipt", o.own, "--printer", f"file:{o.tmp / 'r.bin'}"],
        ANY,
        "canbo1",
        _worked("Đã gửi phiếu hẹn"),
    ),
    "letter": Guarded(
        lambda db, o: ["letter", "receipt", o.own, "--out", str(o.tmp / "01.pdf")],
        ANY,
        "canbo1",
        _worked("Đã ghi"),
    ),
    "guide": Guarded(
        lambda db, o: ["guide", "1.004222", "--printer", f"file:{o.tmp / 'g.bin'}"],
        ANY,
        "canbo1",
        _worked("Đã gửi phiếu hướng dẫn"),
    ),
    "step": Guarded(
        lambda db, o: ["step", o.own, "transfer", "--to", "Văn phòng đăng ký đất đai"],
        ANY,
        "canbo1",
        _worked("Văn phòng đăng ký đất đai"),
    ),
    "apology": Guarded(
        lambda db, o: [
            "apology",
            o.own,
            "--reason",
            "Chờ xác minh",
            "--new-date",
            _new_date(db, o.own),
            "--out",
            str(o.tmp / "04.pdf"),
        ],  # fmt: skip
        ANY,
        "canbo1",
        _worked("Đã lập phiếu xin lỗi"),
    ),
    "book": Guarded(
        lambda db, o: ["book", "--from", TODAY, "--to", TODAY, "--out", str(o.tmp / "so.xlsx")],
        SUPERVISORS,
        "lanhdao",
        _worked("2 hồ sơ"),
    ),
    "report json": Guarded(
        lambda db, o: ["report", "--from", TODAY, "--to", TODAY],
        SUPERVISORS,
        "lanhdao",
        _worked('"ratings"'),
    ),
    "report by clerk": Guarded(
        lambda db, o: [
            "report",
            "--from",
            TODAY,
            "--to",
            TODAY,
            "--format",
            "csv",
            "--by",
            "clerk",
        ],
        SUPERVISORS,
        "lanhdao",
        _worked("Lê Thị Hoa"),
    ),
    "ratings by clerk": Guarded(
        lambda db, o: ["ratings", "--from", TODAY, "--to", TODAY, "--by", "clerk"],
        SUPERVISORS,
        "lanhdao",
        _worked("Chưa có đánh giá nào"),
    ),
    "export-citizen": Guarded(
        lambda db, o: ["export-citizen", "079190001234", "--out", str(o.tmp / "cd.json")],
        SUPERVISORS,
        "lanhdao",
        _worked("Đã xuất 1 hồ sơ"),
    ),
    "erase": Guarded(
        lambda db, o: ["erase", o.own], (Role.SUPERVISOR,), "lanhdao", _passed_the_login
    ),
    "backup": Guarded(
        lambda db, o: ["backup", "--to", str(o.tmp / "b")], ADMIN, "admin", _worked("Đã sao lưu")
    ),
    "restore": Guarded(
        lambda db, o: ["restore", _backup_file(db, o), "--yes"], ADMIN, "admin", None
    ),
    "restore-missing": Guarded(
        lambda db, o: ["restore-missing", "--from", _backup_file(db, o)],
        ADMIN,
        "admin",
        _worked("Không còn hồ sơ nào"),
    ),
    "calendar import": Guarded(
        lambda db, o: ["calendar", "import", _schedule(o)], ADMIN, "admin", _worked("2027")
    ),
    "calendar confirm": Guarded(
        lambda db, o: ["calendar", "confirm", "2026-11-24"], ADMIN, "admin", _worked("24/11/2026")
    ),
    "calendar reject": Guarded(
        lambda db, o: ["calendar", "reject", "2026-11-24"], ADMIN, "admin", _worked("24/11/2026")
    ),
    "notify setup": Guarded(
        lambda db, o: ["notify", "setup"], ADMIN, "admin", _worked("Thư điện tử")
    ),
    "outbox": Guarded(lambda db, o: ["outbox"], SUPERVISORS, "lanhdao", _worked("")),
}
#: The backup and restore commands work on a file; the others on either engine.
FILE_ONLY = {"backup", "restore", "restore-missing"}
ROLE_OF = {"admin": Role.ADMIN, "lanhdao": Role.SUPERVISOR, "canbo1": Role.CLERK}


@sqlite_only
@pytest.mark.parametrize("name", list(GUARDED))
def test_a_guarded_command_asks_for_the_windows_account(
    name, capsys, db, office, log_in_as, monkeypatch
):
    case = GUARDED[name]
    argv = [*case.argv(db, office), *office.where]
    rc, _, err = run(capsys, *argv)
    assert rc == 2 and "--user" in err and "DESK_USER" in err and "DESK_PASSWORD" in err, err

    log_in_as(case.runs_as, "sai-mat-khau")
    rc, _, err = run(capsys, *argv)
    assert rc == 2 and "Sai tên đăng nhập hoặc mật khẩu" in err, err

    monkeypatch.delenv("DESK_PASSWORD")  # no terminal to ask on: where to put it
    rc, _, err = run(capsys, *argv)
    assert rc == 2 and "DESK_PASSWORD" in err and case.runs_as in err, err

    who = login.roles_text(case.allowed)
    for user, role in ROLE_OF.items():
        if role in case.allowed:
            continue
        log_in_as(user, PASSWORDS[user])
        rc, _, err = run(capsys, *argv)
        assert rc == 2 and who in err and f"{user} là tài khoản" in err, (user, err)

    if case.worked is not None:
        monkeypatch.delenv("DESK_USER")
        monkeypatch.setenv("DESK_PASSWORD", PASSWORDS[case.runs_as])
        rc, out, err = run(capsys, *argv, "--user", case.runs_as)  # --user, as typed
        assert case.worked(rc, out, err), (rc, out, err)


@pytest.mark.parametrize(
    "name", [n for n in GUARDED if n not in FILE_ONLY and GUARDED[n].worked is not None]
)
@pytest.mark.postgresql_only
def test_the_right_account_works_on_the_server_too(name, capsys, db, office, log_in_as):
    case = GUARDED[name]
    log_in_as(case.runs_as, PASSWORDS[case.runs_as])
    rc, out, err = run(capsys, *case.argv(db, office), *office.where)
    assert case.worked(rc, out, err), (rc, out, err)


def test_a_clerk_lists_the_dossiers_in_their_charge_a_supervisor_all(capsys, office, log_in_as):
    """As the window's list: a clerk sees their own; others are opened by code."""
    for user, expected in (("canbo1", [office.own]), ("lanhdao", [office.other, office.own])):
        log_in_as(user, PASSWORDS[user])
        rc, out, err = run(capsys, "dossiers", "--json", *office.where)
        assert rc == 0, err
        assert [r["code"] for r in json.loads(out)] == expected, user
        rc, out, err = run(capsys, "dossiers", "--pending", "--json", *office.where)
        assert sorted(r["code"] for r in json.loads(out)) == sorted(expected), user


@sqlite_only
def test_the_open_commands_need_no_login(capsys, db, office):
    """Figures with no name in them, the appointment, the catalog, the public status."""
    where = office.where
    day = ["--from", TODAY, "--to", TODAY]
    for argv in (
        ["due", "--days", "2", "--received", "2026-03-06 10:00"],
        ["due", "--procedure", CERTIFICATE, "--received", "2026-03-06 10:00", *where],
        ["catalog", "--out", str(office.tmp / "danh-muc.xlsx"), *where],
        ["status", office.own, *where],
        ["calendar", "list", "--year", "2026", *where],
        ["report", *day, "--format", "csv", *where],
        ["report", *day, "--format", "csv", "--by", "procedure", *where],
        ["report", *day, "--format", "csv", "--by", "department", *where],
        ["report", *day, "--format", "xlsx", "--out", str(office.tmp / "06.xlsx"), *where],
        ["report", *day, "--format", "pdf", "--out", str(office.tmp / "06.pdf"), *where],
        ["ratings", *day, "--by", "counter", *where],
        ["ratings", *day, "--by", "procedure", *where],
    ):
        rc, out, err = run(capsys, *argv)
        assert rc == 0, (argv, err)
        assert "Đỗ Thị Thu Hà" not in out and "Lê Thị Hoa" not in out, argv


@sqlite_only
def test_the_guide_is_counted_under_the_clerk_who_printed_it(capsys, db, office, log_in_as):
    from sqlalchemy import select

    from desk.storage.tables import OnlineGuidanceRow

    log_in_as("canbo1", PASSWORDS["canbo1"])
    rc, _, err = run(
        capsys, "guide", "1.004222", "--printer", f"file:{office.tmp / 'g.bin'}", *office.where
    )
    assert rc == 0, err
    with db.read() as s:
        clerk_ids = s.scalars(select(OnlineGuidanceRow.clerk_id)).all()
    assert clerk_ids == [accounts.log_in(db, "canbo1", PASSWORDS["canbo1"]).id]


def test_every_guarded_command_says_in_its_help_who_may_run_it():
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices
    nested = {
        "calendar": ("import", "confirm", "reject"),
        "notify": ("setup", "test"),
    }
    guarded = ["dossiers", "receipt", "letter", "guide", "step", "apology", "book", "report",
               "ratings", "export-citizen", "erase", "backup", "restore", "restore-missing",
               "outbox"]  # fmt: skip
    helps = [subcommands[name].format_help() for name in guarded]
    for name, actions in nested.items():
        choices = subcommands[name]._subparsers._group_actions[0].choices
        helps += [choices[action].format_help() for action in actions]
    for text in helps:
        flat = " ".join(text.split())
        assert "--user" in flat and "DESK_USER" in flat and "DESK_PASSWORD" in flat, text
        assert "Cần đăng nhập bằng tài khoản" in flat, text
    flat = " ".join(subcommands["backup"].format_help().split())
    assert "tài khoản quản trị" in flat
    flat = " ".join(subcommands["report"].format_help().split())
    assert "Không cần đăng nhập" in flat and "lãnh đạo, giám sát hoặc quản trị" in flat


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_the_password_is_asked_on_a_terminal_and_never_echoed(monkeypatch):
    asked: list[str] = []
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    monkeypatch.setattr(login.sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "bí-mật")
    assert login.password_for("canbo1") == "bí-mật"
    assert asked == ["Mật khẩu của canbo1: "]
    monkeypatch.setenv("DESK_PASSWORD", "từ-biến")
    assert login.password_for("canbo1") == "từ-biến"


def test_the_role_refusal_names_both_roles():
    from desk.domain.office import Clerk
    from desk.domain.roles import Permission

    clerk = Clerk(id=1, username="canbo1", full_name="Lê Thị Hoa", role="clerk")
    login.require_role(clerk, Permission.STEP)
    login.require_role(clerk)
    with pytest.raises(UserError) as caught:
        login.require_role(clerk, Permission.MANAGE)
    assert caught.value.message == (
        "Việc này cần tài khoản quản trị; canbo1 là tài khoản cán bộ tiếp nhận."
    )
    with pytest.raises(UserError) as caught:
        login.require_role(clerk, Permission.REPORTS)
    assert "lãnh đạo, giám sát hoặc quản trị" in caught.value.message
