"""One catalog row (one procedure) as text, and back.

The office's procedure catalog (danh mục thủ tục hành chính) travels as a table
that an administrator edits in Excel: one row per procedure, one column per
fact. This module turns such a row (a ``dict`` of cell texts) into a
:class:`~desk.domain.procedure.Procedure` and back, exactly: reading what was
written gives the same procedure (the database ``id`` is not part of the file).

Columns, in file order (``COLUMNS``); files carry the Vietnamese header, the
English key is accepted as well, and so are a few usual variants
(``HEADER_ALIASES``; case and accents are ignored when headers are matched):

=============  ==========================  =========================================
key            Vietnamese header           content
=============  ==========================  =========================================
code           Mã thủ tục                  national code, e.g. ``1.001193`` (required)
name           Tên thủ tục                 full published name (required)
field          Lĩnh vực                    e.g. ``Hộ tịch`` (required)
level          Cấp thực hiện               ``xã``, ``tỉnh`` or ``trung ương`` (below)
limit_kind     Loại thời hạn               ``working_days`` | ``calendar_days`` |
                                           ``working_hours`` | ``same_day``
limit_amount   Thời hạn                    positive whole number; empty for same_day
cutoff         Giờ chốt nhận               ``HH:MM`` or empty: received after it, the
                                           day of receipt is the next working day
limit_online   Thời hạn trực tuyến         amount when filed online, if it differs
limit_post     Thời hạn bưu chính          amount when filed by post, if it differs
fee            Phí, lệ phí                 free text, as published
papers         Thành phần hồ sơ            the papers, notation below
legal_basis    Căn cứ pháp lý              free text
active         Đang áp dụng                ``1`` or ``0`` (empty means ``1``)
online_only    Chỉ trực tuyến              ``1`` when the service is accepted online only
                                           (Directive 24/CT-TTg), else ``0`` or empty
=============  ==========================  =========================================

Level (cấp thực hiện). Since 01/07/2025 local government has two levels,
province and commune, so a procedure is carried out at the central level, the
province or the commune. The file is written with ``trung ương``, ``tỉnh`` and
``xã``; reading also takes the English keys (``central``, ``province``,
``commune``) and the usual variants: ``cấp xã``, ``phường``, ``đặc khu``,
``cấp tỉnh``, ``thành phố`` (a centrally-run city), ``Bộ``, ``bộ, ngành``...
A district word (``huyện``, ``cấp huyện``, ``quận``, ``thị xã``, ``thành phố
thuộc tỉnh``) is refused with a message saying the district level no longer
exists and to write ``xã`` or ``tỉnh`` as the procedure was published after the
reorganisation: guessing would put a procedure at the wrong counter. An empty
cell is allowed and means the catalog does not say (``level`` is ``None``); the
desk computes nothing from the level, it is shown to the administrator.

Online only (chỉ trực tuyến). ``1`` marks a service that, under Directive
24/CT-TTg (2025), is accepted only on the National Public Service Portal from
01/10/2025 (permanent and temporary residence registration, judicial record
certificates...). Intake at the counter then warns the clerk and offers the
printed guide to submitting online. The column may be left out of a file: every
procedure is then not online-only. ``có``/``không`` and ``x`` are read as well.

``limit_kind`` also accepts the Vietnamese wording: ``ngày làm việc``, ``ngày``
(calendar days, as the Civil Code counts them), ``giờ làm việc``, ``trong ngày``.
The channel limits share the kind and the cut-off of the general limit, which is
the limit at the counter (a procedure may publish one limit per channel; e.g.
first land registration 27 / 17 online / 20 by post).

Papers notation (thành phần hồ sơ). Papers are separated by `` | `` (a line
break inside a cell works too). Each paper is::

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
from datetime import time

from desk.domain.procedure import Channel, Level, PaperForm, Procedure, RequiredPaper
from desk.domain.text import escape_code, fold, nfc, unsafe_characters
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import translate

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "level",
    "limit_kind",
    "limit_amount",
    "cutoff",
    "limit_online",
    "limit_post",
    "fee",
    "papers",
    "legal_basis",
    "active",
    "online_only",
)

HEADER_LABELS: dict[str, str] = {
    "code": "Mã thủ tục",  # untranslated: file format column
    "name": "Tên thủ tục",  # untranslated: file format column
    "field": "Lĩnh vực",  # untranslated: file format column
    "level": "Cấp thực hiện",  # untranslated: file format column
    "limit_kind": "Loại thời hạn",  # untranslated: file format column
    "limit_amount": "Thời hạn",  # untranslated: file format column
    "cutoff": "Giờ chốt nhận",  # untranslated: file format column
    "limit_online": "Thời hạn trực tuyến",  # untranslated: file format column
    "limit_post": "Thời hạn bưu chính",  # untranslated: file format column
    "fee": "Phí, lệ phí",  # untranslated: file format column
    "papers": "Thành phần hồ sơ",  # untranslated: file format column
    "legal_basis": "Căn cứ pháp lý",  # untranslated: file format column
    "active": "Đang áp dụng",  # untranslated: file format column
    "online_only": "Chỉ trực tuyến",  # untranslated: file format column
}

REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "field", "limit_kind")

_EXTRA_ALIASES: dict[str, str] = {
    "Mã": "code",  # untranslated: file format column
    "Mã TTHC": "code",  # untranslated: file format column
    "Mã số": "code",  # untranslated: file format column
    "Tên": "name",  # untranslated: file format column
    "Tên TTHC": "name",  # untranslated: file format column
    "Cấp": "level",  # untranslated: file format column
    "Thời hạn giải quyết": "limit_amount",  # untranslated: file format column
    "Số ngày": "limit_amount",  # untranslated: file format column
    "Giờ chốt": "cutoff",  # untranslated: file format column
    "Phí": "fee",  # untranslated: file format column
    "Lệ phí": "fee",  # untranslated: file format column
    "Phí lệ phí": "fee",  # untranslated: file format column
    "Giấy tờ": "papers",  # untranslated: file format column
    "Hồ sơ": "papers",  # untranslated: file format column
    "Áp dụng": "active",  # untranslated: file format column
    "Hoạt động": "active",  # untranslated: file format column
    "Cấp giải quyết": "level",  # untranslated: file format column
    "Chỉ nộp trực tuyến": "online_only",  # untranslated: file format column
    "Chỉ tiếp nhận trực tuyến": "online_only",  # untranslated: file format column
    "Trực tuyến bắt buộc": "online_only",  # untranslated: file format column
}


def _header_key(header: str) -> str:
    """Headers compare without case, accents, spaces, dashes or underscores."""
    return re.sub(r"[\s_\-.,;:/]+", "", fold(header))


HEADER_ALIASES: dict[str, str] = {
    _header_key(alias): key
    for alias, key in [
        *((k, k) for k in COLUMNS),
        *((label, k) for k, label in HEADER_LABELS.items()),
        *_EXTRA_ALIASES.items(),
    ]
}

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

_LIMIT_KIND_WORDS: dict[str, LimitKind] = {
    **{kind.value.replace("_", " "): kind for kind in LimitKind},
    "ngay lam viec": LimitKind.WORKING_DAYS,
    "ngay": LimitKind.CALENDAR_DAYS,
    "ngay lich": LimitKind.CALENDAR_DAYS,
    "ngay theo lich": LimitKind.CALENDAR_DAYS,
    "gio lam viec": LimitKind.WORKING_HOURS,
    "gio": LimitKind.WORKING_HOURS,
    "trong ngay": LimitKind.SAME_DAY,
    "ngay trong ngay": LimitKind.SAME_DAY,
}

#: The Vietnamese limit kinds a message suggests (values of the file, not screen text).
_KIND_WORDS_SHOWN = (
    "'ngày làm việc', 'ngày', 'giờ làm việc', 'trong ngày'"  # untranslated: file format
)
_KINDS_ALLOWED = "working_days, calendar_days, working_hours, same_day"

#: How the file writes each level (values of the file, not screen text).
LEVEL_WORDS: dict[Level, str] = {
    Level.CENTRAL: "trung ương",  # untranslated: file format
    Level.PROVINCE: "tỉnh",  # untranslated: file format
    Level.COMMUNE: "xã",  # untranslated: file format
}
#: Folded cell texts read as a level, after a leading "cấp"/"UBND" is dropped.
_LEVEL_READ: dict[str, Level] = {
    **{level.value: level for level in Level},
    "trung uong": Level.CENTRAL,
    "bo": Level.CENTRAL,
    "bo nganh": Level.CENTRAL,
    "co quan trung uong": Level.CENTRAL,
    "tinh": Level.PROVINCE,
    "thanh pho": Level.PROVINCE,
    "thanh pho truc thuoc trung uong": Level.PROVINCE,
    "tinh thanh pho": Level.PROVINCE,
    "xa": Level.COMMUNE,
    "phuong": Level.COMMUNE,
    "dac khu": Level.COMMUNE,
    "xa phuong": Level.COMMUNE,
    "xa phuong dac khu": Level.COMMUNE,
}
#: The district words of before 01/07/2025: refused with their own message.
_DISTRICT_WORDS = frozenset(
    {"huyen", "quan", "thi xa", "thanh pho thuoc tinh", "quan huyen", "district"}
)
_LEVEL_PREFIXES = ("cap ", "ubnd ", "uy ban nhan dan ")

_TRUE_WORDS = frozenset({"1", "co", "true", "yes", "x"})
_FALSE_WORDS = frozenset({"0", "khong", "false", "no"})

_CHANNEL_COLUMNS: dict[Channel, str] = {
    Channel.ONLINE: "limit_online",
    Channel.POST: "limit_post",
}

_FORM_GROUP = re.compile(r"\(([^()]*)\)\s*(?:[x×]\s*(\S+))?\s*$")
_CUTOFF = re.compile(r"^(\d{1,2})\s*[:hH]\s*(\d{2})?(?::00)?$")
_EXCEL_MANGLED_CODE = re.compile(r"^\d\.\d{1,5}$")


class CatalogRowError(ValueError):
    """A row that cannot become a procedure; ``problems`` lists every fault found.

    The message joins them, each naming its column and what to write instead,
    so an administrator can fix the whole row in one go. The messages are in the
    clerk's language; the column headers they quote are the file's (Vietnamese).
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def _column(key: str) -> dict[str, str]:
    """The values naming a column in a message: ``{header}`` and ``{key}``."""
    return {"header": HEADER_LABELS[key], "key": key}


def canonical_column(header: str) -> str | None:
    """The column key a header stands for, or ``None`` for a column the desk ignores."""
    return HEADER_ALIASES.get(_header_key(nfc(header)))


def normalise_row(row: dict[str, str]) -> dict[str, str]:
    """Cells keyed by column key, NFC, stripped; unknown headers are left out."""
    result: dict[str, str] = {}
    for header, value in row.items():
        key = canonical_column(header or "")
        if key is not None and key not in result:
            result[key] = nfc(value or "").strip()
    return result


#: The longest procedure name a form prints whole (the longest published is about 350).
NAME_LIMIT = 1000


def _unprintable(cells: dict[str, str]) -> list[str]:
    """Cells a printed form could not show: control characters (a line break is a
    new line of the cell), a name longer than ``NAME_LIMIT``."""
    problems = []
    for key, value in cells.items():
        if bad := unsafe_characters(value, line_breaks=True):
            problems.append(
                translate(
                    "CatalogRows",
                    "Cột '{header}' ({key}): có ký tự điều khiển không in được ({codes}); "
                    "hãy xóa ký tự đó rồi lưu lại",
                ).format(codes=", ".join(escape_code(c) for c in bad[:3]), **_column(key))
            )
    if len(cells.get("name", "")) > NAME_LIMIT:
        problems.append(
            translate(
                "CatalogRows", "Cột '{header}' ({key}): dài {count} ký tự, quá mức {limit}"
            ).format(count=len(cells["name"]), limit=NAME_LIMIT, **_column("name"))
        )
    return problems


def procedure_from_row(row: dict[str, str]) -> Procedure:
    """A procedure from one row of cell texts.

    Raises :class:`CatalogRowError` (a ``ValueError``) listing every faulty
    cell, each message naming the column and what to fix.
    """
    cells = normalise_row(row)
    problems: list[str] = _unprintable(cells)

    def text(key: str, required: bool = False) -> str:
        value = cells.get(key, "")
        if required and not value:
            problems.append(
                translate("CatalogRows", "Cột '{header}' ({key}): không được để trống").format(
                    **_column(key)
                )
            )
        return value

    code = _parse_code(text("code", required=True), problems)
    name = text("name", required=True)
    field = text("field", required=True)
    limit, channel_limits = _parse_limits(cells, problems)
    papers = _parse_papers_cell(cells.get("papers", ""), problems)
    active = _parse_flag("active", cells.get("active", ""), problems, empty=True)
    online_only = _parse_flag("online_only", cells.get("online_only", ""), problems, empty=False)
    level = _parse_level(cells.get("level", ""), problems)
    if problems or limit is None:
        unreadable = translate("CatalogRows", "Cột '{header}' ({key}): không đọc được")
        raise CatalogRowError(problems or [unreadable.format(**_column("limit_kind"))])
    return Procedure(
        code=code,
        name=name,
        field=field,
        limit=limit,
        level=level,
        fee=text("fee"),
        papers=papers,
        channel_limits=channel_limits,
        legal_basis=text("legal_basis"),
        active=active,
        online_only=online_only,
    )


def procedure_to_row(procedure: Procedure) -> dict[str, str]:
    """The row for a procedure, keyed by ``COLUMNS``, every value a string.

    Raises ``ValueError`` for what the file cannot hold: a channel limit of
    another kind or cut-off than the general one, a counter limit different from
    the general one, or a paper name containing ``|``.
    """
    limit = procedure.limit
    row = {
        "code": procedure.code,
        "name": procedure.name,
        "field": procedure.field,
        "level": "" if procedure.level is None else LEVEL_WORDS[procedure.level],
        "limit_kind": limit.kind.value,
        "limit_amount": "" if limit.kind is LimitKind.SAME_DAY else str(limit.amount),
        "cutoff": "" if limit.cutoff is None else f"{limit.cutoff:%H:%M}",
        "limit_online": "",
        "limit_post": "",
        "fee": procedure.fee,
        "papers": format_papers(procedure.papers),
        "legal_basis": procedure.legal_basis,
        "active": "1" if procedure.active else "0",
        "online_only": "1" if procedure.online_only else "0",
    }
    for channel, channel_limit in procedure.channel_limits.items():
        if channel is Channel.COUNTER:
            if channel_limit != limit:
                raise ValueError(
                    f"{procedure.code}: the counter limit is the general limit; "
                    f"{channel_limit} differs from {limit}"
                )
            continue
        if channel_limit.kind is not limit.kind or channel_limit.cutoff != limit.cutoff:
            raise ValueError(
                f"{procedure.code}: the {channel} limit must share the kind and cut-off "
                f"of the general limit ({limit}), not {channel_limit}"
            )
        row[_CHANNEL_COLUMNS[channel]] = str(channel_limit.amount)
    return row


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
    papers = _parse_papers_cell(text, problems)
    if problems:
        raise CatalogRowError(problems)
    return papers


def _parse_code(code: str, problems: list[str]) -> str:
    if code and re.search(r"\s", code):
        problems.append(
            translate(
                "CatalogRows", "Cột '{header}' ({key}): không được chứa dấu cách, đang là '{value}'"
            ).format(value=code, **_column("code"))
        )
    elif _EXCEL_MANGLED_CODE.match(code):
        problems.append(
            translate(
                "CatalogRows",
                "Cột '{header}' ({key}): '{value}' có vẻ đã bị Excel đổi thành số và mất số 0 "
                "ở cuối; mã thủ tục có 6 chữ số sau dấu chấm (ví dụ 2.000720), hãy gõ lại "
                "và định dạng ô là Văn bản (Text)",
            ).format(value=code, **_column("code"))
        )
    return code


def _parse_limits(
    cells: dict[str, str], problems: list[str]
) -> tuple[TimeLimit | None, dict[Channel, TimeLimit]]:
    kind = _parse_kind(cells.get("limit_kind", ""), problems)
    cutoff = _parse_cutoff(cells.get("cutoff", ""), problems)
    amount_text = cells.get("limit_amount", "")
    channel_texts = {ch: cells.get(col, "") for ch, col in _CHANNEL_COLUMNS.items()}
    if kind is None:
        return None, {}
    if kind is LimitKind.SAME_DAY:
        if amount_text not in ("", "0"):
            problems.append(
                translate(
                    "CatalogRows",
                    "Cột '{header}' ({key}): thủ tục giải quyết trong ngày không ghi số, "
                    "hãy để trống (đang là '{value}')",
                ).format(value=amount_text, **_column("limit_amount"))
            )
        for channel, value in channel_texts.items():
            if value:
                problems.append(
                    translate(
                        "CatalogRows",
                        "Cột '{header}' ({key}): thủ tục giải quyết trong ngày không có thời hạn "
                        "riêng theo hình thức nộp, hãy để trống (đang là '{value}')",
                    ).format(value=value, **_column(_CHANNEL_COLUMNS[channel]))
                )
        return TimeLimit.same_day(cutoff), {}
    amount = _parse_amount("limit_amount", amount_text, problems, required=True)
    channel_limits: dict[Channel, TimeLimit] = {}
    for channel, value in channel_texts.items():
        channel_amount = _parse_amount(_CHANNEL_COLUMNS[channel], value, problems)
        if channel_amount is not None:
            channel_limits[channel] = TimeLimit(kind, channel_amount, cutoff)
    if amount is None:
        return None, {}
    return TimeLimit(kind, amount, cutoff), channel_limits


def _parse_kind(value: str, problems: list[str]) -> LimitKind | None:
    kind = _LIMIT_KIND_WORDS.get(fold(value).replace("_", " ")) if value else None
    if kind is None:
        names = {"allowed": _KINDS_ALLOWED, "words": _KIND_WORDS_SHOWN, **_column("limit_kind")}
        if value:
            message = translate(
                "CatalogRows",
                "Cột '{header}' ({key}): phải là một trong {allowed} (hoặc {words}), "
                "đang là '{value}'",
            ).format(value=value, **names)
        else:
            message = translate(
                "CatalogRows",
                "Cột '{header}' ({key}): phải là một trong {allowed} (hoặc {words}), đang để trống",
            ).format(**names)
        problems.append(message)
    return kind


def _parse_amount(key: str, value: str, problems: list[str], required: bool = False) -> int | None:
    if not value:
        if required:
            problems.append(
                translate(
                    "CatalogRows", "Cột '{header}' ({key}): phải là số nguyên dương, đang để trống"
                ).format(**_column(key))
            )
        return None
    if value.isdigit() and int(value) > 0:
        return int(value)
    problems.append(
        translate(
            "CatalogRows", "Cột '{header}' ({key}): phải là số nguyên dương, đang là '{value}'"
        ).format(value=value, **_column(key))
    )
    return None


def _parse_cutoff(value: str, problems: list[str]) -> time | None:
    if not value:
        return None
    match = _CUTOFF.match(value)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    problems.append(
        translate(
            "CatalogRows",
            "Cột '{header}' ({key}): phải là giờ dạng HH:MM (ví dụ 15:00) hoặc để trống, "
            "đang là '{value}'",
        ).format(value=value, **_column("cutoff"))
    )
    return None


def _parse_flag(key: str, value: str, problems: list[str], *, empty: bool) -> bool:
    """A yes/no cell (``1``/``0``, ``có``/``không``...); ``empty`` is what a blank means."""
    word = fold(value)
    if not word:
        return empty
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    if key == "active":
        message = translate(
            "CatalogRows",
            "Cột '{header}' ({key}): phải là 1 (đang áp dụng) hoặc 0, đang là '{value}'",
        )
    else:
        message = translate(
            "CatalogRows",
            "Cột '{header}' ({key}): phải là 1 (chỉ tiếp nhận trực tuyến) hoặc 0 (để trống "
            "cũng là 0), đang là '{value}'",
        )
    problems.append(message.format(value=value, **_column(key)))
    return empty


def _parse_level(value: str, problems: list[str]) -> Level | None:
    if not value:
        return None
    word = re.sub(r"[\s,;/_\-]+", " ", fold(value)).strip()
    for prefix in _LEVEL_PREFIXES:
        if word.startswith(prefix):
            word = word[len(prefix) :].strip()
    level = _LEVEL_READ.get(word)
    if level is not None:
        return level
    words = {"commune": LEVEL_WORDS[Level.COMMUNE], "province": LEVEL_WORDS[Level.PROVINCE]}
    if word in _DISTRICT_WORDS:
        problems.append(
            translate(
                "CatalogRows",
                "Cột '{header}' ({key}): '{value}' là cấp huyện, nhưng từ 01/07/2025 chính "
                "quyền địa phương chỉ còn hai cấp (tỉnh và xã), không còn cấp huyện. Hãy ghi "
                "'{commune}' hoặc '{province}' theo thủ tục đã được công bố lại sau khi sắp xếp.",
            ).format(value=value, **words, **_column("level"))
        )
    else:
        problems.append(
            translate(
                "CatalogRows",
                "Cột '{header}' ({key}): phải là '{central}', '{province}' hoặc '{commune}' "
                "(hoặc để trống), đang là '{value}'",
            ).format(value=value, central=LEVEL_WORDS[Level.CENTRAL], **words, **_column("level"))
        )
    return None


def _parse_papers_cell(text: str, problems: list[str]) -> list[RequiredPaper]:
    papers: list[RequiredPaper] = []
    items = [item.strip() for item in re.split(r"\||\r?\n", text)]
    for number, item in enumerate((i for i in items if i), start=1):
        paper = _parse_paper(item)
        if isinstance(paper, str):
            problems.append(
                translate(
                    "CatalogRows", "Cột '{header}' ({key}), giấy tờ thứ {number} '{item}': {reason}"
                ).format(number=number, item=item, reason=paper, **_column("papers"))
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
