"""Digitised papers at intake: the person's held scans, and the pages scanned now.

When the applicant's CCCD is complete, ``ReusePanel`` shows the digitised
papers the office already holds for that person (the paper, when, until when it
is valid, in which dossier) and whether each may stand for a paper of this
procedure (Decree 118/2025 art. 22(1): its dossier ended with a result). The
clerk ticks "Đã có bản số hóa" and picks which paper of the list it stands for
(the closest name is proposed); that paper is then not asked for again (art.
17(1)(b), art. 5(1)(i)) and the receipt says where its copy comes from.

``IntakeScans`` keeps the pages scanned for each paper before the dossier is
saved: "Thêm trang..." (Ctrl+D) or files dropped on a paper's row open the page
editor, which makes the paper's PDF in the background; new files in the
scanner's folder are offered for the paper selected. Once the dossier is saved
its PDFs are written in the background too, and the bar says when they are in.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock
from desk.domain.office import Clerk
from desk.domain.procedure import Procedure
from desk.domain.roles import Role
from desk.domain.scans import (
    REUSE_LABELS,
    REUSE_REASONS,
    HeldScan,
    ReuseState,
    best_paper_for,
    is_person_id,
)
from desk.domain.translation import translated
from desk.services import scan_reuse, scans
from desk.storage.database import Database
from desk.ui.intake.paper_checklist import PaperChecklist
from desk.ui.scanning.page_editor import PageEditor
from desk.ui.scanning.scan_folder import ScanFolderWatcher
from desk.ui.scanning.scan_jobs import ScanJob
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import translate

if TYPE_CHECKING:
    from desk.documents.scan_pdf import BuiltPdf
    from desk.documents.scan_sources import PageSource

log = logging.getLogger(__name__)

USE, NAME, MADE, VALID, ORIGIN, FOR = range(6)


class ReusePanel(QGroupBox):
    """The person's held scans; ``changed`` when a tick or a target paper changes."""

    changed = Signal()

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(translate("IntakeScans", "Giấy tờ đã số hóa của người nộp"), parent)
        self.setObjectName("reuse_panel")
        self._db, self._clock = db, clock
        self._reads = background.NewestRead(self)
        self.held: list[HeldScan] = []
        self.papers: list[str] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("reuse_table")
        self.table.setHorizontalHeaderLabels(
            [
                translate("IntakeScans", "Đã có bản số hóa"),
                translate("IntakeScans", "Giấy tờ"),
                translate("IntakeScans", "Số hóa ngày"),
                translate("IntakeScans", "Hiệu lực"),
                translate("IntakeScans", "Hồ sơ"),
                translate("IntakeScans", "Dùng cho giấy tờ"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(6):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column in (NAME, FOR):
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.table)
        self.hide()

    def lookup(self, id_number: str) -> None:
        """Show what the office holds for ``id_number`` once it is a whole CCCD (read off
        the window's thread: the clerk types on meanwhile; the newest number wins)."""
        self._show([])  # what was held for the number before is not this one's
        if not is_person_id(id_number):
            self._reads.forget()
            return
        db = self._db

        def shown(held: list[HeldScan] | None, error: str | None) -> None:
            if error is not None:  # the database is locked...: intake goes on without it
                log.warning("held scans not read: %s", error)
            self._show(held or [])

        self._reads.run(lambda: scan_reuse.held_for(db, id_number), shown)

    def looking_up(self) -> bool:
        """Whether the held scans of the number typed are being read."""
        return self._reads.waiting()

    def _show(self, held: list[HeldScan]) -> None:
        if [h.file_id for h in held] == [h.file_id for h in self.held]:
            return
        self.held = held
        self._fill()

    def set_papers(self, names: list[str]) -> None:
        self.papers = names
        self._fill()

    def _fill(self) -> None:
        self.table.blockSignals(True)
        today = self._clock.now().date()
        self.table.setRowCount(len(self.held))
        for row, held in enumerate(self.held):
            state = held.state(today)
            use = QTableWidgetItem(translated(REUSE_LABELS[state]))
            use.setToolTip(translated(REUSE_REASONS[state]))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            target = best_paper_for(held.name, self.papers)
            if state is ReuseState.USABLE and self.papers:
                use.setText(translate("IntakeScans", "Dùng lại"))
                use.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
                use.setCheckState(Qt.CheckState.Unchecked)
            else:
                use.setFlags(flags)
                use.setForeground(QBrush(QColor("#8a3300")))
            valid = f"{held.valid_until:%d/%m/%Y}" if held.valid_until else "—"
            cells = (held.name, f"{held.made_at:%d/%m/%Y}", valid, held.origin_code)
            self.table.setItem(row, USE, use)
            for column, text in zip((NAME, MADE, VALID, ORIGIN), cells):
                item = QTableWidgetItem(text)
                item.setFlags(flags)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            box = QComboBox()
            box.addItem("—", "")
            for name in self.papers:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(target or "")))
            box.setToolTip(box.currentText())
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.table.setCellWidget(row, FOR, box)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        rows = min(3, len(self.held))
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(rows)
        )
        self.table.setFixedHeight(height + 4)
        self.setVisible(bool(self.held))
        self.changed.emit()

    def release(self, name: str) -> None:
        """Untick the held scan standing for paper ``name``, if one does."""
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, FOR)
            if isinstance(box, QComboBox) and box.currentData() == name:
                self.set_used(row, False)

    def set_used(self, row: int, used: bool) -> None:
        item = self.table.item(row, USE)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)

    def reused(self) -> dict[str, int]:
        """The papers ticked "đã có bản số hóa": paper name -> the held scan's file."""
        out: dict[str, int] = {}
        for row, held in enumerate(self.held):
            item = self.table.item(row, USE)
            box = self.table.cellWidget(row, FOR)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            if isinstance(box, QComboBox) and box.currentData():
                out[box.currentData()] = held.file_id
        return out

    def clear(self) -> None:
        self.held = []
        self._fill()


class IntakeScans(QObject):
    """The pages scanned at intake, per paper, until the dossier is saved; and the panel."""

    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock,
        papers: PaperChecklist,
        id_edit: QLineEdit,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._db, self._clerk, self._clock = db, clerk, clock
        self._window = parent
        self.papers = papers
        self.pending: dict[str, tuple[BuiltPdf, date | None]] = {}
        self.last_editor: PageEditor | None = None
        self.reuse = ReusePanel(db, clock, parent)
        self.reuse.changed.connect(self._show_notes)
        self.saver = ScanJob(self)
        self.saver.done.connect(self._saved)
        self.saver.failed.connect(self._not_saved)
        self.bar = QWidget(parent)
        self.add_button = QPushButton(translate("IntakeScans", "Thêm trang số hóa... (Ctrl+D)"))
        self.add_button.setObjectName("add_scan")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.edit(self.papers.currentRow()))
        self.offer_button = QPushButton()
        self.offer_button.setAutoDefault(False)
        self.offer_button.hide()
        self.offer_button.clicked.connect(self._take_offer)
        self.status = QLabel()
        self.status.setObjectName("scan_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.offer_button)
        row.addWidget(self.status, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+D"), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.edit(self.papers.currentRow()))
        papers.files_dropped.connect(self.edit)
        id_edit.textChanged.connect(self.reuse.lookup)
        self._offered: list[Path] = []
        self.watcher = ScanFolderWatcher(parent=self)
        self.watcher.arrived.connect(self._offer)

    # -- the procedure and the person --------------------------------------------

    def set_procedure(self, procedure: Procedure | None) -> None:
        self.pending.clear()
        self.reuse.set_papers([p.name for p in procedure.papers] if procedure else [])
        self._show_notes()

    def reused(self) -> dict[str, int]:
        return self.reuse.reused()

    def _show_notes(self) -> None:
        """Each row of the checklist says what is digitised of its paper; a paper
        taken from an earlier dossier is not also ticked as handed in."""
        reused = self.reuse.reused()
        held = {h.file_id: h for h in self.reuse.held}
        for row in range(self.papers.rowCount()):
            name = self.papers.paper_name(row)
            text = ""
            if name in reused:
                text = translate("IntakeScans", "Đã có bản số hóa ({code})").format(
                    code=held[reused[name]].origin_code
                )
                if self.papers.is_ticked(row):
                    self.papers.set_ticked(row, False)
            elif name in self.pending:
                text = translate("IntakeScans", "{pages} trang").format(
                    pages=self.pending[name][0].pages
                )
            self.papers.set_scan_note(row, text)

    # -- pages scanned now -----------------------------------------------------------

    def edit(self, row: int, files: list[Path] | None = None) -> PageEditor | None:
        """The page editor for the paper of ``row`` (with ``files`` added to it)."""
        if not 0 <= row < self.papers.rowCount():
            self.status.setText(translate("IntakeScans", "Hãy chọn giấy tờ cần số hóa trước."))
            return None
        name = self.papers.paper_name(row)
        title = translate("IntakeScans", "Số hóa: {name}").format(name=name)
        made_at = self._clock.now()

        def build(pages: list[PageSource], valid_until, progress):  # noqa: ANN001, ANN202
            from desk.documents.scan_pdf import build_pdf  # Pillow, when a paper is scanned

            return build_pdf(pages, title=name, made_at=made_at, progress=progress), valid_until

        admin = self._clerk.role == Role.ADMIN.value
        editor = PageEditor(title, [], build, admin=admin, parent=self._window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if files:
            editor.add_files(list(files))
        editor.accepted.connect(lambda: self._built(name, editor.result))
        self.last_editor = editor
        editor.open()
        return editor

    def _built(self, name: str, result: object) -> None:
        built, valid_until = result  # type: ignore[misc]
        self.pending[name] = (built, valid_until)
        row = self.papers.row_of(name)
        if row >= 0:
            self.papers.set_ticked(row, True)  # scanned: it was handed in
            self.reuse.release(name)  # scanned anew: not also taken from an earlier dossier
        self._show_notes()
        self.status.setText(
            translate("IntakeScans", "Đã số hóa “{name}”: {pages} trang (lưu cùng hồ sơ).").format(
                name=name, pages=built.pages
            )
        )

    def _offer(self, paths: list[Path]) -> None:
        self._offered += paths
        self.offer_button.setText(
            translate("IntakeScans", "Thêm {count} trang mới từ máy quét").format(
                count=len(self._offered)
            )
        )
        self.offer_button.show()

    def _take_offer(self) -> None:
        files, self._offered = self._offered, []
        self.offer_button.hide()
        self.edit(self.papers.currentRow(), files)

    # -- after the dossier is saved ---------------------------------------------------

    def after_save(self, code: str) -> bool:
        """Write the PDFs scanned for ``code``'s papers in the background."""
        work = dict(self.pending)
        self.pending.clear()
        if not work:
            return False
        db, clerk, clock = self._db, self._clerk, self._clock

        def write(_progress):  # noqa: ANN001, ANN202 (on a pool thread)
            kept = 0
            for name, (built, valid_until) in work.items():
                position = scans.paper_position(db, code, name)
                scans.attach(db, clerk, code, position, built, clock, valid_until=valid_until)
                kept += 1
            return code, kept

        if not self.saver.start(write):
            self.status.setText(
                translate(
                    "IntakeScans",
                    "Chưa lưu được bản số hóa của hồ sơ {code}: hãy thêm lại trên trang hồ sơ.",
                ).format(code=code)
            )
            return False
        self.status.setText(
            translate("IntakeScans", "Đang lưu bản số hóa của hồ sơ {code}...").format(code=code)
        )
        return True

    def _saved(self, result: object) -> None:
        code, kept = result  # type: ignore[misc]
        self.status.setText(
            translate("IntakeScans", "Đã lưu bản số hóa {count} giấy tờ của hồ sơ {code}.").format(
                count=kept, code=code
            )
        )

    def _not_saved(self, message: str) -> None:
        self.status.setText(
            translate(
                "IntakeScans",
                "Chưa lưu được bản số hóa: {message} Hãy thêm lại trên trang hồ sơ.",
            ).format(message=message)
        )

    def is_dirty(self) -> bool:
        return bool(self.pending) or bool(self.reuse.reused())

    def clear(self) -> None:
        """A new citizen: nothing scanned, nothing held shown (a save in flight goes on)."""
        self.pending.clear()
        self.reuse.clear()
        self._show_notes()
