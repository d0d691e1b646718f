"""Helpers for the PDF form tests: dossiers on a real database, and reading PDFs back
with poppler's ``pdftotext``, ``pdffonts`` and ``pdfinfo``."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desk.domain.clock import VN_TZ
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog
from desk.services.intake import record_intake

MARRIAGE = "1.000894"  # in the day, 3 papers
LAND = "1.013978"  # 27 working days, 6 long papers: the longest receipt


def make_dossier(db, clerk, clock, procedure: str = MARRIAGE, **applicant) -> str:
    p = catalog.get_procedure(db, procedure)
    person = dict(
        name="Nguyễn Thị Mai",
        id_number="079190001234",
        phone="0912345678",
        address="Số 5 đường Lê Lợi, ấp 3, xã Tân Phú",
    )
    person.update(applicant)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(**person),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers],
    )
    return record_intake(db, draft, clerk, clock).code


def pdf_text(path: Path, *, raw: bool = False) -> str:
    """The text of every page, whitespace (line breaks too) collapsed to single spaces.

    ``raw`` keeps the order the text was drawn in: a table cell's lines stay together.
    """
    args = ["pdftotext", *(["-raw"] if raw else []), str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@dataclass(frozen=True)
class PdfFont:
    name: str
    embedded: bool


def pdf_fonts(path: Path) -> list[PdfFont]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type encoding emb sub uni object ID: "emb" is the fifth column from the end
        fonts.append(PdfFont(parts[0], parts[-5] == "yes"))
    return fonts


def pdf_pages(path: Path) -> tuple[int, tuple[float, float]]:
    """Number of pages and the first page's size in millimetres (width, height)."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    info = dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    width, _, height = info["Page size"].split()[:3]
    points = 25.4 / 72
    return int(info["Pages"]), (round(float(width) * points), round(float(height) * points))


def assert_embedded_serif(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "no fonts in the PDF"
    assert all(f.embedded for f in fonts), fonts
    assert all("LiberationSerif" in f.name for f in fonts), fonts


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


ONE_DAY = timedelta(days=1)
