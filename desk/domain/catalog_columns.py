"""The catalog file's columns: their keys, the headers written and read, and the error
of a row that cannot be read (``desk.domain.catalog_rows`` says what each holds).

Files carry the Vietnamese header; the English key is accepted as well, and so are a
few usual variants (``HEADER_ALIASES``; case and accents are ignored when headers are
matched).
"""

from __future__ import annotations

import re

from desk.domain.text import fold, nfc

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


class CatalogRowError(ValueError):
    """A row that cannot become a procedure; ``problems`` lists every fault found.

    The message joins them, each naming its column and what to write instead,
    so an administrator can fix the whole row in one go. The messages are in the
    clerk's language; the column headers they quote are the file's (Vietnamese).
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def column_named(key: str) -> dict[str, str]:
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
