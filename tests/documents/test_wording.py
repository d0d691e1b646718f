"""The forms' words come from TOML files an office may override; mistakes in them are explained."""

from __future__ import annotations

import pytest

from desk.documents import wording
from desk.documents.wording import Markup, load_wording
from desk.domain.errors import UserError

FORMS = (
    "common",
    "receipt",
    "supplement",
    "refusal",
    "apology",
    "stop",
    "control",
    "tracking_book",
)


@pytest.mark.parametrize("name", FORMS)
def test_every_shipped_form_reads(name):
    words = load_wording(name)
    assert words.source == wording.shipped_forms_dir() / f"{name}.toml"
    assert words.data


def test_values_are_escaped_but_markup_is_kept():
    words = load_wording("common")
    filled = words.fill("<b>{name}</b> {part}", {"name": "A & <B>", "part": Markup("<i>x</i>")})
    assert filled == "<b>A &amp; &lt;B&gt;</b> <i>x</i>"


def test_values_and_templates_come_out_composed():
    import unicodedata

    words = load_wording("common")
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert words.fill("{name}", {"name": decomposed}) == "Nguyễn"


def test_a_line_whose_field_is_empty_is_left_out():
    words = load_wording("receipt")
    fields = {
        "office": "UBND xã Tân Phú",
        "name": "Mai",
        "id_label": "Số định danh cá nhân",
        "id_number": "",
        "principal": "",
        "address": "Ấp 3",
        "phone": "",
        "email": "",
        "procedure": "Đăng ký kết hôn",
    }
    lines = words.lines("intro", fields)
    assert "Địa chỉ: Ấp 3" in lines
    assert not any("định danh" in line or "Thư điện tử" in line for line in lines)


def test_an_unknown_placeholder_names_the_file_and_the_fields(tmp_path):
    words = load_wording("common")
    with pytest.raises(UserError) as err:
        words.fill("Kính gửi {nguoi_nhan}", {"name": "Mai"}, "addressee")
    assert "common.toml" in err.value.message
    assert "{nguoi_nhan}" in err.value.message and "{name}" in err.value.message


def test_a_missing_entry_is_named():
    with pytest.raises(UserError, match="thiếu mục 'body.greeting'"):
        load_wording("apology").raw("body.greeting")


def test_an_office_copy_wins_and_is_reread_when_edited(data_home):
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    shipped = (wording.shipped_forms_dir() / "common.toml").read_text(encoding="utf-8")
    own = folder / "common.toml"
    own.write_text(shipped.replace('"Nơi nhận:"', '"NƠI NHẬN:"'), encoding="utf-8")
    assert load_wording("common").text("recipients_heading", {}) == "NƠI NHẬN:"
    own.write_text(shipped.replace('"Nơi nhận:"', '"Gửi:"') + "\n", encoding="utf-8")
    assert load_wording("common").text("recipients_heading", {}) == "Gửi:"


def test_what_an_office_copy_lacks_comes_from_the_shipped_file(data_home):
    """An office's copy from an older desk has no entry the newer desk added (the
    form's "Mẫu số" line): that entry is the shipped one, the copy's own still win."""
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    (folder / "stop.toml").write_text(
        'title = "THÔNG BÁO DỪNG"\n[body]\nclosing = "Trân trọng./."\n', encoding="utf-8"
    )
    words = load_wording("stop")
    assert words.source == folder / "stop.toml"
    assert words.text("title", {}) == "THÔNG BÁO DỪNG"
    assert words.text("body.closing", {}) == "Trân trọng./."
    assert words.text("form_label", {}).startswith("Mẫu số 05")
    assert words.raw("body.papers").startswith("Việc trả lại hồ sơ giấy")


def test_a_broken_office_copy_says_how_to_recover(data_home):
    folder = data_home / "forms"
    folder.mkdir(parents=True)
    (folder / "refusal.toml").write_text('title = "PHIẾU TỪ CHỐI\n', encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_wording("refusal")
    assert "refusal.toml" in err.value.message
    assert "xóa nó để dùng lời văn mặc định" in err.value.message
