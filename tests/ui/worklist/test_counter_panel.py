"""The counter panel: call, recall, no-show, transfer, finish, intake from the ticket."""

from __future__ import annotations

from datetime import timedelta

import pytest
from background_jobs import settle
from PySide6.QtCore import Qt

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.queue import PriorityReason, TicketState
from desk.services import catalog, queue, queue_setup
from desk.services.intake import record_intake
from desk.storage.database import Database, open_database
from desk.ui.admin.queue_dialog import QueueDialog
from desk.ui.worklist.counter_panel import CounterPanel


@pytest.fixture
def queue_db(db: Database) -> Database:
    queue_setup.ensure_defaults(db)
    return db


def make_panel(qtbot, db, clerk, clock, number: int = 1, **options) -> CounterPanel:
    panel = CounterPanel(db, clerk, number, clock, **options)
    qtbot.addWidget(panel)
    panel.resize(440, 900)
    panel.show()
    qtbot.waitExposed(panel)
    settle(qtbot)  # the counter and its queue are read off the window's thread
    return panel


def click(qtbot, button) -> None:
    """A click on a button of the panel, and its action's outcome (it runs off the window's
    thread)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def take(db, letter: str, clock, priority=None):
    group = next(g for g in queue_setup.list_groups(db) if g.letter == letter)
    ticket = queue.take_ticket(db, group.id, priority, clock).ticket
    clock.advance(timedelta(minutes=2))
    return ticket


def test_call_recall_and_no_show_after_two_calls(qtbot, queue_db, clerk, clock, shots) -> None:
    take(queue_db, "A", clock, PriorityReason.SMALL_CHILD)
    take(queue_db, "B", clock)
    panel = make_panel(qtbot, queue_db, clerk, clock)
    assert panel.title_label.text() == "Quầy 1 · Nguyễn Văn An"
    assert panel.code_label.text() == "---"
    assert not panel.recall_button.isEnabled() and panel.call_next_button.isEnabled()
    assert panel.waiting_counts["A"] == 1 and panel.waiting_counts["B"] == 1
    click(qtbot, panel.call_next_button)
    assert panel.code_label.text() == "A001"
    assert panel.priority_label.text() == "Ưu tiên: Người có con nhỏ"
    assert panel.detail_label.text() == "Đã gọi 1 lần · lấy số lúc 09:15 · đã chờ 4 phút"
    assert panel.waiting_counts["A"] == 0
    click(qtbot, panel.no_show_button)  # too early: one call only
    assert "mới được gọi 1 lần" in panel.status_label.text()
    assert panel.current is not None and panel.current.state is TicketState.CALLED
    click(qtbot, panel.recall_button)
    assert panel.current is not None and panel.current.calls == 2
    panel.grab().save(str(shots / "counter-panel.png"))
    click(qtbot, panel.no_show_button)
    assert panel.status_label.text() == "Đã đánh dấu vắng mặt."
    assert panel.code_label.text() == "---"
    assert queue.get_ticket(queue_db, 1).state is TicketState.NO_SHOW


def test_transfer_sends_the_ticket_to_another_groups_line(qtbot, queue_db, clerk, clock) -> None:
    take(queue_db, "A", clock)
    panel = make_panel(qtbot, queue_db, clerk, clock)
    click(qtbot, panel.call_next_button)
    actions = {a.text(): a for a in panel.transfer_menu.actions()}
    assert "A · Hộ tịch" not in actions  # not to its own group
    actions["D · Chứng thực"].trigger()
    settle(qtbot)
    assert panel.current is None
    assert panel.waiting_counts["D"] == 1
    assert "giữ chỗ theo giờ lấy số" in panel.status_label.text()
    # Counter 2 serves D: it calls the transferred ticket, under its printed number.
    other_panel = make_panel(qtbot, queue_db, clerk, clock, number=2)
    click(qtbot, other_panel.call_next_button)
    assert other_panel.code_label.text() == "A001"
    assert other_panel.group_label.text() == "Chứng thực"


def test_intake_from_the_ticket_links_the_dossiers(qtbot, queue_db, clerk, clock) -> None:
    take(queue_db, "A", clock)
    panel = make_panel(qtbot, queue_db, clerk, clock)
    click(qtbot, panel.call_next_button)
    ticket_id = panel.current.id  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.intake_requested) as requested:
        click(qtbot, panel.intake_button)
    assert requested.args == [ticket_id]
    assert panel.current is not None and panel.current.state is TicketState.SERVING
    assert not panel.no_show_button.isEnabled()
    # What the main window does once the intake is saved:
    procedure = catalog.get_procedure(queue_db, "1.001193")
    draft = IntakeDraft(
        procedure_code=procedure.code,
        applicant=Applicant(name="Phạm Thị Lan", id_number="079190001234"),
        papers=[ReceivedPaper(procedure.papers[0].name)],
    )
    code = record_intake(queue_db, draft, clerk, clock).code
    queue.link_dossier(queue_db, ticket_id, code, clock)
    panel.poll()
    settle(qtbot)
    assert panel.dossiers_label.text() == f"Đã nhận hồ sơ: {code}"
    click(qtbot, panel.finish_button)
    assert panel.current is None
    assert queue.get_ticket(queue_db, ticket_id).state is TicketState.DONE
    ticket = queue.ticket_of_dossier(queue_db, code)
    assert ticket is not None and ticket.code == "A001"


def test_nobody_waiting_is_said_plainly(qtbot, queue_db, clerk, clock) -> None:
    panel = make_panel(qtbot, queue_db, clerk, clock)
    click(qtbot, panel.call_next_button)
    assert panel.status_label.text() == "Không còn ai đang chờ ở các nhóm quầy này phục vụ."
    assert panel.status_label.property("problem") is False


def test_an_unknown_counter_says_what_to_do(qtbot, queue_db, clerk, clock) -> None:
    panel = make_panel(qtbot, queue_db, clerk, clock, number=7)
    assert "Chưa có quầy số 7" in panel.status_label.text()
    assert not panel.call_next_button.isEnabled()


def test_tickets_taken_at_the_kiosk_pc_show_up(qtbot, queue_db, clerk, clock, db_url) -> None:
    panel = make_panel(qtbot, queue_db, clerk, clock, poll_ms=100)
    kiosk = open_database(db_url)
    try:
        take(kiosk, "C", clock)
    finally:
        kiosk.dispose()
    qtbot.waitUntil(lambda: panel.waiting_counts.get("C") == 1, timeout=5000)


def test_admin_edits_groups_counters_and_rules(qtbot, queue_db, clerk) -> None:
    dialog = QueueDialog(queue_db, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.group_table.rowCount() == 6
    dialog.letter_edit.setText("a")  # taken by Hộ tịch
    dialog.group_name_edit.setText("Tư pháp")

    def saved(save) -> object:  # noqa: ANN001
        """What ``save()`` saved (off the window's thread), ``None`` if it was refused."""
        before = dialog.last_saved
        assert save()
        qtbot.waitUntil(lambda: not dialog.saving())
        return dialog.last_saved if dialog.last_saved is not before else None

    assert saved(dialog.save_group) is None
    assert dialog.group_errors.message("letter") == "Ký hiệu “A” đã dùng cho nhóm khác."
    dialog.letter_edit.setText("g")
    group = saved(dialog.save_group)
    assert group is not None and group.letter == "G"
    assert dialog.group_table.rowCount() == 7
    dialog.tabs.setCurrentIndex(1)
    dialog.counter_table.selectRow(0)
    assert dialog.number_spin.value() == 1
    for i in range(dialog.served_list.count()):
        item = dialog.served_list.item(i)
        checked = item.text() == "G · Tư pháp"
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    counter = saved(dialog.save_counter)
    assert counter is not None and counter.group_ids == (group.id,)
    dialog.run_spin.setValue(1)
    dialog.no_show_spin.setValue(3)
    dialog.sound_check.setChecked(False)
    saved(dialog.save_settings_clicked)
    assert dialog.notice.text() == "Đã lưu cài đặt hàng đợi."
    rules = queue_setup.get_rules(queue_db)
    assert (rules.max_priority_run, rules.no_show_after) == (1, 3)
    assert not queue_setup.sound_enabled(queue_db)
    dialog.printer_edit.setText("máy in ở sảnh")
    saved(dialog.save_settings_clicked)
    assert dialog.notice.is_error
