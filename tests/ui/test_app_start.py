"""The application as the desk prepares it: exact Windows scaling, its icon, its language.

Scaling and the language are set when the QApplication is made, so those checks
run in a fresh process (this one's QApplication was made by pytest-qt).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PIL import Image

from desk import config
from desk.storage.database import Database
from desk.ui import app as desk_app
from desk.ui.session import language

REPO = Path(__file__).resolve().parents[2]

FRESH = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QGuiApplication
    from desk.ui.app import application

    app = application()
    print(json.dumps({
        "same": application() is app,
        "policy": QGuiApplication.highDpiScaleFactorRoundingPolicy().name,
        "locale": QLocale().name(),
        "ok": QCoreApplication.translate("QDialogButtonBox", "OK"),
        "icon": not app.windowIcon().isNull(),
    }))
    """
)

SCREENSHOT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    from desk.services import accounts
    from desk.storage.database import open_database
    from desk.ui.app import application
    from desk.ui.worklist.main_window import MainWindow

    app = application()
    db = open_database(sys.argv[1])
    window = MainWindow(db, accounts.get_clerk(db, "admin"))
    window.resize(1280, 720)
    window.show()
    for _ in range(20):
        app.processEvents()
    picture = window.grab()
    picture.save(sys.argv[2])
    print(json.dumps({
        "ratio": window.devicePixelRatioF(),
        "logical": [window.width(), window.height()],
    }))
    window.close()
    db.dispose()
    """
)


def _fresh_process(code: str, *args: str, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "QT_"))}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_application_is_prepared_once(qapp) -> None:
    first = desk_app.application()
    translators = list(language._installed)
    assert desk_app.application() is first is qapp
    assert language._installed == translators  # the language was not installed again
    assert first.applicationName() == config.APP_NAME


def test_the_icon_is_the_desk_s(qapp) -> None:
    icon = desk_app.application().windowIcon()
    assert not icon.isNull()
    assert (config.resource_dir() / "icons" / "desk.png").is_file()


def test_a_fresh_application_scales_exactly_and_speaks_vietnamese(tmp_path) -> None:
    seen = _fresh_process(FRESH, XDG_DATA_HOME=str(tmp_path))
    assert seen == {
        "same": True,
        "policy": "PassThrough",
        "locale": "vi_VN",
        "ok": "Đồng ý",  # Qt's own button, from qtbase_vi
        "icon": True,
    }


def test_the_english_pc_setting_is_installed_at_start(tmp_path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "machine.json").write_text('{"language": "en"}', encoding="utf-8")
    seen = _fresh_process(FRESH, XDG_DATA_HOME=str(tmp_path))
    assert str(seen["locale"]).startswith("en_") and seen["ok"] == "OK"


def test_the_main_window_at_150_percent_is_drawn_at_exactly_1_5(db: Database, tmp_path) -> None:
    """A Windows screen at 150 %: the window is 1.5 times its size in pixels, not 2."""
    png = tmp_path / "main-150.png"
    seen = _fresh_process(
        SCREENSHOT,
        db.url,
        str(png),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QT_SCREEN_SCALE_FACTORS="1.5",
    )
    assert seen["ratio"] == 1.5
    width, height = seen["logical"]
    with Image.open(png) as picture:
        assert picture.size == (round(width * 1.5), round(height * 1.5))
