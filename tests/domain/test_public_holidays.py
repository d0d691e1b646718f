"""Vietnam's public holidays of the years the desk writes out ahead: the ``holidays``
package's own answers, read without loading the package."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desk.domain.public_holidays import computed_year, public_year
from desk.domain.public_holidays_table import YEARS

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_table_is_what_the_tool_writes_from_the_installed_package() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "public_holidays.py"), "check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("year", sorted(YEARS))
def test_every_year_written_equals_the_package_in_order(year: int) -> None:
    written, computed = public_year(year), computed_year(year)
    assert list(written.holidays.items()) == list(computed.holidays.items())
    assert written.makeup_days == computed.makeup_days


def test_the_table_holds_swaps_across_the_new_year_and_lunar_new_year() -> None:
    # 2015-01-02 off against Saturday 2014-12-27: the make-up day is filed under 2014
    assert date(2014, 12, 27) in public_year(2014).makeup_days
    assert public_year(2015).holidays[date(2015, 1, 2)]
    tet_2017 = public_year(2017).holidays
    assert tet_2017[date(2017, 1, 28)] == "Tết Nguyên Đán"
    assert date(2017, 2, 1) in tet_2017


def test_a_year_past_the_table_is_asked_of_the_package() -> None:
    beyond = max(YEARS) + 1
    assert public_year(beyond) == computed_year(beyond)
    assert date(beyond, 9, 2) in public_year(beyond).holidays
