"""The A5 forms a step produces (Circular 01/2018 art. 9): written as PDF files in
the user's data folder, then opened in the PDF reader the PC has, to print.

The PDF writers live in ``desk.documents.forms``; they are imported when a form
is asked for, so the dossier screens work (and say so clearly) even where a
writer is missing.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desk import config
from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.storage.database import Database
from desk.ui.qt_helpers import busy_cursor, show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "FormDocuments"


@dataclass(frozen=True)
class Form:
    writer: str  # the function in desk.documents.forms
    file_stem: str
    title: str  # marked for translation: the screens name the form with it


SUPPLEMENT_REQUEST = Form(
    "supplement_request_pdf",
    "phieu-yeu-cau-bo-sung",
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
)
REFUSAL = Form(
    "refusal_pdf",
    "phieu-tu-choi",
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu 03)"),
)
APOLOGY = Form(
    "apology_pdf",
    "phieu-xin-loi",
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"),
)
CONTROL_SLIP = Form(
    "control_slip_pdf",
    "phieu-kiem-soat",
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)"),
)


def documents_dir() -> Path:
    """Where the forms are written: ``documents`` in the user's data folder."""
    path = config.data_dir() / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def form_path(form: Form, code: str) -> Path:
    return documents_dir() / f"{form.file_stem}-{code}.pdf"


def write_form(db: Database, form: Form, code: str) -> Path:
    """Write ``form`` for dossier ``code``; a ``UserError`` says why it could not be."""
    try:
        writer = getattr(importlib.import_module("desk.documents.forms"), form.writer)
    except (ImportError, AttributeError) as exc:
        log.error("no writer for %s: %s", form.writer, exc)
        raise UserError(
            translate(
                "FormDocuments", "Phiên bản này chưa in được “{title}”: hãy báo quản trị viên."
            ).format(title=translated(form.title))
        ) from exc
    target = form_path(form, code)
    try:
        with busy_cursor():
            written = writer(db, code, target)
    except OSError as exc:
        raise UserError(
            translate(
                "FormDocuments",
                "Không ghi được tệp {path}: {error}. Hãy đóng tệp nếu đang mở rồi thử lại.",
            ).format(path=target, error=exc.strerror or exc)
        ) from exc
    return Path(written or target)


def open_file(path: Path) -> bool:
    """Open ``path`` with the PC's program for PDF files; ``False`` when there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def write_and_open(parent: QWidget, db: Database, form: Form, code: str) -> Path | None:
    """Write the form and open it for printing; every failure is told to the clerk."""
    title = translated(form.title)
    try:
        path = write_form(db, form, code)
    except UserError as exc:
        show_message(parent, title, exc.message)
        return None
    log.info("%s written: %s", form.writer, path)
    if not open_file(path):
        show_message(
            parent,
            title,
            translate(
                "FormDocuments",
                "Đã lưu {title} tại:\n{path}\nMáy này chưa mở được tệp PDF: hãy mở tệp đó "
                "bằng chương trình đọc PDF để in (khổ A5).",
            ).format(title=title, path=path),
            QMessageBox.Icon.Information,
        )
    return path
