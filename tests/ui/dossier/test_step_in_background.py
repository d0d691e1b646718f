"""A step that waits on the office's server never freezes the dossier's dialog.

Another counter holds the dossiers locked (a long correction, a restore on another PC):
"Chuyển" records the transfer in the background. Meanwhile the window's event loop
runs, the dialog says it is recording, its buttons wait and Esc does not abandon the
step half-way. Once the lock goes the step is recorded once and the dialog closes.
"""

from __future__ import annotations

from background_jobs import steps_done, ticks_of
from dossier_factory import record
from PySide6.QtWidgets import QDialog
from server_locks import locked

from desk.domain.dossier import DossierStatus
from desk.domain.lifecycle import StepKind
from desk.services import accounts, dossiers, steps
from desk.ui.dossier.step_dialogs import TransferDialog


def test_a_transfer_waiting_on_a_locked_server_leaves_the_dialog_alive_and_is_recorded_once(
    qtbot, server_db, clock, shots
):
    clerk = accounts.log_in(server_db, "admin", "matkhau123")
    code = record(server_db, clerk, clock)
    d = TransferDialog(server_db, clerk, code, clock)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    ticks = ticks_of(d)
    d.department_combo.setCurrentIndex(d.department_combo.findData("Công an xã"))

    with locked(server_db.url, "dossiers", "EXCLUSIVE"):  # reads go on
        d.ok_button.click()
        qtbot.waitUntil(d.progress.isVisible)
        assert d.progress.text() == "Đang ghi nhận..."
        assert d.submitting() and not d.ok_button.isEnabled() and not d.cancel_button.isEnabled()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the event loop runs meanwhile
        d.reject()  # Esc: the step on its way is not abandoned
        d.submit()  # nor sent twice
        assert d.isVisible()
        d.grab().save(str(shots / "step-recording-waits.png"))
        assert dossiers.get_dossier(server_db, code).holder != "Công an xã"

    steps_done(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    after = dossiers.get_dossier(server_db, code)
    assert after.status is DossierStatus.IN_PROGRESS and after.holder == "Công an xã"
    assert [s.kind for s in steps.timeline(server_db, code)].count(StepKind.TRANSFER) == 1
