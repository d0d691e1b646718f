"""What the receipt says (form 01, compact), independent of pixels."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from desk.domain.dossier import Applicant, ApplicantKind, Dossier, ResultDelivery
from desk.domain.office import Office
from desk.printing.receipt_layout import (
    RECEIPT_TITLE,
    Framed,
    PaperList,
    QrBlock,
    ReceiptLayout,
    TextSize,
)


def test_sample_receipt_states_every_fact_in_order(dossier: Dossier, office: Office) -> None:
    lines = ReceiptLayout.for_dossier(dossier, office).lines()
    expected_in_order = [
        "UBND TỈNH ĐỒNG NAI",
        "UBND XÃ TÂN PHÚ",
        RECEIPT_TITLE,
        "Mã hồ sơ: H36.41-260306-0007",
        "Người nộp hồ sơ: Nguyễn Thị Ánh Tuyết",
        "Số CCCD: 0791******45",
        "Ủy quyền cho: Trần Văn Hùng",
        "Điện thoại: 0912345678",
        "Thủ tục: Thủ tục đăng ký khai sinh",
        "Giấy tờ đã nhận:",
        "1. Tờ khai đăng ký khai sinh theo mẫu (Bản chính: 1)",
        "3. Văn bản ủy quyền được chứng thực (Bản sao: 2)",
        "4. Thẻ căn cước công dân (Xuất trình: 1)",
        "Số lượng hồ sơ: 01 bộ",
        "Thời hạn giải quyết: 02 ngày làm việc",
        "Nhận lúc: 10 giờ 00 phút, ngày 06/03/2026",
        "HẸN TRẢ KẾT QUẢ",
        "10 giờ 00 phút",
        "Thứ Ba, ngày 10/03/2026",
        "Nơi nhận kết quả: Qua dịch vụ bưu chính",
        "Địa chỉ nhận kết quả: Số 5 đường Lê Lợi, phường Trảng Dài, tỉnh Đồng Nai",
        "Cán bộ tiếp nhận: Lê Thị Mỹ Duyên",
        "Đường dây nóng: 0251 3861 234",
    ]
    positions = [lines.index(line) for line in expected_in_order]
    assert positions == sorted(positions)
    start = lines.index("HẸN TRẢ KẾT QUẢ")
    assert lines[start : start + 3] == [
        "HẸN TRẢ KẾT QUẢ",
        "10 giờ 00 phút",
        "Thứ Ba, ngày 10/03/2026",
    ]


def test_papers_are_numbered_with_form_and_count(dossier: Dossier, office: Office) -> None:
    layout = ReceiptLayout.for_dossier(dossier, office)
    [papers] = [b for b in layout.blocks if isinstance(b, PaperList)]
    numbered = papers.lines()[1:]
    assert len(numbered) == len(dossier.papers) == 4
    assert [line.split(".")[0] for line in numbered] == ["1", "2", "3", "4"]
    assert numbered[1].endswith("giấy cam đoan về việc sinh (Bản chính: 1)")


def test_appointment_is_framed_large_and_bold(dossier: Dossier, office: Office) -> None:
    layout = ReceiptLayout.for_dossier(dossier, office)
    [frame] = [b for b in layout.blocks if isinstance(b, Framed)]
    assert [line.text for line in frame.blocks] == [
        "HẸN TRẢ KẾT QUẢ",
        "10 giờ 00 phút",
        "Thứ Ba, ngày 10/03/2026",
    ]
    assert all(line.bold for line in frame.blocks)
    assert {line.size for line in frame.blocks} <= {TextSize.LARGE, TextSize.HUGE}
    assert frame.blocks[1].size is TextSize.HUGE


def test_qr_code_carries_the_dossier_code(dossier: Dossier, office: Office) -> None:
    layout = ReceiptLayout.for_dossier(dossier, office)
    assert layout.qr_codes() == ["H36.41-260306-0007"]
    assert [b for b in layout.blocks if isinstance(b, QrBlock)] == [QrBlock(dossier.code)]


def test_counter_delivery_without_principal(
    dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    applicant = Applicant(name="Phạm Quốc Bảo", id_number="001203004005", phone="0387654321")
    text = ReceiptLayout.for_dossier(
        dossier_factory(applicant=applicant, result_delivery=ResultDelivery.COUNTER), office
    ).text()
    assert "Nơi nhận kết quả: Tại Bộ phận Một cửa" in text
    assert "Địa chỉ nhận kết quả" not in text
    assert "Ủy quyền cho" not in text
    assert "giấy tờ tùy thân khi đến nhận kết quả" in text


def test_post_delivery_falls_back_to_the_applicant_address(
    dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    text = ReceiptLayout.for_dossier(dossier_factory(delivery_address=""), office).text()
    assert "Địa chỉ nhận kết quả: Số 12, ấp Bến Đình, xã Tân Phú, tỉnh Đồng Nai" in text


def test_organisation_shows_its_tax_code(
    dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    company = Applicant(
        name="Công ty TNHH Thương mại Hưng Thịnh",
        kind=ApplicantKind.ORGANISATION,
        id_number="3603456789",
    )
    lines = ReceiptLayout.for_dossier(dossier_factory(applicant=company), office).lines()
    assert "Tổ chức nộp hồ sơ: Công ty TNHH Thương mại Hưng Thịnh" in lines
    assert "Mã số thuế: 3603456789" in lines
    assert not any(line.startswith("Số CCCD") for line in lines)


def test_decomposed_input_comes_out_composed(
    dossier_factory: Callable[..., Dossier], office: Office
) -> None:
    name = unicodedata.normalize("NFD", "Đặng Thị Hồng Nhung")
    applicant = Applicant(name=name, id_number="079190012345")
    lines = ReceiptLayout.for_dossier(dossier_factory(applicant=applicant), office).lines()
    assert "Người nộp hồ sơ: Đặng Thị Hồng Nhung" in lines
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


def test_no_papers_is_said_plainly(dossier_factory: Callable[..., Dossier], office: Office) -> None:
    lines = ReceiptLayout.for_dossier(dossier_factory(papers=[]), office).lines()
    assert lines[lines.index("Giấy tờ đã nhận:") + 1] == "(Không có giấy tờ)"


def test_office_without_hotline_or_parent(dossier: Dossier) -> None:
    bare = Office(name="UBND phường Bến Nghé", parent="", code="H29.01")
    lines = ReceiptLayout.for_dossier(dossier, bare).lines()
    assert lines[0] == "UBND PHƯỜNG BẾN NGHÉ"
    assert not any(line.startswith("Đường dây nóng") for line in lines)
