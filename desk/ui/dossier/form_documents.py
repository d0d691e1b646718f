"""The A5 forms a dossier's steps produce (Circular 03/2025/TT-VPCP, Annex I): written
as PDF files in the user's data folder, then opened in the PDF reader the PC has,
to print.

The PDF writers live in ``desk.documents.forms``; they are imported when a form
is asked for, so the dossier screens work (and say so clearly) even where a
writer is missing. A form is written off the window's thread (``FormWriter``):
reading the dossier and laying out a page that must fit takes a noticeable
moment, and the citizen at the counter is waiting. As in ``at_risk_loader``, the
pool thread never touches the writer object itself (the page may close
meanwhile): it hands its result to one relay that lives as long as the program.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desk import config
from desk.domain.errors import UserError
from desk.domain.translation import QT_TRANSLATE_NOOP, translated
from desk.storage.database import Database
from desk.ui.widgets.forms import Notice
from desk.ui.widgets.qt_helpers import show_message, translate

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


def _write(db: Database, form: Form, code: str) -> tuple[Path | None, str | None]:
    """The file written, or why not (runs on a pool thread)."""
    try:
        return write_form(db, form, code), None
    except UserError as exc:  # no such step yet, the file is open elsewhere, the disk is full
        log.info("%s for %s not written: %s", form.writer, code, exc.message)
        return None, exc.message
    except Exception:  # noqa: BLE001 (a bug: logged with its traceback, and told)
        log.exception("%s for %s failed", form.writer, code)
        return None, translate(
            "FormDocuments", "Không tạo được “{title}”: xem nhật ký của chương trình."
        ).format(title=translated(form.title))


class _Relay(QObject):
    """Carries results from the pool threads to the writers (made on the window's thread)."""

    finished = Signal(int, object, str, object, object)  # writer's token, form, code, path, error

    def __init__(self) -> None:
        super().__init__()
        self.writers: dict[int, FormWriter] = {}
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, str, object, object)
    def _deliver(
        self, token: int, form: Form, code: str, path: Path | None, error: str | None
    ) -> None:
        writer = self.writers.get(token)
        if writer is None or not shiboken6.isValid(writer):
            self.writers.pop(token, None)
            return
        writer.finish(form, code, path, error)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


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
        self._token = next(_tokens)
        relay = _the_relay()
        relay.writers[self._token] = self
        token = self._token
        self.destroyed.connect(lambda *_: relay.writers.pop(token, None))

    @property
    def running(self) -> bool:
        return self._pending > 0

    def request(self, form: Form, code: str) -> None:
        self._pending += 1
        db, token, relay = self._db, self._token, _the_relay()

        def work() -> None:
            path, error = _write(db, form, code)
            try:
                relay.finished.emit(token, form, code, path, error)
            except RuntimeError:  # the program is closing and the relay is gone
                log.debug("%s finished after the program closed", form.writer)

        QThreadPool.globalInstance().start(work)

    def finish(self, form: Form, code: str, path: Path | None, error: str | None) -> None:
        """A form was written or refused (called by the relay, on the window's thread)."""
        self._pending -= 1
        if error is not None or path is None:
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

    def write(self, form: Form, before: str = "") -> None:
        self._before[form.writer] = before
        making = translate("DossierPage", "Đang tạo {title}...").format(
            title=translated(form.title)
        )
        self._notice.show_ok(f"{before} {making}".strip())
        self.writer.request(form, self._code)

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
