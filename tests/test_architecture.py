"""The one rule: the core packages never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = [
    "desk.domain",
    "desk.storage",
    "desk.printing",
    "desk.documents",
    "desk.services",
    "desk.cli",
    "desk.config",
]


def _modules(package: str) -> list[str]:
    root = Path(__file__).resolve().parent.parent
    folder = root / package.replace(".", "/")
    if not folder.is_dir():
        return [package]
    names = []
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_core_imports_without_pyside6():
    modules = [m for pkg in CORE for m in _modules(pkg)]
    assert len(modules) > 20
    code = (
        "import importlib, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('PySide6 is not allowed in the core')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_domain_imports_nothing_from_outer_layers():
    root = Path(__file__).resolve().parent.parent / "desk" / "domain"
    offenders = []
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(("from desk.", "import desk.")) and not s.startswith(
                ("from desk.domain", "import desk.domain")
            ):
                offenders.append(f"{path.name}: {s}")
    assert offenders == []
