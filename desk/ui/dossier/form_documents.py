"""The A5 forms a dossier's steps produce (Circular 03/2025/TT-VPCP, Annex I): written
as PDF files in the user's data folder, then opened in the PDF reader the PC has,
to print.

The PDF writers live in ``desk.services.form_documents``; they are imported when a form
is asked for, so the dossier screens work (and say so clearly) even where a
writer is missing. A form is written off the window's thread (``FormWriter``, through
``desk.ui.widgets.background``): reading the dossier and laying out a page that
must fit takes a noticeable moment, and the citizen at the counter is waiting.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desk import config
from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.forms import Notice
from desk.ui.widgets.qt_helpers import show_message, translate

log = logging.getLogger(__name__)

CONTEXT = "FormDocuments"


@dataclass(frozen=True)
class Form:
    writer: str  # the function in desk.services.form_documents
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
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)"),
)
APOLOGY = Form(
    "apology_pdf",
    "phieu-xin-loi",
    QT_TRANSLATE_NOOP(
        "FormDocuments", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (mẫu 04)"
    ),
)
STOP_NOTICE = Form(
    "stop_notice_pdf",
    "thong-bao-dung",
    QT_TRANSLATE_NOOP("FormDocuments", "Thông báo dừng giải quyết hồ sơ (mẫu 05)"),
)
CONTROL_SLIP = Form(
    "control_slip_pdf",
    "phieu-kiem-soat",
    QT_TRANSLATE_NOOP("FormDocuments", "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)"),
)


def documents_dir() -> Path:
    """Where the forms are written: ``documents`` in the user's data folder."""
    path = config.data_dir() / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def form_path(form: Form, code: str) -> Path:
    return documents_dir() / f"{form.file_stem}-{code}.pdf"


def write_form(db: Database, form: Form, code: str) -> Path:
    """Write ``form`` for dossier ``code``; a ``UserError`` says why it could not be.

    Touches no widget: it runs on a pool thread.
    """
    try:
        writer = getattr(importlib.import_module("desk.services.form_documents"), form.writer)
    except (ImportError, AttributeError) as exc:
        log.error("no writer for %s: %s", form.writer, exc)
        raise UserError(
            translate(
                "FormDocuments", "Phiên bản này chưa in được “{title}”: hãy báo quản trị viên."
            ).format(title=translated(form.title))
        ) from exc
    target = form_path(form, code)
    try:
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


class FormWriter(QObject):
    """``request(form, code)`` writes a form in the background; ``written(form, code,
    path)`` or ``failed(form, code, message)`` follow on the window's thread.
    ``running`` while any request is still being written."""

    written = Signal(object, str, object)
    failed = Signal(object, str, str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._pending = 0

    @property
    def running(self) -> bool:
        return self._pending > 0

    def request(
        self, form: Form, code: str, owner: QWidget, buttons: Iterable[QWidget] = ()
    ) -> None:
        """Write ``form``: ``owner`` shows the progress, ``buttons`` wait for the end."""
        self._pending += 1
        db = self._db
        background.run_in_background(
            owner,
            lambda: write_form(db, form, code),
            lambda path: self.finish(form, code, path, None),
            lambda message: self.finish(form, code, None, message),
            translate("DossierPage", "Đang tạo {title}...").format(title=translated(form.title)),
            buttons=buttons,
            failure=translate(
                "FormDocuments", "Không tạo được “{title}”: xem nhật ký của chương trình."
            ).format(title=translated(form.title)),
        )

    def finish(self, form: Form, code: str, path: Path | None, error: str | None) -> None:
        """A form was written or refused (on the window's thread)."""
        self._pending -= 1
        if error is not None or path is None:
            log.info("%s for %s not written: %s", form.writer, code, error)
            self.failed.emit(form, code, error or "")
        else:
            log.info("%s written: %s", form.writer, path)
            self.written.emit(form, code, path)


class PageForms(QObject):
    """The forms a dossier's page writes: each in the background, then opened to print.

    The page's notice says "Đang tạo ..." meanwhile and "Đã tạo ...: path" once
    written, after what it said before (the step just recorded); a refusal is
    shown in a message box. ``running`` while a form is still being written.
    """

    def __init__(self, page: QWidget, db: Database, code: str, notice: Notice) -> None:
        super().__init__(page)
        self._page, self._code, self._notice = page, code, notice
        self.writer = FormWriter(db, self)
        self.writer.written.connect(self._written)
        self.writer.failed.connect(self._failed)
        #: What the notice said before each form being written ("Đã ghi nhận: ...").
        self._before: dict[str, str] = {}

    @property
    def running(self) -> bool:
        return self.writer.running

    def write(self, form: Form, before: str = "", buttons: Iterable[QWidget] = ()) -> None:
        """Write ``form``; ``buttons`` (the one that asked) are disabled until it is done."""
        self._before[form.writer] = before
        making = translate("DossierPage", "Đang tạo {title}...").format(
            title=translated(form.title)
        )
        self._notice.show_ok(f"{before} {making}".strip())
        self.writer.request(form, self._code, self._page, buttons)

    def _written(self, form: Form, code: str, path: Path) -> None:
        before = self._before.pop(form.writer, "")
        title = translated(form.title)
        done = translate("DossierPage", "Đã tạo {title}: {path}").format(title=title, path=path)
        self._notice.show_ok(f"{before} {done}".strip())
        if not open_file(path):
            show_message(
                self._page,
                title,
                translate(
                    "FormDocuments",
                    "Đã lưu {title} tại:\n{path}\nMáy này chưa mở được tệp PDF: hãy mở tệp đó "
                    "bằng chương trình đọc PDF để in (khổ A5).",
                ).format(title=title, path=path),
                QMessageBox.Icon.Information,
            )

    def _failed(self, form: Form, code: str, message: str) -> None:
        before = self._before.pop(form.writer, "")
        if before:
            self._notice.show_ok(before)
        else:
            self._notice.clear_notice()
        show_message(self._page, translated(form.title), message)
