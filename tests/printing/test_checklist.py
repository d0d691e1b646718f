"""The procedure checklist slip: what it says, and what the printer gets."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from escpos_decode import decode
from PIL import ImageChops

from desk.domain.clock import VN_TZ
from desk.domain.office import Office
from desk.domain.procedure import Channel, PaperForm, Procedure, RequiredPaper
from desk.domain.time_limit import TimeLimit
from desk.printing.checklist_layout import ONLY_LISTED, checklist_layout
from desk.printing.checklist_render import checklist_image, print_checklist

PRINTED = datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ)


def birth() -> Procedure:
    return Procedure(
        code="1.001193",
        name="Thủ tục đăng ký khai sinh",
        field="Hộ tịch",
        limit=TimeLimit.working_days(3),
        fee="Miễn lệ phí",
        papers=[
            RequiredPaper("Tờ khai đăng ký khai sinh theo mẫu"),
            RequiredPaper("Giấy chứng sinh", PaperForm.ORIGINAL, 1),
            RequiredPaper("Giấy tờ tùy thân", PaperForm.SHOWN),
            RequiredPaper("Văn bản ủy quyền nếu ủy quyền", PaperForm.COPY, 2, optional=True),
        ],
    )


def land() -> Procedure:
    return Procedure(
        code="1.013978",
        name="Đăng ký đất đai lần đầu",
        field="Đất đai",
        limit=TimeLimit.working_days(27),
        channel_limits={
            Channel.ONLINE: TimeLimit.working_days(17),
            Channel.POST: TimeLimit.working_days(20),
        },
        papers=[RequiredPaper("Đơn đăng ký")],
    )


def test_the_slip_lists_each_paper_with_a_box_form_and_count(office: Office) -> None:
    lines = checklist_layout(birth(), office, PRINTED).lines()
    assert lines[:4] == [
        "UBND TỈNH ĐỒNG NAI",
        "UBND XÃ TÂN PHÚ",
        "Bộ phận Một cửa",
        "-" * 32,
    ]
    assert "HƯỚNG DẪN CHUẨN BỊ HỒ SƠ" in lines
    assert "Thủ tục đăng ký khai sinh" in lines
    assert "Mã thủ tục: 1.001193" in lines and "Lĩnh vực: Hộ tịch" in lines
    assert "☐ 1. Tờ khai đăng ký khai sinh theo mẫu (Bản chính: 1)" in lines
    assert "☐ 3. Giấy tờ tùy thân (Xuất trình: 1)" in lines
    assert "☐ 4. Văn bản ủy quyền nếu ủy quyền (Bản sao: 2; tùy trường hợp)" in lines
    assert "Thời hạn giải quyết: 03 ngày làm việc" in lines
    assert "Phí, lệ phí: Miễn lệ phí" in lines
    assert (
        "Nơi nộp hồ sơ: Bộ phận Một cửa, UBND xã Tân Phú, Ấp 1, xã Tân Phú, tỉnh Đồng Nai" in lines
    )
    assert any(
        line.startswith("Cách thức nộp: Trực tiếp tại quầy; Qua dịch vụ bưu chính; Trực tuyến")
        for line in lines
    )
    assert "Đường dây nóng: 0251 3861 234" in lines
    assert ONLY_LISTED in lines
    assert lines[-1] == "In lúc 09 giờ 15 phút, ngày 10/03/2026"


def test_limits_that_differ_by_channel_are_printed_one_per_line(office: Office) -> None:
    lines = checklist_layout(land(), office, PRINTED).lines()
    start = lines.index("Thời hạn giải quyết:")
    assert lines[start + 1 : start + 4] == [
        "- Trực tiếp tại quầy: 27 ngày làm việc",
        "- Qua dịch vụ bưu chính: 20 ngày làm việc",
        "- Trực tuyến: 17 ngày làm việc",
    ]
    assert "Phí, lệ phí: Không thu phí, lệ phí" in lines


def test_decomposed_text_is_printed_composed(office: Office) -> None:
    p = birth()
    p.name = unicodedata.normalize("NFD", p.name)
    p.papers = [RequiredPaper(unicodedata.normalize("NFD", "Giấy chứng sinh"))]
    text = checklist_layout(p, office, PRINTED).text()
    assert text == unicodedata.normalize("NFC", text)
    assert "☐ 1. Giấy chứng sinh (Bản chính: 1)" in text


def test_the_printer_gets_the_slip_as_one_raster_and_a_cut(office: Office, tmp_path) -> None:
    out = tmp_path / "slip.bin"
    image = print_checklist(birth(), office, PRINTED, f"file:{out}", "80")
    decoded = decode(out.read_bytes())
    assert decoded.cut and decoded.text_runs == []
    [raster] = decoded.rasters
    assert raster.width == 576 and image.width == 576
    same = ImageChops.difference(raster.convert("L"), image.convert("L")).getbbox() is None
    assert same and raster.height == image.height


def test_58mm_paper_is_narrower_and_longer(office: Office) -> None:
    wide = checklist_image(birth(), office, PRINTED, "80")
    narrow = checklist_image(birth(), office, PRINTED, "58")
    assert narrow.width == 384 and narrow.height > wide.height
