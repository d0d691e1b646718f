from __future__ import annotations

from PIL import Image, ImageDraw

from desk.printing.text_wrap import (
    BLACK,
    WHITE,
    Span,
    draw_paragraph,
    fonts,
    keep_together,
    line_width,
    split_words,
    wrap,
)

PX = 24


def _black(image: Image.Image) -> int:
    return image.convert("L").histogram()[0]


def _ink(image: Image.Image) -> tuple[int, int, int, int]:
    """Bounding box of the black dots."""
    box = image.convert("L").point(lambda v: 255 - v).getbbox()
    assert box is not None
    return box


def test_lines_never_exceed_the_width_even_for_one_long_word() -> None:
    face = fonts(PX)
    words = split_words([Span("Email: " + "nguyenvana" * 12 + "@example.vn")], face)
    lines = wrap(words, face, 300)
    assert len(lines) >= 3
    assert all(line_width(line, face) <= 300 for line in lines)
    assert "".join(w.text for line in lines for w in line) == (
        "Email:" + "nguyenvana" * 12 + "@example.vn"
    )


def test_hanging_indent_narrows_continuation_lines() -> None:
    face = fonts(PX)
    words = split_words([Span("Giấy chứng sinh của cơ sở y tế nơi trẻ được sinh ra " * 3)], face)
    lines = wrap(words, face, 400, indent=60)
    assert len(lines) > 2
    assert all(line_width(line, face) <= 340 for line in lines[1:])
    assert any(line_width(line, face) > 340 for line in lines[:1])


def test_centred_heading_breaks_into_balanced_lines() -> None:
    title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    face = fonts(31)
    greedy = wrap(split_words([Span(title, True)], face), face, 560)
    widths = [line_width(line, face) for line in greedy]
    image = draw_paragraph([Span(title, True)], 31, 560, align="center")
    assert len(greedy) == 2 and image.height == 2 * face.line_height
    # Greedy leaves a short last line; the centred paragraph evens them out.
    top_ink = _ink(image.crop((0, 0, 560, face.line_height)))
    bottom_ink = _ink(image.crop((0, face.line_height, 560, image.height)))
    balanced_gap = abs((top_ink[2] - top_ink[0]) - (bottom_ink[2] - bottom_ink[0]))
    assert balanced_gap < abs(widths[0] - widths[1])


def test_stacked_marks_are_not_clipped() -> None:
    text = "ẨỄỖ Ỹgjỵ"
    paragraph = draw_paragraph([Span(text, True)], PX, 300)
    roomy = Image.new("1", (300, 4 * PX), WHITE)
    ImageDraw.Draw(roomy).text((0, 2 * PX), text, font=fonts(PX).bold, fill=BLACK, anchor="ls")
    assert _black(paragraph) == _black(roomy) > 0


def test_alignment_moves_the_ink() -> None:
    left = draw_paragraph([Span("Một cửa")], PX, 400, align="left")
    right = draw_paragraph([Span("Một cửa")], PX, 400, align="right")
    centre = draw_paragraph([Span("Một cửa")], PX, 400, align="center")
    assert _ink(left)[0] <= 3
    assert 394 <= _ink(right)[2] <= 400
    assert abs((_ink(centre)[0] + _ink(centre)[2]) / 2 - 200) <= 3


def test_a_date_is_never_split_from_its_word() -> None:
    face = fonts(PX)
    words = split_words([Span("Nhận lúc: 10 giờ 00 phút, ngày 06/03/2026")], face)
    assert words[-1].text == "ngày\u00a006/03/2026"
    narrow = wrap(words, face, 250)
    assert narrow[-1][-1].text == "ngày\u00a006/03/2026"


def test_kept_together_text_moves_as_one_word() -> None:
    face = fonts(PX)
    words = split_words([Span("Tờ khai"), Span(keep_together("(Bản chính: 1)"))], face)
    assert [w.text for w in words] == ["Tờ", "khai", "(Bản\u00a0chính:\u00a01)"]
