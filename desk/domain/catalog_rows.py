"""One catalog row (one procedure) as text, and back.

The office's procedure catalog (danh mục thủ tục hành chính) travels as a table
that an administrator edits in Excel: one row per procedure, one column per
fact. This module turns such a row (a ``dict`` of cell texts) into a
:class:`~desk.domain.procedure.Procedure` and back, exactly: reading what was
written gives the same procedure (the database ``id`` is not part of the file).

Columns, in file order (``catalog_columns.COLUMNS``); files carry the Vietnamese header, the
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

The columns and their headers are in ``desk.domain.catalog_columns``; the notation
of the papers cell in ``desk.domain.catalog_papers``.
"""

from __future__ import annotations

import re
from datetime import time

from desk.domain.catalog_columns import (
    CatalogRowError,
    column_named,
    normalise_row,
)
from desk.domain.catalog_papers import format_papers, parse_papers_cell
from desk.domain.procedure import Channel, Level, Procedure
from desk.domain.text import escape_code, fold, unsafe_characters
from desk.domain.time_limit import LimitKind, TimeLimit
from desk.domain.translation import translate

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

_CUTOFF = re.compile(r"^(\d{1,2})\s*[:hH]\s*(\d{2})?(?::00)?$")
_EXCEL_MANGLED_CODE = re.compile(r"^\d\.\d{1,5}$")


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
                ).format(codes=", ".join(escape_code(c) for c in bad[:3]), **column_named(key))
            )
    if len(cells.get("name", "")) > NAME_LIMIT:
        problems.append(
            translate(
                "CatalogRows", "Cột '{header}' ({key}): dài {count} ký tự, quá mức {limit}"
            ).format(count=len(cells["name"]), limit=NAME_LIMIT, **column_named("name"))
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
                    **column_named(key)
                )
            )
        return value

    code = _parse_code(text("code", required=True), problems)
    name = text("name", required=True)
    field = text("field", required=True)
    limit, channel_limits = _parse_limits(cells, problems)
    papers = parse_papers_cell(cells.get("papers", ""), problems)
    active = _parse_flag("active", cells.get("active", ""), problems, empty=True)
    online_only = _parse_flag("online_only", cells.get("online_only", ""), problems, empty=False)
    level = _parse_level(cells.get("level", ""), problems)
    if problems or limit is None:
        unreadable = translate("CatalogRows", "Cột '{header}' ({key}): không đọc được")
        raise CatalogRowError(problems or [unreadable.format(**column_named("limit_kind"))])
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


def _parse_code(code: str, problems: list[str]) -> str:
    if code and re.search(r"\s", code):
        problems.append(
            translate(
                "CatalogRows", "Cột '{header}' ({key}): không được chứa dấu cách, đang là '{value}'"
            ).format(value=code, **column_named("code"))
        )
    elif _EXCEL_MANGLED_CODE.match(code):
        problems.append(
            translate(
                "CatalogRows",
                "Cột '{header}' ({key}): '{value}' có vẻ đã bị Excel đổi thành số và mất số 0 "
                "ở cuối; mã thủ tục có 6 chữ số sau dấu chấm (ví dụ 2.000720), hãy gõ lại "
                "và định dạng ô là Văn bản (Text)",
            ).format(value=code, **column_named("code"))
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
                ).format(value=amount_text, **column_named("limit_amount"))
            )
        for channel, value in channel_texts.items():
            if value:
                problems.append(
                    translate(
                        "CatalogRows",
                        "Cột '{header}' ({key}): thủ tục giải quyết trong ngày không có thời hạn "
                        "riêng theo hình thức nộp, hãy để trống (đang là '{value}')",
                    ).format(value=value, **column_named(_CHANNEL_COLUMNS[channel]))
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
        names = {
            "allowed": _KINDS_ALLOWED,
            "words": _KIND_WORDS_SHOWN,
            **column_named("limit_kind"),
        }
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
                ).format(**column_named(key))
            )
        return None
    if value.isdigit() and int(value) > 0:
        return int(value)
    problems.append(
        translate(
            "CatalogRows", "Cột '{header}' ({key}): phải là số nguyên dương, đang là '{value}'"
        ).format(value=value, **column_named(key))
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
        ).format(value=value, **column_named("cutoff"))
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
    problems.append(message.format(value=value, **column_named(key)))
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
            ).format(value=value, **words, **column_named("level"))
        )
    else:
        problems.append(
            translate(
                "CatalogRows",
                "Cột '{header}' ({key}): phải là '{central}', '{province}' hoặc '{commune}' "
                "(hoặc để trống), đang là '{value}'",
            ).format(
                value=value, central=LEVEL_WORDS[Level.CENTRAL], **words, **column_named("level")
            )
        )
    return None
