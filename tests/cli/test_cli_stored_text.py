"""Text already stored that the intake would now refuse (control characters, a name of
a hundred thousand characters, written by an older desk or another program) never
makes an export or a printout fail, and never reaches a terminal as escape codes:
the xlsx and PDF tracking book, the thermal receipt, form 01 and ``desk dossiers``."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import openpyxl
import pytest
from sqlalchemy import update

from desk.cli import build_parser, main
from desk.cli.reports import run_book
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.text import UNSAFE
from desk.services import catalog, receipts
from desk.services import form_documents as forms
from desk.services.intake import record_intake
from desk.storage.tables import DossierRow

BIRTH = "1.001193"
#: What the tests look for in every output: no control character at all.
RAW_CONTROLS = UNSAFE


@pytest.fixture(autouse=True)
def logged_in(monkeypatch):
    """The command line asks who reads personal data: the test office's admin."""
    monkeypatch.setenv("DESK_USER", "admin")
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")


@pytest.fixture
def stored(db, clerk, clock, engine_name) -> str:
    """A dossier received normally, then changed in the database directly.

    SQLite holds anything: NUL, ESC and a 100,000-character name. PostgreSQL
    refuses NUL in text and keeps the name's column to 200 characters, so there
    the 100,000 characters go into the procedure's name (a text column).
    """
    p = catalog.get_procedure(db, BIRTH)
    draft = IntakeDraft(
        procedure_code=BIRTH,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    code = record_intake(db, draft, clerk, clock).code
    if engine_name == "sqlite":
        name = "Nguyễn\x00Thị\x1b[31mMai\x1b]0;pwned\x07" + "M" * 100_000
        procedure = "Đăng ký khai sinh\x1b[2J"
    else:
        name = "Nguyễn\x01Thị\x1b[31mMai\x1b]0;pwned\x07" + "M" * 150
        procedure = "Đăng ký khai sinh\x1b[2J" + "K" * 100_000
    with db.write() as s:
        s.execute(
            update(DossierRow)
            .where(DossierRow.code == code)
            .values(
                applicant_name=name,
                procedure_name=procedure,
                address="Số 5\x0bấp 3\x9b\u2028xã Tân Phú",
                phone="0912\x1b345678",
                note="ghi\x1bchú",
            )
        )
    return code


def _no_controls(text: str) -> None:
    found = RAW_CONTROLS.findall(text.replace("\n", "").replace("\t", "").replace("\f", ""))
    assert found == [], sorted(set(found))


def _book_args(out) -> object:
    month = f"{date(2026, 3, 1):%Y-%m-%d}"
    return build_parser().parse_args(
        ["book", "--from", month, "--to", "2026-03-31", "--out", str(out)]
    )


def test_the_xlsx_book_is_written_and_holds_no_control_character(
    db, stored, tmp_path, capsys, as_admin
):
    out = tmp_path / "so.xlsx"
    assert run_book(_book_args(out), db) == 0
    values = [
        c.value
        for row in openpyxl.load_workbook(out).active.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert stored in values
    applicant = next(v for v in values if v.startswith("Nguyễn"))
    assert applicant.startswith("NguyễnThị[31mMai]0;pwned")
    long_one = next(v for v in values if v.endswith("…"))  # the name or the procedure
    assert len(long_one) <= 600
    for value in values:
        _no_controls(value)


def test_the_pdf_book_is_laid_out_and_holds_no_control_character(
    db, stored, tmp_path, capsys, as_admin
):
    out = tmp_path / "so.pdf"
    assert run_book(_book_args(out), db) == 0
    text = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert stored in "".join(text.split()) and "…" in text
    _no_controls(text)


def test_the_thermal_receipt_and_form_01_are_made(db, stored, tmp_path):
    image = receipts.receipt_image(db, stored, "58")
    assert image.width == 384 and image.height < 8000  # the name is cut, not a metre long
    out = forms.receipt_pdf(db, stored, tmp_path / "phieu.pdf")
    text = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert stored in "".join(text.split()) and "…" in text
    _no_controls(text)


def test_desk_dossiers_writes_no_escape_code_to_the_terminal(db, db_url, stored, capsys):
    assert main(["dossiers", "--db-url", db_url]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if row.startswith(stored))
    _no_controls(line.replace("\t", ""))
    assert "\\x1b[31mMai\\x1b]0;pwned\\x07" in line  # shown, not obeyed
    assert main(["dossiers", "--db-url", db_url, "--json"]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    row = next(r for r in json.loads(out) if r["code"] == stored)
    assert "\x1b[31mMai\x1b]0;pwned\x07" in row["applicant"]  # the data itself, exact
