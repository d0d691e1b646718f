"""The dossier page's "Bản số hóa" tab: each paper's PDF, its pages, and the result's.

One row per paper of the dossier (numbered as on its receipt) and one for the
result: how many pages, when and by whom it was digitised, its SHA-256, or the
earlier dossier it was taken from ("đã có bản số hóa, mã hồ sơ ..."). A paper
only shown at the counter needs no copy (Circular 03/2025 art. 5(2)(b)). The
selected paper's pages are shown small below (read in the background); a
double-click opens a page large. "Thêm/sửa trang" opens the page editor on the
paper's own pages, so pages can be added, turned, reordered or dropped; the
result can be digitised once the dossier has one (Decree 118/2025 art. 22(4)).
Reading a scan from the database and writing it to a file run in the
background, a moving bar under the buttons meanwhile.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.documents.scan_sources import stored_page_image
from desk.domain.clock import Clock
from desk.domain.dossier import Dossier
from desk.domain.errors import UserError
from desk.domain.office import Clerk
from desk.domain.procedure import PaperForm
from desk.domain.roles import Role
from desk.domain.scans import RESULT_POSITION, WITH_RESULT, Scan, ScanKind, copy_needed, pdf_name
from desk.services import scan_attach, scans
from desk.storage import files
from desk.storage.database import Database
from desk.ui.dossier.page_viewer import PageViewer
from desk.ui.scanning.page_editor import PageEditor
from desk.ui.scanning.scan_jobs import ScanJob
from desk.ui.widgets import background
from desk.ui.widgets.forms import fill_table, read_only_table
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import confirm, pil_to_pixmap, show_message, translate

STRIP = QSize(110, 156)
#: The papers' table keeps this much room before the pages go three across.
TABLE_WIDTH = 700


def when(scan: Scan) -> str:
    return f"{scan.made_at:%H:%M %d/%m/%Y}"


def scan_text(scan: Scan | None, form: PaperForm | None, dossier: Dossier) -> str:
    """What the table says of a paper's scan."""
    if scan is None:
        if form is not None and not copy_needed(form, dossier.channel):
            return translate("DossierScans", "Không cần sao chụp (chỉ xuất trình)")
        return translate("DossierScans", "Chưa số hóa")
    pages = translate("DossierScans", "{pages} trang").format(pages=scan.pages)
    if scan.reused:
        return translate("DossierScans", "{pages}, đã có bản số hóa, mã hồ sơ {code}").format(
            pages=pages, code=scan.origin_code
        )
    return pages + (" (PDF/A)" if scan.pdfa else "")


class PageStrip(QListWidget):
    """The small pages, three across, or two when the tab is narrow (a 1024-pixel
    screen): the table of papers beside them keeps room for the papers' names."""

    def __init__(self) -> None:
        super().__init__()
        self.columns = 3

    @staticmethod
    def width_for(columns: int) -> int:
        return columns * (STRIP.width() + 16) + 24

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.columns = columns
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.width_for(self.columns), super().sizeHint().height())


class PageScans(QWidget):
    """The tab; ``changed`` after a scan was kept or dropped here."""

    changed = Signal()

    def __init__(
        self, db: Database, clerk: Clerk, code: str, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dossier_scans")
        self.db, self.clerk, self.code, self.clock = db, clerk, code, clock
        self.scans: list[Scan] = []
        self.rows: list[tuple[ScanKind, int, str, PaperForm | None]] = []
        self.dossier: Dossier | None = None
        self.last_editor: PageEditor | None = None
        self.last_viewer: PageViewer | None = None
        self._strip_data: bytes = b""
        self.strip_job = ScanJob(self)
        self.strip_job.done.connect(self._strip_shown)
        self.strip_job.failed.connect(lambda message: self.note.setText(message))
        self.table = read_only_table(
            [
                translate("DossierScans", "Số"),
                translate("DossierScans", "Giấy tờ"),
                translate("DossierScans", "Bản số hóa"),
                translate("DossierScans", "Số hóa lúc"),
                translate("DossierScans", "Người số hóa"),
                translate("DossierScans", "SHA-256"),
            ]
        )
        self.table.setObjectName("scans_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_pages())
        self.strip = PageStrip()
        self.strip.setObjectName("scan_strip")
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.strip.setWrapping(True)
        self.strip.setIconSize(STRIP)
        self.strip.setGridSize(QSize(STRIP.width() + 16, STRIP.height() + 28))
        self.strip.setMinimumWidth(PageStrip.width_for(2))
        self.strip.setMaximumWidth(PageStrip.width_for(3))
        self.strip.itemActivated.connect(lambda item: self.view_page(self.strip.row(item)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.progress = ProgressNote()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(self._buttons())
        left.addWidget(self.progress)
        left.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.strip)
        self._shown_key: tuple | None = None

    def _buttons(self) -> QHBoxLayout:
        self.edit_button = QPushButton(translate("DossierScans", "Thêm/sửa trang..."))
        self.edit_button.setObjectName("edit_scan")
        self.edit_button.clicked.connect(self.edit_pages)
        self.view_button = QPushButton(translate("DossierScans", "Xem trang"))
        self.view_button.clicked.connect(lambda: self.view_page(max(0, self.strip.currentRow())))
        self.open_button = QPushButton(translate("DossierScans", "Mở tệp PDF"))
        self.open_button.clicked.connect(self.open_pdf)
        self.save_button = QPushButton(translate("DossierScans", "Lưu PDF ra tệp..."))
        self.save_button.clicked.connect(self.save_pdf)
        self.remove_button = QPushButton(translate("DossierScans", "Bỏ bản số hóa"))
        self.remove_button.clicked.connect(self.remove_scan)
        row = QHBoxLayout()
        for button in (self.edit_button, self.view_button, self.open_button, self.save_button,
                       self.remove_button):  # fmt: skip
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- showing -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        wide = event.size().width() >= PageStrip.width_for(3) + TABLE_WIDTH
        self.strip.set_columns(3 if wide else 2)

    def reload(self, dossier: Dossier, found: list[Scan]) -> None:
        """Show the dossier's papers with the scans ``found`` of them (read with the page)."""
        row = max(0, self.table.currentRow())
        self.dossier = dossier
        self.scans = found
        by_place = {(s.kind, s.position): s for s in self.scans}
        self.rows = [
            (ScanKind.PAPER, n, p.name, p.form) for n, p in enumerate(dossier.papers, start=1)
        ]
        self.rows.append(
            (
                ScanKind.RESULT,
                RESULT_POSITION,
                translate("DossierScans", "Kết quả giải quyết"),
                None,
            )
        )
        cells = []
        for kind, position, name, form in self.rows:
            scan = by_place.get((kind, position))
            cells.append(
                (
                    str(position) if kind is ScanKind.PAPER else translate("DossierScans", "KQ"),
                    scan.name if scan is not None else name,
                    scan_text(scan, form, dossier),
                    when(scan) if scan else "",
                    scan.made_by if scan else "",
                    scan.sha256[:16] if scan else "",
                )
            )
        fill_table(self.table, cells)
        for row, cell in enumerate(cells):
            self.table.item(row, 1).setToolTip(cell[1])
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        self.table.selectRow(min(row, len(self.rows) - 1))
        self._selected()

    def current(self) -> tuple[ScanKind, int, str, Scan | None] | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return None
        kind, position, name, _form = self.rows[row]
        scan = next((s for s in self.scans if s.kind is kind and s.position == position), None)
        return kind, position, name, scan

    def _selected(self) -> None:
        chosen = self.current()
        scan = chosen[3] if chosen else None
        result_row = chosen is not None and chosen[0] is ScanKind.RESULT
        can_result = self.dossier is not None and self.dossier.status in WITH_RESULT
        self.edit_button.setEnabled(chosen is not None and (not result_row or can_result))
        for button in (self.view_button, self.open_button, self.save_button, self.remove_button):
            button.setEnabled(scan is not None)
        self.strip.clear()
        self.note.clear()
        self._strip_data = b""
        self._draw_strip()

    def _draw_strip(self) -> None:
        """Read the selected scan's pages small in the background (again, when the
        selection moved while a reading ran)."""
        chosen = self.current()
        scan = chosen[3] if chosen else None
        if scan is None or self.strip_job.busy:
            return
        code, position, kind, pages = self.code, scan.position, scan.kind, scan.pages
        db = self.db
        key = (scan.file_id, kind, position)

        def draw(_progress):  # noqa: ANN001, ANN202 (on a pool thread)
            data = scans.read_pdf(db, code, position, kind)
            return key, data, [stored_page_image(data, i, STRIP.height()) for i in range(pages)]

        self.strip_job.start(draw)

    def _strip_shown(self, result: tuple) -> None:
        key, data, images = result
        chosen = self.current()
        scan = chosen[3] if chosen else None
        if scan is None or key != (scan.file_id, scan.kind, scan.position):
            self._draw_strip()  # the clerk chose another paper meanwhile
            return
        self._strip_data = data
        self.strip.clear()
        for n, image in enumerate(images, start=1):
            item = QListWidgetItem(translate("DossierScans", "Trang {n}").format(n=n))
            if image is not None:
                item.setIcon(QIcon(pil_to_pixmap(image)))
            self.strip.addItem(item)

    # -- acting --------------------------------------------------------------------

    def _in_background(
        self, work: Callable[[], object], done: Callable[[Any], None], label: str, button: QWidget
    ) -> background.Job:
        """Run ``work`` (reading a scan, writing a file) in the background; a refusal
        is shown in a message box."""
        return background.run_in_background(
            self,
            work,
            done,
            lambda message: show_message(self, translate("DossierScans", "Bản số hóa"), message),
            label,
            buttons=[button],
            note=self.progress,
        )

    def view_page(self, index: int) -> PageViewer | background.Job | None:
        """Page ``index`` of the selected scan, large: at once when its pages are shown
        small already, else once it has been read."""
        chosen = self.current()
        if chosen is None or chosen[3] is None:
            return None
        scan = chosen[3]
        if self._strip_data:
            return self._view(self._strip_data, scan, index)
        db, code = self.db, self.code
        return self._in_background(
            lambda: scans.read_pdf(db, code, scan.position, scan.kind),
            lambda data: self._view(data, scan, index),
            translate("DossierScans", "Đang đọc bản số hóa..."),
            self.view_button,
        )

    def _view(self, data: bytes, scan: Scan, index: int) -> PageViewer:
        viewer = PageViewer(data, scan.pages, index, scan.name, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_viewer = viewer
        viewer.open()
        return viewer

    def open_pdf(self) -> background.Job | None:
        """Write the selected scan to a file of its own and open it in the PDF reader."""
        chosen = self.current()
        if chosen is None or chosen[3] is None:
            return None
        scan, position, db, code = chosen[3], chosen[1], self.db, self.code

        def write() -> Path:  # on a pool thread
            data = scans.read_pdf(db, code, scan.position, scan.kind)
            path = Path(tempfile.mkdtemp(prefix="desk-pdf-")) / pdf_name(code, position, scan.name)
            files.write_private_bytes(path, data)
            return path

        return self._in_background(
            write,
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            translate("DossierScans", "Đang mở tệp PDF..."),
            self.open_button,
        )

    def save_pdf(self) -> background.Job | None:
        """Save the selected scan as a PDF file where the clerk chooses."""
        chosen = self.current()
        if chosen is None or chosen[3] is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("DossierScans", "Lưu bản số hóa"),
            pdf_name(self.code, chosen[1], chosen[3].name),
            "PDF (*.pdf)",
        )
        if not name:
            return None
        return self.save_pdf_to(Path(name))

    def save_pdf_to(self, path: Path) -> background.Job | None:
        chosen = self.current()
        if chosen is None or chosen[3] is None:
            return None
        scan, db, code = chosen[3], self.db, self.code

        def write() -> Path:  # on a pool thread
            files.write_private_bytes(path, scans.read_pdf(db, code, scan.position, scan.kind))
            return path

        return self._in_background(
            write,
            lambda saved: self.note.setText(
                translate("DossierScans", "Đã lưu {path}.").format(path=saved)
            ),
            translate("DossierScans", "Đang lưu tệp PDF..."),
            self.save_button,
        )

    def remove_scan(self) -> None:
        chosen = self.current()
        if chosen is None or chosen[3] is None:
            return
        kind, position, name, _scan = chosen

        def drop() -> None:
            try:
                scans.remove(self.db, self.clerk, self.code, position, self.clock, kind)
            except UserError as exc:
                show_message(self, translate("DossierScans", "Bản số hóa"), exc.message)
                return
            self.changed.emit()

        confirm(
            self,
            translate("DossierScans", "Bỏ bản số hóa"),
            translate("DossierScans", "Bỏ bản số hóa của “{name}”?").format(name=name),
            translate("DossierScans", "Bỏ bản số hóa"),
            translate("DossierScans", "Không"),
            drop,
        )

    def edit_pages(self) -> background.Job | None:
        """The page editor on the paper's own pages, once they are read; what it keeps
        replaces the PDF."""
        chosen = self.current()
        if chosen is None or not self.edit_button.isEnabled():
            return None
        kind, position, name, scan = chosen
        db, code = self.db, self.code

        def read() -> list:  # on a pool thread
            folder = Path(tempfile.mkdtemp(prefix="desk-scan-"))
            return scan_attach.existing_pages(db, code, position, folder, kind)

        return self._in_background(
            read,
            lambda pages: self._open_editor(kind, position, name, scan, pages),
            translate("DossierScans", "Đang đọc bản số hóa..."),
            self.edit_button,
        )

    def _open_editor(
        self, kind: ScanKind, position: int, name: str, scan: Scan | None, pages: list
    ) -> PageEditor:
        db, clerk, code, clock = self.db, self.clerk, self.code, self.clock

        def keep(pages, valid_until, progress):  # noqa: ANN001, ANN202 (on a pool thread)
            built = scan_attach.build_for(db, code, position, pages, clock, kind=kind,
                                          progress=progress)  # fmt: skip
            return scans.attach(db, clerk, code, position, built, clock, kind=kind,
                                valid_until=valid_until)  # fmt: skip

        title = translate("DossierScans", "Bản số hóa: {name} (hồ sơ {code})").format(
            name=name, code=self.code
        )
        editor = PageEditor(
            title,
            pages,
            keep,
            valid_until=scan.valid_until if scan else None,
            admin=self.clerk.role == Role.ADMIN.value,
            parent=self,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(self._kept)
        self.last_editor = editor
        editor.open()
        return editor

    def _kept(self) -> None:
        editor = self.last_editor
        scan = editor.result if editor is not None else None
        self.changed.emit()
        if isinstance(scan, Scan):
            self.note.setText(
                translate(
                    "DossierScans", "Đã lưu bản số hóa “{name}”: {pages} trang, SHA-256 {sha}."
                ).format(name=scan.name, pages=scan.pages, sha=scan.sha256[:16])
            )
