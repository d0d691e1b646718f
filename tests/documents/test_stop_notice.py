"""Form 05, the stop notice: made from the stop step, with the request it records."""

from __future__ import annotations

import pytest
from pdf_reading import ONE_DAY, assert_embedded_serif, make_dossier, pdf_pages, pdf_text

from desk.documents import wording
from desk.domain.dossier import ApplicantKind
from desk.domain.errors import UserError
from desk.services import steps
from desk.services.form_documents import stop_notice_pdf

REASON = "Người nộp có đơn xin rút hồ sơ ngày 11/03/2026 để bổ sung giấy tờ & nộp lại sau"


def test_the_notice_names_the_request_and_the_stop(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock, email="mai.nguyen@example.vn")
    steps.transfer(db, clerk, code, "Công chức Tư pháp - Hộ tịch", clock)
    clock.advance(ONE_DAY)  # Wednesday 11/03/2026
    steps.stop(db, clerk, code, REASON, clock)
    path = stop_notice_pdf(db, code, tmp_path / "dung.pdf")
    text = pdf_text(path)
    for words in (
        "Mẫu số 05 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "UBND XÃ TÂN PHÚ",
        "BỘ PHẬN MỘT CỬA",
        "Số: 0001/TBDHS",
        "Tân Phú, ngày 11 tháng 3 năm 2026",
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {code}",
        "Kính gửi: Ông/Bà Nguyễn Thị Mai",
        "Số định danh cá nhân/tổ chức: 079190001234",
        "Địa chỉ: Số 5 đường Lê Lợi, ấp 3, xã Tân Phú",
        "Email: mai.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn",
        "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 10/03/2026",
        "Ngày 11/03/2026, Bộ phận Một cửa UBND xã Tân Phú nhận được đề nghị của Ông/Bà "
        "Nguyễn Thị Mai về việc dừng giải quyết hồ sơ nêu trên.",
        f"Lý do theo đề nghị: {REASON}",
        "thông báo dừng giải quyết hồ sơ này kể từ ngày 11/03/2026.",
        "Việc trả lại hồ sơ giấy và phí, lệ phí (nếu có) thực hiện theo quy định của pháp "
        "luật chuyên ngành",
        "liên hệ Bộ phận Một cửa UBND xã Tân Phú (điện thoại 0251 3822 123)",
        "Xin thông báo để Ông/Bà được biết./.",
        "Nơi nhận:",
        "ĐẠI DIỆN BỘ PHẬN MỘT CỬA",
        "Nguyễn Văn An",
    ):
        assert words in text, words
    assert pdf_pages(path) == (1, (148, 210))
    assert_embedded_serif(path)


def test_an_organisation_is_addressed_by_its_name(db, clerk, clock, tmp_path):
    code = make_dossier(
        db,
        clerk,
        clock,
        name="Công ty TNHH Hòa Bình",
        id_number="3600123456",
        kind=ApplicantKind.ORGANISATION,
    )
    steps.stop(db, clerk, code, "Công ty đề nghị dừng", clock)
    text = pdf_text(stop_notice_pdf(db, code, tmp_path / "org.pdf"))
    assert "Kính gửi: Công ty TNHH Hòa Bình" in text
    assert "Xin thông báo để Quý cơ quan, tổ chức được biết./." in text
    assert "Ông/Bà" not in text


def test_no_notice_for_a_dossier_not_stopped(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    steps.refuse(db, clerk, code, "Không thuộc thẩm quyền", clock)
    with pytest.raises(UserError, match="chưa dừng giải quyết"):
        stop_notice_pdf(db, code, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_the_reconstructed_wording_says_so_to_the_office():
    header = (wording.shipped_forms_dir() / "stop.toml").read_text(encoding="utf-8")
    assert (
        "lời văn dựng theo Điều 21 Nghị định 118/2025 và thông lệ; "
        "chưa đối chiếu bản gốc Mẫu số 05" in header
    )
