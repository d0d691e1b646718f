"""``desk due`` refuses a limit or a moment of receipt the calendar cannot count in,
in Vietnamese and with exit code 2, rather than with a traceback."""

from __future__ import annotations

import pytest

from desk.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "kind, largest",
    [
        ("--days", "2030-03-11 09:00"),
        ("--calendar-days", "2028-12-04 17:00"),
        ("--hours", "2026-09-18 10:30"),
    ],
)
def test_a_limit_is_at_most_999_as_in_the_procedure_editor(capsys, kind, largest):
    code, out, _ = run(capsys, "due", kind, "999", "--received", "2026-03-10 09:00")
    assert (code, out.strip().splitlines()[-1]) == (0, largest)
    for amount in ("1000", "99999999", "999999999"):
        code, _, err = run(capsys, "due", kind, amount, "--received", "2026-03-10 09:00")
        assert code == 2, amount
        assert "tối đa 999" in err and "Traceback" not in err


@pytest.mark.parametrize("received", ["9999-12-31 08:00", "0001-01-01 08:00", "2101-01-02 08:00"])
def test_a_receipt_outside_the_calendars_years_says_which_it_knows(capsys, received):
    code, _, err = run(capsys, "due", "--days", "1", "--received", received)
    assert code == 2
    assert "từ 1990 đến 2100" in err and "Traceback" not in err


def test_a_day_that_does_not_exist_is_not_called_a_wrong_shape(capsys):
    code, _, err = run(capsys, "due", "--days", "1", "--received", "2026-02-30 09:00")
    assert code == 2
    assert "2026-02-30 không có trên lịch" in err
    assert "không đúng dạng" not in err
