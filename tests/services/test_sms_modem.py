"""SMS through a modem: a virtual modem on a pseudo-terminal answers the AT dialogue
and keeps the PDUs, which decode back to the Vietnamese text the desk wrote."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from message_fakes import VirtualModem, decode_submit, join_parts
from outbox_helpers import messages, receive, turn_on

from desk.domain.errors import UserError
from desk.domain.messages import Consent, MessageChannel, MessageStatus, OutgoingMessage, SendError
from desk.services import delivery, notify_settings, steps
from desk.services.sms_modem import ModemSender, parse_modem_uri

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def modem():
    virtual = VirtualModem()
    yield virtual
    virtual.close()


@pytest.fixture
def sms(db, clerk, clock, modem):
    turn_on(db, clerk, clock, modem=f"serial:{modem.path}")
    senders = notify_settings.senders_here(notify_settings.load(db))
    return {MessageChannel.SMS: senders[MessageChannel.SMS]}


def _message(text: str, phone: str = "0912345678", number: int = 5) -> OutgoingMessage:
    return OutgoingMessage(number, "H36.41-260310-0001", MessageChannel.SMS, phone, text)


def test_the_result_sms_reaches_the_modem_in_vietnamese(db, clerk, clock, modem, sms):
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    steps.mark_ready(db, clerk, code, clock)
    assert delivery.send_pending(db, sms, clock).sent == 2
    assert modem.commands[:3] == ["AT", "ATE0", "AT+CMGF=0"]
    intake, ready = messages(db, code)
    parts = len([c for c in modem.commands if c.startswith("AT+CMGS=")])
    assert parts == len(modem.pdus) > 2  # both texts are longer than 70 letters
    first = [p for p in modem.pdus if decode_submit(p).reference == intake.id % 256]
    rest = [p for p in modem.pdus if p not in first]
    assert join_parts(first) == intake.body
    assert join_parts(rest) == ready.body
    assert "đã có kết quả" in join_parts(rest)
    assert {decode_submit(p).number for p in modem.pdus} == {"84912345678"}
    assert {decode_submit(p).dcs for p in modem.pdus} == {0x08}
    assert ready.status is MessageStatus.SENT
    refs = ready.history[-1]
    assert refs.ok


def test_the_unaccented_sms_goes_in_7bit(db, clerk, clock, modem, sms):
    notify_settings.set_up(db, clerk, clock, sms_plain=True)
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    delivery.send_pending(db, sms, clock)
    (m,) = messages(db, code)
    assert {decode_submit(p).dcs for p in modem.pdus} == {0x00}
    assert join_parts(modem.pdus) == m.body
    assert m.body.startswith("UBND xa Tan Phu da tiep nhan ho so")
    assert len(modem.pdus) == 1  # 160 letters a message


def test_a_modem_error_then_the_retry_sends_once(db, clerk, clock, modem, sms):
    code = receive(db, clerk, clock, consent=Consent(sms=True))
    modem.fail_next = 1
    assert delivery.send_pending(db, sms, clock).retrying == 1
    (m,) = messages(db, code)
    assert "+CMS ERROR: 500" in m.last_error and m.status is MessageStatus.PENDING
    clock.advance(timedelta(minutes=1))
    assert delivery.send_pending(db, sms, clock).sent == 1
    assert join_parts(modem.pdus) == m.body  # every part once


def test_a_failed_later_part_says_how_far_it_got(modem):
    sender = ModemSender(f"serial:{modem.path}", timeout=3)
    text = "Hồ sơ đã có kết quả. " * 8  # several parts
    modem.fail_next = 0
    sender._ready()
    modem.pdus.clear()

    original = modem._take_pdu

    def fail_second(pdu):
        if len(modem.pdus) == 1:
            modem.fail_next = 1
        original(pdu)

    modem._take_pdu = fail_second
    with pytest.raises(SendError) as caught:
        sender.send(_message(text))
    assert "đã gửi 1/" in caught.value.message and not caught.value.permanent
    sender.close()


def test_a_missing_port_and_a_silent_modem_are_failures_tried_again(tmp_path, modem):
    with pytest.raises(SendError) as caught:
        ModemSender(f"serial:{tmp_path / 'ttyUSB9'}").send(_message("x"))
    assert "ttyUSB9" in caught.value.message and not caught.value.permanent
    modem.silent = True
    sender = ModemSender(f"serial:{modem.path}", timeout=0.5)
    with pytest.raises(SendError) as caught:
        sender.send(_message("x"))
    assert "không trả lời" in caught.value.message
    sender.close()


def test_a_message_without_a_number_is_given_up(modem):
    sender = ModemSender(f"serial:{modem.path}")
    with pytest.raises(SendError) as caught:
        sender.send(_message("x", phone=""))
    assert caught.value.permanent
    sender.close()


def test_modem_uris():
    assert parse_modem_uri("serial:COM5").device == "COM5"
    assert parse_modem_uri("serial:COM5").baudrate == 115200
    target = parse_modem_uri("serial:/dev/ttyUSB2?baudrate=9600")
    assert (target.device, target.baudrate) == ("/dev/ttyUSB2", 9600)
    for wrong in ("COM5", "tcp://1.2.3.4", "serial:", "serial:COM5?baudrate=fast"):
        with pytest.raises(UserError):
            parse_modem_uri(wrong)
