"""A paper's pages into one PDF: lossless, turned by /Rotate, PDF/A-2b when all are images."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from desk.documents.scan_pdf import build_pdf, srgb_profile
from desk.documents.scan_sources import (
    PageSource,
    pages_in,
    stored_page_image,
    thumbnail,
    unpack_stored,
)
from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError

MADE_AT = datetime(2026, 3, 10, 9, 15, tzinfo=VN_TZ)


def _page(text: str, mode: str = "RGB", size=(1240, 1754)) -> Image.Image:
    im = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(im)
    draw.rectangle((40, 40, size[0] - 40, size[1] - 40), outline=(200, 0, 0), width=6)
    draw.text((80, 80), text, fill="black")
    return im.convert(mode)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {
        "jpg": tmp_path / "a.jpg",
        "png": tmp_path / "b.png",
        "tif": tmp_path / "c.tif",
        "rgba": tmp_path / "d.png",
    }
    _page("JPEG").save(out["jpg"], dpi=(150, 150), quality=80)
    _page("PNG", "L").save(out["png"], dpi=(150, 150))
    frames = [_page("TIFF 1", "1"), _page("TIFF 2", "1")]
    frames[0].save(out["tif"], save_all=True, append_images=frames[1:], dpi=(150, 150))
    _page("RGBA").convert("RGBA").save(out["rgba"])
    return out


def _streams(data: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(data))
    return [next(iter(p["/Resources"]["/XObject"].values())).get_object() for p in reader.pages]


def test_images_become_a_pdfa_with_each_page_at_its_resolution(files, tmp_path):
    pages = [*pages_in(files["jpg"]), *pages_in(files["png"]), *pages_in(files["tif"])]
    assert len(pages) == 4  # the TIFF has two frames
    built = build_pdf(pages, title="Giấy khai sinh", made_at=MADE_AT)
    assert built.pages == 4 and built.pdfa
    reader = PdfReader(io.BytesIO(built.data))
    assert [round(float(p.mediabox.width)) for p in reader.pages] == [595] * 4  # A4 at 150 dpi
    root = reader.trailer["/Root"]
    assert b"<pdfaid:part>2</pdfaid:part>" in root["/Metadata"].get_object().get_data()
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object().get_data()[8:12] == b"\x04\x20\x00\x00"
    assert reader.trailer["/ID"][0] == reader.trailer["/ID"][1]
    path = tmp_path / "out.pdf"
    path.write_bytes(built.data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:           4" in info.stdout and "Title:           Giấy khai sinh" in info.stdout
    qpdf = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert qpdf.returncode == 0 and "No syntax or stream encoding errors" in qpdf.stdout


def test_a_jpeg_goes_in_as_its_own_bytes_and_a_png_as_its_own_rows(files):
    built = build_pdf([*pages_in(files["jpg"]), *pages_in(files["png"])], made_at=MADE_AT)
    jpeg, png = _streams(built.data)
    assert jpeg["/Filter"] == "/DCTDecode" and jpeg._data == files["jpg"].read_bytes()
    assert png["/Filter"] == "/FlateDecode" and png["/DecodeParms"]["/Predictor"] == 15
    assert png.decode_as_image().tobytes() == Image.open(files["png"]).tobytes()


def test_other_images_keep_their_pixels_and_transparency_goes_on_white(files, tmp_path):
    built = build_pdf([*pages_in(files["tif"]), *pages_in(files["rgba"])], made_at=MADE_AT)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(built.data)
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "x")], check=True)
    tif = Image.open(files["tif"])
    for frame in (0, 1):
        tif.seek(frame)
        extracted = Image.open(tmp_path / f"x-00{frame}.png")
        assert extracted.convert("1").tobytes() == tif.convert("1").tobytes()
    rgba = _streams(built.data)[2]
    assert rgba["/ColorSpace"] == "/DeviceRGB" and built.pdfa


def test_a_turn_is_the_pages_rotate_not_a_new_encoding(files):
    page = pages_in(files["jpg"])[0].turned(90).turned(180)
    built = build_pdf([page], made_at=MADE_AT)
    reader = PdfReader(io.BytesIO(built.data))
    assert reader.pages[0]["/Rotate"] == 270
    assert _streams(built.data)[0]._data == files["jpg"].read_bytes()


def test_one_pdf_taken_whole_is_kept_byte_for_byte_and_mixed_pages_are_merged(files, tmp_path):
    first = build_pdf(pages_in(files["tif"]), made_at=MADE_AT)
    scanner = tmp_path / "scanner.pdf"
    scanner.write_bytes(first.data)
    whole = build_pdf(pages_in(scanner))
    assert whole.data == first.data and not whole.pdfa
    mixed = build_pdf([*pages_in(scanner), pages_in(files["jpg"])[0]], made_at=MADE_AT)
    assert mixed.pages == 3 and not mixed.pdfa
    assert len(PdfReader(io.BytesIO(mixed.data)).pages) == 3


def test_a_stored_pdf_unpacks_into_the_same_images_for_editing(files, tmp_path):
    pages = [
        pages_in(files["jpg"])[0].turned(90),
        *pages_in(files["png"]),
        pages_in(files["tif"])[1],
    ]
    built = build_pdf(pages, made_at=MADE_AT)
    folder = tmp_path / "edit"
    folder.mkdir()
    back = unpack_stored(built.data, folder)
    assert [p.rotation for p in back] == [90, 0, 0]
    assert back[0].path.read_bytes() == files["jpg"].read_bytes()
    again = build_pdf(back, made_at=MADE_AT)
    assert again.pdfa and [s._data for s in _streams(again.data)] == [
        s._data for s in _streams(built.data)
    ]
    sizes = [p.mediabox for p in PdfReader(io.BytesIO(again.data)).pages]
    assert [round(float(m.width)) for m in sizes] == [595, 595, 595]


def test_pages_are_drawn_small_for_the_screen(files):
    pages = pages_in(files["jpg"])
    small = thumbnail(pages[0].turned(90), 200)
    assert small is not None and max(small.size) <= 200 and small.width > small.height
    built = build_pdf([pages[0].turned(90), *pages_in(files["png"])], made_at=MADE_AT)
    shown = stored_page_image(built.data, 0, 300)
    assert shown is not None and shown.width > shown.height and max(shown.size) <= 300
    assert stored_page_image(built.data, 1, 300).mode == "L"
    one_bit = build_pdf(pages_in(files["tif"]), made_at=MADE_AT)
    drawn = stored_page_image(one_bit.data, 0, 2000)
    assert drawn.getpixel((0, 0)) == 255 and drawn.getpixel((45, 45)) == 0  # frame, not inverted


def test_a_file_that_is_not_a_scan_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "thu.docx"
    bad.write_bytes(b"PK\x03\x04 not an image")
    with pytest.raises(UserError) as caught:
        pages_in(bad)
    assert "thu.docx" in caught.value.message


def test_the_output_intent_profile_is_srgb():
    profile = srgb_profile()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "
    assert PageSource(Path("x.jpg")).turned(-90).rotation == 270
