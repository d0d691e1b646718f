"""The applicant changes their mind after intake: agrees to more channels, or withdraws
their consent to some (the right the personal data law gives them, at any time). A
withdrawn channel's unsent messages are never sent; the change is in the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from outbox_helpers import EVERYTHING, FakeSender, messages, receive, turn_on

from desk.domain.errors import UserError
from desk.domain.messages import Consent, MessageChannel, MessageStatus, SendError
from desk.services import audit, delivery, outbox, steps


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def on(db, clerk, clock):
    turn_on(db, clerk, clock)


def _senders() -> dict[MessageChannel, FakeSender]:
    return {c: FakeSender(c) for c in MessageChannel}


def test_a_withdrawn_channel_s_unsent_messages_are_never_sent(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=EVERYTHING)
    assert {m.status for m in messages(db, code, "intake")} == {MessageStatus.PENDING}
    request = "Đơn ngày 07/12/2026: chỉ nhận tin qua thư điện tử"
    stopped = outbox.change_consent(db, clerk, code, Consent(email=True), clock, request)
    assert stopped == 2
    by_channel = {m.channel: m for m in messages(db, code, "intake")}
    for channel in (MessageChannel.SMS, MessageChannel.ZALO):
        assert by_channel[channel].status is MessageStatus.WITHDRAWN
        assert "rút lại đồng ý" in by_channel[channel].last_error
    assert by_channel[MessageChannel.EMAIL].status is MessageStatus.PENDING
    senders = _senders()
    assert delivery.send_pending(db, senders, clock).sent == 1
    assert [m.recipient for m in senders[MessageChannel.EMAIL].sent] == ["hung@example.vn"]
    assert senders[MessageChannel.SMS].sent == senders[MessageChannel.ZALO].sent == []
    assert outbox.consent_for(db, code) == Consent(email=True)
    clock.advance(timedelta(days=1))
    steps.mark_ready(db, clerk, code, clock)  # the next step tells only by e-mail
    assert {m.channel for m in messages(db, code, "result_ready")} == {MessageChannel.EMAIL}
    (entry,) = [e for e in audit.trail(db, "dossier", code) if e.action == "consent"]
    assert entry.by == clerk.full_name
    assert entry.before == {"consent_sms": True, "consent_email": True, "consent_zalo": True}
    assert entry.after["consent_sms"] is False and entry.after["messages_withdrawn"] == 2
    assert entry.after["note"] == request


def test_a_message_given_up_on_a_withdrawn_channel_is_no_longer_a_problem(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    refusing = FakeSender(failures=[SendError("số không có thật", permanent=True)])
    delivery.send_pending(db, {MessageChannel.SMS: refusing}, clock)
    (failed,) = messages(db, code)
    assert failed.status is MessageStatus.FAILED
    assert outbox.change_consent(db, clerk, code, Consent(), clock) == 1
    (withdrawn,) = messages(db, code)
    assert withdrawn.status is MessageStatus.WITHDRAWN
    with pytest.raises(UserError):  # a supervisor's retry would send it against the will
        outbox.retry(db, clerk, failed.id, clock)
    clock.advance(outbox.LONG_WAIT * 2)
    assert [m.id for m in outbox.problems(db, clock.now())] == []


def test_agreeing_later_tells_the_applicant_from_the_next_step(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent())
    assert messages(db, code) == []
    assert outbox.change_consent(db, clerk, code, Consent(sms=True, zalo=True), clock) == 0
    steps.mark_ready(db, clerk, code, clock)
    assert {m.channel for m in messages(db, code)} == {MessageChannel.SMS, MessageChannel.ZALO}


def test_a_channel_without_its_address_cannot_be_agreed_to(db, clerk, clock, on):
    code = receive(db, clerk, clock, phone="", consent=Consent(email=True))
    with pytest.raises(UserError) as refused:
        outbox.change_consent(db, clerk, code, Consent(email=True, sms=True), clock)
    assert "chưa có số điện thoại" in refused.value.message
    assert outbox.consent_for(db, code) == Consent(email=True)  # nothing changed


def test_the_same_consent_again_records_nothing(db, clerk, clock, on):
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    before = len(audit.trail(db, "dossier", code))
    assert outbox.change_consent(db, clerk, code, Consent(sms=True), clock) == 0
    assert len(audit.trail(db, "dossier", code)) == before
