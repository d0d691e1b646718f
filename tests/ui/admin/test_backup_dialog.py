"""Quản trị > Sao lưu: choose a folder, back up now, see the list, restore after confirming,
never under another PC, and bring back what only the kept file holds."""

from __future__ import annotations

import sqlite3

from background_jobs import settle

from desk.services import backup
from desk.storage.engine import sqlite_path
from desk.ui.admin.backup_dialog import BackupDialog


class AnsweringDialog(BackupDialog):
    """The dialog with the confirmation answered by the test instead of a person."""

    answer = True
    asked: list[str] = []

    def confirm(self, text: str) -> bool:
        self.asked.append(text)
        return self.answer


def _dossiers(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def test_back_up_now_lists_the_copy(qtbot, db, clerk, clock, tmp_path):
    dialog = BackupDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "usb"))
    dialog.save_folder.click()
    settle(qtbot)  # saved off the window's thread
    assert backup.backup_folder(db) == tmp_path / "usb"
    dialog.backup_button.click()
    assert not dialog.backup_button.isEnabled()  # until the copy is made
    settle(qtbot)
    assert dialog.backup_button.isEnabled()
    assert dialog.list.count() == 1
    assert "desk-20260310-091500.sqlite3" in dialog.list.item(0).text()
    assert "Đã sao lưu vào" in dialog.status.text()


def test_a_folder_that_cannot_be_written_is_refused(qtbot, db, clerk, clock, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dialog = BackupDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(blocker / "sub"))
    dialog.backup_button.click()
    settle(qtbot)
    assert "Không ghi được vào thư mục sao lưu" in dialog.status.text()
    assert dialog.list.count() == 0


def _intake(db, clerk, clock) -> str:
    from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
    from desk.services import catalog
    from desk.services.intake import record_intake

    p = catalog.get_procedure(db, "1.001193")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(name="Nguyễn Thị Mai", id_number="079190001234"),
        papers=[ReceivedPaper(p.papers[0].name)],
    )
    return record_intake(db, draft, clerk, clock).code


def test_restore_asks_first_and_keeps_the_old_file(qtbot, db, clerk, clock, tmp_path):
    live = sqlite_path(db.url)
    dialog = AnsweringDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "usb"))
    dialog.back_up()
    settle(qtbot)
    _intake(db, clerk, clock)
    dialog.answer = False
    dialog.restore_selected()
    settle(qtbot)  # the copy is checked off the window's thread, then the question
    assert _dossiers(live) == 1 and "Đã hủy" in dialog.status.text()
    assert "(0 hồ sơ)" in dialog.asked[-1]
    dialog.answer = True
    dialog.restore_selected()
    settle(qtbot)  # and restored off it
    kept = dialog.kept
    assert kept is not None and _dossiers(kept) == 1
    assert _dossiers(live) == 0
    assert "Tệp dữ liệu cũ được giữ tại" in dialog.status.text()
    assert "không bị cấp lại" in dialog.status.text()


def test_a_restore_refused_while_another_pc_works_names_it(qtbot, db, clerk, clock, tmp_path):
    from datetime import UTC, datetime

    live = sqlite_path(db.url)
    dialog = AnsweringDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "usb"))
    dialog.back_up()
    settle(qtbot)
    _intake(db, clerk, clock)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    conn = sqlite3.connect(live)
    conn.execute(
        "INSERT INTO presence (host, program, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?)",
        ("PC-QUAY-2", "desk", 4242, now, now),
    )
    conn.commit()
    conn.close()
    dialog.answer = True
    dialog.restore_selected()
    settle(qtbot)
    assert dialog.kept is None
    assert "PC-QUAY-2 (bàn tiếp nhận)" in dialog.status.text()
    assert _dossiers(live) == 1 and list(live.parent.glob("*truoc-khoi-phuc*")) == []


def test_the_dossiers_only_the_kept_file_holds_are_listed_and_brought_back(
    qtbot, db, clerk, clock, tmp_path
):
    live = sqlite_path(db.url)
    dialog = AnsweringDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "usb"))
    assert dialog.missing_list.isHidden() and dialog.bring_back_button.isHidden()
    dialog.back_up()
    settle(qtbot)
    first, second = _intake(db, clerk, clock), _intake(db, clerk, clock)
    dialog.answer = True
    dialog.restore_selected()
    settle(qtbot)
    assert not dialog.missing_list.isHidden()
    assert dialog.missing_label.text().startswith("2 hồ sơ chỉ có trong tệp dữ liệu cũ")
    assert [dialog.missing_list.item(i).text().split()[0] for i in range(2)] == [first, second]
    dialog.missing_list.item(1).setSelected(False)
    dialog.bring_back_selected()
    settle(qtbot)  # brought back off the window's thread
    assert dialog.brought_back == [first]
    assert "Đã lấy lại 1 hồ sơ" in dialog.status.text()
    assert dialog.missing_list.count() == 1 and dialog.missing_list.item(0).text().startswith(
        second
    )
    dialog.bring_back_button.click()
    settle(qtbot)
    assert dialog.missing_list.isHidden() and _dossiers(live) == 2
