"""The layers of ``desk`` and the one dependency rule between them.

    domain  <-  storage, printing, documents  <-  services  <-  ui, cli

A package may import its own layer's modules and any layer to its left, never one
to its right, and the packages of one layer stay apart (``storage`` never imports
``printing``; ``ui`` never imports ``cli``). ``desk.config`` (paths) and the
package's ``__version__`` sit under everything but ``domain``, which imports
nothing of the desk at all. One exception is named: the command line opens the
windows (``desk``, ``desk kiosk``, ``desk display``, ``desk rating``), so ``cli``
may import ``desk.ui.app`` and the public screens, and Qt's translator
(``desk.ui.session.language``) when it speaks English. The core never imports Qt.

Every import counts: at the top of a module or inside a function, absolute or
relative, ``import desk.x`` or ``from desk import x``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Left to right, as in the picture above: a layer may import its own and those before.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"domain"}),
    frozenset({"config", "version"}),
    frozenset({"storage", "printing", "documents"}),
    frozenset({"services"}),
    frozenset({"ui", "cli"}),
    frozenset({"main"}),
)
#: Imports across one layer that are allowed by name (importer package -> imported modules).
ALLOWED_ACROSS = {
    # the windows it opens, and Qt's translator for a run in English (desk.cli.language)
    "cli": ("desk.ui.app", "desk.ui.public.", "desk.ui.session.language"),
}

CORE = [
    "desk.domain",
    "desk.storage",
    "desk.printing",
    "desk.documents",
    "desk.services",
    "desk.cli",
    "desk.config",
]


def package_of(module: str) -> str | None:
    """The layer name of a ``desk`` module: ``desk.services.intake`` -> ``services``."""
    parts = module.split(".")
    if parts[0] != "desk":
        return None
    if len(parts) == 1 or parts[1] == "__version__":
        return "version"
    if parts[1] == "__main__":
        return "main"
    return parts[1]


def _rank(package: str) -> int:
    for rank, layer in enumerate(LAYERS):
        if package in layer:
            return rank
    raise AssertionError(f"desk.{package} is in no layer: add it to LAYERS")


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:  # relative: resolved against this module's package
        base = module.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    # ``from desk.ui import app`` imports ``desk.ui.app``: each name counts on its own
    return [f"{target}.{alias.name}" for alias in node.names]


def wrong_imports(root: Path) -> list[str]:
    """``importer -> imported`` for every import of ``root/desk`` that breaks the rule."""
    problems = []
    for path in sorted((root / "desk").rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic's scripts: run by Alembic, not imported by the desk
        module = _module_name(path, root)
        source = package_of(module)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _imported(node, module, is_package):
                imported = package_of(target)
                if imported is None or imported == source:
                    continue
                if source == "domain":
                    problems.append(f"{module} -> {target} (domain imports nothing of the desk)")
                elif target.startswith(ALLOWED_ACROSS.get(source, ())):
                    continue
                elif _rank(imported) >= _rank(source):
                    problems.append(f"{module} -> {target}")
    return problems


def test_no_import_runs_upward_or_across():
    assert wrong_imports(ROOT) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_rule_catches_upward_across_and_hidden_imports(tmp_path):
    root = _tree(
        tmp_path,
        {
            "desk/__init__.py": '__version__ = "0"\n',
            "desk/domain/__init__.py": "",
            "desk/domain/rules.py": "from desk.config import resource\n",
            "desk/storage/__init__.py": "",
            "desk/storage/tables.py": "import desk.printing.receipt\n",
            "desk/printing/__init__.py": "",
            "desk/printing/receipt.py": "from desk.domain import rules\n",
            "desk/documents/__init__.py": "",
            "desk/documents/forms.py": "def build():\n    from desk.services import intake\n",
            "desk/services/__init__.py": "",
            "desk/services/intake.py": "from ..storage import tables\nfrom ..ui import app\n",
            "desk/ui/__init__.py": "",
            "desk/ui/app.py": "from desk import cli\n",
            "desk/cli/__init__.py": "from desk.ui import app\nfrom desk.ui.intake import window\n",
            "desk/config.py": "",
        },
    )
    assert wrong_imports(root) == [
        "desk.cli -> desk.ui.intake.window",
        "desk.documents.forms -> desk.services.intake",
        "desk.domain.rules -> desk.config.resource (domain imports nothing of the desk)",
        "desk.services.intake -> desk.ui.app",
        "desk.storage.tables -> desk.printing.receipt",
        "desk.ui.app -> desk.cli",
    ]


def test_the_rule_accepts_a_well_layered_tree(tmp_path):
    root = _tree(
        tmp_path,
        {
            "desk/domain/rules.py": "import datetime\nfrom desk.domain import clock\n",
            "desk/storage/tables.py": "from desk.domain import rules\nfrom desk.config import x\n",
            "desk/services/intake.py": "from desk.storage import tables\nfrom desk import __version__\n",
            "desk/ui/app.py": "from desk.services import intake\nfrom desk.storage import tables\n",
            "desk/cli/__init__.py": "def run():\n    from desk.ui.app import run\n",
        },
    )
    assert wrong_imports(root) == []


def _modules(package: str) -> list[str]:
    folder = ROOT / package.replace(".", "/")
    if not folder.is_dir():
        return [package]
    return [
        _module_name(path, ROOT)
        for path in sorted(folder.rglob("*.py"))
        if "migrations" not in path.parts
    ]


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
