"""Form 06, the control slip: one row per hand-over, the result class, A5 landscape."""

from __future__ import annotations

from pdf_reading import ONE_DAY, assert_embedded_serif, make_dossier, pdf_pages, pdf_text, vn

from desk.services import apologies, steps
from desk.services.form_documents import control_slip_pdf


def test_every_hand_over_is_a_row(db, clerk, clock, tmp_path):
    code = make_dossier(db, clerk, clock, "1.004873")  # 3 working days: due Fri 13/03 09:15
    steps.transfer(db, clerk, code, "Công chức Tư pháp - Hộ tịch", clock)
    clock.advance(ONE_DAY)
    apologies.make_apology(
        db, clerk, code, "Chờ xác minh nơi cư trú", vn(2026, 3, 17, 9, 15), "sms", clock
    )
    clock.advance(5 * ONE_DAY)  # Monday 16/03: after the appointment, before the new date
    steps.mark_ready(db, clerk, code, clock)
    steps.return_result(db, clerk, code, clock, collected_by="Nguyễn Thị Mai")
    path = control_slip_pdf(db, code, tmp_path / "kiem-soat.pdf")
    text = pdf_text(path, raw=True)
    for words in (
        "Mẫu số 06 - Phụ lục I Thông tư 03/2025/TT-VPCP",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: {code})",
        "Người nộp hồ sơ: Nguyễn Thị Mai",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch",
        "Nhận hồ sơ: 09 giờ 15 phút, ngày 10/03/2026",
        "Hẹn trả kết quả: 09 giờ 15 phút, ngày 13/03/2026",
        "Hẹn lại (phiếu xin lỗi số 1/PXL): 09 giờ 15 phút, ngày 17/03/2026",
        "STT Bước Bên giao Bên nhận",
        "Tiếp nhận hồ sơ",
        "Chuyển xử lý",
        "Xin lỗi và hẹn lại",
        "Phiếu xin lỗi số 1/PXL; Chờ xác minh nơi cư trú",
        "Có kết quả giải quyết",
        "Quá hạn",  # still late against the original appointment
        "Trả kết quả",
        "Ghi chú: Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.",
    ):
        assert words in text, words
    order = [text.index(s) for s in ("Chuyển xử lý", "Xin lỗi và hẹn lại", "Trả kết quả")]
    assert order == sorted(order)
    pages, size = pdf_pages(path)
    assert size == (210, 148)  # A5 landscape
    assert pages == 1
    assert_embedded_serif(path)
