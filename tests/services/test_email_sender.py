"""E-mail through the office's SMTP server: an aiosmtpd server on 127.0.0.1 takes the
mail with the dossier code, and the apology letter as its PDF; "451, try later" is
tried again and the mail arrives once; a refused address is given up at once."""

from __future__ import annotations

import email
import smtplib
from datetime import datetime, timedelta
from email import policy

import pytest
from message_fakes import SmtpSink
from outbox_helpers import messages, receive, turn_on

from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError
from desk.domain.messages import Consent, MessageChannel, MessageStatus, OutgoingMessage, SendError
from desk.services import apologies, delivery, notify_settings, steps
from desk.services.email_sender import EmailSender, SmtpServer, mask_smtp_url, parse_smtp_url


@pytest.fixture(autouse=True)
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def sink():
    server = SmtpSink()
    yield server
    server.close()


@pytest.fixture
def senders(db, clerk, clock, sink):
    turn_on(db, clerk, clock, smtp=sink.url)
    return notify_settings.senders_here(notify_settings.load(db))


def _mails(sink: SmtpSink) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(raw, policy=policy.default) for raw in sink.mails]


def test_the_result_mail_arrives_with_the_dossier_code(db, clerk, clock, sink, senders):
    code = receive(db, clerk, clock, consent=Consent(email=True))
    steps.mark_ready(db, clerk, code, clock)
    report = delivery.send_pending(db, {MessageChannel.EMAIL: senders[MessageChannel.EMAIL]}, clock)
    assert report.sent == 2
    received, ready = _mails(sink)
    assert sink.envelopes[1] == ("motcua@tanphu.gov.vn", ["hung@example.vn"])
    assert ready["Subject"] == f"Hồ sơ {code}: đã có kết quả"
    assert ready["From"] == "motcua@tanphu.gov.vn" and ready["To"] == "hung@example.vn"
    text = ready.get_content()
    assert code in text and "Kính gửi: Trần Văn Hùng" in text
    assert "Thư này được gửi tự động" in text
    (m,) = messages(db, code, "result_ready")
    assert m.status is MessageStatus.SENT


def test_the_apology_mail_carries_the_letter_as_a_pdf(db, clerk, clock, sink, senders):
    code = receive(db, clerk, clock, consent=Consent(email=True))
    delivery.send_pending(db, senders, clock)
    new_due = datetime(2026, 3, 20, 9, 0, tzinfo=VN_TZ)
    apologies.make_apology(db, clerk, code, "Chờ xác minh", new_due, "email", clock)
    assert delivery.send_pending(db, senders, clock).sent == 1
    apology = _mails(sink)[-1]
    assert code in apology["Subject"]
    assert "09:00 ngày 20/03/2026" in apology.get_body(("plain",)).get_content()
    (pdf,) = list(apology.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == f"van-ban-xin-loi-{code}.pdf"
    assert pdf.get_content().startswith(b"%PDF")


def test_try_later_then_the_retry_delivers_once(db, clerk, clock, sink, senders):
    code = receive(db, clerk, clock, consent=Consent(email=True))
    sink.answers = ["451 4.3.0 Hệ thống bận, thử lại sau"]
    report = delivery.send_pending(db, senders, clock)
    assert (report.sent, report.retrying) == (0, 1)
    (m,) = messages(db, code)
    assert m.status is MessageStatus.PENDING and "451" in m.last_error
    clock.advance(timedelta(minutes=1))
    assert delivery.send_pending(db, senders, clock).sent == 1
    assert delivery.send_pending(db, senders, clock).handled == 0
    assert sink.tries == 2 and len(sink.mails) == 1
    (m,) = messages(db, code)
    assert m.status is MessageStatus.SENT and [a.ok for a in m.history] == [False, True]


def test_a_refused_mailbox_is_given_up_at_once(db, clerk, clock, sink, senders):
    code = receive(db, clerk, clock, consent=Consent(email=True))
    sink.answers = ["550 5.1.1 Không có hộp thư này"]
    assert delivery.send_pending(db, senders, clock).failed == 1
    (m,) = messages(db, code)
    assert m.status is MessageStatus.FAILED and "550" in m.last_error


def test_no_server_is_a_failure_tried_again():
    from message_fakes import free_port

    sender = EmailSender(SmtpServer("127.0.0.1", free_port(), "none"), "motcua@tanphu.gov.vn")
    message = OutgoingMessage(1, "H36.41-260310-0001", MessageChannel.EMAIL, "a@b.vn", "x", "y")
    with pytest.raises(SendError) as caught:
        sender.send(message)
    assert not caught.value.permanent and "127.0.0.1" in caught.value.message


def test_server_urls():
    s = parse_smtp_url("smtp://mot%40cua:m%E1%BA%ADt@mail.tanphu.gov.vn")
    assert (s.host, s.port, s.security, s.username, s.password) == (
        "mail.tanphu.gov.vn",
        587,
        "starttls",
        "mot@cua",
        "mật",
    )
    assert parse_smtp_url("smtps://u:p@mail.vn").port == 465
    assert parse_smtp_url("smtps://u:p@mail.vn").security == "ssl"
    assert parse_smtp_url("smtp://relay.lan?starttls=no").security == "none"
    assert parse_smtp_url("smtp://relay.lan:2525?starttls=no").port == 2525
    masked = mask_smtp_url("smtp://motcua:S3cret@mail.vn:587")
    assert "S3cret" not in masked and "mail.vn:587" in masked
    for wrong in ("http://mail.vn", "mail.vn", "smtp://"):
        with pytest.raises(UserError):
            parse_smtp_url(wrong)


def test_starttls_and_tls_are_used_as_the_url_says(monkeypatch):
    calls = []

    class FakeSMTP:
        def __init__(self, host, port, timeout=None, context=None):
            calls.append((type(self).__name__, host, port))

        def starttls(self, context=None):
            calls.append(("starttls",))

        def login(self, user, password):
            calls.append(("login", user))

        def send_message(self, mail):
            calls.append(("send", mail["To"]))

        def quit(self):
            calls.append(("quit",))

    class FakeSSL(FakeSMTP):
        pass

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    monkeypatch.setattr(smtplib, "SMTP_SSL", FakeSSL)
    message = OutgoingMessage(1, "H36.41-260310-0001", MessageChannel.EMAIL, "a@b.vn", "x", "y")
    for url in ("smtp://u:p@mail.vn", "smtps://u:p@mail.vn"):
        sender = EmailSender(parse_smtp_url(url), "motcua@tanphu.gov.vn")
        sender.send(message)
        sender.close()
    assert calls == [
        ("FakeSMTP", "mail.vn", 587),
        ("starttls",),
        ("login", "u"),
        ("send", "a@b.vn"),
        ("quit",),
        ("FakeSSL", "mail.vn", 465),
        ("login", "u"),
        ("send", "a@b.vn"),
        ("quit",),
    ]
