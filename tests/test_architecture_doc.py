"""The picture of the layout in ``docs/architecture.md`` is true: it names every
package of the desk, and no package that is not there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pictured() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = text.split("## The layout", 1)[1].split("```")[1]
    return {m.group(1).rstrip("/") for m in re.finditer(r"^(desk/\S*)", picture, re.M)}


def _packages() -> set[str]:
    return {
        path.parent.relative_to(ROOT).as_posix()
        for path in (ROOT / "desk").rglob("__init__.py")
        if "migrations" not in path.parts
    }


def test_the_layout_picture_names_every_package_and_only_those():
    assert _pictured() == _packages()
