"""The printers installed on this computer.

The Windows spooler does not run here: the Windows branch is covered through
``windows_printers_from`` on entries shaped as pywin32's ``EnumPrinters`` level 4
returns them. The CUPS branch runs for real against a small ``lpstat`` script
put first on ``PATH``, which prints what CUPS's ``lpstat`` prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.printing import parse_printer_uri
from desk.printing.printer_uri import PrinterKind
from desk.printing.system_printers import (
    CUPS,
    WINDOWS,
    WORK_OFFLINE,
    SystemPrinter,
    cups_printers_from,
    list_system_printers,
    uri_for,
    windows_printers_from,
)

LPSTAT = """#!/bin/sh
echo "$LC_ALL" > "{seen}"
case "$1" in
  -e) printf '{names}' ;;
  -d) printf '{default}' ;;
  *) exit 2 ;;
esac
"""


def fake_lpstat(
    folder: Path, monkeypatch: pytest.MonkeyPatch, names: str, default: str, exit_code: int = 0
) -> Path:
    """An ``lpstat`` first on PATH; returns the file where it writes the LC_ALL it saw."""
    folder.mkdir(exist_ok=True)
    seen = folder / "lc_all.txt"
    script = LPSTAT.format(seen=seen, names=names, default=default)
    if exit_code:
        script = f"#!/bin/sh\necho 'lpstat: No destinations added.' >&2\nexit {exit_code}\n"
    path = folder / "lpstat"
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return seen


def test_cups_queues_are_listed_default_first(tmp_path, monkeypatch) -> None:
    seen = fake_lpstat(
        tmp_path / "bin",
        monkeypatch,
        names=r"Kitchen_Laser\nEPSON_TM_T82\nQuay-2\n",
        default=r"system default destination: EPSON_TM_T82\n",
    )
    printers = list_system_printers()
    assert printers == [
        SystemPrinter("EPSON_TM_T82", True, CUPS),
        SystemPrinter("Kitchen_Laser", False, CUPS),
        SystemPrinter("Quay-2", False, CUPS),
    ]
    assert seen.read_text().strip() == "C"  # English output whatever the PC's locale


def test_cups_without_a_default(tmp_path, monkeypatch) -> None:
    fake_lpstat(
        tmp_path / "bin",
        monkeypatch,
        names=r"EPSON_TM_T82\n",
        default=r"no system default destination\n",
    )
    assert list_system_printers() == [SystemPrinter("EPSON_TM_T82", False, CUPS)]


def test_cups_with_no_printer_gives_an_empty_list(tmp_path, monkeypatch) -> None:
    fake_lpstat(tmp_path / "bin", monkeypatch, names="", default="", exit_code=1)
    assert list_system_printers() == []


def test_no_lpstat_gives_an_empty_list(tmp_path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert list_system_printers() == []


def test_an_lpstat_that_cannot_start_gives_an_empty_list(tmp_path, monkeypatch, caplog) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    broken = folder / "lpstat"
    broken.write_text("#!/nonexistent/interpreter\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    assert list_system_printers() == []
    assert "lpstat -e failed" in caplog.text


def test_lpstat_output_is_read_line_by_line() -> None:
    printers = cups_printers_from(
        "A\n\n  B  \nA\n", "system default destination: B\n"
    )  # blank lines and repeats are dropped
    assert printers == [SystemPrinter("A", False, CUPS), SystemPrinter("B", True, CUPS)]


def test_windows_entries_become_printers() -> None:
    entries = [  # as EnumPrinters(PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS, None, 4) gives
        {"pPrinterName": "EPSON TM-T82 Receipt", "pServerName": None, "Attributes": 0x244},
        {"pPrinterName": "Microsoft Print to PDF", "pServerName": None, "Attributes": 0x40},
        {
            "pPrinterName": r"\\MAY-CHU\Xprinter XP-80",
            "pServerName": r"\\MAY-CHU",
            "Attributes": 0x214,
        },
        {"pPrinterName": "Máy in quầy 2", "pServerName": None, "Attributes": 0x40 | WORK_OFFLINE},
        {"pPrinterName": "", "pServerName": None, "Attributes": 0},
    ]
    printers = windows_printers_from(entries, default="epson tm-t82 receipt")
    assert [p.name for p in printers] == [
        "EPSON TM-T82 Receipt",
        "Microsoft Print to PDF",
        r"\\MAY-CHU\Xprinter XP-80",
        "Máy in quầy 2",
    ]
    assert [p.is_default for p in printers] == [True, False, False, False]
    assert [p.offline for p in printers] == [False, False, False, True]
    assert {p.system for p in printers} == {WINDOWS}


def test_windows_without_a_default_printer() -> None:
    printers = windows_printers_from([{"pPrinterName": "EPSON", "Attributes": 0}], default="")
    assert printers == [SystemPrinter("EPSON", False, WINDOWS)]


@pytest.mark.parametrize(
    "name", ["EPSON TM-T82 Receipt", r"\\MAY-CHU\Xprinter XP-80", "Máy in quầy 2"]
)
def test_a_windows_printer_has_the_win32_address_printer_uri_reads(name: str) -> None:
    uri = uri_for(SystemPrinter(name, system=WINDOWS))
    assert uri == f"win32:{name}"
    target = parse_printer_uri(uri)
    assert target.kind is PrinterKind.WIN32 and target.name == name


def test_a_cups_queue_has_no_printer_address() -> None:
    assert uri_for(SystemPrinter("EPSON_TM_T82", True, CUPS)) is None


def test_listing_printers_imports_no_qt() -> None:
    code = (
        "import sys, desk.printing.system_printers, desk.printing.test_page\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
