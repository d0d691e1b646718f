"""The ``desk`` command line: due, demo, dossiers, receipt, --version, errors, and what
each command imports."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import __version__
from desk.cli import language as cli_language
from desk.cli import main
from desk.services import accounts


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--days", "2", "--received", "2026-03-06 10:00"], "2026-03-10 10:00"),
        (["--days", "1", "--received", "2026-03-10 18:00"], "2026-03-12 07:30"),
        (["--hours", "3", "--received", "2026-03-10 11:00"], "2026-03-10 16:00"),
        (["--same-day", "--cutoff", "15:00", "--received", "2026-03-10 15:30"], "2026-03-11 17:00"),
        (["--same-day", "--received", "2026-03-10 15:30"], "2026-03-10 17:00"),
        # Tết 2026: Monday 16/02 to Friday 20/02 off
        (["--days", "1", "--received", "2026-02-13 10:00"], "2026-02-23 10:00"),
        # make-up Saturday 22/08/2026, then 31/08-02/09 off
        (["--days", "1", "--received", "2026-08-21 09:00"], "2026-08-22 09:00"),
        (["--days", "2", "--received", "2026-08-28 09:00"], "2026-09-04 09:00"),
        (["--procedure", "1.013978", "--received", "2026-03-10 09:15"], "2026-04-16 09:15"),
        (
            ["--procedure", "1.013978", "--channel", "online", "--received", "2026-03-10 09:15"],
            "2026-04-02 09:15",
        ),
    ],
)
def test_due_prints_the_appointment_on_its_last_line(capsys, args, expected):
    code, out, _ = run(capsys, "due", *args)
    assert code == 0
    assert out.strip().splitlines()[-1] == expected


def test_due_json_gives_an_iso_appointment(capsys):
    code, out, _ = run(capsys, "due", "--days", "2", "--received", "2026-03-06 10:00", "--json")
    assert code == 0
    assert json.loads(out)["appointment"] == "2026-03-10T10:00:00+07:00"


def test_due_with_a_database_uses_its_calendar(capsys, db, db_url, clerk):
    from datetime import date

    from desk.services.calendar import set_special_day

    set_special_day(db, clerk, date(2026, 3, 9), "off", "Nghỉ bù")
    code, out, _ = run(
        capsys,
        "due",
        "--days",
        "1",
        "--received",
        "2026-03-06 10:00",
        "--db",
        db_url.removeprefix("sqlite:///"),
    )
    assert out.strip().splitlines()[-1] == "2026-03-10 10:00"


def test_bad_received_time_says_how_to_write_it(capsys):
    code, _, err = run(capsys, "due", "--days", "1", "--received", "10/03/2026")
    assert code == 2
    assert "YYYY-MM-DD HH:MM" in err


def test_unknown_procedure_is_a_clear_error(capsys):
    code, _, err = run(capsys, "due", "--procedure", "9.999999", "--received", "2026-03-10 09:00")
    assert code == 2
    assert "Không có thủ tục mã '9.999999'" in err


def test_demo_then_dossiers_pending_most_urgent_first(capsys, tmp_path: Path, log_in_as):
    path = str(tmp_path / "demo.sqlite3")
    code, out, _ = run(capsys, "demo", "--db", path, "--dossiers", "200")
    assert code == 0 and "200" in out and "lanhdao" in out
    log_in_as("lanhdao", "demo1234")  # a supervisor: everyone's dossiers
    code, out, _ = run(capsys, "dossiers", "--pending", "--json", "--db", path)
    items = json.loads(out)
    assert 0 < len(items) < 200  # most demo dossiers of past months are finished
    assert {i["status"] for i in items} <= {
        "received",
        "in_progress",
        "waiting_supplement",
        "result_ready",
    }
    appointments = [i["due"] for i in items]
    assert appointments == sorted(appointments)
    assert all(i["code"].startswith("H36.41-") for i in items)


def test_receipt_prints_to_a_file_and_reports_a_missing_printer(capsys, tmp_path: Path, log_in_as):
    path = str(tmp_path / "demo.sqlite3")
    run(capsys, "demo", "--db", path, "--dossiers", "5")
    log_in_as("lanhdao", "demo1234")
    _, out, _ = run(capsys, "dossiers", "--json", "--db", path)
    code_ = json.loads(out)[0]["code"]
    target = tmp_path / "receipt.bin"
    code, out, _ = run(capsys, "receipt", code_, "--printer", f"file:{target}", "--db", path)
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dV" in data
    code, _, err = run(capsys, "receipt", code_, "--printer", "tcp://127.0.0.1:1", "--db", path)
    assert code == 2 and "máy in" in err
    code, _, err = run(capsys, "receipt", "H36.41-000000-9999", "--printer", "none", "--db", path)
    assert code == 2 and "Không tìm thấy hồ sơ" in err


def test_version_and_help_from_a_real_process():
    out = subprocess.run(
        [sys.executable, "-m", "desk", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == f"desk {__version__}"
    for sub in ("demo", "due", "dossiers", "receipt"):
        help_text = subprocess.run(
            [sys.executable, "-m", "desk", sub, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert help_text.startswith("cách dùng: desk")
        assert "tùy chọn:" in help_text and "in hướng dẫn này rồi thoát" in help_text


@pytest.mark.parametrize(
    "argv, said",
    [
        (
            ["dossiers", "--band", "xyz"],
            "desk dossiers: lỗi: tham số --band: không có lựa chọn 'xyz' (hãy chọn một trong: "
            "'overdue', 'today', 'next_day', 'soon', 'within')",
        ),
        (["receipt"], "desk receipt: lỗi: thiếu tham số bắt buộc: CODE, --printer"),
        (
            ["due", "--days", "abc", "--received", "2026-03-10 09:00"],
            "desk due: lỗi: tham số --days: giá trị 'abc' không đọc được (cần kiểu int)",
        ),
        (["due", "--days"], "desk due: lỗi: tham số --days: cần một giá trị ngay sau tùy chọn này"),
        (["dossiers", "--pending", "thua"], "desk: lỗi: không hiểu các tham số: thua"),
        (  # an option before the sub-command: the path was taken for it
            ["calendar", "--db", "ho-so.sqlite3"],
            "desk calendar: lỗi: thiếu VIỆC: ngay sau 'desk calendar' phải là một trong list, "
            "import, confirm, reject, rồi mới đến các tùy chọn như --db "
            "(ví dụ: desk calendar list --db …)",
        ),
        (
            ["db", "--db-url=postgresql://may-chu/desk", "init"],
            "desk db: lỗi: thiếu VIỆC: ngay sau 'desk db' phải là một trong init, use, rồi mới "
            "đến các tùy chọn như --db-url (ví dụ: desk db init --db-url …)",
        ),
        (["calendar"], "desk calendar: lỗi: thiếu tham số bắt buộc: VIỆC"),
    ],
)
def test_what_was_typed_wrong_is_said_in_vietnamese(capsys, argv, said):
    """argparse's own messages (a value it cannot read, an option missing) were English
    in the Vietnamese command line; its usage line with them."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.startswith("cách dùng: desk") and err.strip().endswith(said)
    assert "error" not in err and "usage" not in err


def test_the_english_command_line_keeps_argparses_own_words(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "dossiers", "--band", "xyz"])
    err = capsys.readouterr().err
    assert err.startswith("usage: desk dossiers")
    assert "error: argument --band: invalid choice: 'xyz'" in err
    assert argparse._("usage: ") == "usage: "  # argparse as it was, once the run is over


def test_a_missing_sub_command_is_named_in_english_too(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "notify", "--db", "f.sqlite3", "setup"])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.strip().endswith(
        "desk notify: error: ACTION missing: right after 'desk notify' comes one of setup, "
        "test, and only then options such as --db (for example: desk notify setup --db …)"
    )


def test_every_word_given_is_one_argparse_says():
    """A Python whose argparse words a message otherwise would leave it in English here."""
    source = inspect.getsource(argparse)
    for english in cli_language.PARSER_WORDS:
        assert repr(english)[1:-1] in source or english in source, english


#: What a command may load: its own module, the database options, the login, the language.
_LOADS = [
    (["--version"], set()),
    (
        ["due", "--days", "2", "--received", "2026-03-06 10:00"],
        {"days", "db", "due", "language", "parser"},
    ),
    (["dossiers", "--help"], {"db", "dossiers", "language", "login", "parser"}),
    (["restore", "--help"], {"backup", "db", "language", "login", "parser"}),
]


@pytest.mark.parametrize("argv, loaded", _LOADS, ids=[" ".join(a[:1]) for a, _ in _LOADS])
def test_a_command_imports_only_what_it_uses(tmp_path, argv, loaded):
    """``desk --version`` loads no sub-command; a sub-command loads its own module and
    none of the others', and neither SQLAlchemy, Alembic nor Qt until it opens data."""
    code = (
        "import contextlib, io, json, sys\n"
        "from desk.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DESK_LANG", "DESK_DB")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    modules = set(json.loads(out))
    commands = {m.removeprefix("desk.cli.") for m in modules if m.startswith("desk.cli.")}
    assert commands == loaded
    heavy = {m.partition(".")[0] for m in modules} & {"sqlalchemy", "alembic", "PySide6"}
    assert heavy == set()


def test_demo_on_an_office_already_there_announces_no_account_it_did_not_make(capsys, db, db_url):
    code, out, _ = run(capsys, "demo", "--db-url", db_url, "--dossiers", "5")
    assert code == 0 and "Đã tạo 5 hồ sơ mẫu" in out
    assert "canbo1" not in out and "không tạo tài khoản mẫu" in out
    assert [c.username for c in accounts.list_clerks(db)] == ["admin"]


def test_the_database_given_before_the_sub_command_is_the_one_used(capsys, tmp_path, log_in_as):
    """``desk --db FILE dossiers`` read the default database: the sub-command's own --db,
    not given, overwrote FILE."""
    path = str(tmp_path / "demo.sqlite3")
    run(capsys, "demo", "--db", path, "--dossiers", "5")
    log_in_as("lanhdao", "demo1234")
    code, out, err = run(capsys, "--db", path, "dossiers", "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 5


@pytest.mark.parametrize(
    "command", [["dossiers", "--json"], ["calendar", "list", "--year", "2026"]]
)
def test_a_mistyped_database_is_not_made_into_an_empty_office(capsys, tmp_path, log_in_as, command):
    """A typo in --db made an empty database, folders and all, then said the password was
    wrong (or listed an estimated calendar as if all were well)."""
    log_in_as("lanhdao", "demo1234")
    typo = tmp_path / "nhap-sai" / "ho-so.sqlite3"
    code, out, err = run(capsys, *command, "--db", str(typo))
    assert code == 2 and out == ""
    assert f"Không tìm thấy tệp dữ liệu {typo}" in err
    assert not typo.parent.exists()


@pytest.mark.parametrize(
    "first, last, said",
    [
        ("0001-01-01", "9999-12-31", "Năm 1 nằm ngoài lịch của desk: chỉ nhận các năm từ 1990"),
        ("2026-02-30", "2026-03-01", "Ngày 2026-02-30 không có trên lịch"),
    ],
)
def test_the_ratings_period_is_read_as_a_reports(capsys, tmp_path, log_in_as, first, last, said):
    """``desk ratings`` over years 1 to 9999 ended in an OverflowError."""
    path = str(tmp_path / "demo.sqlite3")
    run(capsys, "demo", "--db", path, "--dossiers", "5")
    log_in_as("lanhdao", "demo1234")
    code, _, err = run(capsys, "ratings", "--from", first, "--to", last, "--db", path)
    assert code == 2 and said in err
