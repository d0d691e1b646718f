"""Catalog files: the procedure list as CSV or Excel, read and written.

Administrators keep the office's procedure catalog in Excel. The desk reads
and writes two forms of the same table (columns and papers notation in
:mod:`desk.domain.catalog_rows`):

- ``.csv``: UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly
  when it opens the file; comma separated. A file saved by Excel under a
  Vietnamese locale uses ``;`` instead, and is read as well. A file saved as
  plain "CSV" (not "CSV UTF-8") is in a Windows code page and is refused with a
  message saying how to save it again.
- ``.xlsx``: one sheet, bold frozen header row, papers one per line in a
  wrapped cell. Codes and cut-offs are stored as text so Excel does not turn
  ``2.000720`` into the number 2.00072; a code that became a number anyway is
  read back with its six decimals.

Reading never stops at the first bad row: every row that cannot become a
procedure is reported with its row number as Excel shows it (the header is
row 1), its code and a Vietnamese message, and the good rows are still returned.
Codes must be unique within a file: rows that share a code are all refused.

A file that cannot be read at all is a ``UserError`` naming the file and what is
wrong, never a traceback: a folder, a CSV cell longer than the csv module takes
(131,072 characters: in practice a quotation mark never closed), a workbook
without its workbook part, a sheet whose XML stops in the middle (a copy cut
short), a workbook with no worksheet, or a chart sheet openpyxl cannot read. A
chart sheet placed first is skipped: the catalog is the first worksheet.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desk.config import resource
from desk.domain.catalog_columns import COLUMNS, HEADER_LABELS, REQUIRED_COLUMNS, canonical_column
from desk.domain.catalog_papers import format_papers
from desk.domain.catalog_rows import LEVEL_WORDS, procedure_from_row, procedure_to_row
from desk.domain.errors import UserError
from desk.domain.procedure import Procedure
from desk.domain.text import nfc
from desk.domain.time_limit import LimitKind
from desk.domain.translation import translate

log = logging.getLogger(__name__)

SHEET_TITLE = "Thủ tục"  # untranslated: sheet name of the catalog file format
SUFFIXES = (".csv", ".xlsx")

_COLUMN_WIDTHS = {
    "code": 12,
    "name": 60,
    "field": 24,
    "level": 10,
    "limit_kind": 16,
    "limit_amount": 10,
    "cutoff": 10,
    "limit_online": 12,
    "limit_post": 12,
    "fee": 40,
    "papers": 90,
    "legal_basis": 50,
    "active": 10,
    "online_only": 12,
}
_WRAPPED = frozenset({"name", "fee", "papers", "legal_basis"})
_TEXT_CELLS = frozenset({"code", "cutoff"})
_NUMBER_CELLS = frozenset({"limit_amount", "limit_online", "limit_post", "active", "online_only"})


@dataclass(frozen=True)
class RowError:
    """One refused row: ``row_number`` as Excel shows it (header = 1)."""

    row_number: int
    code: str
    message: str


@dataclass
class CatalogFile:
    """What a catalog file held: the good procedures and every refused row."""

    procedures: list[Procedure]
    errors: list[RowError]
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def shipped_catalog_path() -> Path:
    """The catalog shipped with the desk (national codes, see its SOURCES.md)."""
    return resource("catalog", "procedures.csv")


def read_catalog(path: str | Path) -> CatalogFile:
    """Every procedure of a ``.csv`` or ``.xlsx`` catalog, and every bad row.

    Raises ``UserError`` when the file itself cannot be read (missing, not a
    catalog format, wrong text encoding, damaged workbook).
    """
    path = Path(path)
    suffix = _checked_suffix(path)
    if path.is_dir():
        raise UserError(
            translate(
                "CatalogFiles",
                "“{name}” là một thư mục, không phải tệp: hãy chọn tệp danh mục .csv hoặc .xlsx "
                "ở trong thư mục.",
            ).format(name=path.name),
            "path",
        )
    try:
        table = _read_csv_table(path) if suffix == ".csv" else _read_xlsx_table(path)
    except FileNotFoundError as exc:
        raise UserError(
            translate("CatalogFiles", "Không tìm thấy tệp {path}.").format(path=path), "path"
        ) from exc
    except PermissionError as exc:
        raise UserError(
            translate(
                "CatalogFiles",
                "Không mở được tệp {path}: không có quyền đọc, hoặc tệp đang mở ở chương "
                "trình khác. Hãy đóng tệp rồi thử lại.",
            ).format(path=path),
            "path",
        ) from exc
    return catalog_from_table(table)


def write_catalog(path: str | Path, procedures: Iterable[Procedure]) -> None:
    """Write the procedures as ``.csv`` (UTF-8 with BOM) or ``.xlsx``.

    Every row is built before the file is opened, so a procedure the format
    cannot hold (``ValueError``) leaves an existing file untouched.
    """
    path = Path(path)
    suffix = _checked_suffix(path)
    procedures = list(procedures)
    rows = [procedure_to_row(p) for p in procedures]
    try:
        if suffix == ".csv":
            _write_csv(path, rows)
        else:
            _write_xlsx(path, procedures, rows)
    except PermissionError as exc:
        raise UserError(
            translate(
                "CatalogFiles",
                "Không ghi được tệp {path}: không có quyền ghi, hoặc tệp đang mở trong Excel. "
                "Hãy đóng tệp rồi thử lại.",
            ).format(path=path),
            "path",
        ) from exc


def catalog_from_table(table: Iterable[Sequence[object]]) -> CatalogFile:
    """A catalog from rows of cells, the first row being the header (row 1)."""
    rows = iter(table)
    header = next(rows, None)
    if header is None or not any(_cell_text(c, "") for c in header):
        message = translate(
            "CatalogFiles", "Tệp trống: dòng 1 phải là dòng tiêu đề ({code}, {name}, ...)."
        ).format(code=HEADER_LABELS["code"], name=HEADER_LABELS["name"])
        return CatalogFile([], [RowError(1, "", message)])
    keys, ignored, header_errors = _read_header(header)
    if header_errors:
        return CatalogFile([], [RowError(1, "", m) for m in header_errors], ignored)
    parsed: list[tuple[int, str, Procedure]] = []
    errors: list[RowError] = []
    rows_by_code: dict[str, list[int]] = {}
    for row_number, cells in enumerate(rows, start=2):
        texts = [
            _cell_text(value, keys[i] if i < len(keys) else None) for i, value in enumerate(cells)
        ]
        if not any(texts):
            continue
        row = {key: texts[i] for i, key in enumerate(keys) if key and i < len(texts)}
        code = row.get("code", "")
        if code:
            rows_by_code.setdefault(code, []).append(row_number)
        extra = [t for t in texts[len(keys) :] if t]
        if extra:
            errors.append(RowError(row_number, code, _extra_cells_message(len(keys), extra)))
            continue
        try:
            parsed.append((row_number, code, procedure_from_row(row)))
        except ValueError as exc:
            errors.append(RowError(row_number, code, str(exc)))
    duplicated = {code: numbers for code, numbers in rows_by_code.items() if len(numbers) > 1}
    for code, numbers in duplicated.items():
        listed = ", ".join(str(n) for n in numbers)
        message = translate(
            "CatalogFiles",
            "Mã thủ tục '{code}' có ở nhiều dòng ({rows}): mỗi mã chỉ được một dòng, "
            "hãy xóa hoặc sửa các dòng trùng.",
        ).format(code=code, rows=listed)
        errors.extend(RowError(n, code, message) for n in numbers)
    procedures = [p for _, code, p in parsed if code not in duplicated]
    errors.sort(key=lambda e: e.row_number)
    return CatalogFile(procedures, errors, ignored)


def _checked_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        shown = suffix or translate("CatalogFiles", "(không có phần mở rộng)")
        raise UserError(
            translate(
                "CatalogFiles",
                "Không dùng được tệp '{name}': danh mục thủ tục phải là tệp .csv hoặc .xlsx, "
                "tệp này là {suffix}. Với tệp .xls, hãy mở bằng Excel và lưu lại dạng .xlsx.",
            ).format(name=path.name, suffix=shown),
            "path",
        )
    return suffix


def _read_header(header: Sequence[object]) -> tuple[list[str | None], list[str], list[str]]:
    """Column key per position, headers the desk ignores, and header faults."""
    keys: list[str | None] = []
    ignored: list[str] = []
    errors: list[str] = []
    for cell in header:
        text = _cell_text(cell, None)
        key = canonical_column(text) if text else None
        if key is not None and key in keys:
            errors.append(
                translate(
                    "CatalogFiles",
                    "Dòng tiêu đề: cột '{label}' ({key}) có hai lần, hãy xóa một cột.",
                ).format(label=HEADER_LABELS[key], key=key)
            )
        elif key is None and text:
            ignored.append(text)
        keys.append(key)
    missing = [k for k in REQUIRED_COLUMNS if k not in keys]
    if missing:
        names = ", ".join(f"'{HEADER_LABELS[k]}' ({k})" for k in missing)
        errors.append(
            translate(
                "CatalogFiles", "Dòng tiêu đề: thiếu cột {names}; dòng 1 phải là dòng tiêu đề."
            ).format(names=names)
        )
    return keys, ignored, errors


def _extra_cells_message(width: int, extra: list[str]) -> str:
    first = extra[0][:40]
    return translate(
        "CatalogFiles",
        "Dòng có nhiều ô hơn dòng tiêu đề ({width} cột), thừa '{first}': có thể một ô chứa "
        "dấu phẩy mà thiếu dấu ngoặc kép. Hãy mở tệp bằng Excel, sửa rồi lưu lại.",
    ).format(width=width, first=first)


def _cell_text(value: object, key: str | None) -> str:
    """A cell as the text the row parser reads, whatever type Excel gave it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if key == "code":
            return f"{value:.6f}"
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime):
        return f"{value:%H:%M}" if key == "cutoff" else value.isoformat(sep=" ")
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return nfc(str(value)).strip()


def _read_csv_table(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            translate(
                "CatalogFiles",
                "Tệp {name} không phải mã UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel, "
                "chọn Lưu thành (Save As) > 'CSV UTF-8 (Comma delimited)' rồi nhập lại, "
                "hoặc lưu dạng .xlsx.",
            ).format(name=path.name),
            "path",
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return list(reader)
    except csv.Error as exc:
        raise _csv_problem(path, reader.line_num, exc) from exc


def _csv_problem(path: Path, line: int, exc: csv.Error) -> UserError:
    """A CSV file the csv module stops on, explained with the line it stopped at."""
    if "field larger than field limit" in str(exc):
        message = translate(
            "CatalogFiles",
            "Tệp {name}, dòng {line}: một ô dài hơn {limit} ký tự. Thường là một dấu ngoặc "
            'kép (") mở ô mà không đóng, nên phần còn lại của tệp bị đọc thành một ô. Hãy mở '
            "tệp bằng Excel, sửa ô đó rồi lưu lại dạng CSV UTF-8.",
        )
    else:
        message = translate(
            "CatalogFiles",
            "Tệp {name}, dòng {line}: không đọc được dạng CSV ({detail}). Hãy mở tệp bằng "
            "Excel rồi lưu lại dạng CSV UTF-8 hoặc .xlsx.",
        )
    limit = f"{csv.field_size_limit():,}".replace(",", ".")
    return UserError(message.format(name=path.name, line=line, limit=limit, detail=exc), "path")


def _delimiter(text: str) -> str:
    """``,`` unless the header reads better split on ``;`` (Excel, Vietnamese locale)."""

    def known(delimiter: str) -> int:
        try:  # the header's first record, read as the whole file will be (quoted line ends)
            cells = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            return 0  # the whole read then says what is wrong, and on which line
        return sum(1 for c in cells if canonical_column(c))

    return ";" if known(";") > known(",") else ","


def _read_xlsx_table(path: Path) -> list[tuple[object, ...]]:
    """The first worksheet's rows (chart sheets are not tables: they are passed over)."""
    _check_workbook_parts(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException) as exc:
        raise _damaged(path) from exc
    except Exception as exc:  # noqa: BLE001 (openpyxl's own faults on a bad file vary)
        raise _unreadable_workbook(path, exc) from exc
    try:
        if not workbook.worksheets:
            raise UserError(
                translate(
                    "CatalogFiles",
                    "Tệp Excel {name} không có trang tính nào (chỉ có biểu đồ): hãy đặt bảng "
                    "danh mục thủ tục vào trang tính đầu tiên rồi lưu lại.",
                ).format(name=path.name),
                "path",
            )
        sheet = workbook.worksheets[0]
        try:
            return [tuple(row) for row in sheet.iter_rows(values_only=True)]
        except SyntaxError as exc:  # xml.etree's ParseError: the sheet's XML stops short
            raise UserError(
                translate(
                    "CatalogFiles",
                    "Tệp Excel {name} bị hỏng: trang “{sheet}” bị cắt ngang, không đọc được đến "
                    "hết ({detail}). Có thể tệp chưa chép xong hoặc lưu bị lỗi: hãy chép lại "
                    "tệp, hoặc mở bằng Excel và lưu lại.",
                ).format(name=path.name, sheet=sheet.title, detail=exc),
                "path",
            ) from exc
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise _unreadable_workbook(path, exc) from exc
    finally:
        workbook.close()


def _check_workbook_parts(path: Path) -> None:
    """Refuse, with what is wrong, a file that is not a zip or has no workbook part."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise _damaged(path) from exc
    if "xl/workbook.xml" not in names:
        raise UserError(
            translate(
                "CatalogFiles",
                "Tệp {name} không có phần sổ tính (xl/workbook.xml): tệp không đầy đủ hoặc không "
                "phải tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.",
            ).format(name=path.name),
            "path",
        )


def _damaged(path: Path) -> UserError:
    return UserError(
        translate(
            "CatalogFiles",
            "Không mở được tệp Excel {name}: tệp bị hỏng hoặc không phải .xlsx. "
            "Hãy mở bằng Excel và lưu lại dạng .xlsx.",
        ).format(name=path.name),
        "path",
    )


def _unreadable_workbook(path: Path, exc: Exception) -> UserError:
    """A workbook openpyxl fails on: its chart sheets first, else whatever it is."""
    log.warning("catalog workbook %s unreadable", path.name, exc_info=exc)
    try:
        with zipfile.ZipFile(path) as archive:
            charts = any(n.startswith("xl/chartsheets/") for n in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        charts = False
    if charts:
        return UserError(
            translate(
                "CatalogFiles",
                "Tệp Excel {name} có trang biểu đồ (chart sheet) mà desk không đọc được. Hãy xóa "
                "trang biểu đồ, hoặc chép bảng danh mục sang một sổ tính mới, rồi lưu lại.",
            ).format(name=path.name),
            "path",
        )
    return UserError(
        translate(
            "CatalogFiles",
            "Tệp Excel {name} bị hỏng hoặc có phần desk không đọc được ({detail}). Hãy mở bằng "
            "Excel và lưu lại dạng .xlsx.",
        ).format(name=path.name, detail=f"{type(exc).__name__}: {exc}"),
        "path",
    )


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([HEADER_LABELS[key] for key in COLUMNS])
        writer.writerows([row[key] for key in COLUMNS] for row in rows)


def _write_xlsx(path: Path, procedures: list[Procedure], rows: list[dict[str, str]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append([HEADER_LABELS[key] for key in COLUMNS])
    for procedure, row in zip(procedures, rows):
        row = dict(row, papers=format_papers(procedure.papers, "\n"))
        sheet.append([_xlsx_value(key, row[key]) for key in COLUMNS])
    _style_sheet(sheet, len(rows))
    workbook.save(path)


def _xlsx_value(key: str, text: str) -> object:
    if key in _NUMBER_CELLS and text.isdigit():
        return int(text)
    return text


def _style_sheet(sheet: Worksheet, row_count: int) -> None:
    """Bold frozen header, sensible widths, wrapped long texts, pick lists."""
    last_row = row_count + 1
    for index, key in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _COLUMN_WIDTHS[key]
        sheet.cell(row=1, column=index).font = Font(bold=True)
        alignment = Alignment(vertical="top", wrap_text=key in _WRAPPED)
        for cell in sheet[letter][1:]:
            cell.alignment = alignment
            if key in _TEXT_CELLS:
                cell.number_format = "@"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    kinds = ",".join(kind.value for kind in LimitKind)
    levels = ",".join(LEVEL_WORDS.values())
    pick_lists = (
        ("limit_kind", kinds),
        ("level", levels),
        ("active", "1,0"),
        ("online_only", "1,0"),
    )
    for key, choices in pick_lists:
        letter = get_column_letter(COLUMNS.index(key) + 1)
        validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        validation.add(f"{letter}2:{letter}{max(last_row, 1000)}")
        sheet.add_data_validation(validation)
