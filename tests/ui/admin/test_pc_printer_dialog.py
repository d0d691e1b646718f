"""Any clerk sets the receipt printer of the PC they sit at (audited); the office's
printer stays the admin's."""

from __future__ import annotations

import pytest
from background_jobs import admin_opened, dialog_saved

from desk import config
from desk.domain.roles import Role
from desk.services import accounts, audit, receipt_printer, settings
from desk.storage.engine import host_name
from desk.ui.admin.printer_dialog import PrinterSettingsDialog
from desk.ui.worklist.main_window import MainWindow


@pytest.fixture
def hoa(db, clerk):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok", role=Role.CLERK)
    return accounts.log_in(db, "canbo1", "hoa2026ok")


@pytest.fixture
def window(qtbot, db, hoa, clock) -> MainWindow:
    w = MainWindow(db, hoa, clock)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_clerk_sets_this_pc_s_printer_from_the_dossier_menu(qtbot, window, db, tmp_path):
    assert window.pc_printer_action.isEnabled()
    assert window.pc_printer_action in window.menuBar().actions()[0].menu().actions()
    window.pc_printer_action.trigger()
    dialog = admin_opened(qtbot, window)
    assert isinstance(dialog, PrinterSettingsDialog)
    assert dialog is window.findChild(PrinterSettingsDialog)
    assert dialog and dialog.isVisible() and dialog.this_pc
    assert dialog.windowTitle() == "Máy in phiếu của máy này"
    assert host_name() in dialog.scope_label.text()
    assert not dialog.office_button.isVisible()  # nothing of its own yet
    target = f"file:{tmp_path / 'quay-3.bin'}"
    dialog.uri_edit.setText(target)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("58"))
    assert dialog_saved(qtbot, dialog)
    assert config.machine_settings()["receipt_printer"] == {"uri": target, "paper": "58"}
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"  # the office's untouched
    [entry] = audit.trail(db, "pc", host_name())
    assert entry.by == "Lê Thị Hoa" and entry.action == "receipt_printer"
    assert (entry.before["uri"], entry.after["uri"]) == ("none", target)


def test_the_clerk_goes_back_to_the_office_printer(qtbot, db, hoa, clock):
    receipt_printer.set_this_pc_printer(db, hoa, "tcp://192.168.1.50:9100", "80", clock)
    dialog = PrinterSettingsDialog(db, hoa, clock=clock, this_pc=True, system_printers=list)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.uri_edit.text() == "tcp://192.168.1.50:9100"  # this PC's, shown
    assert dialog.office_button.isVisible()
    assert dialog_saved(qtbot, dialog, dialog.office_button.click)
    assert receipt_printer.this_pc_printer() is None
    assert len(audit.trail(db, "pc", host_name())) == 2


def test_a_clerk_cannot_reach_the_office_printer(qtbot, window, db, hoa, clock):
    office_action = window.admin_actions["printer"]
    assert office_action.text() == "Máy in chung của cơ quan..."
    assert not office_action.isEnabled()
    assert "quản trị viên" in office_action.toolTip()
    # Opened all the same (from code), it saves nothing for a clerk.
    dialog = PrinterSettingsDialog(db, hoa, clock=clock, system_printers=list)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.uri_edit.setText("tcp://10.0.0.9:9100")
    assert not dialog_saved(qtbot, dialog)
    assert "Chỉ quản trị viên" in dialog.notice.text()
    assert settings.get_setting(db, settings.PRINTER_URI) == "none"
    assert audit.trail(db, "setting", "receipt_printer") == []


def test_the_admin_sets_the_office_printer_audited(qtbot, db, clerk, clock):
    dialog = PrinterSettingsDialog(db, clerk, clock=clock, system_printers=list)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Máy in phiếu chung của cơ quan"
    dialog.uri_edit.setText("tcp://10.0.0.9:9100")
    assert dialog_saved(qtbot, dialog)
    assert settings.get_setting(db, settings.PRINTER_URI) == "tcp://10.0.0.9:9100"
    assert receipt_printer.this_pc_printer() is None
    [entry] = audit.trail(db, "setting", "receipt_printer")
    assert entry.by == "Nguyễn Văn An"
