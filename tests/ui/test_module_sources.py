"""PySide6's question about each imported module (does its source say "PySide6"?) is
answered as PySide6 answers it, without keeping every module's source in memory."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

from desk.ui import module_sources


def _pyside_answer(module) -> bool:  # noqa: ANN001
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


@pytest.mark.parametrize(
    "name",
    [
        "desk.ui.app",
        "desk.ui.worklist.main_window",
        "desk.domain.calendar",
        "desk.services.first_screen",
        "json.decoder",
        "sqlalchemy.orm.session",
        "sys",
        "PySide6.QtCore",
    ],
)
def test_the_answer_is_pysides_own(name):
    module = importlib.import_module(name)
    assert module_sources.uses_pyside(module, _pyside_answer) is _pyside_answer(module)


def test_imported_modules_are_registered_and_their_sources_not_kept(tmp_path):
    (tmp_path / "voi_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "khong_qt.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = (
        "import linecache, sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import desk.ui\n"
        "import voi_qt, khong_qt, colorsys\n"
        "marks = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "kept = [k for k in linecache.cache if not k.startswith('<')]\n"
        "print(len(kept), marks['voi_qt'], marks['khong_qt'], marks['colorsys'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "0", "-1", "-1"]
