"""The seven forms of Circular 03/2025/TT-VPCP, Annex I, each written from a dossier
on a real database and read back with pdftotext: its title, its "Mẫu số" line,
the dossier code, the applicant's name with its marks, and the fields it exists for."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_reading import LAND, MARRIAGE, ONE_DAY, assert_embedded_serif, make_dossier, pdf_text, vn

from desk.documents import wording
from desk.domain.lifecycle import SupplementRequest
from desk.domain.statistics import Period
from desk.services import apologies, catalog, form_documents, report_book, steps

NAME = "Trần Thị Ngọc Ánh"

TITLES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "04": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    "05": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "06": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    "07": "SỔ THEO DÕI HỒ SƠ",
}
FILES = {
    "01": "receipt",
    "02": "supplement",
    "03": "refusal",
    "04": "apology",
    "05": "stop",
    "06": "control",
    "07": "tracking_book",
}


def _receipt(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    form_documents.receipt_pdf(db, code, path)
    return code, ["5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 10/03/2026"]


def _supplement(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    papers = [p.name for p in catalog.get_procedure(db, MARRIAGE).papers]
    request = SupplementRequest((papers[0],), "Tờ khai thiếu chữ ký của người yêu cầu")
    steps.request_supplement(db, clerk, code, request, clock)
    form_documents.supplement_request_pdf(db, code, path)
    return code, [
        f"1. {' '.join(papers[0].split())}",
        "Lý do: Tờ khai thiếu chữ ký của người yêu cầu",
    ]


def _refusal(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    steps.refuse(db, clerk, code, "Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã", clock)
    form_documents.refusal_pdf(db, code, path)
    return code, [
        "với lý do cụ thể như sau: Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã",
    ]


def _apology(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, LAND, name=NAME)  # due Thu 16/04/2026 09:15
    clock.advance(30 * ONE_DAY)
    apologies.make_apology(
        db, clerk, code, "Chờ ý kiến của Văn phòng đăng ký đất đai", vn(2026, 5, 26, 10, 0), "post",
        clock,
    )  # fmt: skip
    form_documents.apology_pdf(db, code, path)
    return code, [
        "Lý do: Chờ ý kiến của Văn phòng đăng ký đất đai",
        "sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 10 giờ 00 phút, ngày 26/05/2026",
    ]


def _stop(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    steps.stop(db, clerk, code, "Người nộp xin rút hồ sơ để nộp lại sau", clock)
    form_documents.stop_notice_pdf(db, code, path)
    return code, [
        "nhận được đề nghị của Ông/Bà Trần Thị Ngọc Ánh về việc dừng giải quyết hồ sơ",
        "Lý do theo đề nghị: Người nộp xin rút hồ sơ để nộp lại sau",
    ]


def _control(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    steps.transfer(db, clerk, code, "Công chức Tư pháp - Hộ tịch", clock)
    steps.mark_ready(db, clerk, code, clock)
    form_documents.control_slip_pdf(db, code, path)
    return code, [
        "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch",
        "Tiếp nhận hồ sơ",
        "Chuyển xử lý",
        "Có kết quả giải quyết",
        "Đúng hạn",
        "Ghi chú:",
    ]


def _book(db, clerk, clock, path: Path) -> tuple[str, list[str]]:
    code = make_dossier(db, clerk, clock, name=NAME)
    make_dossier(db, clerk, clock, name="Lê Văn Đức")
    report_book.tracking_book_pdf(db, Period.month(2026, 3), path)
    return code, [
        "Tháng 3/2026 (từ ngày 01/03/2026 đến ngày 31/03/2026): 2 hồ sơ",
        "Lê Văn Đức",
        "Phương thức nhận kết quả",
        "Ghi chú:",
        "Trang 1/1",
    ]


MAKERS: dict[str, Callable] = {
    "01": _receipt,
    "02": _supplement,
    "03": _refusal,
    "04": _apology,
    "05": _stop,
    "06": _control,
    "07": _book,
}


@pytest.mark.parametrize("number", sorted(MAKERS))
def test_each_form_reads_back_with_its_title_number_and_facts(db, clerk, clock, tmp_path, number):
    path = tmp_path / f"mau-{number}.pdf"
    code, facts = MAKERS[number](db, clerk, clock, path)
    text = pdf_text(path, raw=number in ("06", "07"))  # tables: a cell's lines together
    for words in (
        TITLES[number],
        f"Mẫu số {number} - Phụ lục I Thông tư 03/2025/TT-VPCP",
        code,
        NAME,
        *facts,
    ):
        assert words in text, words
    assert text.count(f"Mẫu số {number}") == text.count(TITLES[number]) >= 1  # one per page
    assert_embedded_serif(path)


@pytest.mark.parametrize("number", sorted(FILES))
def test_each_wording_file_names_its_form_and_warns_it_is_unchecked(number):
    path = wording.shipped_forms_dir() / f"{FILES[number]}.toml"
    text = path.read_text(encoding="utf-8")
    header = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert f"Mẫu số {number}" in header and "Thông tư 03/2025/TT-VPCP" in header
    assert "Phụ lục I" in header
    assert re.search(r"chưa (được )?đối chiếu", header.lower()), header
    data = tomllib.loads(text)
    assert data["form_label"] == f"Mẫu số {number} - Phụ lục I Thông tư 03/2025/TT-VPCP"


def test_a_blank_form_line_is_not_printed(db, clerk, clock, tmp_path, data_home):
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    (folder / "refusal.toml").write_text('form_label = ""\n', encoding="utf-8")
    code = make_dossier(db, clerk, clock)
    steps.refuse(db, clerk, code, "Không thuộc thẩm quyền", clock)
    text = pdf_text(form_documents.refusal_pdf(db, code, tmp_path / "r.pdf"))
    assert "Mẫu số" not in text
    assert TITLES["03"] in text  # every other entry comes from the shipped file
