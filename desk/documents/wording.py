"""The words of every form, read from editable TOML files, not written in code.

Each form has its file in ``resources/forms`` (``apology.toml``, ``receipt.toml``...);
an office may keep its own copy of a file in the ``forms`` folder of the desk's
data folder, which then wins entry by entry: an entry the copy lacks (one a newer
desk added, such as a form's "Mẫu số" line) is taken from the shipped file, so an
office's old copy keeps printing after an update. Texts carry ``{field}`` placeholders filled with
``str.format`` rules; they are paragraph markup, so ``<b>``/``<i>`` may be used
and the filled-in values are escaped. A file or placeholder an office broke is a
``UserError`` that names the file and what to fix.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

from desk.config import APP_AUTHOR, APP_NAME, resource_dir
from desk.domain.errors import UserError
from desk.domain.text import escape_markup, nfc, printable

_FORMATTER = string.Formatter()
#: The most characters of one filled-in value a form prints (see ``Wording.fill``).
VALUE_LIMIT = 2000


class Markup(str):
    """Text that is already paragraph markup (e.g. a filled sub-template): not escaped again."""


def user_forms_dir() -> Path:
    """Where an office keeps its own wording (never created by the desk itself)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "forms"


def shipped_forms_dir() -> Path:
    return resource_dir() / "forms"


def wording_path(name: str) -> Path:
    for folder in (user_forms_dir(), shipped_forms_dir()):
        path = folder / f"{name}.toml"
        if path.is_file():
            return path
    raise FileNotFoundError(f"missing form wording: {shipped_forms_dir() / (name + '.toml')}")


@dataclass(frozen=True)
class Wording:
    """One form's texts; ``source`` names the file for error messages."""

    name: str
    source: Path
    data: dict[str, Any]

    def raw(self, key: str) -> Any:
        """The value at a dotted key ("versions.2025.title")."""
        value: Any = self.data
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise UserError(
                    f"Tệp lời văn {self.source} thiếu mục '{key}'. {_fix_hint(self.source)}"
                )
            value = value[part]
        return value

    def fill(self, template: str, fields: dict[str, Any], key: str = "") -> str:
        """``template`` with its placeholders filled; values escaped for markup.

        A value is printed without its control characters and cut after
        ``VALUE_LIMIT`` characters (``desk.domain.text.printable``): what a
        database already holds never breaks a form.
        """
        safe = {
            k: nfc(v)
            if isinstance(v, Markup)
            else escape_markup(printable(nfc(str(v)), VALUE_LIMIT, line_breaks=True))
            for k, v in fields.items()
        }
        try:
            return nfc(_FORMATTER.vformat(template, (), safe))
        except KeyError as exc:
            raise UserError(
                f"Tệp lời văn {self.source}, mục '{key}': không có trường {{{exc.args[0]}}}. "
                f"Các trường dùng được: {', '.join('{' + k + '}' for k in sorted(fields))}."
            ) from exc
        except (ValueError, IndexError) as exc:
            raise UserError(
                f"Tệp lời văn {self.source}, mục '{key}': dấu ngoặc {{ }} viết sai ({exc})."
            ) from exc

    def text(self, key: str, fields: dict[str, Any]) -> Markup:
        return Markup(self.fill(str(self.raw(key)), fields, key))

    def texts(self, key: str, fields: dict[str, Any]) -> list[Markup]:
        """A list of texts, each filled."""
        return [Markup(self.fill(str(t), fields, key)) for t in self.raw(key)]

    def lines(self, key: str, fields: dict[str, Any]) -> list[Markup]:
        """Tables ``{text = "...", needs = "field"}``: a line whose ``needs`` is empty is left out."""
        out = []
        for entry in self.raw(key):
            needs = entry.get("needs", "")
            if needs and not str(fields.get(needs, "")).strip():
                continue
            out.append(Markup(self.fill(str(entry["text"]), fields, key)))
        return out


def _fix_hint(path: Path) -> str:
    if path.parent == user_forms_dir():
        return "Hãy sửa lại tệp, hoặc xóa nó để dùng lời văn mặc định."
    return "Hãy sửa lại tệp theo đúng mẫu ban đầu."


@lru_cache(maxsize=32)
def _load(path: Path, _mtime_ns: int, _size: int) -> dict[str, Any]:
    """Cached per version of the file (its time and size: an edit changes one)."""
    import tomllib  # read when a text is first written, not when the window opens

    with path.open("rb") as handle:
        return tomllib.load(handle)


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        stat = path.stat()
        return _load(path, stat.st_mtime_ns, stat.st_size)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"Tệp lời văn {path} viết sai cú pháp ({exc}). {_fix_hint(path)}") from exc


def _merged(own: dict[str, Any], shipped: dict[str, Any]) -> dict[str, Any]:
    """The office's entries over the shipped ones, table by table (a list or a text
    is taken whole from the office's copy)."""
    out = dict(shipped)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(shipped.get(key), dict):
            out[key] = _merged(value, shipped[key])
        else:
            out[key] = value
    return out


def load_wording(name: str) -> Wording:
    """The wording of form ``name``; re-read when its file changed."""
    path = wording_path(name)
    data = _read(path)
    shipped = shipped_forms_dir() / f"{name}.toml"
    if path != shipped and shipped.is_file():
        data = _merged(data, _read(shipped))
    return Wording(name, path, data)
