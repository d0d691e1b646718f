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
from desk.ui.session import language

ROOT = Path(__file__).resolve().parents[2]
shots = runpy.run_path(str(ROOT / "tools" / "screenshots.py"))
#: Shown in themselves in every language, so a clerk lost in the other language finds them.
LANGUAGE_NAMES = ("Ngôn ngữ / Language", "Tiếng Việt")


def vietnamese(text: str) -> bool:
    return any(ord(c) > 127 and c.isalpha() for c in text)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = shots["demo_office"](tmp_path_factory.mktemp("screens"))
    yield db
    db.dispose()


def data_texts(db) -> list[str]:
    """The office's own words, longest first, upper-cased: data is not translated.

    What its database holds (names, procedures, addresses), the official names
    of public holidays, and the queue groups an office starts with (saved as
    the groups' names once set up).
    """
    import holidays

    from desk.services import queue_setup

    found: set[str] = set()
    with db.read() as session:
        for table in tables.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String)]
            for column in columns:
                for value in session.scalars(select(column).distinct().limit(5000)):
                    if value and vietnamese(value):
                        found.add(value)
    found |= set(holidays.country_holidays("VN", years=range(2024, 2029), language="vi").values())
    found |= {t.name for t in queue_setup._TEMPLATES} | {queue_setup.OTHER_GROUP}
    found |= {part.strip() for value in list(found) for part in re.split(r"[,;\n()]", value)}
    return sorted({t.upper() for t in found if len(t) > 1}, key=len, reverse=True)


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
    left, checked = [], 0
    for name, window in shown(office, qapp):
        for kind, text in texts(window):
            checked += 1
            rest = text.upper()
            for value in (*data, *(n.upper() for n in LANGUAGE_NAMES)):
                if value in rest:
                    rest = rest.replace(value, "")
            if vietnamese(rest):
                left.append(f"{name} {kind}: {text[:90]!r}")
    assert checked > 2000  # the windows were really read
    assert not left, "untranslated:\n" + "\n".join(left)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_label_or_button_is_clipped(office, qapp, speak, lang):
    speak(lang)
    found = [
        f"{name}: {problem}" for name, window in shown(office, qapp) for problem in clipped(window)
    ]
    assert not found, "clipped:\n" + "\n".join(found)
