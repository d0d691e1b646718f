"""``desk report`` and ``desk book`` from the command line, on a demo office."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desk.cli import main
from desk.cli.reports import COMMANDS, add_commands, run_book, run_report
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.errors import UserError
from desk.domain.statistics import Dimension, Period
from desk.services import demo, reports
from desk.storage.database import open_database

NOW = datetime(2026, 3, 10, 23, 0, tzinfo=VN_TZ)
FEBRUARY = Period.month(2026, 2)


@pytest.fixture(scope="module")
def office_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-reports") / "desk.sqlite3"
    db = open_database(f"sqlite:///{path}")
    demo.create_demo(db, 800, today=date(2026, 3, 10), months=4)
    db.dispose()
    return path


@pytest.fixture
def office(office_file, log_in_as):
    """The demo office, the commands run by its supervisor (the book and the JSON name people)."""
    log_in_as("lanhdao", "demo1234")
    db = open_database(f"sqlite:///{office_file}", create=False)
    yield db
    db.dispose()


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk")
    add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(list(argv))


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def test_json_holds_the_totals_and_one_entry_per_field(office, capsys):
    args = parse("report", "--from", "2026-02-01", "--to", "2026-02-28")
    assert run_report(args, office, FixedClock(NOW)) == 0
    record = json.loads(capsys.readouterr().out)
    expected = reports.report(office, FEBRUARY, NOW)
    total = expected.total
    for key in ("received", "decided", "early", "on_time", "late", "pending_in_time",
                "pending_overdue", "late_without_apology"):  # fmt: skip
        assert record[key] == getattr(total, key), key
    assert record["on_time_rate"] == round(total.on_time_rate, 4)
    assert record["period"]["title"] == "Tháng 2/2026"
    assert [r["field"] for r in record["by_field"]] == [r.label for r in expected.rows]
    assert sum(r["decided"] for r in record["by_field"]) == record["decided"] > 0
    assert set(record["by_field"][0]) >= {"decided", "on_time_rate", "late_without_apology"}


def test_csv_by_clerk_goes_to_a_file(office, tmp_path, capsys):
    out = tmp_path / "thong-ke.csv"
    args = parse("report", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "csv",
                 "--by", "clerk", "--out", str(out))  # fmt: skip
    assert run_report(args, office, FixedClock(NOW)) == 0
    assert str(out) in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    by_clerk = reports.report(office, FEBRUARY, NOW, Dimension.CLERK)
    assert [r["clerk"] for r in rows] == [r.label for r in by_clerk.rows] + ["Tổng cộng"]
    assert int(rows[-1]["decided"]) == by_clerk.total.decided


def test_pdf_and_xlsx_are_form_06_and_need_a_file(office, tmp_path):
    total = reports.report(office, FEBRUARY, NOW).total
    with pytest.raises(UserError) as caught:
        run_report(parse("report", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "pdf"),
                   office, FixedClock(NOW))  # fmt: skip
    assert "--out" in caught.value.message
    pdf = tmp_path / "bieu-06.pdf"
    run_report(parse("report", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "pdf",
                     "--out", str(pdf)), office, FixedClock(NOW))  # fmt: skip
    text = pdf_text(pdf)
    assert "Biểu số 06/VPCP/KSTT" in text
    totals = " ".join(str(n) for n in (total.handled, total.carried_over, total.received_online))
    assert f"Tổng cộng {totals}" in text
    xlsx = tmp_path / "bieu-06.xlsx"
    run_report(parse("report", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "xlsx",
                     "--out", str(xlsx)), office, FixedClock(NOW))  # fmt: skip
    values = [c.value for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row]
    assert total.decided in values and "Tổng cộng" in values


def test_a_wrong_date_or_a_reversed_period_is_explained(office):
    with pytest.raises(UserError) as caught:
        run_report(parse("report", "--from", "01/02/2026", "--to", "2026-02-28"), office)
    assert "YYYY-MM-DD" in caught.value.message
    with pytest.raises(UserError) as caught:
        run_report(parse("report", "--from", "2026-02-28", "--to", "2026-02-01"), office)
    assert "ngày cuối" in caught.value.message


def test_the_book_is_written_as_pdf_or_xlsx_by_its_suffix(office, tmp_path, capsys):
    received = reports.report(office, FEBRUARY, NOW).total.received
    xlsx = tmp_path / "so.xlsx"
    assert (
        run_book(
            parse("book", "--from", "2026-02-01", "--to", "2026-02-28", "--out", str(xlsx)), office
        )
        == 0
    )
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))
    assert sum(1 for r in rows if isinstance(r[0], int)) == received > 0
    assert f"{received} hồ sơ" in capsys.readouterr().out
    pdf = tmp_path / "so.pdf"
    run_book(parse("book", "--from", "2026-02-01", "--to", "2026-02-28", "--out", str(pdf)), office)
    assert "SỔ THEO DÕI HỒ SƠ" in pdf_text(pdf)
    with pytest.raises(UserError) as caught:
        run_book(
            parse("book", "--from", "2026-02-01", "--to", "2026-02-28", "--out", "so.txt"), office
        )
    assert ".pdf hoặc .xlsx" in caught.value.message


def test_the_commands_open_the_database_named_by_db(office_file, tmp_path, capsys, log_in_as):
    log_in_as("lanhdao", "demo1234")
    out = tmp_path / "so.xlsx"
    args = parse("book", "--from", "2026-02-01", "--to", "2026-02-07", "--out", str(out),
                 "--db", str(office_file))  # fmt: skip
    assert COMMANDS["book"](args) == 0 and out.exists()
    args = parse("report", "--from", "2026-02-01", "--to", "2026-02-07", "--db", str(office_file))
    assert COMMANDS["report"](args) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["received"] > 0


def test_the_book_help_names_form_07_of_circular_03(capsys):
    with pytest.raises(SystemExit):
        parse("book", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "Sổ theo dõi hồ sơ (Mẫu số 07, Phụ lục I Thông tư 03/2025/TT-VPCP)" in text
    assert "mẫu số 06" not in text


def test_without_format_the_report_takes_the_files_suffix(office, tmp_path, capsys):
    def report(out: Path, *options: str) -> None:
        args = parse("report", "--from", "2026-02-01", "--to", "2026-02-28", "--out", str(out),
                     *options)  # fmt: skip
        assert run_report(args, office, FixedClock(NOW)) == 0

    decided = reports.report(office, FEBRUARY, NOW).total.decided
    report(tmp_path / "bieu-06.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "bieu-06.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert decided in values and "Tổng cộng" in values
    report(tmp_path / "bieu-06.PDF")
    assert "Biểu số 06/VPCP/KSTT" in pdf_text(tmp_path / "bieu-06.PDF")
    report(tmp_path / "thong-ke.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "thong-ke.csv").read_text("utf-8"))))
    assert int(rows[-1]["decided"]) == decided
    report(tmp_path / "thong-ke.json")
    assert json.loads((tmp_path / "thong-ke.json").read_text("utf-8"))["decided"] == decided
    report(tmp_path / "thong-ke.txt", "--format", "csv")  # a suffix of no format: --format says
    assert (tmp_path / "thong-ke.txt").read_text("utf-8").startswith("field,")


def test_a_format_the_suffix_contradicts_or_no_format_at_all_is_refused(office, tmp_path):
    for out, options, said in (
        ("x.xlsx", ("--format", "json"), "--format json không khớp với tệp"),
        ("x.pdf", ("--format", "csv"), "(đuôi .pdf)"),
        ("x.txt", (), ".json, .csv, .xlsx hoặc .pdf"),
    ):
        args = parse("report", "--from", "2026-02-01", "--to", "2026-02-28",
                     "--out", str(tmp_path / out), *options)  # fmt: skip
        with pytest.raises(UserError) as caught:
            run_report(args, office, FixedClock(NOW))
        assert said in caught.value.message
        assert not (tmp_path / out).exists()


@pytest.mark.parametrize(
    "first, last, year",
    [("0001-01-01", "9999-12-31", "1"), ("2026-01-01", "9999-12-31", "9999"),
     ("1989-12-31", "2026-01-31", "1989"), ("2026-01-01", "2101-01-01", "2101")],
)  # fmt: skip
def test_a_period_outside_the_calendars_years_is_refused(office, tmp_path, first, last, year):
    for args in (
        parse("report", "--from", first, "--to", last),
        parse("book", "--from", first, "--to", last, "--out", str(tmp_path / "so.pdf")),
    ):
        with pytest.raises(UserError) as caught:
            COMMANDS[args.command](args, office)
        assert caught.value.message == (
            f"Năm {year} nằm ngoài lịch của desk: chỉ nhận các năm từ 1990 đến 2100."
        )


def test_a_day_that_does_not_exist_is_not_called_a_wrong_shape(office, tmp_path, capsys):
    args = parse("report", "--from", "2026-02-30", "--to", "2026-03-31")
    with pytest.raises(UserError) as caught:
        run_report(args, office, FixedClock(NOW))
    assert caught.value.message.startswith("Ngày 2026-02-30 không có trên lịch")
    where = str(tmp_path / "nowhere.sqlite3")
    code = main(["report", "--from", "2026-01-01", "--to", "2026-13-01", "--db", where])
    err = capsys.readouterr().err
    assert code == 2 and "2026-13-01 không có trên lịch" in err and "Traceback" not in err
