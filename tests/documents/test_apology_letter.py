"""Form 04, the apology letter: its words, the dossier's facts, A5, embedded fonts."""

from __future__ import annotations

import unicodedata

import pytest
from pdf_reading import LAND, ONE_DAY, assert_embedded_serif, make_dossier, pdf_pages, pdf_text, vn

from desk.documents.forms import apology_pdf
from desk.domain.apology import FormVersion
from desk.domain.dossier import ApplicantKind
from desk.domain.errors import UserError
from desk.services import apologies

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


def test_the_2025_letter_says_what_the_law_asks(db, apologised, tmp_path):
    path = apology_pdf(db, apologised, tmp_path / "xin-loi.pdf")
    text = pdf_text(path)
    for words in (
        "UBND TỈNH ĐỒNG NAI",
        "UBND XÃ TÂN PHÚ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 1/PXL",
        "Tân Phú, ngày 09 tháng 4 năm 2026",
        "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Kính gửi: Ông/Bà Nguyễn Thị Mai",
        "Ngày 10/03/2026, UBND xã Tân Phú đã tiếp nhận hồ sơ",
        "(Số định danh cá nhân: 079190001234), mã hồ sơ: H36.41-260310-0001",
        "09 giờ 15 phút, ngày 16/04/2026",
        f"Lý do: {REASON}",
        "gây phiền hà, tốn kém chi phí đi lại, thời gian và công sức của Ông/Bà",
        "thành thật xin lỗi Ông/Bà",
        "10 giờ 00 phút, ngày 26/05/2026",
        "Rất mong nhận được sự thông cảm của Ông/Bà./.",
        "Nơi nhận:",
        "CHỦ TỊCH",
        "Trần Thị Bình",
    ):
        assert words in text, words
    assert pdf_pages(path) == (1, (148, 210))  # one A5 portrait page
    assert_embedded_serif(path)


def test_the_2018_title_by_setting(db, clerk, apologised, tmp_path):
    apologies.set_form_version(db, clerk, FormVersion.V2018)
    text = pdf_text(apology_pdf(db, apologised, tmp_path / "2018.pdf"))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "hẹn lại ngày trả kết quả giải quyết hồ sơ vào 10 giờ 00 phút, ngày 26/05/2026" in text
    assert "ĐỀ NGHỊ GIA HẠN" not in text


def test_an_organisation_is_addressed_by_its_name(db, clerk, clock, tmp_path):
    code = make_dossier(
        db, clerk, clock, name="Công ty TNHH Hòa Bình", id_number="3600123456", kind=ORGANISATION
    )
    apologies.make_apology(db, clerk, code, "Chờ ý kiến sở", vn(2026, 3, 13, 9, 0), "sms", clock)
    text = pdf_text(apology_pdf(db, code, tmp_path / "org.pdf"))
    assert "Kính gửi: Công ty TNHH Hòa Bình" in text
    assert "sự thông cảm của Quý cơ quan, tổ chức./." in text
    assert "của Công ty TNHH Hòa Bình (Mã số thuế: 3600123456)" in text
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
