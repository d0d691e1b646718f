"""Catalog files built from random rows: read_catalog answers, it never crashes.

Either procedures with per-row errors, or a ``UserError`` about the whole file.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desk.domain.errors import UserError
from desk.services.catalog_files import read_catalog, shipped_catalog_path

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
HEADER = next(csv.reader(shipped_catalog_path().read_text(encoding="utf-8-sig").splitlines()))
assert len(HEADER) == 14 and HEADER[9] == "Phí, lệ phí" and HEADER[13] == "Chỉ trực tuyến"
KINDS = ["working_days", "calendar_days", "working_hours", "same_day", "", "ngày làm việc"]

cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(KINDS),
    st.integers(-10, 100).map(str),
    st.sampled_from(["15:00", "25:99", "có", "không", "1.001193", ""]),
    st.text(min_size=5000, max_size=40_000),  # a huge cell
)
rows = st.lists(st.lists(cells, min_size=0, max_size=len(HEADER) + 3), max_size=8)


def _check(path: Path) -> None:
    try:
        result = read_catalog(path)
    except UserError as exc:
        assert exc.message.strip()
        return
    assert isinstance(result.procedures, list)
    for error in result.errors:
        assert error.row_number >= 1 and error.message.strip()  # 1: the header row


def _write_csv(path: Path, header: list[str], body: list[list[str]], encoding: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(body)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


@FUZZ
@given(
    body=rows,
    keep_header=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]),
)
@example(body=[["", "\r"]], keep_header=False, encoding="utf-8")  # a lone CR in the header
def test_csv_rows_of_anything_in_any_encoding(body, keep_header, encoding):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "danh-muc.csv"
        header = HEADER if keep_header else (body[0] if body else [])
        _write_csv(path, header, body, encoding)
        _check(path)


@FUZZ
@given(st.binary(max_size=5000), st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_under_a_catalog_name(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"danh-muc{suffix}"
        path.write_bytes(content)
        _check(path)


xlsx_cells = st.one_of(
    cells.filter(lambda t: len(t) < 32_000),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(xlsx_cells, max_size=len(HEADER) + 2), max_size=6), st.booleans())
def test_xlsx_rows_of_anything(body, keep_header):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "danh-muc.xlsx"
        book = Workbook()
        sheet = book.active
        if keep_header:
            sheet.append(HEADER)
        for row in body:
            sheet.append([_printable(v) for v in row])
        book.save(path)
        _check(path)


def _printable(value: object) -> object:
    """openpyxl itself refuses control characters in cells: what Excel could not save."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value
