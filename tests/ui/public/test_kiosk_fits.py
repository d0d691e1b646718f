"""The kiosk on the screens it hangs on: its texts stay big enough to read standing, and
every button is on screen, with the six default groups, in both languages."""

from __future__ import annotations

import pytest
from background_jobs import screen_read
from PySide6.QtCore import QPoint, QRect, QSize

from desk.domain import translation
from desk.services import queue_setup
from desk.ui.public.kiosk_window import KioskWindow
from desk.ui.session import language


@pytest.fixture
def speak(qapp):
    yield language.install_language
    language.install_language("vi")
    translation.install_backend(None)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "size",
    [QSize(1920, 1040), QSize(1366, 728), QSize(1280, 984), QSize(1024, 728)],
    ids=lambda s: f"{s.width()}x{s.height()}",
)
def test_every_button_is_on_screen_at_a_readable_size(qtbot, db, clock, speak, lang, size):
    speak(lang)
    queue_setup.ensure_defaults(db)
    kiosk = KioskWindow(db, clock, printer_uri="none")
    qtbot.addWidget(kiosk)
    kiosk.resize(size)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: kiosk.size() == size)
    screen_read(qtbot, kiosk)
    assert len(kiosk.group_buttons) == 6
    assert kiosk._scale >= 0.5  # texts at least half their 1920x1080 size
    window = kiosk.rect()
    buttons = [*kiosk.group_buttons, *kiosk.priority_buttons.values()]
    buttons += [kiosk.lookup_button, kiosk.status_button]
    for button in buttons:
        place = QRect(button.mapTo(kiosk, QPoint(0, 0)), button.size())
        assert window.contains(place), f"{button.objectName() or button.text()} is cut"
        assert button.height() >= button.minimumSizeHint().height()
    for button in kiosk.group_buttons:  # the letter in a disc (a radius over half: a square)
        assert button.letter.width() % 2 == 0


def test_a_resize_during_a_look_up_leaves_the_kiosk_texts_readable(qtbot, db, clock):
    """The look-ups keep their own sizes: a screen resized while one is open (its
    page taller than the screen) does not shrink the header and the groups to nothing."""
    from desk.ui.public.kiosk_look import CHOOSE, LOOKUP

    queue_setup.ensure_defaults(db)
    kiosk = KioskWindow(db, clock, printer_uri="none")
    qtbot.addWidget(kiosk)
    kiosk.resize(QSize(1366, 768))
    kiosk.show()
    qtbot.waitExposed(kiosk)
    screen_read(qtbot, kiosk)
    readable = kiosk._scale
    kiosk.open_page(LOOKUP)
    kiosk.lookup.open_procedure("1.013978")
    screen_read(qtbot, kiosk)
    kiosk.resize(QSize(1366, 767))
    qtbot.waitUntil(lambda: kiosk.size() == QSize(1366, 767))
    assert kiosk._scale == readable
    kiosk.show_choices()
    assert kiosk.pages.currentIndex() == CHOOSE and kiosk._scale >= 0.5
