"""Every window, in English and in Vietnamese: nothing left untranslated, nothing clipped.

The windows are those of ``tools/screenshots.py`` (which takes their pictures), on
a demo office. In English, a Vietnamese letter on screen is an untranslated text
unless it is the office's data (names, procedures, addresses), which is left as
it is; in both languages a label or button narrower than its text is clipped.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from screen_texts import clipped, texts
from sqlalchemy import String, select

from desk.domain import translation
from desk.storage import tables
from desk.ui import language

ROOT = Path(__file__).resolve().parents[2]
shots = runpy.run_path(str(ROOT / "tools" / "screenshots.py"))
VIETNAMESE = re.compile(r"[^\x00-\x7f\u2010-\u2027\u00a0-\u00bf\u00d7]")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = shots["demo_office"](tmp_path_factory.mktemp("screens"))
    yield db
    db.dispose()


def data_texts(db) -> list[str]:
    """Every text the office's database holds, longest first (data is not translated)."""
    found: set[str] = set()
    with db.read() as session:
        for table in tables.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String)]
            for column in columns:
                for value in session.scalars(select(column).distinct().limit(5000)):
                    if value and VIETNAMESE.search(value):
                        found.add(value)
    found |= {part.strip() for value in list(found) for part in re.split(r"[,;\n()]", value)}
    return sorted((t for t in found if len(t) > 1), key=len, reverse=True)


def shown(office, qapp):
    for name, make in shots["windows"](office):
        widget = shots["show"](make, qapp)
        try:
            yield name, widget
        finally:
            widget.close()
            widget.deleteLater()
            shots["settle"](qapp)


@pytest.fixture
def speak(qapp):
    yield language.install_language
    language.install_language("vi")
    translation.install_backend(None)


def test_english_screens_have_no_vietnamese_left(office, qapp, speak):
    speak("en")
    data = data_texts(office)
    left = []
    for name, window in shown(office, qapp):
        for kind, text in texts(window):
            rest = text
            for value in data:
                if value in rest:
                    rest = rest.replace(value, "")
            if VIETNAMESE.search(rest):
                left.append(f"{name} {kind}: {text[:90]!r}")
    assert left == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_label_or_button_is_clipped(office, qapp, speak, lang):
    speak(lang)
    found = [
        f"{name}: {problem}" for name, window in shown(office, qapp) for problem in clipped(window)
    ]
    assert found == []
