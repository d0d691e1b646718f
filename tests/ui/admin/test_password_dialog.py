"""The password dialog: change one's own, an admin's reset, refusals shown in the dialog."""

from __future__ import annotations

from desk.services import accounts
from desk.ui.admin.password_dialog import PasswordDialog


def test_change_own_password(qtbot, db, clerk):
    dialog = PasswordDialog(db, clerk)
    qtbot.addWidget(dialog)
    dialog.old.setText("matkhau123")
    dialog.new.setText("matkhaumoi9")
    dialog.again.setText("matkhaukhac9")
    assert not dialog.save() and "không giống nhau" in dialog.error.text()
    dialog.again.setText("matkhaumoi9")
    assert dialog.save()
    assert accounts.log_in(db, "admin", "matkhaumoi9").is_admin


def test_reset_by_a_clerk_is_refused_in_the_dialog(qtbot, db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau123")
    plain = accounts.log_in(db, "canbo1", "matkhau123")
    dialog = PasswordDialog(db, plain, "admin")
    qtbot.addWidget(dialog)
    dialog.new.setText("chiemquyen1")
    dialog.again.setText("chiemquyen1")
    assert not dialog.save() and "quản trị" in dialog.error.text()
    admin_dialog = PasswordDialog(db, clerk, "canbo1")
    qtbot.addWidget(admin_dialog)
    admin_dialog.new.setText("tamthoi123")
    admin_dialog.again.setText("tamthoi123")
    assert admin_dialog.save()
    assert accounts.must_change_password(db, accounts.log_in(db, "canbo1", "tamthoi123"))
