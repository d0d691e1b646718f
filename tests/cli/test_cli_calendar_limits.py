"""``desk calendar`` takes only the years the calendar knows (1990 to 2100): a year
of two digits is a typo, an absurd one no traceback; a day that does not exist is
said to be so."""

from __future__ import annotations

import pytest

from desk.cli import main

SCHEDULE = (
    "date,kind,note,source,status\n2027-01-01,off,Tết Dương lịch,Bộ luật Lao động 2019,confirmed\n"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("year", ["-1", "26", "99999"])
def test_list_refuses_a_year_outside_the_calendar(capsys, db, db_url, year):
    code, out, err = run(capsys, "calendar", "list", "--year", year, "--db-url", db_url)
    assert code == 2
    assert f"Năm {year} nằm ngoài lịch" in err and "từ 1990 đến 2100" in err
    assert out == "" and "Traceback" not in err


def test_list_goes_from_1990_to_2100(capsys, db, db_url):
    for year in ("1990", "2100"):
        code, out, _ = run(capsys, "calendar", "list", "--year", year, "--db-url", db_url)
        assert code == 0 and f"{year}-01-01" in out
    for year in ("1989", "2101"):
        code, _, err = run(capsys, "calendar", "list", "--year", year, "--db-url", db_url)
        assert code == 2 and "từ 1990 đến 2100" in err


def test_import_does_not_confirm_year_27(capsys, db, db_url, as_admin, tmp_path):
    path = tmp_path / "lich.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    code, out, err = run(
        capsys, "calendar", "import", str(path), "--years", "2027", "27", "--db-url", db_url
    )
    assert code == 2
    assert "Năm 27 nằm ngoài lịch" in err and "từ 1990 đến 2100" in err
    _, listed, _ = run(capsys, "calendar", "list", "--year", "2027", "--db-url", db_url)
    assert "chưa có lịch nghỉ chính thức" in listed  # nothing imported


def test_a_day_that_does_not_exist_is_said_to_be_so(capsys, db, db_url, as_admin):
    code, _, err = run(capsys, "calendar", "confirm", "2026-02-30", "--db-url", db_url)
    assert code == 2
    assert "2026-02-30 không có trên lịch" in err and "YYYY-MM-DD" not in err
