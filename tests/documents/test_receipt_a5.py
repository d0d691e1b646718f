"""Form 01, the full A5 receipt: two copies, every fact of the intake, a QR code."""

from __future__ import annotations

import subprocess

from pdf_reading import LAND, assert_embedded_serif, make_dossier, pdf_pages, pdf_text

from desk.domain.procedure import PAPER_FORM_LABELS
from desk.services import catalog, dossiers
from desk.services.form_documents import receipt_pdf


def test_the_receipt_carries_every_fact_of_form_01(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock, email="mai.nguyen@example.vn", principal="Lê Văn Tám")
    path = receipt_pdf(db, code, tmp_path / "giay-hen.pdf")
    text = pdf_text(path)
    for words in (
        "Mẫu số 01 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "UBND XÃ TÂN PHÚ",
        "BỘ PHẬN MỘT CỬA",
        "Số: 0001/TNHS",
        "Tân Phú, ngày 10 tháng 3 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {code}",
        "Bộ phận Một cửa UBND xã Tân Phú tiếp nhận hồ sơ của: Nguyễn Thị Mai",
        "Số định danh cá nhân/tổ chức: 079190001234",
        "Nộp hồ sơ thay cho (theo ủy quyền): Lê Văn Tám",
        "Địa chỉ: Số 5 đường Lê Lợi, ấp 3, xã Tân Phú",
        "Số điện thoại: 0912345678",
        "Email: mai.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn",
        "1. Thành phần hồ sơ nộp gồm:",
        "2. Số lượng hồ sơ: 01 bộ",
        "3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày",
        "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 10/03/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 10/03/2026 (Thứ Ba)",
        "6. Đăng ký nhận kết quả tại: Tại Bộ phận Một cửa",
        "Vào Sổ theo dõi hồ sơ",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Nguyễn Văn An",
    ):
        assert words in text, words
    papers = catalog.get_procedure(db, "1.000894").papers
    for n, paper in enumerate(papers, start=1):
        assert f"{n}) {paper.name} ({PAPER_FORM_LABELS[paper.form]}: {paper.count:02d})" in text
    # two copies, one A5 portrait page each
    assert text.index("(Liên 1: Lưu tại Bộ phận Một cửa)") < text.index(
        "(Liên 2: Giao người nộp hồ sơ)"
    )
    assert text.count("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") == 2
    assert text.count("Mẫu số 01 - Phụ lục I") == 2  # on each copy
    assert pdf_pages(path) == (2, (148, 210))
    assert_embedded_serif(path)


def test_the_longest_receipt_still_fits_one_page_a_copy(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock, LAND)
    path = receipt_pdf(db, code, tmp_path / "dat-dai.pdf")
    text = pdf_text(path)
    assert pdf_pages(path)[0] == 2
    assert "27 ngày làm việc" in text
    assert "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 16/04/2026" in text
    for paper in dossiers.get_dossier(db, code).papers:
        assert " ".join(paper.name.split()) in text


def test_the_qr_code_reads_back_as_the_dossier_code(db, clerk, clock, tmp_path):
    from PIL import Image
    from pyzbar.pyzbar import decode

    code = make_dossier(db, clerk, clock)
    path = receipt_pdf(db, code, tmp_path / "qr.pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png")))
    assert [symbol.data.decode() for symbol in decode(image)] == [code]


def test_a_result_by_post_says_where_it_goes(db, clerk, clock, tmp_path):
    from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper, ResultDelivery
    from desk.services.intake import record_intake

    p = catalog.get_procedure(db, "1.000894")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Võ Thị Sáu", id_number="079190001299", phone="0912345678"),
        papers=[ReceivedPaper(p.papers[0].name)],
        result_delivery=ResultDelivery.POST,
        delivery_address="12 Nguyễn Huệ, phường Bến Nghé",
    )
    code = record_intake(db, draft, clerk, clock).code
    text = pdf_text(receipt_pdf(db, code, tmp_path / "post.pdf"))
    assert (
        "6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính (địa chỉ: 12 Nguyễn Huệ, "
        "phường Bến Nghé)" in text
    )
    assert "Email" not in text  # no e-mail given: no e-mail line
