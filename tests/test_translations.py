"""Every screen text is translatable, extracted, translated into English and compiled.

The same checks as ``python tools/translations.py unwrapped`` and ``check``: a text
added to the code without going through translation, or not yet in
``translations/desk_en.ts``, or left untranslated there, or a stale .qm, fails here.
"""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
tools = runpy.run_path(str(ROOT / "tools" / "translations.py"))


def test_every_vietnamese_text_in_the_code_goes_through_translation():
    assert tools["unwrapped"]() == []


def test_the_checker_catches_a_bare_text(tmp_path):
    sample = tmp_path / "sample_window.py"
    sample.write_text(
        "from desk.ui.widgets.qt_helpers import translate\n"
        'ok = translate("X", "Đã lưu")\n'
        'bad = "Chưa dịch"\n'
        'also_bad = f"Hồ sơ {ok}"\n'
        'printed = "Giấy tiếp nhận"  # untranslated: printed on the receipt\n',
        encoding="utf-8",
    )
    found = tools["unwrapped"]([sample])
    assert [line.split(": ", 1)[1] for line in found] == ["'Chưa dịch'", "'Hồ sơ '"]


def test_translations_are_current_complete_and_compiled():
    assert tools["problems"]() == []


def test_the_english_catalogue_covers_a_known_text():
    messages = tools["messages"](ROOT / "translations" / "desk_en.ts")
    translation = messages[("App", "Không mở được dữ liệu")]
    assert translation is not None and translation.text and "open" in translation.text.lower()
