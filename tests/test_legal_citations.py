"""The desk cites only the texts in force (docs/legal.md), and that page covers its rules."""

from __future__ import annotations

import re
from pathlib import Path

from desk.domain.legal_rules import RULES

ROOT = Path(__file__).resolve().parent.parent
#: The decree of 2018 on the one-stop mechanism, its 2021 amendment and the 2018
#: circular with the old forms: all replaced in 2025 (Decree 118/2025 art. 40); the
#: decree of 2023 on personal data, ended on 01/01/2026 (Decree 356/2025 art. 42(2)).
REPEALED = re.compile(
    r"61/2018|107/2021|01/2018|13/2023"
    r"|(?:Nghị định|Decree|NĐ)\s*(?:số\s*)?(?:61|107|13)\b"
    r"|(?:Thông tư|Circular|TT)\s*(?:số\s*)?01/2018",
    re.IGNORECASE,
)
SEARCHED = ("desk", "translations", "docs", "README.md", "build.spec", "packaging")
TEXT_SUFFIXES = {".py", ".toml", ".csv", ".md", ".ts", ".txt", ".ini", ".spec", ".iss", ""}


def _files() -> list[Path]:
    found = []
    for name in SEARCHED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        found += [p for p in candidates if p.is_file() and p.suffix in TEXT_SUFFIXES]
    return found


def test_no_repealed_text_is_cited_anywhere() -> None:
    files = _files()
    assert len(files) > 100  # the search really ran over the package
    hits = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if REPEALED.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert hits == []


def test_the_compiled_translation_cites_no_repealed_text() -> None:
    compiled = (ROOT / "desk" / "resources" / "translations" / "desk_en.qm").read_bytes()
    for pattern in ("61/2018", "107/2021", "01/2018", "13/2023"):
        assert pattern.encode("utf-16-be") not in compiled
        assert pattern.encode() not in compiled


def test_the_pattern_catches_what_it_must() -> None:
    for cited in (
        "Nghị định 61/2018/NĐ-CP",
        "Decree 61 art. 19(9)",
        "Thông tư 01/2018/TT-VPCP",
        "Circular 01/2018 art. 13",
        "Nghị định số 107/2021",
        "Decree 13/2023/ND-CP art. 26",
        "Nghị định 13/2023/NĐ-CP",
    ):
        assert REPEALED.search(cited), cited
    for fine in (
        "Nghị định 118/2025/NĐ-CP",
        "Thông tư 01/2020/TT-BTP",
        "Thông tư 03/2025/TT-VPCP",
        "Luật 91/2025/QH15",
        "Nghị định 356/2025/NĐ-CP",
        "Decree 118 art. 13",
    ):
        assert not REPEALED.search(fine), fine


def test_docs_legal_names_every_article_the_rules_cite() -> None:
    page = (ROOT / "docs" / "legal.md").read_text(encoding="utf-8")
    for rule in RULES:
        first = re.search(r"^Nghị định 118/2025/NĐ-CP điều (\d+)", rule.source)
        if first:
            assert f"art. {first.group(1)}" in page, rule.key
        if rule.setting:
            assert f"`{rule.setting}`" in page, rule.key
    assert "not confirmed" in page.lower()
