"""The outbox is written with the step: one row per channel the applicant agreed to,
the office has on and has an address for; nothing when the step is rolled back."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from outbox_helpers import EVERYTHING, messages, office_templates, receive, turn_on
from sqlalchemy import func, select

from desk.domain.clock import VN_TZ
from desk.domain.lifecycle import StepKind, SupplementRequest
from desk.domain.messages import Consent, MessageChannel, MessageStatus
from desk.services import apologies, catalog, notify_settings, outbox, steps
from desk.storage.message_tables import MessageRow
from desk.storage.tables import DossierRow


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    """This PC's settings (the modem's port) and the office's word files in the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


@pytest.fixture
def on(db, clerk, clock):
    turn_on(db, clerk, clock)


def _count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(MessageRow))


def test_a_ready_step_writes_one_row_per_agreed_channel(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True, email=True))
    assert {m.channel for m in messages(db, code, "intake")} == {
        MessageChannel.SMS,
        MessageChannel.EMAIL,
    }
    clock.advance(timedelta(days=1))
    steps.mark_ready(db, clerk, code, clock)
    ready = messages(db, code, "result_ready")
    assert sorted((m.channel.value, m.recipient) for m in ready) == [
        ("email", "hung@example.vn"),
        ("sms", "0912345678"),
    ]
    assert {m.status for m in ready} == {MessageStatus.PENDING}
    assert all(m.created_at == clock.now() for m in ready)
    sms = next(m for m in ready if m.channel is MessageChannel.SMS)
    assert code in sms.body and "đã có kết quả" in sms.body
    assert "Bộ phận Một cửa UBND xã Tân Phú" in sms.body  # where to collect
    assert "Phí, lệ phí:" in sms.body
    email = next(m for m in ready if m.channel is MessageChannel.EMAIL)
    assert code in email.subject and "Kính gửi: Trần Văn Hùng" in email.body
    fee = catalog.get_procedure(db, "1.004873").fee
    assert " ".join(fee.split()) in " ".join(email.body.split())


def test_a_rolled_back_step_writes_no_message(db, clerk, clock, on, monkeypatch):
    code = receive(db, clerk, clock)
    before = _count(db)

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(steps.audit, "record", broken)  # fails after the messages are added
    with pytest.raises(RuntimeError):
        steps.mark_ready(db, clerk, code, clock)
    assert _count(db) == before
    assert messages(db, code, "result_ready") == []


def test_an_applicant_with_no_phone_gets_no_sms_row(db, clerk, clock, on):
    code = receive(db, clerk, clock, phone="", consent=EVERYTHING)
    steps.mark_ready(db, clerk, code, clock)
    assert {m.channel for m in messages(db, code)} == {MessageChannel.EMAIL}


def test_nothing_agreed_nothing_written(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent())
    steps.mark_ready(db, clerk, code, clock)
    assert messages(db, code) == []
    with db.read() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.code == code))
        assert (row.consent_sms, row.consent_email, row.consent_zalo) == (False, False, False)


def test_consent_is_kept_with_the_dossier(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True, zalo=True))
    with db.read() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.code == code))
        assert outbox.consent_of(row) == Consent(sms=True, zalo=True)


def test_a_channel_the_office_has_off_gets_no_row(db, clerk, clock):
    notify_settings.set_up(
        db, clerk, clock, smtp_url="smtp://mail.tanphu.gov.vn", smtp_from="motcua@tanphu.gov.vn"
    )
    code = receive(db, clerk, clock, consent=EVERYTHING)
    assert [m.channel for m in messages(db, code)] == [MessageChannel.EMAIL]
    notify_settings.set_up(db, clerk, clock, smtp_url="off")
    steps.mark_ready(db, clerk, code, clock)
    assert messages(db, code, "result_ready") == []


def test_steps_that_tell_the_applicant_and_those_that_do_not(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    steps.transfer(db, clerk, code, "Văn phòng đăng ký đất đai", clock)
    papers = [p.name for p in catalog.get_procedure(db, "1.004873").papers]
    steps.request_supplement(
        db,
        clerk,
        code,
        SupplementRequest((papers[1],), "Thiếu giấy tờ", "Chị Hoa, 0251 3822 123"),
        clock,
    )
    steps.receive_supplement(db, clerk, code, clock)
    clock.advance(timedelta(hours=1))
    steps.refuse(db, clerk, code, "Không đủ điều kiện cấp.", clock)
    kinds = [m.step_kind for m in messages(db, code)]
    assert kinds == [StepKind.INTAKE, StepKind.SUPPLEMENT_REQUEST, StepKind.REFUSE]
    supplement, refusal = messages(db, code)[1:]
    assert papers[1] in supplement.body and "Thiếu giấy tờ" in supplement.body
    assert "Lý do: Không đủ điều kiện cấp." in refusal.body  # one full stop, not two


def test_a_stop_tells_the_applicant(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(email=True))
    steps.stop(db, clerk, code, "Người nộp rút hồ sơ", clock)
    (stop,) = messages(db, code, "stop")
    assert "dừng giải quyết" in stop.body and "Người nộp rút hồ sơ" in stop.body


def test_the_apology_tells_the_new_date_and_carries_the_letter(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True, email=True))
    new_due = datetime(2026, 3, 20, 9, 0, tzinfo=VN_TZ)
    apologies.make_apology(db, clerk, code, "Chờ xác minh", new_due, "sms", clock)
    found = messages(db, code, "apology")
    assert {m.channel for m in found} == {MessageChannel.SMS, MessageChannel.EMAIL}
    assert all("09:00 ngày 20/03/2026" in m.body for m in found)
    with db.read() as s:
        stmt = select(MessageRow.channel, MessageRow.attachment)
        attachments = {c: a for c, a in s.execute(stmt.where(MessageRow.step_kind == "apology"))}
    assert attachments == {"sms": "", "email": "apology"}


def test_the_office_may_send_sms_without_accents(db, clerk, clock, on):
    notify_settings.set_up(db, clerk, clock, sms_plain=True)
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    (sms,) = messages(db, code)
    assert sms.body.startswith("UBND xa Tan Phu da tiep nhan ho so " + code)


def test_the_result_by_post_says_so(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True), by_post=True)
    steps.mark_ready(db, clerk, code, clock)
    (sms,) = messages(db, code, "result_ready")
    assert "qua dịch vụ bưu chính, gửi tới Ấp 3, xã Tân Phú" in sms.body


def test_a_broken_office_template_does_not_stop_the_step(db, clerk, clock, on, xdg):
    path = office_templates(xdg, '[result_ready]\nsms = "Hồ sơ {ma} xong"\n')
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    steps.mark_ready(db, clerk, code, clock)  # recorded all the same
    (sms,) = messages(db, code, "result_ready")
    assert sms.status is MessageStatus.FAILED
    assert str(path) in sms.last_error and "{ma}" in sms.last_error
    assert [m.status for m in messages(db, code, "intake")] == [MessageStatus.PENDING]


def test_the_office_copy_wins_entry_by_entry(db, clerk, clock, on, xdg):
    office_templates(xdg, '[intake]\nsms = "Đã nhận hồ sơ {code}."\n')
    code = receive(db, clerk, clock, consent=Consent(sms=True, email=True))
    by_channel = {m.channel: m for m in messages(db, code)}
    assert by_channel[MessageChannel.SMS].body == f"Đã nhận hồ sơ {code}."
    assert by_channel[MessageChannel.EMAIL].subject == f"Hồ sơ {code}: đã tiếp nhận"


def test_erasing_the_personal_data_erases_the_messages_too(db, clerk, clock, on):
    from desk.services import accounts, delivery, personal_data

    code = receive(db, clerk, clock, consent=EVERYTHING)
    sender_failures = []

    class Refusing:
        channel = MessageChannel.EMAIL

        def send(self, message):
            from desk.domain.messages import SendError

            sender_failures.append(message.recipient)
            raise SendError(f"550 <{message.recipient}> không có hộp thư này", permanent=True)

        def close(self):
            pass

    delivery.send_pending(db, {MessageChannel.EMAIL: Refusing()}, clock)
    steps.refuse(db, clerk, code, "Không đủ điều kiện", clock)
    accounts.add_clerk(db, clerk, "lanhdao", "Võ Minh Tâm", "tam2026ok", role="supervisor")
    supervisor = accounts.log_in(db, "lanhdao", "tam2026ok")
    clock.advance(timedelta(days=personal_data.retention_days(db) + 1))
    personal_data.erase_personal_data(db, supervisor, code, clock)
    found = messages(db, code)
    assert found and all(m.recipient == "" and m.body == "" for m in found)
    assert {m.status for m in found} == {MessageStatus.FAILED}  # nothing left to send
    assert all(a.error == "" for m in found for a in m.history)
    assert "hung@example.vn" not in repr(found) and "0912345678" not in repr(found)
