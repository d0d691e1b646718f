"""The letter machinery: capitals that keep markup, fitting a page, the whole-file write."""

from __future__ import annotations

import pytest
from pdf_reading import pdf_pages, pdf_text

from desk.documents import layout
from desk.domain.errors import UserError


def test_capitals_leave_tags_and_entities_alone():
    assert layout.upper("ủy ban &amp; <b>bộ phận</b>") == "ỦY BAN &amp; <b>BỘ PHẬN</b>"
    assert layout.plain("A<br/>B &amp; <i>C</i>") == "A B & C"


def test_a_long_story_shrinks_to_fit_its_page(tmp_path):
    sizes = []

    def story():
        sizes.append(layout.styles()["body"].fontSize)
        return [layout.para("Một đoạn văn bản khá dài để lấp đầy trang giấy khổ A5. " * 10)] * 5

    path = layout.write_pdf(tmp_path / "fit.pdf", story, layout.A5_PORTRAIT, "Thử", max_pages=1)
    assert sizes[0] == layout.BODY_SIZE and sizes == sorted(sizes, reverse=True)
    assert len(sizes) > 1
    assert pdf_pages(path)[0] == 1
    assert layout.styles()["body"].fontSize == layout.BODY_SIZE  # the size is not left behind


def test_without_a_page_limit_the_story_flows_at_the_body_size(tmp_path):
    sizes = []

    def story():
        sizes.append(layout.styles()["body"].fontSize)
        return [layout.para("Dòng chữ. " * 400)] * 3

    path = layout.write_pdf(tmp_path / "flow.pdf", story, layout.A5_PORTRAIT, "Thử")
    assert sizes == [layout.BODY_SIZE]
    assert pdf_pages(path)[0] > 1


def test_the_letterhead_has_both_columns(tmp_path):
    head = layout.Letterhead(("UBND tỉnh Đồng Nai", "UBND xã Tân Phú"), "Số: 7/PXL", "Tân Phú")
    path = layout.write_pdf(
        tmp_path / "head.pdf",
        lambda: [layout.letterhead(head, layout.A5_PORTRAIT)],
        layout.A5_PORTRAIT,
        "Thử",
    )
    # read line by line across the page: each left line sits beside its right line
    assert pdf_text(path) == (
        "UBND TỈNH ĐỒNG NAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "UBND XÃ TÂN PHÚ Độc lập - Tự do - Hạnh phúc "
        "Số: 7/PXL Tân Phú"
    )


def test_a_folder_that_cannot_be_made_is_a_message_for_the_clerk(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    with pytest.raises(UserError) as caught:
        layout.write_pdf(blocked / "x.pdf", lambda: [layout.para("x")], layout.A5_PORTRAIT, "x")
    assert f"Không ghi được tệp {blocked / 'x.pdf'}" in caught.value.message
    assert "Hãy chọn thư mục khác" in caught.value.message


def test_a_folder_named_as_the_file_is_a_message_not_a_crash(tmp_path):
    with pytest.raises(UserError) as caught:
        layout.write_pdf(tmp_path, lambda: [layout.para("x")], layout.A5_PORTRAIT, "x")
    assert caught.value.message == (
        f"{tmp_path} là một thư mục: hãy ghi cả tên tệp, ví dụ {tmp_path / 'phieu.pdf'}."
    )
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_what_the_system_says_is_put_in_the_clerks_words(tmp_path):
    import errno

    from desk.documents import targets

    full = targets.not_replaced(tmp_path / "a.pdf", OSError(errno.ENOSPC, "No space left"))
    assert full.message == f"Không ghi được tệp {tmp_path / 'a.pdf'} (ổ đĩa đã đầy)."
    held = targets.not_replaced(tmp_path / "a.pdf", PermissionError(errno.EACCES, "denied"))
    assert "tệp đang mở trong chương trình khác" in held.message
    odd = targets.reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert odd == "Invalid cross-device link"  # the system's own words when none fit


def test_the_form_line_sits_in_the_margin_and_takes_no_room(tmp_path):
    line = layout.MarginLabel("Mẫu số 05 - Phụ lục I Thông tư 03/2025/TT-VPCP")
    assert line.wrap(layout.A5_PORTRAIT.width, 500) == (layout.A5_PORTRAIT.width, 0)
    path = layout.write_pdf(
        tmp_path / "m.pdf", lambda: [line, layout.para("Nội dung")], layout.A5_PORTRAIT, "m"
    )
    assert pdf_text(path).startswith("Mẫu số 05 - Phụ lục I Thông tư 03/2025/TT-VPCP Nội dung")
