"""Keep the translations current: ``python tools/translations.py update|release|check``.

- ``update``  re-reads every screen text from the code into ``translations/desk_en.ts``
  (``pyside6-lupdate``; translations already made are kept, texts gone are dropped).
  Translate the new entries with Qt Linguist (``pyside6-linguist``) or any editor.
- ``release`` compiles each ``translations/*.ts`` into ``desk/resources/translations/*.qm``
  (``pyside6-lrelease``), which the program loads.
- ``check``   fails when the .ts lacks a text of the code, a text is untranslated,
  or a .qm is older than its .ts. The tests run the same checks.
- ``unwrapped [FILE...]`` lists Vietnamese texts in the code that bypass translation.

A Vietnamese text in the code must go through ``translate(context, text)``,
``self.tr(text)`` or ``QT_TRANSLATE_NOOP(context, text)``, unless it is printed
on a Vietnamese form or is sample data: whole modules of that kind are listed in
``PRINTED``, a single line says so with a ``# untranslated: <why>`` comment.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "desk" / "resources" / "translations"
#: The desk's own texts, extracted from the code; Qt's own (``qtbase_vi.ts``) are kept by hand.
DESK_TS = {"en": TS_DIR / "desk_en.ts"}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def sources() -> list[Path]:
    """Every module whose text may reach a screen (printed forms stay Vietnamese)."""
    return sorted(p for p in (ROOT / "desk").rglob("*.py") if "migrations" not in p.parts)


#: Modules whose text is printed on Vietnamese administrative paper, or data: sample
#: data, and the holidays' names as the ``holidays`` package gives them in Vietnamese.
PRINTED = (
    "desk/documents/",
    "desk/domain/public_holidays_table.py",
    "desk/printing/receipt_layout.py",
    "desk/printing/checklist_layout.py",
    "desk/printing/ticket_layout.py",
    "desk/printing/online_guide.py",
    "desk/printing/receipt_render.py",
    "desk/printing/text_wrap.py",
    "desk/services/demo.py",
    "desk/services/demo_history.py",
)
_WRAPPERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
_LOGGING = {"debug", "info", "warning", "error", "exception", "critical"}
MARKER = "# untranslated:"


def _vietnamese(text: str) -> bool:
    return any(ord(c) > 127 and c.isalpha() for c in text)


def unwrapped(paths: list[Path] | None = None) -> list[str]:
    """``file:line: text`` for each Vietnamese text that bypasses translation."""
    import ast

    out = []
    for path in paths or sources():
        resolved = path.resolve()
        rel = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else path.name
        if rel.startswith(PRINTED):
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in _WRAPPERS or (
                    name in _LOGGING
                    and isinstance(func, ast.Attribute)
                    and getattr(func.value, "id", "") in ("log", "logger", "logging")
                ):
                    allowed.update(id(n) for arg in node.args for n in ast.walk(arg))
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                if isinstance(body[0].value, ast.Constant):
                    allowed.add(id(body[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in allowed
                and _vietnamese(node.value)
                and MARKER not in lines[node.lineno - 1]
            ):
                out.append(f"{rel}:{node.lineno}: {node.value[:70]!r}")
    return out


def lupdate(ts: Path, language: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(files))
    try:
        subprocess.run(
            [
                _tool("lupdate"),
                f"@{lst.name}",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "vi_VN",
                "-target-language",
                language,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        Path(lst.name).unlink()


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Each (context, source text) of a .ts with its ``<translation>`` element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def problems() -> list[str]:
    """What is not current or not translated, one line each; empty when all is well."""
    import re

    out = []
    for language, ts in DESK_TS.items():
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            lupdate(fresh, language)
            wanted = set(messages(fresh))
        have = messages(ts)
        out += [f"{ts.name}: not extracted yet: [{c}] {s!r}" for c, s in sorted(wanted - set(have))]
        out += [
            f"{ts.name}: no longer in the code: [{c}] {s!r}" for c, s in sorted(set(have) - wanted)
        ]
    for ts in sorted(TS_DIR.glob("*.ts")):
        for (context, source), translation in messages(ts).items():
            text = "" if translation is None else "".join(translation.itertext())
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not text.strip()
            ):
                out.append(f"{ts.name}: untranslated: [{context}] {source!r}")
                continue
            for placeholder in set(re.findall(r"\{\w*\}|%n|%\d", source)):
                if placeholder not in text:
                    out.append(f"{ts.name}: [{context}] {source!r} lost {placeholder} in {text!r}")
        qm = QM_DIR / f"{ts.stem}.qm"
        with tempfile.TemporaryDirectory() as tmp:
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                out.append(f"{qm.name} is not built from the current {ts.name}: run release")
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        for language, ts in DESK_TS.items():
            lupdate(ts, language)
    elif command == "release":
        QM_DIR.mkdir(parents=True, exist_ok=True)
        for ts in sorted(TS_DIR.glob("*.ts")):
            lrelease(ts, QM_DIR / f"{ts.stem}.qm")
    elif command == "unwrapped":
        found = unwrapped([Path(a) for a in argv[2:]] or None)
        print("\n".join(found) or "every Vietnamese text goes through translation")
        return 1 if found else 0
    elif command == "check":
        found = problems()
        print("\n".join(found) or "translations are current and complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
