"""One stored page of a dossier's scan shown large, the previous and next ones a key away.

Opened from the dossier page's "Bản số hóa" tab (``dossier_scans``); the page is drawn
from the stored PDF in the background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.documents.scan_sources import stored_page_image
from desk.ui.scanning.scan_jobs import ScanJob
from desk.ui.widgets.qt_helpers import pil_to_pixmap, translate
from desk.ui.widgets.screen_fit import fit_to_screen


class PageViewer(QDialog):
    """One page large, with the previous and next ones a key away (Page Up/Down)."""

    def __init__(self, data: bytes, pages: int, start: int, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("page_viewer")
        self.setWindowTitle(title)
        self._data, self._count, self.index = data, pages, start
        self.job = ScanJob(self)
        self.job.done.connect(self._shown)
        self.job.failed.connect(lambda message: self.image.setText(message))
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setObjectName("page_image")
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.where = QLabel()
        self.previous = QPushButton(translate("DossierScans", "< Trang trước"))
        self.previous.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next = QPushButton(translate("DossierScans", "Trang sau >"))
        self.next.clicked.connect(lambda: self.show_page(self.index + 1))
        row = QHBoxLayout()
        row.addWidget(self.previous)
        row.addWidget(self.where, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        fit_to_screen(self, 900, 760)
        self.show_page(start)

    def show_page(self, index: int) -> None:
        if not 0 <= index < self._count or self.job.busy:
            return
        self.index = index
        self.where.setText(
            translate("DossierScans", "Trang {n}/{count}").format(n=index + 1, count=self._count)
        )
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < self._count - 1)
        data = self._data
        self.job.start(lambda _progress: stored_page_image(data, index, 1400))

    def _shown(self, image: object) -> None:
        if image is None:
            self.image.setText(
                translate(
                    "DossierScans",
                    "Trang này không phải một ảnh quét (chép từ tệp PDF khác): hãy mở cả tệp PDF.",
                )
            )
            return
        room = self.scroll.viewport().size()
        self.image.setPixmap(
            pil_to_pixmap(image).scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt's name)
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.show_page(self.index + 1)
        elif event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.show_page(self.index - 1)
        else:
            super().keyPressEvent(event)
