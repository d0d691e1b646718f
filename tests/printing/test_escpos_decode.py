"""The test decoder itself must be right before it judges the receipt bytes."""

from __future__ import annotations

import pytest
from escpos_decode import DecodeError, decode, raster_to_image
from PIL import Image


def _raster(width_bytes: int, rows: list[bytes]) -> bytes:
    header = b"\x1dv0\x00" + bytes((width_bytes, 0, len(rows), 0))
    return header + b"".join(rows)


def test_raster_bits_become_black_dots() -> None:
    image = raster_to_image(1, 2, bytes([0b10000001, 0b00000000]))
    assert image.mode == "1"
    assert image.getpixel((0, 0)) == 0  # printed: black
    assert image.getpixel((7, 0)) == 0
    assert image.getpixel((1, 0)) == 255
    assert all(image.getpixel((x, 1)) == 255 for x in range(8))


def test_consecutive_rasters_are_stitched_and_cut_is_seen() -> None:
    job = b"\x1b@" + _raster(1, [b"\xff"]) + _raster(1, [b"\x00", b"\x80"]) + b"\x1bd\x06\x1dV\x00"
    decoded = decode(job)
    assert decoded.fragments == 2
    assert len(decoded.rasters) == 1
    stitched = decoded.rasters[0]
    assert stitched.size == (8, 3)
    assert stitched.getpixel((3, 0)) == 0
    assert stitched.getpixel((3, 1)) == 255
    assert stitched.getpixel((0, 2)) == 0
    assert decoded.cut and decoded.cut_mode == 0
    assert decoded.feed_lines == 6
    assert decoded.commands == ["ESC @", "GS v 0", "GS v 0", "ESC d", "GS V"]


def test_rasters_separated_by_text_stay_apart() -> None:
    job = _raster(1, [b"\xff"]) + b"abc\n" + _raster(1, [b"\xff"])
    decoded = decode(job)
    assert len(decoded.rasters) == 2
    assert decoded.text_runs == ["abc\n"]


def test_text_code_table_alignment_and_qr_store() -> None:
    qr_store = b"\x1d(k" + bytes((3 + 5, 0)) + b"1P0" + b"HELLO"
    job = b"\x1b@\x1bt\x1e\x1ba\x01\x1bE\x01Xin chao\n" + qr_store + b"\x1dVA\x03"
    decoded = decode(job)
    assert decoded.code_table == 30
    assert decoded.text_runs == ["Xin chao\n"]
    assert decoded.qr_data == [b"HELLO"]
    assert decoded.cut and decoded.cut_mode == 65


@pytest.mark.parametrize(
    "job",
    [b"\x1b\x07", b"\x1d\x99", b"\x07", b"\x1dv0\x00\x01\x00\x05\x00\xff"],
    ids=["unknown ESC", "unknown GS", "unknown control", "truncated raster"],
)
def test_unknown_or_truncated_commands_raise(job: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(job)


def test_image_round_trip_helper_matches_pil_layout() -> None:
    image = Image.new("1", (16, 1), 1)
    image.putpixel((9, 0), 0)
    assert raster_to_image(2, 1, bytes([0x00, 0x40])).tobytes() == image.tobytes()
