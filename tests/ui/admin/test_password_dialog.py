"""The password dialog: change one's own, an admin's reset, refusals shown in the dialog.
The new password is hashed and saved off the window's thread."""

from __future__ import annotations

from background_jobs import WAIT_MS
from PySide6.QtWidgets import QDialog

from desk.services import accounts
from desk.ui.admin.password_dialog import PasswordDialog


def saved(qtbot, dialog: PasswordDialog) -> bool:  # noqa: ANN001
    """Save, wait for the outcome: whether the dialog closed on a saved password."""
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.saving(), timeout=WAIT_MS)
    return dialog.result() == QDialog.DialogCode.Accepted


def own_change(qtbot, db, clerk, old: str, new: str, again: str) -> PasswordDialog:  # noqa: ANN001
    """The clerk's own password dialog, filled in."""
    dialog = PasswordDialog(db, clerk)
    qtbot.addWidget(dialog)
    dialog.old.setText(old)
    dialog.new.setText(new)
    dialog.again.setText(again)
    return dialog


def test_change_own_password(qtbot, db, clerk):
    dialog = own_change(qtbot, db, clerk, "matkhau123", "matkhaumoi9", "matkhaukhac9")
    assert not saved(qtbot, dialog) and "không giống nhau" in dialog.error.text()
    dialog.again.setText("matkhaumoi9")
    dialog.save()
    assert dialog.saving() and not dialog.buttons.isEnabled()  # the buttons wait
    dialog.reject()  # closing meanwhile would hide whether it was saved
    qtbot.waitUntil(lambda: not dialog.saving(), timeout=WAIT_MS)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.log_in(db, "admin", "matkhaumoi9").is_admin


def test_a_wrong_current_password_is_said_in_the_dialog(qtbot, db, clerk):
    dialog = own_change(qtbot, db, clerk, "khongphaimatkhau1", "matkhaumoi9", "matkhaumoi9")
    assert not saved(qtbot, dialog) and dialog.error.text() != ""
    assert dialog.buttons.isEnabled()
    assert accounts.log_in(db, "admin", "matkhau123").is_admin  # unchanged


def test_reset_by_a_clerk_is_refused_in_the_dialog(qtbot, db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau123")
    plain = accounts.log_in(db, "canbo1", "matkhau123")
    dialog = PasswordDialog(db, plain, "admin")
    qtbot.addWidget(dialog)
    dialog.new.setText("chiemquyen1")
    dialog.again.setText("chiemquyen1")
    assert not saved(qtbot, dialog) and "quản trị" in dialog.error.text()
    admin_dialog = PasswordDialog(db, clerk, "canbo1")
    qtbot.addWidget(admin_dialog)
    admin_dialog.new.setText("tamthoi123")
    admin_dialog.again.setText("tamthoi123")
    assert saved(qtbot, admin_dialog)
    assert accounts.must_change_password(db, accounts.log_in(db, "canbo1", "tamthoi123"))
