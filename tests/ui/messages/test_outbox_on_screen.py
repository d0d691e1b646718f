"""Messages to applicants on screen: the consent boxes of the intake form, the dossier
page's timeline with the messages sent and given up, the supervisor's list, and the
background sender of the main window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from background_jobs import WAIT_MS, ticks_of
from dossier_factory import PROCEDURE
from keyboard_input import type_text
from PySide6.QtCore import Qt
from server_locks import locked

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.messages import Consent, MessageChannel, MessageStatus, SendError
from desk.domain.roles import Role
from desk.services import accounts, catalog, delivery, intake, notify_settings, outbox, steps
from desk.ui.dossier.dossier_page import DossierPage
from desk.ui.intake.applicant_form import ApplicantForm
from desk.ui.intake.intake_window import IntakeWindow
from desk.ui.messages.outbox_dialog import OutboxDialog
from desk.ui.worklist.main_window import MainWindow


class FakeSender:
    def __init__(self, channel, failures=()):
        self.channel = channel
        self.failures = list(failures)
        self.sent = []

    def send(self, message):
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(message)
        return "ok"

    def close(self):
        pass


def turn_on(db, clerk, clock):
    notify_settings.set_up(
        db,
        clerk,
        clock,
        smtp_url="smtp://mail.tanphu.gov.vn",
        smtp_from="motcua@tanphu.gov.vn",
        modem="serial:/dev/ttyUSB2",
        zalo_token="token",
    )


def receive(db, clerk, clock, consent=None) -> str:
    p = catalog.get_procedure(db, PROCEDURE)
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(
            name="Trần Văn Hùng",
            id_number="079090001234",
            phone="0912345678",
            email="hung@example.vn",
        ),
        papers=[ReceivedPaper(p.papers[0].name, p.papers[0].form, 1)],
        consent=consent or Consent(sms=True, email=True, zalo=True),
    )
    return intake.record_intake(db, draft, clerk, clock).code


def with_history(db, clerk, clock) -> str:
    """A dossier whose messages were sent, tried again, and given up."""
    turn_on(db, clerk, clock)
    code = receive(db, clerk, clock)
    sms = FakeSender(MessageChannel.SMS)
    mail = FakeSender(
        MessageChannel.EMAIL, [SendError("Máy chủ thư trả lời 451: Hệ thống bận, thử lại sau")]
    )
    zalo = FakeSender(
        MessageChannel.ZALO,
        [SendError("Zalo báo lỗi -108: Số điện thoại không đăng ký Zalo", permanent=True)],
    )
    senders = {MessageChannel.SMS: sms, MessageChannel.EMAIL: mail, MessageChannel.ZALO: zalo}
    delivery.send_pending(db, senders, clock, host="QUAY-1")
    clock.advance(timedelta(minutes=2))
    delivery.send_pending(db, senders, clock, host="QUAY-1")
    clock.advance(timedelta(days=2, hours=3))
    steps.mark_ready(db, clerk, code, clock)
    mail.failures = [SendError("Không kết nối được máy chủ thư mail.tanphu.gov.vn: timed out")]
    delivery.send_pending(
        db, {MessageChannel.SMS: sms, MessageChannel.EMAIL: mail}, clock, host="QUAY-1"
    )
    return code


def test_the_timeline_shows_each_message_sent_retried_and_given_up(qtbot, db, clerk, clock, shots):
    code = with_history(db, clerk, clock)
    page = DossierPage(db, clerk, code, clock)
    qtbot.addWidget(page)
    page.resize(1366, 728)  # a 1366 x 768 screen, less the task bar
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(100)  # the rows take their height at the table's final width
    table = page.timeline_table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    kinds = [r[1] for r in rows]
    assert kinds[0] == "Tiếp nhận hồ sơ"
    # SMS: sent twice; e-mail: 451 then sent, then a failed try of the second;
    # Zalo: given up at once, then the second waiting.
    assert kinds.count("Tin nhắn SMS") == 2 and kinds.count("Tin nhắn Zalo") == 2
    assert kinds.count("Thư điện tử") == 3
    assert kinds.index("Có kết quả giải quyết") == len(kinds) - 4
    assert [r[5] for r in rows if r[1] == "Tin nhắn Zalo"] == ["Gửi không được", "Chờ gửi"]
    assert [r[5] for r in rows if r[1] == "Thư điện tử"] == [
        "Lỗi, thử lại",
        "Đã gửi",
        "Lỗi, thử lại",
    ]
    zalo = next(r for r in rows if r[1] == "Tin nhắn Zalo")
    assert zalo[3] == "0912345678" and zalo[5] == "Gửi không được"
    assert "-108" in zalo[6] and "Đã thôi gửi" in zalo[6]
    waiting = next(r for r in rows if "Thử lại lúc" in r[6])
    assert "timed out" in waiting[6] and waiting[4] == "máy QUAY-1"
    line = page.messages.line
    assert line.isVisible()
    assert "Người nộp đồng ý nhận tin qua: SMS, Thư điện tử, Zalo." in line.text()
    assert "gửi không được 1" in line.text() and "-108" in line.text()
    assert page.minimumSizeHint().height() <= 728 and page.minimumSizeHint().width() <= 1366
    page.grab().save(str(shots / "dossier-timeline-1366x768.png"))


def test_a_dossier_without_consent_says_so(qtbot, db, clerk, clock):
    turn_on(db, clerk, clock)
    code = receive(db, clerk, clock, Consent())
    page = DossierPage(db, clerk, code, clock)
    qtbot.addWidget(page)
    assert page.messages.line.text() == "Người nộp không đăng ký nhận tin nhắn."
    assert page.timeline_table.rowCount() == 1


def test_consent_boxes_need_the_channel_on_and_the_address(qtbot, db, clerk, clock):
    form = ApplicantForm()
    qtbot.addWidget(form)
    box = form.consent_box
    assert not any(b.isEnabled() for b in box.boxes.values())
    turn_on(db, clerk, clock)
    box.offer_later(db)
    qtbot.waitUntil(lambda: not box.reading())  # read off the window's thread
    assert not any(b.isEnabled() for b in box.boxes.values())  # no phone, no address yet
    type_text(qtbot, form.phone_edit, "0912345678")
    assert box.boxes[MessageChannel.SMS].isEnabled() and box.boxes[MessageChannel.ZALO].isEnabled()
    assert not box.boxes[MessageChannel.SMS].isChecked()  # unticked until the citizen agrees
    box.boxes[MessageChannel.SMS].setChecked(True)
    type_text(qtbot, form.email_edit, "hung@example.vn")
    box.boxes[MessageChannel.EMAIL].setChecked(True)
    assert box.consent() == Consent(sms=True, email=True)
    form.phone_edit.clear()  # no phone: no SMS, the tick goes
    assert box.consent() == Consent(email=True)
    form.clear()
    assert box.consent() == Consent()
    notify_settings.set_up(db, clerk, clock, smtp_url="off")
    box.offer_later(db)
    qtbot.waitUntil(lambda: not box.reading())  # read off the window's thread
    type_text(qtbot, form.email_edit, "hung@example.vn")
    assert not box.boxes[MessageChannel.EMAIL].isEnabled()
    assert "chưa bật" in box.boxes[MessageChannel.EMAIL].toolTip()


def test_the_intake_records_what_the_citizen_agreed_to(qtbot, intake, db, clerk, clock, shots):
    turn_on(db, clerk, clock)
    intake.clear_form()  # the form offers the channels the office has on now
    qtbot.waitUntil(lambda: not intake.applicant_form.consent_box.reading())
    intake.resize(1366, 728)
    type_text(qtbot, intake.picker.search, "xac nhan tinh trang hon nhan")
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)
    intake.papers.set_ticked(0, True)
    for edit, text in (
        (intake.name_edit, "Nguyễn Thị Hồng Nhung"),
        (intake.id_edit, "079190012345"),
        (intake.phone_edit, "0912 345 678"),
    ):
        type_text(qtbot, edit, text)
    intake.applicant_form.consent_box.boxes[MessageChannel.SMS].setChecked(True)
    qtbot.wait(50)
    intake.grab().save(str(shots / "intake-consent-1366x768.png"))
    with qtbot.waitSignal(intake.dossier_saved, timeout=5000) as saved:
        intake.save()
    code = saved.args[0]
    (m,) = outbox.dossier_messages(db, code)
    assert (m.channel, m.recipient, m.status) == (
        MessageChannel.SMS,
        "0912345678",
        MessageStatus.PENDING,
    )
    assert outbox.consent_for(db, code) == Consent(sms=True)
    assert intake.applicant_form.consent_box.consent() == Consent()  # the next citizen


def test_the_supervisor_sees_the_given_up_messages_and_sends_one_again(
    qtbot, db, clerk, clock, shots
):
    code = with_history(db, clerk, clock)
    dialog = OutboxDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [(m.dossier_code, m.channel) for m in dialog.items] == [(code, MessageChannel.ZALO)]
    assert not dialog.empty_label.isVisible()  # a list to look at, no "nothing to look at"
    assert not dialog.retry_button.isEnabled()
    dialog.select(dialog.items[0].id)
    assert dialog.retry_button.isEnabled()
    opened = []
    dialog.open_requested.connect(opened.append)
    dialog.open_button.click()
    assert opened == [code]
    dialog.grab().save(str(shots / "supervisor-list.png"))
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: not dialog.saving(), timeout=WAIT_MS)  # recorded off the thread
    assert "sẽ được gửi lại" in dialog.notice.text()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=WAIT_MS)  # read again
    assert "sẽ được gửi lại" in dialog.notice.text()
    # Due again: listed as waiting (it was written two days ago), no longer to retry.
    assert [(m.channel, m.status) for m in dialog.items] == [
        (MessageChannel.ZALO, MessageStatus.PENDING)
    ]
    assert dialog.table.item(0, 6).text() == "Chờ gửi"
    zalo = [m for m in outbox.dossier_messages(db, code) if m.channel is MessageChannel.ZALO]
    assert [m.status for m in zalo] == [MessageStatus.PENDING, MessageStatus.PENDING]


def test_the_main_window_sends_in_the_background_and_tells_the_supervisor(
    qtbot, db, clerk, clock, monkeypatch
):
    turn_on(db, clerk, clock)
    code = receive(db, clerk, clock, Consent(zalo=True))
    zalo = FakeSender(MessageChannel.ZALO, [SendError("x", permanent=True)])
    monkeypatch.setattr(
        notify_settings, "senders_here", lambda _current: {MessageChannel.ZALO: zalo}
    )
    window = MainWindow(db, clerk, clock)
    qtbot.addWidget(window)
    tools = window.message_tools
    with qtbot.waitSignal(tools.sender.passed, timeout=10_000) as passed:
        pass
    assert passed.args[0].failed == 1
    assert "1 tin nhắn cho người nộp gửi không được" in window.statusBar().currentMessage()
    assert [m.status for m in outbox.dossier_messages(db, code)] == [MessageStatus.FAILED]
    assert tools.action.isEnabled()
    tools.open_list()
    qtbot.waitUntil(lambda: not tools.opening(), timeout=WAIT_MS)
    dialog = tools.dialog
    assert dialog is not None and dialog.isVisible()
    assert [m.dossier_code for m in dialog.items] == [code]
    tools.sender.stop()


def test_a_clerk_has_the_list_disabled(qtbot, db, clerk, clock):
    plain = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    window = MainWindow(db, plain, clock)
    qtbot.addWidget(window)
    assert not window.message_tools.action.isEnabled()
    assert "lãnh đạo" in window.message_tools.action.toolTip()
    window.message_tools.sender.stop()


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def test_the_next_citizen_s_form_does_not_wait_for_the_channels_on_a_locked_server(
    qtbot, server_db, clock
):
    """Each new form asks which channels are on; a server that makes that read wait (the
    settings held by another PC) leaves the form answering, and the boxes come after."""
    admin = accounts.log_in(server_db, "admin", "matkhau123")
    form = IntakeWindow(server_db, admin, clock)
    qtbot.addWidget(form)
    form.show()
    box = form.applicant_form.consent_box
    qtbot.waitUntil(lambda: not box.reading(), timeout=WAIT_MS)
    turn_on(server_db, admin, clock)
    type_text(qtbot, form.phone_edit, "0912345678")
    assert not box.boxes[MessageChannel.SMS].isEnabled()  # the form was opened before
    ticks = ticks_of(form)
    with locked(server_db.url, "settings"):
        form.clear_form()
        assert box.reading()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 30)  # the event loop runs meanwhile
        type_text(qtbot, form.phone_edit, "0912345678")  # the next citizen, meanwhile
        assert box.reading() and not box.boxes[MessageChannel.SMS].isEnabled()
    qtbot.waitUntil(lambda: not box.reading(), timeout=WAIT_MS)
    assert (
        box.boxes[MessageChannel.SMS].isEnabled() and not box.boxes[MessageChannel.SMS].isChecked()
    )


def test_a_list_with_nothing_to_look_at_says_so(qtbot, db, clerk, clock, shots):
    dialog = OutboxDialog(db, clerk, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.items == [] and dialog.table.rowCount() == 0
    assert dialog.empty_label.isVisible()
    assert dialog.empty_label.text().startswith("Không có tin nào cần xem lại")
    assert not dialog.open_button.isEnabled() and not dialog.retry_button.isEnabled()
    dialog.grab().save(str(shots / "supervisor-list-empty.png"))
