"""The file a document is written to: checked before anything is recorded, and what the
clerk is told, in their language, when it cannot be written.

A document appears whole or not at all (``write_whole``): it is written to a temporary
file beside the target, then moved into place. A command that records something
and then writes its letter (``desk apology``, a step with ``--out``) calls
``check_target`` first, so a mistyped path is refused before the record is made.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translate, translated

#: What the operating system's failure means, in the clerk's words.
_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("FileTargets", "thư mục không có"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP(
        "FileTargets", "một phần của đường dẫn là tệp, không phải thư mục"
    ),
    errno.EACCES: QT_TRANSLATE_NOOP("FileTargets", "không có quyền ghi vào đó"),
    errno.EPERM: QT_TRANSLATE_NOOP("FileTargets", "không có quyền ghi vào đó"),
    errno.EROFS: QT_TRANSLATE_NOOP("FileTargets", "ổ đĩa chỉ cho đọc"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("FileTargets", "ổ đĩa đã đầy"),
    errno.EEXIST: QT_TRANSLATE_NOOP("FileTargets", "đã có một tệp trùng tên"),
}


#: A name ending so names a folder, whether or not it is there yet ("hoso/").
FOLDER_ENDS = tuple(sep for sep in ("/", os.sep, os.altsep) if sep)


def reason(exc: OSError) -> str:
    """Why the system refused, in the clerk's language (its own words when not known here)."""
    found = _REASONS.get(exc.errno or 0)
    if found is None:
        return exc.strerror or str(exc)
    return translated(found)


def check_target(path: str | Path, suffix: str = ".pdf") -> Path:
    """The file ``path`` names, once it is sure a ``suffix`` file can be written there.

    ``UserError`` for an empty name, a folder (``hoso/`` too, though it does not exist
    yet), a name without ``suffix``, or a folder that cannot be made or written in."""
    if not str(path).strip():
        raise UserError(
            translate(
                "FileTargets", "Chưa có tên tệp cần ghi: hãy ghi tên tệp, ví dụ phieu{suffix}."
            ).format(suffix=suffix)
        )
    target = _not_a_folder(path)
    if target.suffix.lower() != suffix:
        raise UserError(
            translate(
                "FileTargets", "Tên tệp {path} cần có đuôi {suffix}, ví dụ {example}."
            ).format(path=target, suffix=suffix, example=target.with_suffix(suffix))
        )
    os.unlink(temporary_beside(target))
    return target


def write_whole(path: str | Path, write: Callable[[str], None], kind: str = "PDF") -> Path:
    """``write(temporary_name)`` beside ``path``, then the file moved onto ``path``: it
    appears whole or not at all. What cannot be written is a ``UserError`` saying why;
    ``kind`` (PDF, Excel) names the file a viewer may be holding open."""
    target = Path(path)
    temp_name = temporary_beside(path)
    try:
        write(temp_name)
        try:
            os.replace(temp_name, target)
        except OSError as exc:
            raise not_replaced(target, exc, kind) from exc
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def temporary_beside(path: str | Path) -> str:
    """A new empty temporary file in the folder of the file ``path`` names (made if
    missing), for the document to be written before it is moved into place."""
    target = _not_a_folder(path)
    existing = next((p for p in target.parents if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise UserError(
            translate(
                "FileTargets",
                "Không ghi được tệp {path}: {file} là một tệp, không phải thư mục. "
                "Hãy chọn thư mục khác rồi thử lại.",
            ).format(path=target, file=existing)
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=".desk-", suffix=target.suffix or ".tmp", dir=target.parent
        )
    except OSError as exc:  # a file where the folder should be, a read-only drive...
        raise UserError(
            translate(
                "FileTargets",
                "Không ghi được tệp {path}: không tạo được tệp trong thư mục {folder} "
                "({reason}). Hãy chọn thư mục khác rồi thử lại.",
            ).format(path=target, folder=target.parent, reason=reason(exc))
        ) from exc
    os.close(handle)
    return temp_name


def _not_a_folder(path: str | Path) -> Path:
    """The file ``path`` names; a ``UserError`` when it names a folder."""
    target = Path(path)
    if target.is_dir() or str(path).endswith(FOLDER_ENDS):
        raise UserError(
            translate(
                "FileTargets",
                "{path} là một thư mục: hãy ghi cả tên tệp, ví dụ {example}.",
            ).format(path=target, example=target / f"phieu{target.suffix or '.pdf'}")
        )
    return target


def not_replaced(target: Path, exc: OSError, kind: str = "PDF") -> UserError:
    """The message when the finished document (a ``kind`` file: PDF, Excel) could not be
    moved onto ``target``."""
    if isinstance(exc, PermissionError):
        return UserError(
            translate(
                "FileTargets",
                "Không ghi được tệp {path}: tệp đang mở trong chương trình khác hoặc thư mục "
                "không cho phép ghi. Hãy đóng tệp {kind} đang mở rồi thử lại.",
            ).format(path=target, kind=kind)
        )
    return UserError(
        translate("FileTargets", "Không ghi được tệp {path} ({reason}).").format(
            path=target, reason=reason(exc)
        )
    )
