"""The guide to submitting online: what it says, the bytes the printer gets, the QR code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from escpos_decode import decode
from PIL import Image, ImageChops
from pyzbar.pyzbar import decode as zbar_decode

from desk.domain.clock import VN_TZ
from desk.domain.office import Office
from desk.printing import receipt_bytes
from desk.printing.online_guide import (
    PORTAL_URL,
    OnlineGuide,
    guide_image,
    print_guide,
    render_guide,
)

PRINTED_AT = datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ)


def residence(office: Office) -> OnlineGuide:
    return OnlineGuide.build("1.004222", "Đăng ký thường trú", office, PRINTED_AT)


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


def test_the_guide_names_the_procedure_the_portal_the_steps_and_the_hotline(office: Office):
    guide = residence(office)
    lines = guide.lines()
    assert lines[:3] == ["UBND TỈNH ĐỒNG NAI", "UBND XÃ TÂN PHÚ", "Bộ phận Một cửa"]
    assert "HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN" in lines
    assert "Thủ tục: Đăng ký thường trú" in lines and "Mã thủ tục: 1.004222" in lines
    assert "dichvucong.gov.vn" in lines
    assert guide.qr_codes() == [PORTAL_URL] == ["https://dichvucong.gov.vn"]
    steps = [line for line in lines if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert len(steps) == 5
    assert "VNeID mức độ 2" in steps[0]
    assert "1.004222" in steps[1]
    assert "đính kèm" in steps[2] and "trực tuyến" in steps[3] and "Theo dõi" in steps[4]
    assert "0251 3861 234" in lines  # the office's hotline, on a line of its own
    assert "In lúc 09 giờ 15 phút, ngày 10/03/2026" in lines


def test_without_a_hotline_the_guide_sends_to_the_counter(office: Office):
    office.hotline = ""
    assert "Cần hỗ trợ, xin hỏi cán bộ Bộ phận Một cửa." in residence(office).lines()


@pytest.mark.parametrize("paper, width", [("80", 576), ("58", 384)])
def test_the_job_decodes_to_the_image_and_its_qr_opens_the_portal(
    office: Office, paper: str, width: int, tmp_path: Path, shots
):
    target = tmp_path / "guide.bin"
    image = print_guide(
        "1.004222", "Đăng ký thường trú", office, PRINTED_AT, f"file:{target}", paper
    )
    job = decode(target.read_bytes())
    assert job.commands[0] == "ESC @" and job.cut and job.text_runs == []
    [printed] = job.rasters
    assert printed.mode == "1" and printed.width == width and same_pixels(printed, image)
    found = {symbol.data.decode() for symbol in zbar_decode(printed.convert("L"))}
    assert found == {PORTAL_URL}
    printed.save(shots / f"online-guide-{paper}.png")


def test_the_guide_is_one_slip_drawn_the_same_way_each_time(office: Office):
    image = render_guide(residence(office), 576)
    same = guide_image("1.004222", "Đăng ký thường trú", office, PRINTED_AT)
    assert same_pixels(image, same)
    assert image.height > 1000  # everything on one slip, none of it dropped
    job = decode(receipt_bytes(image))
    assert len(job.rasters) == 1
