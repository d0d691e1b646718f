"""The catalog booklet for the notice board: A4, by field, a table of contents, readable text."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pdf_reading import assert_embedded_serif, pdf_pages, pdf_text

from desk.documents.catalog_booklet import Booklet, group_by_field, roman, write_booklet
from desk.domain.office import Office
from desk.domain.procedure import Level
from desk.services.catalog_files import read_catalog, shipped_catalog_path

AS_OF = date(2026, 3, 10)
OFFICE = Office(
    name="UBND xã Tân Phú",
    parent="UBND tỉnh Đồng Nai",
    code="H36.41",
    address="Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
    hotline="0251 3822 123",
)


@pytest.fixture(scope="module")
def shipped():
    return tuple(read_catalog(shipped_catalog_path()).procedures)


@pytest.fixture(scope="module")
def booklet_pdf(shipped, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("booklet") / "danh-muc.pdf"
    return write_booklet(path, Booklet(OFFICE, shipped, AS_OF))


def page_text(path: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_the_cover_names_the_office_the_date_and_the_counts(booklet_pdf, shipped):
    active = [p for p in shipped if p.active]
    fields = {p.field for p in active}
    first = squeeze(page_text(booklet_pdf, 1))
    assert first.startswith("UBND TỈNH ĐỒNG NAI UBND XÃ TÂN PHÚ")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Tân Phú, ngày 10 tháng 3 năm 2026" in first
    assert "DANH MỤC THỦ TỤC HÀNH CHÍNH" in first
    assert "(Cập nhật đến ngày 10/03/2026)" in first
    assert f"Gồm {len(active)} thủ tục hành chính thuộc {len(fields)} lĩnh vực." in first
    assert "đường dây nóng 0251 3822 123" in first
    assert "MỤC LỤC" in first


def test_a4_with_the_serif_family_embedded_and_numbered_pages(booklet_pdf):
    pages, size = pdf_pages(booklet_pdf)
    assert size == (210, 297) and pages > 10
    assert_embedded_serif(booklet_pdf)
    assert f"Trang 1/{pages}" in page_text(booklet_pdf, 1)
    assert f"Trang {pages}/{pages}" in page_text(booklet_pdf, pages)
    assert "cập nhật ngày 10/03/2026" in page_text(booklet_pdf, pages)


def test_every_active_procedure_is_there_with_its_papers_and_fee(booklet_pdf, shipped):
    text = pdf_text(booklet_pdf)
    for p in shipped:
        if not p.active:
            assert squeeze(p.name) not in text
            continue
        assert squeeze(p.name) in text, p.code
        assert p.code in text
        assert squeeze(p.papers[0].name) in text, p.code
    assert "Bản chính" in text and "Xuất trình" in text and "tùy trường hợp" in text
    assert "Trực tuyến (Cổng Dịch vụ công quốc gia)" in text


def contents_text(path: Path) -> str:
    """The table of contents: the pages before the first part, as one line."""
    text = []
    for page in range(1, pdf_pages(path)[0] + 1):
        found = page_text(path, page)
        if found.startswith("I. LĨNH VỰC"):
            break
        text.append(found)
    return squeeze(" ".join(text))


def test_the_table_of_contents_gives_the_page_each_part_starts_on(booklet_pdf, shipped):
    contents = contents_text(booklet_pdf)
    entries = re.findall(r"([IVX]+\. LĨNH VỰC [^.]+?)(?: \.)* (\d+)", contents)
    parts = group_by_field(shipped)
    assert [heading for heading, _ in entries] == [
        f"{roman(n)}. LĨNH VỰC {part.field.upper()}" for n, part in enumerate(parts, 1)
    ]
    for heading, page in entries:
        assert squeeze(page_text(booklet_pdf, int(page))).startswith(heading), heading


def test_a_procedure_is_on_the_page_its_entry_says(booklet_pdf):
    contents = contents_text(booklet_pdf)
    [(number, page)] = re.findall(r"(\d+)\. Thủ tục đăng ký khai sinh(?: \.)* (\d+)", contents)
    assert f"{number}. Thủ tục đăng ký khai sinh\n" in page_text(booklet_pdf, int(page))


def test_fields_and_names_are_in_alphabetical_order_without_accents():
    parts = group_by_field(read_catalog(shipped_catalog_path()).procedures)
    assert [p.field for p in parts][:3] == [
        "Bảo trợ xã hội",
        "Chứng thực",
        "Đăng ký, quản lý cư trú",
    ]
    civil = next(p for p in parts if p.field == "Hộ tịch").procedures
    names = [p.name.removeprefix("Thủ tục ") for p in civil]
    assert names.index("đăng ký kết hôn") < names.index("đăng ký khai sinh")
    assert roman(4) == "IV" and roman(9) == "IX" and roman(14) == "XIV"


def test_the_level_is_named_in_vietnamese_and_may_be_left_unknown(tmp_path, shipped):
    commune = next(p for p in shipped if p.active and p.level is Level.COMMUNE)
    province = next(p for p in shipped if p.active and p.level is Level.PROVINCE)
    unknown = replace(commune, code="9.999999", name="Thủ tục chưa ghi cấp thực hiện", level=None)
    booklet = Booklet(OFFICE, (commune, province, unknown), AS_OF)
    text = squeeze(pdf_text(write_booklet(tmp_path / "levels.pdf", booklet)))
    assert text.count("Cấp thực hiện") == 2
    assert "Cấp thực hiện Cấp xã" in text and "Cấp thực hiện Cấp tỉnh" in text
    assert "commune" not in text and "province" not in text
    assert "Thủ tục chưa ghi cấp thực hiện" in text


def test_an_empty_catalog_says_so(tmp_path, shipped):
    withdrawn = tuple(replace(p, active=False) for p in shipped)
    path = write_booklet(tmp_path / "empty.pdf", Booklet(OFFICE, withdrawn, AS_OF))
    text = pdf_text(path)
    assert "Danh mục chưa có thủ tục nào đang áp dụng." in text
    assert "MỤC LỤC" not in text and "Gồm 0 thủ tục" in text


def test_an_office_may_reword_the_booklet(data_home, tmp_path, shipped):
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    shipped_words = (
        Path(__file__).parents[2] / "desk" / "resources" / "forms" / "catalog_booklet.toml"
    )
    own = shipped_words.read_text(encoding="utf-8").replace(
        'as_of = "(Cập nhật đến ngày {date})"', 'as_of = "(Niêm yết từ ngày {date})"'
    )
    (folder / "catalog_booklet.toml").write_text(own, encoding="utf-8")
    path = write_booklet(tmp_path / "own.pdf", Booklet(OFFICE, shipped[:3], AS_OF))
    assert "(Niêm yết từ ngày 10/03/2026)" in pdf_text(path)
