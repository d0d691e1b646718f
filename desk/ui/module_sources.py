"""PySide6 asks of every module imported after it whether its source says "PySide6".

That is how it knows which modules may switch its ``__feature__`` options (PYSIDE-2029).
It asks through ``inspect.getsource``, which keeps every line of every module in
``linecache`` for the rest of the program. For the desk's 660 modules, SQLAlchemy's
included, that is about 24 MiB of memory, and the reading and splitting into lines
slows every import.

The same question is answered here by reading the file's bytes, which are not kept.
A module without a source file (the Windows bundle's) is asked as PySide6 asks.
``tests/ui/test_module_sources.py`` checks the answers are PySide6's own.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

#: PySide6's module that asks (``shibokensupport/feature.py``, loaded with PySide6).
FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType, ask_pyside: object = None) -> bool:
    """Whether ``module``'s source says "PySide6", from its file's bytes."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    if callable(ask_pyside):
        return bool(ask_pyside(module))
    return False


def keep_no_sources() -> bool:
    """Answer PySide6's question without keeping sources; ``False`` when this PySide6
    does not ask it (nothing is changed then)."""
    feature = sys.modules.get(FEATURE_MODULE)
    asked = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or asked is None:
        return False
    if getattr(asked, "keeps_no_sources", False):
        return True

    def _mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, asked)

    _mod_uses_pyside.keeps_no_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    # What was asked before this (the modules imported with PySide6) is let go too.
    linecache.clearcache()
    return True
