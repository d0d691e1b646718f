"""Keyboard first in the step dialogs: the cursor starts in the first field, an error
goes as soon as its cause is fixed."""

from __future__ import annotations

import pytest
from background_jobs import submitted
from dossier_factory import record

from desk.domain.clock import FixedClock
from desk.domain.office import Clerk
from desk.storage.database import Database
from desk.ui.dossier.result_dialogs import ResultReadyDialog
from desk.ui.dossier.step_dialogs import StepDialog, TransferDialog


@pytest.fixture
def code(db: Database, clerk: Clerk, clock: FixedClock) -> str:
    return record(db, clerk, clock)


def opened(qtbot, dialog: StepDialog) -> StepDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_the_result_note_has_the_focus(qtbot, db, clerk, clock, code):
    d = opened(qtbot, ResultReadyDialog(db, clerk, code, clock))
    assert d.focusWidget() is d.note_edit


def test_the_transfer_error_goes_when_a_department_is_chosen(qtbot, db, clerk, clock, code):
    d = opened(qtbot, TransferDialog(db, clerk, code, clock))
    assert d.focusWidget() is d.department_combo
    assert not submitted(qtbot, d)
    assert d.errors.message("department") == "Hãy chọn nơi nhận hồ sơ."
    d.department_combo.setCurrentIndex(d.department_combo.findData("Công an xã"))
    assert d.errors.message("department") == ""
