"""Form 04, the apology (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết): its words,
the dossier's facts, A5, embedded fonts."""

from __future__ import annotations

import unicodedata

import pytest
from pdf_reading import LAND, ONE_DAY, assert_embedded_serif, make_dossier, pdf_pages, pdf_text, vn

from desk.domain.dossier import ApplicantKind
from desk.domain.errors import UserError
from desk.services import apologies, settings
from desk.services.form_documents import apology_pdf

ORGANISATION = ApplicantKind.ORGANISATION
REASON = "Cần xác minh nguồn gốc đất với xã lân cận & hồ sơ địa chính cũ <trước 2005>."


@pytest.fixture
def apologised(db, clerk, clock):
    """A land dossier received Tue 10/03/2026 09:15, due Thu 16/04/2026 09:15, apologised
    for on Thu 09/04/2026 with a new date of Tue 26/05/2026 10:00."""
    code = make_dossier(db, clerk, clock, LAND)
    clock.advance(30 * ONE_DAY)
    apologies.make_apology(db, clerk, code, REASON, vn(2026, 5, 26, 10, 0), "post", clock)
    return code


def test_the_letter_says_what_the_law_asks(db, apologised, tmp_path):
    path = apology_pdf(db, apologised, tmp_path / "xin-loi.pdf")
    text = pdf_text(path)
    for words in (
        "Mẫu số 04 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "UBND TỈNH ĐỒNG NAI",
        "UBND XÃ TÂN PHÚ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 1/PXL",
        "Tân Phú, ngày 09 tháng 4 năm 2026",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Kính gửi: Ông/Bà Nguyễn Thị Mai",
        "Ngày 10/03/2026, UBND xã Tân Phú tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ "
        "tục hành chính:",
        "của Ông/Bà Nguyễn Thị Mai; số định danh: 079190001234; mã số hồ sơ: H36.41-260310-0001.",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 16/04/2026.",
        "Tuy nhiên đến nay, UBND xã Tân Phú chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng "
        "thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
        f"Lý do: {REASON}",
        "UBND xã Tân Phú xin trân trọng gửi lời xin lỗi đến Ông/Bà vì sự chậm trễ trong quá "
        "trình giải quyết hồ sơ có thể gây phiền hà, tốn kém về chi phí, công sức của Ông/Bà.",
        "UBND xã Tân Phú xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 10 "
        "giờ 00 phút, ngày 26/05/2026.",
        "Mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này./.",
        "Nơi nhận:",
        "CHỦ TỊCH",
        "Trần Thị Bình",
    ):
        assert words in text, words
    assert pdf_pages(path) == (1, (148, 210))  # one A5 portrait page
    assert_embedded_serif(path)


def test_an_office_that_chose_the_old_form_gets_the_form_in_force(db, apologised, tmp_path):
    settings.set_setting(db, "apology_form", "2018")  # the setting of older desks
    text = pdf_text(apology_pdf(db, apologised, tmp_path / "old-setting.pdf"))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "HẸN LẠI NGÀY TRẢ KẾT QUẢ" not in text


def test_an_office_copy_written_for_two_versions_still_prints(db, apologised, tmp_path, data_home):
    """An office that copied the older wording (a title per form version) keeps printing:
    what its copy lacks comes from the shipped file."""
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    (folder / "apology.toml").write_text(
        '[versions.2025]\ntitle = "PHIẾU XIN LỖI"\n[body]\nreason = "Nguyên nhân: {reason}"\n',
        encoding="utf-8",
    )
    text = pdf_text(apology_pdf(db, apologised, tmp_path / "office-copy.pdf"))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert f"Nguyên nhân: {REASON}" in text


def test_an_organisation_is_addressed_by_its_name(db, clerk, clock, tmp_path):
    code = make_dossier(
        db, clerk, clock, name="Công ty TNHH Hòa Bình", id_number="3600123456", kind=ORGANISATION
    )
    apologies.make_apology(db, clerk, code, "Chờ ý kiến sở", vn(2026, 3, 13, 9, 0), "sms", clock)
    text = pdf_text(apology_pdf(db, code, tmp_path / "org.pdf"))
    assert "Kính gửi: Công ty TNHH Hòa Bình" in text
    assert "sự thông cảm của Quý cơ quan, tổ chức vì sự chậm trễ này./." in text
    assert "của Công ty TNHH Hòa Bình; số định danh: 3600123456;" in text
    assert "Ông/Bà" not in text


def test_decomposed_input_comes_out_composed(db, clerk, clock, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Trần Văn Đức")
    code = make_dossier(db, clerk, clock, name=decomposed)
    reason = unicodedata.normalize("NFD", "Chờ kết quả xác minh")
    apologies.make_apology(db, clerk, code, reason, vn(2026, 3, 13, 9, 0), "phone", clock)
    text = pdf_text(apology_pdf(db, code, tmp_path / "nfc.pdf"))
    assert "Kính gửi: Ông/Bà Trần Văn Đức" in text
    assert "Lý do: Chờ kết quả xác minh" in text


def test_no_letter_without_an_apology(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock)
    with pytest.raises(UserError, match="chưa có phiếu xin lỗi"):
        apology_pdf(db, code, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_a_new_letter_replaces_the_old_file_whole(db, apologised, tmp_path):
    path = tmp_path / "letters" / "again.pdf"
    apology_pdf(db, apologised, path)
    first = path.read_bytes()
    apology_pdf(db, apologised, path)
    assert path.read_bytes()[:5] == b"%PDF-"
    assert len(path.read_bytes()) == len(first)
    assert [p.name for p in path.parent.iterdir()] == ["again.pdf"]  # no temporary left
