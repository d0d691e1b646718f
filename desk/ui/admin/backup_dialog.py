"""Quản trị > Sao lưu: where the copies go, a copy now, the list, and a restore.

The copies are made by ``desk.services.backup`` (SQLite's online backup: the
other counters keep working meanwhile), in the background: a large office's
copy to a USB drive takes a while, and the window says it is copying. A
restore runs on the window's thread on purpose: nothing of this program may
read the database while its file is replaced. A restore (``desk.services.restore``,
admins only) asks for confirmation, refuses while another PC has the database
open and names it, is checked before anything is replaced, keeps the replaced
database file and takes every counter forward. The dossiers only the kept file
holds are listed below, and the admin brings back the ones chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.clock import Clock, SystemClock
from desk.domain.office import Clerk
from desk.services import backup, missing_dossiers, restore
from desk.services.missing_dossiers import MissingDossier
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.dialog_save import DialogSave
from desk.ui.widgets.progress_note import ProgressNote
from desk.ui.widgets.qt_helpers import ERROR_COLOUR, OK_COLOUR, translate
from desk.ui.widgets.screen_fit import fit_to_screen

T = TypeVar("T")


@dataclass(frozen=True)
class BackupsShown:
    """The backup folder and the copies in it, newest first."""

    folder: Path
    backups: list[backup.BackupFile]


class BackupDialog(QDialog):
    def __init__(
        self,
        db: Database,
        clerk: Clerk,
        clock: Clock | None = None,
        parent=None,  # noqa: ANN001
        found: BackupsShown | None = None,
    ) -> None:
        """``found``: the folder and its copies as ``read`` gave them (read here when not
        given)."""
        super().__init__(parent)
        self.db, self.clerk, self.clock = db, clerk, clock or SystemClock()
        self.setWindowTitle(self.title())
        fit_to_screen(self, 640, 460)
        found = found if found is not None else self.read(db)
        self.folder = QLineEdit(str(found.folder))
        choose = QPushButton(translate("BackupDialog", "Chọn thư mục…"))
        choose.clicked.connect(self._choose_folder)
        self.save_folder = QPushButton(translate("BackupDialog", "Lưu thư mục"))
        self.save_folder.clicked.connect(self._save_folder)
        self.backup_button = QPushButton(translate("BackupDialog", "Sao lưu ngay"))
        self.backup_button.clicked.connect(self.back_up)
        self.list = QListWidget()
        self.restore_button = QPushButton(translate("BackupDialog", "Khôi phục bản đã chọn…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.progress = ProgressNote()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept: Path | None = None
        #: The codes the last "Lấy lại" brought back.
        self.brought_back: list[str] = []
        #: The restore or the dossiers brought back, while on their way.
        self.job: background.Job | None = None
        self._listings = background.NewestRead(self)
        self._saves = DialogSave(self)
        self.missing_label = QLabel("")
        self.missing_label.setWordWrap(True)
        self.missing_list = QListWidget()
        self.missing_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.bring_back_button = QPushButton(translate("BackupDialog", "Lấy lại các hồ sơ đã chọn"))
        self.bring_back_button.clicked.connect(self.bring_back_selected)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(self.save_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("BackupDialog", "Thư mục sao lưu (ổ USB, thư mục mạng):"))
        )
        layout.addLayout(row)
        layout.addWidget(self.backup_button)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel(translate("BackupDialog", "Các bản sao lưu (mới nhất ở trên):")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.status)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.missing_list)
        layout.addWidget(self.bring_back_button)
        self._show_missing([])
        self.show_backups(found.backups)

    @staticmethod
    def title() -> str:
        return translate("BackupDialog", "Sao lưu và khôi phục dữ liệu")

    @staticmethod
    def read(db: Database) -> BackupsShown:
        """The folder and the copies in it (the setting is on the server, the folder may be
        on a network: read off the window's thread)."""
        folder = backup.backup_folder(db)
        return BackupsShown(folder, backup.list_backups(folder))

    # The question before a restore; a method so the window's tests can answer it.
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, translate("BackupDialog", "Khôi phục dữ liệu"), text)
        return answer == QMessageBox.StandardButton.Yes

    def refresh(self) -> None:
        """List the copies in the folder typed, off the window's thread (it may be on a
        network)."""
        folder = Path(self.folder.text().strip())

        def done(found: list[backup.BackupFile] | None, error: str | None) -> None:
            if found is None:
                self._say(error or "", error=True)
                return
            self.show_backups(found)

        self._listings.run(lambda: backup.list_backups(folder), done)

    def busy(self) -> bool:
        """Whether the folder, a copy, a restore or dossiers brought back are on their way."""
        return self._listings.waiting() or self._saves.waiting() or self._job_running()

    def _job_running(self) -> bool:
        return self.job is not None and self.job.running

    def show_backups(self, backups: list[backup.BackupFile]) -> None:
        self.list.clear()
        for b in backups:
            text = f"{b.taken_at:%d/%m/%Y %H:%M:%S}   {b.size / 1_048_576:.1f} MB   {b.path.name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0 and self.clerk.is_admin)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("BackupDialog", "Chọn thư mục sao lưu"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self._save_folder()

    def _save_folder(self) -> None:
        """Save the folder typed (off the window's thread), then list its copies."""
        db, clerk, folder = self.db, self.clerk, Path(self.folder.text().strip())

        def saved(_done: object) -> None:
            self._say(translate("BackupDialog", "Đã lưu thư mục sao lưu."))
            self.refresh()

        self._saves.run(
            lambda: backup.set_backup_folder(db, clerk, folder),
            saved,
            lambda exc: self._say(exc.message, error=True),
        )

    def back_up(self) -> background.Job:
        """A copy now, in the background; the status line says where it went."""
        db, folder, clock = self.db, Path(self.folder.text().strip()), self.clock
        self._say("")
        return self._in_background(
            lambda: backup.backup_now(db, folder, clock),
            self._backed_up,
            translate("BackupDialog", "Đang sao lưu dữ liệu..."),
        )

    def _in_background(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        label: str,
        buttons: list[QWidget] | None = None,
    ) -> background.Job:
        """``work()`` off the window's thread (a copy of the database, a file on a
        network), saying ``label`` under the buttons it holds (the copy and the restore
        ones unless ``buttons``); ``done(result)``, or why not in the status line."""
        return background.run_in_background(
            self,
            work,
            done,
            lambda message: self._say(message, error=True),
            label,
            buttons=buttons or [self.backup_button, self.restore_button],
            note=self.progress,
        )

    def _backed_up(self, path: Path) -> None:
        self._say(translate("BackupDialog", "Đã sao lưu vào {path}").format(path=path))
        self.refresh()

    def restore_selected(self) -> None:
        """Restore the copy chosen, once asked: the copy is checked, then (confirmed)
        restored, both off the window's thread (a restore copies the whole database)."""
        item = self.list.currentItem()
        if item is None or self._job_running():
            return
        file = Path(item.data(Qt.ItemDataRole.UserRole))
        self.job = self._in_background(
            lambda: backup.check_backup(file),
            lambda check: self._ask_restore(file, check),
            translate("BackupDialog", "Đang kiểm tra bản sao lưu..."),
        )

    def _ask_restore(self, file: Path, check: backup.BackupCheck) -> None:
        question = translate(
            "BackupDialog",
            "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {file} ({dossiers} hồ sơ)?"
            "\nMọi thay đổi sau thời điểm sao lưu sẽ không còn trên màn hình; tệp dữ liệu hiện "
            "tại được giữ lại bên cạnh để có thể lấy lại.",
        ).format(file=file.name, dossiers=check.dossiers)
        if not self.confirm(question):
            self._say(translate("BackupDialog", "Đã hủy, không thay đổi gì."))
            return
        url, clerk, clock = self.db.url, self.clerk, self.clock
        self.job = self._in_background(
            lambda: restore.restore(url, file, clerk, clock),
            lambda result: self._restored(file, result),
            translate("BackupDialog", "Đang khôi phục dữ liệu..."),
        )

    def _restored(self, file: Path, result: restore.RestoreResult) -> None:
        self.kept = result.kept
        text = translate(
            "BackupDialog",
            "Đã khôi phục từ {file}. Tệp dữ liệu cũ được giữ tại {kept}. Các số đã cấp "
            "(mã hồ sơ, số thứ tự, số phiếu xin lỗi) không bị cấp lại. Các máy khác có thể "
            "mở lại desk.",
        ).format(file=file.name, kept=result.kept)
        self._say(text)
        self._show_missing(result.missing)

    def _show_missing(self, missing: list[MissingDossier]) -> None:
        self.missing_list.clear()
        for m in missing:
            item = QListWidgetItem(f"{m.code}   {m.applicant}   {m.received_at:%d/%m/%Y %H:%M}")
            item.setData(Qt.ItemDataRole.UserRole, m.code)
            self.missing_list.addItem(item)
            item.setSelected(True)
        self.missing_label.setText(
            translate(
                "BackupDialog",
                "{count} hồ sơ chỉ có trong tệp dữ liệu cũ (nhận sau lúc sao lưu): chọn các hồ "
                'sơ cần lấy lại rồi bấm "Lấy lại các hồ sơ đã chọn".',
            ).format(count=len(missing))
        )
        for widget in (self.missing_label, self.missing_list, self.bring_back_button):
            widget.setVisible(bool(missing))

    def bring_back_selected(self) -> None:
        """Copy the chosen dossiers back from the kept file, off the window's thread; the
        list keeps the others (``brought_back`` names those brought)."""
        codes = [i.data(Qt.ItemDataRole.UserRole) for i in self.missing_list.selectedItems()]
        kept = self.kept
        if not codes or kept is None or self._job_running():
            return
        db, clerk, clock = self.db, self.clerk, self.clock

        def work() -> tuple[list[str], list[MissingDossier]]:
            done = missing_dossiers.bring_back(db, clerk, kept, codes, clock)
            return done.codes, missing_dossiers.missing_dossiers(db, kept)

        def brought(outcome: tuple[list[str], list[MissingDossier]]) -> None:
            self.brought_back, left = outcome
            self._say(
                translate("BackupDialog", "Đã lấy lại {count} hồ sơ: {codes}.").format(
                    count=len(self.brought_back), codes=", ".join(self.brought_back)
                )
            )
            self._show_missing(left)

        self.job = self._in_background(
            work,
            brought,
            translate("BackupDialog", "Đang lấy lại hồ sơ..."),
            [self.bring_back_button],
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOUR if error else OK_COLOUR}")
        self.status.setText(text)
