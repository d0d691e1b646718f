"""The published catalog: accent-insensitive search, fields, the slip and the two files."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook

from desk.domain.clock import FixedClock
from desk.domain.errors import NotFound, UserError
from desk.services import catalog, public_catalog

BIRTH = "1.001193"


def test_search_ignores_accents_and_case(db):
    names = [p.name for p in public_catalog.published(db, "DANG KY KHAI SINH")]
    assert "Thủ tục đăng ký khai sinh" in names
    assert all("khai sinh" in n.lower() for n in names)
    assert [p.code for p in public_catalog.published(db, "1.001193")] == [BIRTH]
    assert public_catalog.published(db, "xyzxyz") == []


def test_browsing_by_field_lists_every_field_with_its_count(db):
    fields = public_catalog.fields(db)
    by_name = {f.name: f.count for f in fields}
    assert by_name["Hộ tịch"] == 12
    assert sum(by_name.values()) == len(catalog.list_procedures(db))
    in_field = public_catalog.published(db, field="Hộ tịch")
    assert len(in_field) == 12 and {p.field for p in in_field} == {"Hộ tịch"}
    # searching within a field
    assert [p.code for p in public_catalog.published(db, "khai sinh", "Chứng thực")] == []


def test_a_withdrawn_procedure_is_not_published(db, clerk):
    p = catalog.get_procedure(db, BIRTH)
    p.active = False
    catalog.save_procedure(db, clerk, p)
    assert BIRTH not in [x.code for x in public_catalog.published(db)]
    with pytest.raises(NotFound):
        public_catalog.get_published(db, BIRTH)


def test_the_checklist_prints_on_the_kiosk_printer(db, tmp_path):
    out = tmp_path / "slip.bin"
    clock = FixedClock(datetime(2026, 3, 10, 9, 15))
    image = public_catalog.print_checklist(db, BIRTH, clock, f"file:{out}", "58")
    assert image.width == 384
    data = out.read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dv0" in data


def test_the_xlsx_holds_every_published_procedure(db, tmp_path):
    path = tmp_path / "danh-muc.xlsx"
    count = public_catalog.export(db, path)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã thủ tục", "Tên thủ tục", "Lĩnh vực")
    assert len(rows) - 1 == count == len(catalog.list_procedures(db))
    assert BIRTH in {r[0] for r in rows[1:]}


def test_the_pdf_is_written_and_a_wrong_format_is_refused(db, tmp_path, clock):
    path = tmp_path / "danh-muc.pdf"
    assert public_catalog.export(db, path, "pdf", clock) == len(catalog.list_procedures(db))
    assert path.read_bytes().startswith(b"%PDF")
    with pytest.raises(UserError):
        public_catalog.export(db, tmp_path / "danh-muc.docx")
    with pytest.raises(UserError):
        public_catalog.export(db, tmp_path / "danh-muc.pdf", "xlsx")
