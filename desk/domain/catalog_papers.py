"""The papers cell of a catalog row (thành phần hồ sơ), as text and back.

Papers are separated by `` | `` (a line break inside a cell works too). Each paper
is::

    <name> (<form>[, tùy trường hợp]) [xN]

where ``<form>`` is ``bản chính`` (original), ``bản sao`` (copy) or ``xuất trình``
(only shown to the clerk, not kept); ``tùy trường hợp`` marks a paper needed
only in some cases (an authorisation "nếu ủy quyền", a paper "nếu có"), which the
intake checklist does not demand; ``xN`` is the number of copies of that paper,
written only when above 1. Examples::

    Tờ khai đăng ký khai sinh theo mẫu (bản chính)
    Bản vẽ thiết kế xây dựng (bản chính) x2
    Văn bản ủy quyền nếu ủy quyền (bản chính, tùy trường hợp)

Only the last bracket of a paper is read as its form, so names may contain
brackets of their own. On import ``(xuất trình, bản chính)`` means shown,
``không bắt buộc`` and ``nếu có`` are read as ``tùy trường hợp``, and ``×`` as
``x``. A name may not contain ``|``.
"""

from __future__ import annotations

import re

from desk.domain.catalog_columns import CatalogRowError, column_named
from desk.domain.procedure import PaperForm, RequiredPaper
from desk.domain.text import fold
from desk.domain.translation import translate

PAPER_SEPARATOR = " | "

_FORM_WORDS: dict[str, PaperForm] = {
    "ban chinh": PaperForm.ORIGINAL,
    "ban sao": PaperForm.COPY,
    "xuat trinh": PaperForm.SHOWN,
}
_FORM_TEXT: dict[PaperForm, str] = {
    PaperForm.ORIGINAL: "bản chính",  # untranslated: file format
    PaperForm.COPY: "bản sao",  # untranslated: file format
    PaperForm.SHOWN: "xuất trình",  # untranslated: file format
}
_OPTIONAL_WORDS = frozenset({"tuy truong hop", "khong bat buoc", "neu co"})
OPTIONAL_MARK = "tùy trường hợp"  # untranslated: file format
_FORM_GROUP = re.compile(r"\(([^()]*)\)\s*(?:[x×]\s*(\S+))?\s*$")


def format_papers(papers: list[RequiredPaper], separator: str = PAPER_SEPARATOR) -> str:
    """The papers cell: ``name (form[, tùy trường hợp])[ xN]`` joined by ``separator``."""
    return separator.join(format_paper(paper) for paper in papers)


def format_paper(paper: RequiredPaper) -> str:
    if "|" in paper.name or "\n" in paper.name:
        raise ValueError(f"a paper name may not contain '|' or a line break: {paper.name!r}")
    marks = _FORM_TEXT[paper.form] + (f", {OPTIONAL_MARK}" if paper.optional else "")
    count = f" x{paper.count}" if paper.count != 1 else ""
    return f"{paper.name} ({marks}){count}"


def parse_papers(text: str) -> list[RequiredPaper]:
    """The papers of a cell; raises :class:`CatalogRowError` naming each bad paper."""
    problems: list[str] = []
    papers = parse_papers_cell(text, problems)
    if problems:
        raise CatalogRowError(problems)
    return papers


def parse_papers_cell(text: str, problems: list[str]) -> list[RequiredPaper]:
    papers: list[RequiredPaper] = []
    items = [item.strip() for item in re.split(r"\||\r?\n", text)]
    for number, item in enumerate((i for i in items if i), start=1):
        paper = _parse_paper(item)
        if isinstance(paper, str):
            problems.append(
                translate(
                    "CatalogRows", "Cột '{header}' ({key}), giấy tờ thứ {number} '{item}': {reason}"
                ).format(number=number, item=item, reason=paper, **column_named("papers"))
            )
        else:
            papers.append(paper)
    return papers


def _parse_paper(item: str) -> RequiredPaper | str:
    """A paper, or the reason (in the clerk's language) it cannot be read."""
    match = _FORM_GROUP.search(item)
    forms_named = {form.value: text for form, text in _FORM_TEXT.items()}
    missing_form = translate(
        "CatalogRows", "chưa ghi hình thức ở cuối, hãy thêm ({original}), ({copy}) hoặc ({shown})"
    )
    if match is None:
        return missing_form.format(**forms_named)
    words = [fold(w) for w in match.group(1).split(",") if w.strip()]
    forms = {_FORM_WORDS[w] for w in words if w in _FORM_WORDS}
    unknown = [w for w in words if w not in _FORM_WORDS and w not in _OPTIONAL_WORDS]
    if not forms:
        return missing_form.format(**forms_named)
    if unknown:
        shown = ", ".join(f"'{w.strip()}'" for w in match.group(1).split(",") if fold(w) in unknown)
        return translate(
            "CatalogRows",
            "không hiểu {words} trong ngoặc cuối: chỉ ghi {original}, {copy} hoặc {shown}, "
            "thêm '{optional}' nếu giấy tờ không phải lúc nào cũng cần",
        ).format(words=shown, optional=OPTIONAL_MARK, **forms_named)
    if PaperForm.SHOWN in forms:
        form = PaperForm.SHOWN
    elif len(forms) == 1:
        form = forms.pop()
    else:
        return translate(
            "CatalogRows", "chỉ ghi một hình thức: ({original}) hoặc ({copy}); ghi số bản bằng xN"
        ).format(**forms_named)
    count_text = match.group(2)
    if count_text is not None and not (count_text.isdigit() and int(count_text) > 0):
        return translate(
            "CatalogRows", "số bản sau 'x' phải là số nguyên dương, đang là '{value}'"
        ).format(value=count_text)
    name = item[: match.start()].strip()
    if not name:
        return translate("CatalogRows", "thiếu tên giấy tờ trước ngoặc")
    return RequiredPaper(
        name=name,
        form=form,
        count=int(count_text) if count_text else 1,
        optional=any(w in _OPTIONAL_WORDS for w in words),
    )
