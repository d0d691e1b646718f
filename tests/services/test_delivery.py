"""Delivering the outbox: once, in order of due time, tried again after a back-off,
given up after the last try or at once when trying cannot help, never left "sending";
two senders at once (two PCs on one database) never send a message twice."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from outbox_helpers import FakeSender, messages, receive, turn_on

from desk.domain.errors import UserError
from desk.domain.messages import (
    MAX_ATTEMPTS,
    STALE_CLAIM,
    Consent,
    MessageChannel,
    MessageStatus,
    SendError,
)
from desk.domain.roles import Role
from desk.services import accounts, delivery, outbox, steps
from desk.storage.database import Database


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def code(db, clerk, clock):
    turn_on(db, clerk, clock)
    return receive(db, clerk, clock, consent=Consent(sms=True))


def _only(db, code):
    (m,) = messages(db, code)
    return m


def test_a_message_is_sent_once_and_its_try_recorded(db, clock, code):
    sender = FakeSender()
    report = delivery.send_pending(db, {MessageChannel.SMS: sender}, clock, host="PC-1")
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    assert [m.dossier_code for m in sender.sent] == [code]
    assert "09:15 ngày 13/03/2026" in sender.sent[0].body
    m = _only(db, code)
    assert m.status is MessageStatus.SENT and m.sent_at == clock.now() and m.attempts == 1
    assert [(a.ok, a.host) for a in m.history] == [(True, "PC-1")]
    assert sender.closed == 1
    # A second pass has nothing to send.
    assert delivery.send_pending(db, {MessageChannel.SMS: sender}, clock).handled == 0
    assert len(sender.sent) == 1


def test_a_failure_is_tried_again_after_the_back_off_and_then_sent_once(db, clock, code):
    sender = FakeSender(failures=[SendError("Modem báo lỗi: +CMS ERROR: 500")])
    senders = {MessageChannel.SMS: sender}
    assert delivery.send_pending(db, senders, clock).retrying == 1
    m = _only(db, code)
    assert m.status is MessageStatus.PENDING and m.attempts == 1
    assert m.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert "+CMS ERROR: 500" in m.last_error
    clock.advance(timedelta(seconds=30))
    assert delivery.send_pending(db, senders, clock).handled == 0  # not due yet
    clock.advance(timedelta(seconds=30))
    assert delivery.send_pending(db, senders, clock).sent == 1
    assert len(sender.sent) == 1
    m = _only(db, code)
    assert m.status is MessageStatus.SENT and [a.ok for a in m.history] == [False, True]
    assert m.last_error == ""


def test_after_the_last_try_it_is_given_up_and_shown_to_the_supervisor(db, clock, code):
    sender = FakeSender(failures=[SendError(f"lỗi {n}") for n in range(MAX_ATTEMPTS)])
    for _ in range(MAX_ATTEMPTS):
        delivery.send_pending(db, {MessageChannel.SMS: sender}, clock)
        clock.advance(timedelta(hours=1))
    m = _only(db, code)
    assert m.status is MessageStatus.FAILED and m.attempts == MAX_ATTEMPTS
    assert m.last_error == f"lỗi {MAX_ATTEMPTS - 1}"
    assert [p.id for p in outbox.problems(db, clock.now())] == [m.id]


def test_a_failure_trying_cannot_help_is_given_up_at_once(db, clock, code):
    sender = FakeSender(failures=[SendError("Không có số này", permanent=True)])
    assert delivery.send_pending(db, {MessageChannel.SMS: sender}, clock).failed == 1
    assert _only(db, code).status is MessageStatus.FAILED


def test_a_sender_bug_is_a_failed_try_not_a_message_left_sending(db, clock, code):
    sender = FakeSender(failures=[ZeroDivisionError("boom")])
    delivery.send_pending(db, {MessageChannel.SMS: sender}, clock)
    m = _only(db, code)
    assert m.status is MessageStatus.PENDING and "ZeroDivisionError" in m.last_error


def test_a_claim_left_by_a_dead_sender_is_given_up_not_sent_again(db, clock, code):
    claimed = delivery.claim_next(db, (MessageChannel.SMS,), clock.now())
    assert claimed is not None  # ...and this sender dies before it records anything
    sender = FakeSender()
    clock.advance(STALE_CLAIM - timedelta(minutes=1))
    assert delivery.send_pending(db, {MessageChannel.SMS: sender}, clock).handled == 0
    assert _only(db, code).status is MessageStatus.SENDING
    clock.advance(timedelta(minutes=2))
    assert delivery.send_pending(db, {MessageChannel.SMS: sender}, clock).failed == 1
    m = _only(db, code)
    assert m.status is MessageStatus.FAILED and "không rõ tin đã đi hay chưa" in m.last_error
    assert sender.sent == []
    # The dead sender's late answer no longer counts.
    message, token = claimed
    assert delivery.record_outcome(db, message.id, token, clock.now(), None) == ""
    assert _only(db, code).status is MessageStatus.FAILED


def test_a_supervisor_sends_a_failed_message_again(db, clerk, clock, code):
    delivery.send_pending(
        db, {MessageChannel.SMS: FakeSender(failures=[SendError("x", permanent=True)])}, clock
    )
    m = _only(db, code)
    plain = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    with pytest.raises(UserError):
        outbox.retry(db, plain, m.id, clock)
    outbox.retry(db, clerk, m.id, clock)
    with pytest.raises(UserError):
        outbox.retry(db, clerk, m.id, clock)  # no longer failed
    sender = FakeSender()
    assert delivery.send_pending(db, {MessageChannel.SMS: sender}, clock).sent == 1
    assert _only(db, code).status is MessageStatus.SENT


def test_a_channel_without_a_sender_on_this_pc_waits(db, clerk, clock, code):
    email = FakeSender(MessageChannel.EMAIL)
    assert delivery.send_pending(db, {MessageChannel.EMAIL: email}, clock).handled == 0
    assert _only(db, code).status is MessageStatus.PENDING
    clock.advance(outbox.LONG_WAIT + timedelta(minutes=1))
    assert [p.dossier_code for p in outbox.problems(db, clock.now())] == [code]


def test_messages_go_in_the_order_they_fell_due(db, clerk, clock, code):
    clock.advance(timedelta(minutes=5))
    second = receive(db, clerk, clock, consent=Consent(sms=True))
    steps.mark_ready(db, clerk, code, clock)
    sender = FakeSender()
    delivery.send_pending(db, {MessageChannel.SMS: sender}, clock)
    assert [(m.dossier_code, m.id) for m in sender.sent] == sorted(
        [(code, m.id) for m in messages(db, code)] + [(second, m.id) for m in messages(db, second)],
        key=lambda pair: pair[1],
    )


def test_two_senders_at_once_send_each_message_once(db, db_url, clerk, clock):
    turn_on(db, clerk, clock)
    codes = [receive(db, clerk, clock, consent=Consent(sms=True)) for _ in range(12)]
    sender = FakeSender(pause=0.01)  # both PCs hand their messages to one modem
    pcs = [Database(db_url), Database(db_url)]
    reports = []
    start = threading.Barrier(2)

    def run(pc: Database, name: str) -> None:
        start.wait()
        reports.append(delivery.send_pending(pc, {MessageChannel.SMS: sender}, clock, host=name))

    threads = [threading.Thread(target=run, args=(pc, f"PC-{n}")) for n, pc in enumerate(pcs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for pc in pcs:
        pc.dispose()
    sent_ids = [m.id for m in sender.sent]
    assert len(sent_ids) == len(set(sent_ids)) == len(codes)
    assert sum(r.sent for r in reports) == len(codes)
    hosts = {a.host for c in codes for m in messages(db, c) for a in m.history}
    assert all(m.attempts == 1 for c in codes for m in messages(db, c))
    assert hosts <= {"PC-0", "PC-1"}
