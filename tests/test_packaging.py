"""The Windows release's pieces that can be checked here: version resource, icon, installer script."""

from __future__ import annotations

import ast
import runpy
from pathlib import Path

from PIL import Image

from desk import __version__

ROOT = Path(__file__).resolve().parent.parent
version_info_module = runpy.run_path(str(ROOT / "packaging" / "version_info.py"))


def test_windows_version_numbers_come_from_the_package_version():
    version_tuple = version_info_module["version_tuple"]
    assert version_tuple("1.2.3") == (1, 2, 3, 0)
    assert version_tuple("0.10") == (0, 10, 0, 0)
    assert version_tuple("2.0.1rc2+local7") == (2, 0, 1, 2)


def test_the_version_file_is_what_pyinstaller_reads(tmp_path):
    """PyInstaller evaluates the file as a ``VSVersionInfo(...)`` expression."""
    path = version_info_module["write_version_file"](__version__, "desk-cmd", tmp_path)
    text = Path(path).read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'desk-cmd.exe')" in text
    numbers = version_info_module["version_tuple"](__version__)
    assert f"filevers={numbers}, prodvers={numbers}" in text
    assert "Bộ phận Một cửa" in text


def test_the_icon_has_every_size_windows_asks_for():
    icon = Image.open(ROOT / "desk" / "resources" / "icons" / "desk.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'icons" / "desk.ico"' in spec and "icon=ICON" in spec


def test_the_installer_installs_per_user_without_admin_rights():
    script = (ROOT / "packaging" / "desk.iss").read_text(encoding="utf-8")
    lines = {
        line.split("=", 1)[0]: line.split("=", 1)[1]
        for line in script.splitlines()
        if "=" in line and not line.startswith((";", "#", "Name:", "Source:", "Filename:"))
    }
    assert lines["PrivilegesRequired"] == "lowest"
    assert lines["DefaultDirName"].startswith("{localappdata}")
    assert lines["SetupIconFile"] == r"..\desk\resources\icons\desk.ico"
    assert r'Source: "..\dist\desk\*"' in script
