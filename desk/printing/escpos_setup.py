"""Loading python-escpos safely.

At import, python-escpos parses its ``capabilities.json`` and pickles it into
``ESCPOS_CAPABILITIES_PICKLE_DIR``; when that variable is unset it makes a new
temporary folder on every start. The desk points it at its own cache folder
before the first import, and imports escpos only when a receipt is printed, so
starting the app does not pay for it. (A frozen build must also collect
``capabilities.json``: ``collect_data_files("escpos")`` in the PyInstaller spec.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import ModuleType

import platformdirs

from desk.config import APP_AUTHOR, APP_NAME

PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def configure_escpos_cache(path: Path | None = None) -> Path:
    """Make sure ``ESCPOS_CAPABILITIES_PICKLE_DIR`` names a writable folder.

    A value already in the environment wins (an administrator's choice). Else the
    first writable of ``path``, the app's cache folder and a temporary folder.
    """
    existing = os.environ.get(PICKLE_DIR_ENV)
    if existing:
        return Path(existing)
    candidates = [path] if path is not None else []
    candidates.append(Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)) / "escpos")
    candidates.append(Path(tempfile.gettempdir()) / f"{APP_NAME}-escpos")
    for candidate in candidates:
        if _writable_dir(candidate):
            os.environ[PICKLE_DIR_ENV] = str(candidate)
            return candidate
    raise OSError(f"no writable folder for the escpos cache among {candidates}")


def _writable_dir(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK)


def escpos_printer_module() -> ModuleType:
    """``escpos.printer``, imported after the cache folder is set."""
    configure_escpos_cache()
    import escpos.printer

    return escpos.printer
