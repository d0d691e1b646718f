"""The serif family every letter is set in, registered with reportlab once.

The 14 built-in PDF fonts have no Vietnamese letters (they print boxes and
raise nothing), so a TrueType family that covers Vietnamese is embedded.
Decree 30/2020 asks for Times New Roman: on a Windows PC that has it
(``C:\\Windows\\Fonts\\times.ttf`` and its bold and italic files) it is used;
elsewhere the bundled Liberation Serif, which has the same metrics (SIL Open
Font License, in ``resources/fonts/LiberationSerif-LICENSE.txt``).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk.config import resource_dir

REGULAR = "DeskSerif"
BOLD = "DeskSerif-Bold"
ITALIC = "DeskSerif-Italic"
BOLD_ITALIC = "DeskSerif-BoldItalic"

_WINDOWS_NAMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_BUNDLED_NAMES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)


@dataclass(frozen=True)
class FontFiles:
    """The four files of the family, and its name as people know it."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def windows_fonts_dir() -> Path | None:
    """``%WINDIR%\\Fonts`` on Windows, None elsewhere."""
    if os.name != "nt":
        return None
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def choose_font_files(windows_dir: Path | None, bundled_dir: Path) -> FontFiles:
    """Times New Roman when all four of its files are there, else Liberation Serif."""
    if windows_dir is not None:
        times = [windows_dir / name for name in _WINDOWS_NAMES]
        if all(path.is_file() for path in times):
            return FontFiles("Times New Roman", *times)
    bundled = [bundled_dir / name for name in _BUNDLED_NAMES]
    missing = [path.name for path in bundled if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"missing bundled fonts in {bundled_dir}: {', '.join(missing)}")
    return FontFiles("Liberation Serif", *bundled)


_lock = threading.Lock()
_registered: FontFiles | None = None


def register_fonts() -> FontFiles:
    """Register the family under the names ``REGULAR``, ``BOLD``... (once per process).

    The family mapping lets paragraph markup (``<b>``, ``<i>``) pick the right file.
    """
    global _registered
    with _lock:
        if _registered is None:
            files = choose_font_files(windows_fonts_dir(), resource_dir() / "fonts")
            for name, path in (
                (REGULAR, files.regular),
                (BOLD, files.bold),
                (ITALIC, files.italic),
                (BOLD_ITALIC, files.bold_italic),
            ):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, ITALIC)
            addMapping(REGULAR, 1, 1, BOLD_ITALIC)
            _registered = files
        return _registered
