"""Write the table of Vietnam's public holidays the ``holidays`` package computes
(``desk/domain/public_holidays_table.py``), so that the calendar of the years it holds
never loads the package.

    python tools/public_holidays.py          # write the table
    python tools/public_holidays.py check    # exit 1 when the table is not the package's

Run it after upgrading ``holidays``; ``tests/domain/test_public_holidays.py`` fails
until then.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "desk" / "domain" / "public_holidays_table.py"

#: The years written out: the oldest dossiers an office may still hold, to the years
#: whose schedules are far from being published.
FIRST_YEAR, LAST_YEAR = 1990, 2050


def table_text() -> str:
    """The module's text, from the package as installed."""
    from desk.domain.public_holidays import computed_year

    lines = [
        '"""Vietnam\'s public holidays and make-up days of the years '
        f"{FIRST_YEAR}-{LAST_YEAR}, as the",
        "``holidays`` package computes them (``desk.domain.public_holidays``).",
        "",
        "Written by ``tools/public_holidays.py``: do not edit.",
        '"""',
        "",
        "#: year -> ((day, name) in the package's order, make-up days)",
        "YEARS: dict[int, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        found = computed_year(year)
        lines.append(f"    {year}: (")
        lines.append("        (")
        lines.extend(
            f"            ({_quoted(day.isoformat())}, {_quoted(name)}),"
            for day, name in found.holidays.items()
        )
        lines.append("        ),")
        makeup = ", ".join(_quoted(day.isoformat()) for day in sorted(found.makeup_days))
        lines.append(f"        ({makeup}{',' if len(found.makeup_days) == 1 else ''}),")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    text = table_text()
    if argv[1:2] == ["check"]:
        if TABLE.exists() and TABLE.read_text(encoding="utf-8") == text:
            return 0
        print(
            f"{TABLE.relative_to(ROOT)} is not the package's: run python tools/public_holidays.py"
        )
        return 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
