"""Every window opens inside a real 1024x768 and 1366x768 screen, at the size it gives itself.

``test_small_screens`` fits each window to the screen and checks that nothing is
cut at that size; a window that asked for more than the screen would still pass
there. Here each window opens on a screen of that size (Qt's offscreen screen,
configured, in a process of its own) exactly as the desk opens it: the size it
sets itself, or its layout's, and nobody resizing it after. With its frame and
title bar (``FRAME``) it must fit above the taskbar; a dialog asking 1,260 pixels
on a 1024-pixel screen shows its right part off the screen, and one asking 760
pixels of height hides its buttons under the taskbar.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: What the taskbar takes from a 768-pixel-high screen (as in ``test_small_screens``).
TASKBAR = 40
#: The kiosk, the waiting-room display and the rating screen run full screen.
FULL_SCREEN = ("kiosk", "kiosk_procedure", "display", "rating")

CHILD = textwrap.dedent(
    """
    import json, runpy, sys
    from desk.config import database_url
    from desk.storage.database import open_database
    from desk.ui.app import application
    from desk.ui.session import language
    from desk.ui.widgets.screen_fit import FRAME

    root, db_file, full_screen = sys.argv[1], sys.argv[2], set(sys.argv[3].split(","))
    shots = runpy.run_path(root + "/tools/screenshots.py")
    app = application()
    free = app.primaryScreen().availableGeometry().size()
    db = open_database(database_url(db_file))
    found = []
    for lang in ("vi", "en"):
        language.install_language(lang)
        for name, make in shots["windows"](db):
            if name in full_screen:
                continue
            widget = make()
            widget.show()
            shots["settle"](app)
            width, height = widget.width() + FRAME.width(), widget.height() + FRAME.height()
            found.append([lang, name, width, height])
            widget.close()
            widget.deleteLater()
            shots["settle"](app)
    db.dispose()
    print(json.dumps({"free": [free.width(), free.height()], "windows": found}))
    """
)


@pytest.fixture(scope="module")
def office_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inside")
    db = runpy.run_path(str(ROOT / "tools" / "screenshots.py"))["demo_office"](folder)
    db.dispose()
    return folder / "demo.sqlite3"


@pytest.mark.parametrize("width", [1024, 1366])
def test_every_window_opens_inside_the_screen_at_its_own_size(tmp_path, office_file, width):
    screen = tmp_path / "screen.json"
    # the screen less its taskbar: what a window may take
    size = {"width": width, "height": 768 - TASKBAR, "logicalDpi": 96, "logicalBpi": 96}
    screen.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, **size}]}))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("DESK_LANG", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(office_file), ",".join(FULL_SCREEN)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["free"] == [width, 768 - TASKBAR]
    assert len(report["windows"]) >= 2 * 25  # every window, in both languages
    too_big = [
        f"{lang} {name}: {w}x{h} with its frame"
        for lang, name, w, h in report["windows"]
        if w > width or h > 768 - TASKBAR
    ]
    assert not too_big, f"windows larger than a {width}x768 screen:\n" + "\n".join(too_big)
