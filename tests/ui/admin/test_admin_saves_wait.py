"""An admin's save waits for the server off the window's thread.

Another PC holds the table a dialog writes locked (reads go on, writes wait): the
admin's save runs in the background while the dialog's timer keeps ticking; after a
moment the dialog is held (a second click saves nothing twice) and says it is saving;
the save lands once the lock goes, and the dialog goes on as after any save.
"""

from __future__ import annotations

from background_jobs import ticks_of
from keyboard_input import type_text
from PySide6.QtWidgets import QDialog
from server_locks import locked

from desk.domain.roles import Role
from desk.services import accounts
from desk.services import office as office_service
from desk.ui.admin.clerks_dialog import ClerksDialog
from desk.ui.admin.office_dialog import OfficeDialog


def _shown(qtbot, dialog):  # noqa: ANN001, ANN202
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_office_saved_on_a_locked_server_is_saved_once_it_goes(qtbot, server_db):
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    dialog = _shown(qtbot, OfficeDialog(server_db, admin))
    dialog.head_name_edit.clear()
    type_text(qtbot, dialog.head_name_edit, "Lê Văn Cường")
    ticks = ticks_of(dialog)
    with locked(server_db.url, "office", "EXCLUSIVE"):  # another PC's long transaction
        assert dialog.save()
        qtbot.waitUntil(lambda: not dialog.isEnabled())  # held after a moment
        assert dialog.notice.text() == "Đang lưu..."
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        assert dialog.saving() and not dialog.save()  # a second click asks nothing more
        assert office_service.get_office(server_db).head_name != "Lê Văn Cường"
    qtbot.waitUntil(lambda: not dialog.saving(), timeout=30_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert office_service.get_office(server_db).head_name == "Lê Văn Cường"


def test_an_account_added_on_a_locked_server_is_listed_once_it_goes(qtbot, server_db):
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    dialog = _shown(qtbot, ClerksDialog(server_db, admin))
    type_text(qtbot, dialog.username_edit, "lan.nt")
    type_text(qtbot, dialog.full_name_edit, "Nguyễn Thị Lan")
    type_text(qtbot, dialog.password_edit, "matkhau456")
    type_text(qtbot, dialog.confirm_edit, "matkhau456")
    dialog.set_role(Role.CLERK)
    with locked(server_db.url, "users", "EXCLUSIVE"):
        assert dialog.add_clerk()
        qtbot.waitUntil(lambda: not dialog.isEnabled())
        assert dialog.saving() and dialog.username_edit.text() == "lan.nt"  # kept meanwhile
    qtbot.waitUntil(lambda: not dialog.saving(), timeout=30_000)
    assert dialog.isEnabled() and dialog.username_edit.text() == ""
    assert dialog.notice.text() == "Đã thêm tài khoản “lan.nt” (Nguyễn Thị Lan)."
    usernames = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "lan.nt" in usernames
