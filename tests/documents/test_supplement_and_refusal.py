"""Forms 02 (supplement request) and 03 (refusal) from the steps that recorded them."""

from __future__ import annotations

import pytest
from pdf_reading import MARRIAGE, assert_embedded_serif, make_dossier, pdf_pages, pdf_text

from desk.domain.errors import UserError
from desk.domain.lifecycle import SupplementRequest
from desk.services import catalog, steps
from desk.services.form_documents import refusal_pdf, supplement_request_pdf


def test_the_supplement_request_lists_everything_at_once(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    papers = [p.name for p in catalog.get_procedure(db, MARRIAGE).papers]
    request = SupplementRequest(
        missing=tuple(papers[:2]),
        reason="Tờ khai thiếu chữ ký của bên nữ & bản sao không rõ nét",
        contact="Chị Lê Thị Hoa, công chức Tư pháp - Hộ tịch, 0912 000 111",
    )
    steps.request_supplement(db, clerk, code, request, clock)
    path = supplement_request_pdf(db, code, tmp_path / "bo-sung.pdf")
    text = pdf_text(path)
    for words in (
        "Mẫu số 02 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã hồ sơ: {code}",
        "Số: 0001.1/YCBS",
        "Hồ sơ của: Nguyễn Thị Mai",
        "Số định danh cá nhân/tổ chức: 079190001234",
        "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn",
        "Địa chỉ: Số 5 đường Lê Lợi, ấp 3, xã Tân Phú",
        "Số điện thoại: 0912345678",
        "Ngày 10/03/2026, Bộ phận Một cửa UBND xã Tân Phú đã tiếp nhận hồ sơ của Ông/Bà "
        "Nguyễn Thị Mai. Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm "
        "những nội dung sau:",
        f"1. {' '.join(papers[0].split())}",
        f"2. {' '.join(papers[1].split())}",
        "Lý do: Tờ khai thiếu chữ ký của bên nữ & bản sao không rõ nét",
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với Chị Lê Thị Hoa, "
        "công chức Tư pháp - Hộ tịch, 0912 000 111 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "Nguyễn Văn An",
    ):
        assert words in text, words
    assert pdf_pages(path) == (1, (148, 210))
    assert_embedded_serif(path)


def test_without_a_contact_the_one_stop_desk_and_its_hotline_are_named(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    steps.request_supplement(
        db, clerk, code, SupplementRequest((), "Tờ khai ghi sai ngày sinh"), clock
    )
    text = pdf_text(supplement_request_pdf(db, code, tmp_path / "bs.pdf"))
    assert "1. Tờ khai ghi sai ngày sinh" in text
    assert "liên hệ với Bộ phận Một cửa UBND xã Tân Phú (điện thoại 0251 3822 123)" in text


def test_no_supplement_form_before_a_request(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    with pytest.raises(UserError, match="chưa có yêu cầu bổ sung"):
        supplement_request_pdf(db, code, tmp_path / "x.pdf")


def test_the_refusal_gives_the_legal_basis_and_every_reason(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    reasons = "Hồ sơ không thuộc thẩm quyền của UBND xã.\nNgười yêu cầu không cư trú tại xã."
    steps.refuse(db, clerk, code, reasons, clock)
    path = refusal_pdf(db, code, tmp_path / "tu-choi.pdf")
    text = pdf_text(path)
    basis = " ".join(catalog.get_procedure(db, MARRIAGE).legal_basis.split())
    for words in (
        "Mẫu số 03 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Số: 0001/TCHS",
        f"Mã hồ sơ: {code}",
        "tiếp nhận hồ sơ của: Nguyễn Thị Mai",
        "Số định danh cá nhân/tổ chức: 079190001234",
        "Địa chỉ: Số 5 đường Lê Lợi, ấp 3, xã Tân Phú",
        f"Qua xem xét, căn cứ quy định tại {basis}, Bộ phận Một cửa UBND xã Tân Phú thông báo "
        "không tiếp nhận, giải quyết hồ sơ này",
        "Hồ sơ không thuộc thẩm quyền của UBND xã.",
        "Người yêu cầu không cư trú tại xã.",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ):
        assert words in text, words
    assert pdf_pages(path) == (1, (148, 210))
    assert_embedded_serif(path)


def test_no_refusal_form_for_a_dossier_not_refused(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    with pytest.raises(UserError, match="chưa bị từ chối"):
        refusal_pdf(db, code, tmp_path / "x.pdf")
