"""Saving a dossier that waits on the office's server never freezes the counter.

Another counter holds the day's counter locked (a save of its own that takes long):
Enter saves in the background. Meanwhile the window's event loop runs, "Đang lưu hồ
sơ..." shows over a form that cannot be changed, and a second Enter saves nothing
more. Once the lock is released the dossier is saved once, its receipt shows, and
the form is empty and usable for the next citizen.
"""

from __future__ import annotations

from background_jobs import catalog_read, saves_done, settle, ticks_of
from keyboard_input import type_text
from PySide6.QtCore import Qt
from server_locks import locked

from desk.services import accounts, dossiers, settings
from desk.ui.intake.intake_window import IntakeWindow


def test_a_save_waiting_on_the_day_s_counter_leaves_the_form_alive_and_saves_once(
    qtbot, server_db, clock, tmp_path, shots
):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    settings.set_setting(server_db, settings.PRINTER_URI, f"file:{tmp_path / 'receipt.bin'}")
    w = IntakeWindow(server_db, clerk, clock)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    qtbot.waitExposed(w)
    catalog_read(qtbot, w)
    ticks = ticks_of(w)
    type_text(qtbot, w.picker.search, "xac nhan tinh trang hon nhan")
    qtbot.keyClick(w.picker.search, Qt.Key.Key_Return)
    w.papers.set_ticked(0, True)
    type_text(qtbot, w.name_edit, "Nguyễn Thị Hồng Nhung")
    type_text(qtbot, w.id_edit, "079190012345")
    type_text(qtbot, w.phone_edit, "0912 345 678")

    with locked(server_db.url, "day_sequences", "EXCLUSIVE"):
        qtbot.keyClick(w.phone_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(w.save_note.isVisible)
        assert w.save_note.text() == "Đang lưu hồ sơ..."
        assert w.saving() and not w.applicant_form.isEnabled()
        assert not w.save_button.isEnabled() and not w.clear_button.isEnabled()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        w.save()  # a second Enter while the first waits: nothing more
        w.request_clear()  # nor does Esc empty the form being saved
        assert w.name_edit.text() == "Nguyễn Thị Hồng Nhung"
        w.grab().save(str(shots / "intake-saving-waits.png"))
        assert dossiers.count_dossiers(server_db) == 0 and w.last_dossier is None

    saves_done(qtbot)
    settle(qtbot)
    assert dossiers.count_dossiers(server_db) == 1
    assert w.last_dossier is not None and w.last_preview is not None
    assert w.last_preview.code == w.last_dossier.code and w.last_preview.isVisible()
    assert (tmp_path / "receipt.bin").stat().st_size > 0  # printed after the save
    assert not w.saving() and not w.save_note.isVisible()
    assert w.applicant_form.isEnabled() and w.save_button.isEnabled()
    assert w.name_edit.text() == ""  # an empty form for the next citizen
