"""The serif family: Times New Roman where Windows has it, else the bundled Liberation Serif."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from desk.config import resource_dir
from desk.documents import fonts

BUNDLED = resource_dir() / "fonts"
TIMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")


def windows_fonts(folder: Path, names=TIMES) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(BUNDLED / "LiberationSerif-Regular.ttf", folder / name)
    return folder


def test_times_new_roman_is_used_when_all_four_files_are_there(tmp_path):
    chosen = fonts.choose_font_files(windows_fonts(tmp_path / "Fonts"), BUNDLED)
    assert chosen.family == "Times New Roman"
    assert chosen.bold == tmp_path / "Fonts" / "timesbd.ttf"
    assert chosen.bold_italic == tmp_path / "Fonts" / "timesbi.ttf"


def test_the_bundled_font_when_times_is_incomplete_or_absent(tmp_path):
    partial = windows_fonts(tmp_path / "Fonts", TIMES[:3])
    for folder in (partial, None):
        chosen = fonts.choose_font_files(folder, BUNDLED)
        assert chosen.family == "Liberation Serif"
        assert chosen.regular == BUNDLED / "LiberationSerif-Regular.ttf"
        assert chosen.italic == BUNDLED / "LiberationSerif-Italic.ttf"


def test_missing_bundled_fonts_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="LiberationSerif-Regular.ttf"):
        fonts.choose_font_files(None, tmp_path)


def test_the_bundled_font_ships_with_its_licence():
    licence = (BUNDLED / "LiberationSerif-LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence
    assert "Liberation" in licence


def test_registered_once_with_every_vietnamese_letter():
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first
    letters = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        face = pdfmetrics.getFont(name).face
        for char in letters + letters.upper():
            assert ord(char) in face.charToGlyph, (name, char)
