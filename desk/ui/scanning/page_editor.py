"""The pages of one paper before they are kept: thumbnails to reorder, turn and drop.

The clerk adds pages from files (a picker, or dropped here or on the paper's
row), from the scanner's folder (new files appear here by themselves while
the editor is open) and sees each page small. Pages are dragged into order,
turned a quarter (Ctrl+L, Ctrl+R), dropped (Delete). "Lưu bản số hóa" makes
the paper's one PDF in the background with a progress bar (twenty 300 dpi
pages take seconds): the window never freezes, and the editor closes once the
work succeeded. A paper with a validity (a certificate valid six months) gets
its end date here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.documents.scan_sources import IMAGE_SUFFIXES, PageSource, pages_in, thumbnail
from desk.domain.errors import UserError
from desk.ui.scanning.scan_folder import ScanFolderWatcher, set_scan_folder
from desk.ui.scanning.scan_jobs import Progress, ScanJob
from desk.ui.widgets.qt_helpers import pil_to_pixmap, translate
from desk.ui.widgets.screen_fit import fit_to_screen

THUMB = QSize(150, 212)
_ROLE_PAGE = Qt.ItemDataRole.UserRole

#: ``save(pages, valid_until, progress)`` keeps the pages (runs on a pool thread).
Save = Callable[[list[PageSource], date | None, Progress], object]


def file_filter() -> str:
    patterns = " ".join(f"*{s}" for s in (*IMAGE_SUFFIXES, ".pdf"))
    return translate("PageEditor", "Ảnh quét hoặc PDF ({patterns})").format(patterns=patterns)


def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files a drag carries (none: ``[]``)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class PageList(QListWidget):
    """Thumbnails in reading order; drag to reorder, drop files from outside to add them."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_list")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 34))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWrapping(True)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if dropped_files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)


class PageEditor(QDialog):
    """One paper's pages; ``result`` holds what ``save`` returned once it succeeded."""

    def __init__(
        self,
        title: str,
        pages: list[PageSource],
        save: Save,
        *,
        valid_until: date | None = None,
        watch_folder: bool = True,
        admin: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_editor")
        self.setWindowTitle(title)
        self._save = save
        self.result: object = None
        self.job = ScanJob(self)
        self.thumbs = ScanJob(self)
        self._waiting: list[QListWidgetItem] = []
        self.heading = QLabel(title, self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.pages = PageList(self)
        self.pages.files_dropped.connect(self.add_files)
        self.pages.model().rowsMoved.connect(lambda *_: self._number())
        self.status = QLabel(self)
        self.status.setObjectName("editor_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self._tools(admin))
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._validity(valid_until))
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._footer())
        self.job.progressed.connect(self._progressed)
        self.job.done.connect(self._saved)
        self.job.failed.connect(self._failed)
        self.thumbs.done.connect(self._show_thumbs)
        self.thumbs.failed.connect(lambda message: self.say(message, error=True))
        for keys, slot in (
            ("Ctrl+R", lambda: self.turn(90)),
            ("Ctrl+L", lambda: self.turn(-90)),
            (QKeySequence.StandardKey.Delete, self.remove_selected),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.watcher = ScanFolderWatcher(parent=self) if watch_folder else None
        if self.watcher is not None:
            self.watcher.arrived.connect(self._from_scanner)
        self._append(pages)
        self._hint()
        fit_to_screen(self, 980, 680)

    # -- building ------------------------------------------------------------------

    def _tools(self, admin: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("PageEditor", "Thêm tệp ảnh/PDF..."), self)
        self.add_button.clicked.connect(self.pick_files)
        self.left_button = QPushButton(translate("PageEditor", "Xoay trái (Ctrl+L)"), self)
        self.left_button.clicked.connect(lambda: self.turn(-90))
        self.right_button = QPushButton(translate("PageEditor", "Xoay phải (Ctrl+R)"), self)
        self.right_button.clicked.connect(lambda: self.turn(90))
        self.remove_button = QPushButton(translate("PageEditor", "Bỏ trang (Delete)"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.left_button, self.right_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.folder_button = QPushButton(translate("PageEditor", "Thư mục máy quét..."), self)
        self.folder_button.setObjectName("scan_folder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.setToolTip(
            translate("PageEditor", "Quản trị chọn thư mục máy quét lưu ảnh vào, cho máy này.")
        )
        self.folder_button.clicked.connect(self.choose_folder)
        self.folder_button.setVisible(admin)
        row.addWidget(self.folder_button)
        return row

    def choose_folder(self) -> None:
        """The admin names the folder this PC's scanner saves into; it is watched from now."""
        chosen = QFileDialog.getExistingDirectory(
            self, translate("PageEditor", "Thư mục máy quét lưu ảnh vào")
        )
        if not chosen:
            return
        set_scan_folder(Path(chosen))
        if self.watcher is not None:
            self.watcher.stop()
        self.watcher = ScanFolderWatcher(Path(chosen), self)
        self.watcher.arrived.connect(self._from_scanner)
        self._hint()

    def _validity(self, valid_until: date | None) -> QHBoxLayout:
        self.valid_check = QCheckBox(translate("PageEditor", "Giấy tờ có giá trị đến ngày:"), self)
        self.valid_edit = QDateEdit(self)
        self.valid_edit.setDisplayFormat("dd/MM/yyyy")
        self.valid_edit.setCalendarPopup(True)
        self.valid_edit.setDate(QDate.currentDate().addMonths(6))
        if valid_until is not None:
            self.valid_check.setChecked(True)
            self.valid_edit.setDate(QDate(valid_until.year, valid_until.month, valid_until.day))
        self.valid_edit.setEnabled(self.valid_check.isChecked())
        self.valid_check.toggled.connect(self.valid_edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.valid_check)
        row.addWidget(self.valid_edit)
        row.addStretch(1)
        return row

    def _footer(self) -> QHBoxLayout:
        self.save_button = QPushButton(translate("PageEditor", "Lưu bản số hóa"), self)
        self.save_button.setObjectName("save_scan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(translate("PageEditor", "Hủy"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    # -- pages ---------------------------------------------------------------------

    def page_sources(self) -> list[PageSource]:
        return [self.pages.item(i).data(_ROLE_PAGE) for i in range(self.pages.count())]

    def valid_until(self) -> date | None:
        if not self.valid_check.isChecked():
            return None
        return self.valid_edit.date().toPython()

    def _append(self, pages: list[PageSource]) -> None:
        blank = QPixmap(THUMB)
        blank.fill(QColor("#eeeeee"))
        for page in pages:
            item = QListWidgetItem(QIcon(blank), "")
            item.setData(_ROLE_PAGE, page)
            item.setToolTip(f"{page.path.name} #{page.index + 1}")
            self.pages.addItem(item)
            self._waiting.append(item)
        self._number()
        self._load_thumbs()

    def _load_thumbs(self) -> None:
        if self.thumbs.busy or not self._waiting:
            return
        batch, self._waiting = self._waiting, []
        self._batch = batch
        wanted = [item.data(_ROLE_PAGE) for item in batch]
        longest = THUMB.height()
        self.thumbs.start(lambda _progress: [thumbnail(p, longest) for p in wanted])

    def _show_thumbs(self, images: list) -> None:
        for item, image in zip(self._batch, images):
            try:
                page = item.data(_ROLE_PAGE)
            except RuntimeError:  # the item was dropped meanwhile
                continue
            if image is not None and page is not None:
                item.setIcon(QIcon(pil_to_pixmap(image)))
        self._load_thumbs()

    def _number(self) -> None:
        for i in range(self.pages.count()):
            self.pages.item(i).setText(translate("PageEditor", "Trang {n}").format(n=i + 1))
        self._hint()

    def _hint(self) -> None:
        count = self.pages.count()
        folder = self.watcher.folder if self.watcher is not None else None
        where = (
            translate("PageEditor", " Trang quét vào thư mục {folder} được thêm tự động.").format(
                folder=folder
            )
            if folder is not None
            else ""
        )
        self.say(
            translate(
                "PageEditor",
                "{count} trang. Kéo thả để đổi thứ tự; thả tệp vào đây để thêm.{where}",
            ).format(count=count, where=where)
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {'#b71c1c' if error else '#333333'};")
        self.status.setText(text)

    def add_files(self, paths: list[Path]) -> int:
        """Add every page of ``paths``; a file that is not a scan is named, the rest added."""
        added: list[PageSource] = []
        problems = []
        for path in paths:
            try:
                added += pages_in(path)
            except UserError as exc:
                problems.append(exc.message)
        self._append(added)
        if problems:
            self.say(" ".join(problems), error=True)
        return len(added)

    def _from_scanner(self, paths: list[Path]) -> None:
        count = self.add_files(paths)
        if count:
            self.say(
                translate("PageEditor", "Đã thêm {count} trang từ máy quét.").format(count=count)
            )

    def pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, translate("PageEditor", "Chọn trang quét"), "", file_filter()
        )
        self.add_files([Path(n) for n in names])

    def turn(self, degrees: int) -> None:
        """Turn the selected pages (or the current one) a quarter, on screen and in the PDF."""
        items = self.pages.selectedItems() or (
            [self.pages.currentItem()] if self.pages.currentItem() else []
        )
        for item in items:
            item.setData(_ROLE_PAGE, item.data(_ROLE_PAGE).turned(degrees))
            pixmap = item.icon().pixmap(THUMB)
            item.setIcon(QIcon(pixmap.transformed(QTransform().rotate(degrees))))

    def remove_selected(self) -> None:
        for item in self.pages.selectedItems():
            self.pages.takeItem(self.pages.row(item))
        self._number()

    # -- saving --------------------------------------------------------------------

    def save(self) -> bool:
        """Keep the pages in the background; the editor closes when that succeeded."""
        pages = self.page_sources()
        if not pages:
            self.say(translate("PageEditor", "Chưa có trang nào để lưu."), error=True)
            return False
        valid = self.valid_until()
        if not self.job.start(lambda progress: self._save(pages, valid, progress)):
            return False
        self._working(True)
        self.progress.setRange(0, len(pages))
        self.progress.setValue(0)
        self.say(translate("PageEditor", "Đang tạo tệp PDF..."))
        return True

    def _working(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for w in (self.save_button, self.add_button, self.left_button, self.right_button,
                  self.remove_button, self.pages):  # fmt: skip
            w.setEnabled(not busy)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.say(translate("PageEditor", "Đang tạo tệp PDF: {done}/{total} trang").format(
            done=done, total=total
        ))  # fmt: skip

    def _saved(self, result: object) -> None:
        self._working(False)
        self.result = result
        self.accept()

    def _failed(self, message: str) -> None:
        self._working(False)
        self.say(message, error=True)

    def reject(self) -> None:
        if self.job.busy:
            return  # the PDF is being written: wait for it
        super().reject()

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name)
        if self.watcher is not None:
            self.watcher.stop()
        super().done(code)
