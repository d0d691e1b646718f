"""Zalo ZNS: an HTTP server on 127.0.0.1 takes the request (phone 84..., the office's
template id and data, the message's tracking id); the token goes in the header only,
never in a log, an error or the database; a 500 then the retry delivers once."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from message_fakes import FakeZalo, free_port
from outbox_helpers import TOKEN, messages, office_templates, receive, turn_on
from sqlalchemy import text

from desk.domain.messages import Consent, MessageChannel, MessageStatus, OutgoingMessage, SendError
from desk.services import delivery, notify_settings, steps
from desk.services.zalo_sender import ZaloSender

TEMPLATES = """
[intake]
zalo_template_id = "248001"

[result_ready]
zalo_template_id = "248003"
zalo_data = { ma_ho_so = "{code}", ten = "{name}", noi_nhan = "{collect}" }
"""


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    office_templates(tmp_path / "xdg", TEMPLATES)


@pytest.fixture
def zalo():
    server = FakeZalo()
    yield server
    server.close()


@pytest.fixture
def senders(db, clerk, clock, zalo):
    turn_on(db, clerk, clock, zalo_url=zalo.url)
    return {
        MessageChannel.ZALO: notify_settings.senders_here(notify_settings.load(db))[
            MessageChannel.ZALO
        ]
    }


def _everything_stored(db) -> str:
    with db.read() as s:
        rows = [
            s.execute(text(f"SELECT * FROM {table}")).all()
            for table in ("messages", "message_attempts", "audit_log", "dossier_steps")
        ]
    return repr(rows)


def test_the_zns_request_carries_the_phone_template_and_data(
    db, clerk, clock, zalo, senders, caplog
):
    caplog.set_level(logging.DEBUG)
    code = receive(db, clerk, clock, consent=Consent(zalo=True))
    steps.mark_ready(db, clerk, code, clock)
    assert delivery.send_pending(db, senders, clock).sent == 2
    first, ready = zalo.requests
    assert ready.path == "/message/template"
    assert ready.headers["access_token"] == TOKEN
    assert ready.headers["content-type"] == "application/json"
    (m,) = messages(db, code, "result_ready")
    assert ready.body == {
        "phone": "84912345678",
        "template_id": "248003",
        "template_data": {
            "ma_ho_so": code,
            "ten": "Trần Văn Hùng",
            "noi_nhan": "Bộ phận Một cửa UBND xã Tân Phú, Số 1 đường Hùng Vương, xã Tân Phú, tỉnh Đồng Nai",
        },
        "tracking_id": f"desk-{m.id}",
    }
    # The shipped data of the intake message, under the office's own template id.
    assert first.body["template_id"] == "248001"
    assert first.body["template_data"]["ma_ho_so"] == code
    assert m.status is MessageStatus.SENT
    assert TOKEN not in caplog.text and TOKEN not in _everything_stored(db)


def test_a_server_error_then_the_retry_delivers_once(db, clerk, clock, zalo, senders, caplog):
    caplog.set_level(logging.DEBUG)
    code = receive(db, clerk, clock, consent=Consent(zalo=True))
    zalo.answers = [(500, {"error": -1, "message": "internal"})]
    assert delivery.send_pending(db, senders, clock).retrying == 1
    (m,) = messages(db, code)
    assert "HTTP 500" in m.last_error
    clock.advance(timedelta(minutes=1))
    assert delivery.send_pending(db, senders, clock).sent == 1
    assert delivery.send_pending(db, senders, clock).handled == 0
    assert len(zalo.requests) == 2 and len(zalo.delivered) == 1
    assert zalo.delivered[0].body["tracking_id"] == f"desk-{m.id}"
    assert TOKEN not in caplog.text and TOKEN not in _everything_stored(db)


def test_an_error_that_echoes_the_token_is_blanked(db, clerk, clock, zalo, senders, caplog):
    caplog.set_level(logging.DEBUG)
    code = receive(db, clerk, clock, consent=Consent(zalo=True))
    zalo.answers = [(200, {"error": -124, "message": f"Access token {TOKEN} is invalid"})]
    delivery.send_pending(db, senders, clock)
    (m,) = messages(db, code)
    assert m.status is MessageStatus.PENDING
    assert "-124" in m.last_error and "***" in m.last_error
    assert TOKEN not in m.last_error and TOKEN not in caplog.text
    assert TOKEN not in _everything_stored(db)


def test_a_step_without_a_template_id_fails_at_once_saying_so(db, clerk, clock, zalo, senders):
    code = receive(db, clerk, clock, consent=Consent(zalo=True))
    steps.stop(db, clerk, code, "Người nộp rút hồ sơ", clock)  # no template id for stop
    delivery.send_pending(db, senders, clock)
    (stop,) = messages(db, code, "stop")
    assert stop.status is MessageStatus.FAILED and "zalo_template_id" in stop.last_error
    assert len(zalo.requests) == 1  # the intake's only


def test_no_server_is_a_failure_tried_again_without_the_token():
    sender = ZaloSender(TOKEN, f"http://127.0.0.1:{free_port()}/message/template", timeout=5)
    message = OutgoingMessage(
        3, "H36.41-260310-0001", MessageChannel.ZALO, "0912345678", "x", template_id="1"
    )
    with pytest.raises(SendError) as caught:
        sender.send(message)
    assert not caught.value.permanent
    assert TOKEN not in caught.value.message and TOKEN not in repr(sender)
    assert TOKEN not in repr(notify_settings.NotifySettings(zalo_token=TOKEN))
    assert all(
        TOKEN not in line for line in notify_settings.NotifySettings(zalo_token=TOKEN).describe()
    )
