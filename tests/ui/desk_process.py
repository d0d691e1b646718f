"""Running ``desk`` as a clerk's PC would, in a child process of the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def desk_env(tmp_path: Path) -> dict[str, str]:
    """Offscreen, in Vietnamese, with its data and log folders under ``tmp_path``."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    env.pop("DESK_LANG", None)
    return env


def desk_log(tmp_path: Path) -> Path:
    """The log file of a desk run with ``desk_env(tmp_path)``."""
    return tmp_path / "state" / "desk" / "log" / "desk.log"


def run_desk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desk", *args], env=env, capture_output=True, text=True, timeout=240
    )
