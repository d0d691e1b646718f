"""Every window on the common office screens, 1366x768 and 1024x768, in both languages;
the public screens (kiosk, waiting-room display) also on 1920x1080 and 1280x1024.

A window opens inside the screen (capped by ``desk.ui.widgets.screen_fit``), can be
shrunk to it (its minimum size fits), and once it has that size no label or
button is cut. The pictures are saved under the test's temporary folder, or in the
folder ``DESK_SHOTS`` names, to be looked at.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog
from screen_texts import clipped

from desk.domain import translation
from desk.ui.session import language

ROOT = Path(__file__).resolve().parents[2]
shots = runpy.run_path(str(ROOT / "tools" / "screenshots.py"))
SCREENS = [QSize(1366, 768), QSize(1024, 768)]
#: The kiosk and the waiting-room display hang on TVs and touch screens too.
PUBLIC_WINDOWS = ("kiosk", "display")
PUBLIC_SCREENS = [QSize(1920, 1080), QSize(1280, 1024)]
#: What the taskbar takes from a 768-pixel-high screen.
TASKBAR = 40
#: Known, left to their owners (each says why); every other window must fit and show all.
KNOWN: set[tuple[str, str, str]] = set()


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = shots["demo_office"](tmp_path_factory.mktemp("small"))
    yield db
    db.dispose()


@pytest.fixture
def speak(qapp):
    yield language.install_language
    language.install_language("vi")
    translation.install_backend(None)


def open_on(make, qapp, screen: QSize):
    """The window as it opens on ``screen``: its own size, capped by the screen's free area."""
    widget = make()
    size = widget.size().expandedTo(widget.sizeHint()) if isinstance(widget, QDialog) else screen
    free = QSize(screen.width(), screen.height() - TASKBAR)
    widget.resize(size.boundedTo(free))
    widget.show()
    shots["settle"](qapp)
    return widget


def shots_folder(tmp_path: Path, screen: QSize, lang: str) -> Path:
    """Where the pictures go: ``DESK_SHOTS`` if set (to keep them), else the test's folder."""
    root = Path(os.environ["DESK_SHOTS"]) if os.environ.get("DESK_SHOTS") else tmp_path
    folder = root / f"{screen.width()}x{screen.height()}-{lang}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def size_name(screen: QSize) -> str:
    return f"{screen.width()}x{screen.height()}"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=size_name)
def test_every_window_fits_and_nothing_is_cut(office, qapp, speak, tmp_path, lang, screen):
    check_windows(office, qapp, speak, shots_folder(tmp_path, screen, lang), lang, screen)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", PUBLIC_SCREENS, ids=size_name)
def test_the_public_screens_fit_large_and_square_screens(
    office, qapp, speak, tmp_path, lang, screen
):
    folder = shots_folder(tmp_path, screen, lang)
    shown = check_windows(office, qapp, speak, folder, lang, screen, PUBLIC_WINDOWS)
    assert shown == [n for n in PUBLIC_WINDOWS if wanted(n)]


def wanted(name: str) -> bool:
    """Every window, or only those ``DESK_ONLY_WINDOWS`` names (comma-separated)."""
    only = os.environ.get("DESK_ONLY_WINDOWS", "")
    return not only or name in only.split(",")


def check_windows(office, qapp, speak, folder, lang, screen, names=None) -> list[str]:  # noqa: ANN001
    """Open each window (or those ``names``) on ``screen``: it fits, nothing is cut.
    The names of the windows opened."""
    speak(lang)
    free = QSize(screen.width(), screen.height() - TASKBAR)
    problems, shown = [], []
    for name, make in shots["windows"](office):
        if not wanted(name) or (names is not None and name not in names):
            continue
        if (name, size_name(screen), lang) in KNOWN:
            continue
        widget = open_on(make, qapp, screen)
        try:
            if widget.width() > free.width() or widget.height() > free.height():
                problems.append(
                    f"{name}: {widget.width()}x{widget.height()} on {free.width()}x{free.height()}"
                    f" (smallest {widget.minimumSizeHint().width()}x"
                    f"{widget.minimumSizeHint().height()})"
                )
            problems += [f"{name}: {p}" for p in clipped(widget)]
            widget.grab().save(str(folder / f"{name}.png"))
            shown.append(name)
        finally:
            widget.close()
            widget.deleteLater()
            shots["settle"](qapp)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    return shown


#: The windows that show the worklist's table.
WORKLIST_WINDOWS = ("main_window_clerk", "main_window_first")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=size_name)
def test_the_worklist_s_whole_row_is_seen_without_scrolling_sideways(
    office, qapp, speak, lang, screen
):
    """On both screens the worklist's row fits its table: the time left, the code and
    the appointment whole, the procedure with room to read; the rest shortened if needed.
    At 1024 the row was 1,195 pixels of fixed columns, behind a sideways scroll bar."""
    from PySide6.QtWidgets import QTableView

    from desk.ui.worklist.column_fit import PROCEDURE_LEAST_CHARS, TEXT_PADDING
    from desk.ui.worklist.worklist_table_model import CODE, DUE, PROCEDURE, URGENCY

    speak(lang)
    for name, make in shots["windows"](office):
        if name not in WORKLIST_WINDOWS:
            continue
        widget = open_on(make, qapp, screen)
        try:
            table = widget.findChild(QTableView, "worklist_table")
            assert table is not None and table.isVisible(), name
            model, header = table.model(), table.horizontalHeader()
            assert model.rowCount() > 0, name
            assert table.horizontalScrollBar().maximum() == 0, name
            assert header.length() <= table.viewport().width(), name
            metrics, char = table.fontMetrics(), table.fontMetrics().averageCharWidth()
            assert header.sectionSize(PROCEDURE) >= PROCEDURE_LEAST_CHARS * char + TEXT_PADDING
            for column in (CODE, DUE, URGENCY):
                widest = max(
                    metrics.horizontalAdvance(model.data(model.index(r, column)))
                    for r in range(model.rowCount())
                )
                assert header.sectionSize(column) > widest, (name, column)
        finally:
            widget.close()
            widget.deleteLater()
            shots["settle"](qapp)
