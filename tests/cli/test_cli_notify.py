"""``desk notify setup|test`` and ``desk outbox [send]``, with the logins of the window."""

from __future__ import annotations

import email
import json
import os
from email import policy

import pytest
from message_fakes import SmtpSink, VirtualModem, join_parts

from desk.cli import main
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.messages import Consent
from desk.domain.roles import Role
from desk.services import accounts, catalog, notify_settings
from desk.services.intake import record_intake

SECRET = "Mat-Khau-9x"
TOKEN = "zalo-token-0123456789"


@pytest.fixture
def base(db_url, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    return ["--user", "admin", "--db-url", db_url]


@pytest.fixture
def sink():
    server = SmtpSink()
    yield server
    server.close()


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def receive(db, clerk, clock) -> str:
    p = catalog.get_procedure(db, "1.004873")
    draft = IntakeDraft(
        procedure_code=p.code,
        applicant=Applicant(
            name="Trần Văn Hùng",
            id_number="079090001234",
            phone="0912345678",
            email="hung@example.vn",
        ),
        papers=[ReceivedPaper(p.papers[0].name)],
        consent=Consent(email=True),
    )
    return record_intake(db, draft, clerk, clock).code


def test_setup_turns_the_senders_on_and_never_shows_a_secret(capsys, db, base, tmp_path):
    token_file = tmp_path / "zalo.token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    rc, out, err = run(
        capsys,
        "notify",
        "setup",
        "--smtp",
        f"smtp://motcua:{SECRET}@mail.tanphu.gov.vn:587",
        "--from",
        "motcua@tanphu.gov.vn",
        "--modem",
        "serial:/dev/ttyUSB2?baudrate=115200",
        "--zalo-token-file",
        str(token_file),
        "--sms-plain",
        "yes",
        *base,
    )
    assert rc == 0, err
    assert "SMS: bật (không dấu); modem của máy này: serial:/dev/ttyUSB2" in out
    assert "motcua@mail.tanphu.gov.vn:587 (STARTTLS), gửi từ motcua@tanphu.gov.vn" in out
    assert "Zalo: bật: đã lưu mã truy cập (21 ký tự)" in out
    assert SECRET not in out and TOKEN not in out
    current = notify_settings.load(db)
    assert current.zalo_token == TOKEN and current.sms_plain
    assert [c.value for c in current.here()] == ["sms", "email", "zalo"]
    rc, out, _ = run(capsys, "notify", "setup", "--smtp", "off", "--zalo-token-file", "off", *base)
    assert rc == 0 and "Thư điện tử: tắt" in out and "Zalo: tắt" in out


def test_setup_and_the_outbox_need_the_right_account(capsys, db, db_url, clerk, monkeypatch):
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    monkeypatch.setenv("DESK_PASSWORD", "matkhau456")
    rc, _, err = run(
        capsys, "notify", "setup", "--smtp", "off", "--user", "canbo1", "--db-url", db_url
    )
    assert rc == 2 and "quản trị" in err and "canbo1" in err
    monkeypatch.setenv("DESK_USER", "canbo1")
    rc, _, err = run(capsys, "outbox", "--db-url", db_url)
    assert rc == 2 and "lãnh đạo, giám sát" in err
    monkeypatch.delenv("DESK_USER")
    rc, _, err = run(capsys, "outbox", "--db-url", db_url)
    assert rc == 2 and "--user" in err


def test_the_outbox_lists_and_sends_for_a_scheduled_task(capsys, db, clerk, clock, base, sink):
    notify_settings.set_up(db, clerk, clock, smtp_url=sink.url, smtp_from="motcua@tanphu.gov.vn")
    code = receive(db, clerk, clock)
    rc, out, _ = run(capsys, "outbox", *base)
    assert rc == 0 and code in out and "Thư điện tử" in out and "Chờ gửi" in out
    rc, out, _ = run(capsys, "outbox", "--json", *base)
    (row,) = json.loads(out)
    assert (row["dossier"], row["channel"], row["status"]) == (code, "email", "pending")
    rc, out, _ = run(capsys, "outbox", "send", *base)
    assert rc == 0 and "Đã gửi 1; sẽ thử lại 0; gửi không được 0." in out
    assert len(sink.mails) == 1
    rc, out, _ = run(capsys, "outbox", *base)
    assert "Không có tin nhắn nào." in out
    rc, out, _ = run(capsys, "outbox", "--all", "--json", *base)
    assert json.loads(out)[0]["status"] == "sent"
    # A message given up in the pass makes the task end with 1.
    receive(db, clerk, clock)
    sink.answers = ["550 5.1.1 Không có hộp thư này"]
    rc, out, _ = run(capsys, "outbox", "send", *base)
    assert rc == 1 and "gửi không được 1" in out


def test_notify_test_sends_a_mail_now(capsys, db, clerk, clock, base, sink):
    notify_settings.set_up(db, clerk, clock, smtp_url=sink.url, smtp_from="motcua@tanphu.gov.vn")
    rc, out, err = run(capsys, "notify", "test", "--to", "hung@example.vn", *base)
    assert rc == 0, err
    assert "Đã gửi tin thử qua Thư điện tử tới hung@example.vn" in out
    mail = email.message_from_bytes(sink.mails[0], policy=policy.default)
    assert "UBND xã Tân Phú" in mail.get_content()


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_notify_test_sends_an_sms_through_the_modem(capsys, db, clerk, clock, base):
    modem = VirtualModem()
    try:
        rc, out, err = run(capsys, "notify", "setup", "--modem", f"serial:{modem.path}", *base)
        assert rc == 0, err
        rc, out, err = run(capsys, "notify", "test", "--to", "0912345678", *base)
        assert rc == 0, err
        assert "qua SMS tới 0912345678" in out
        assert join_parts(modem.pdus).startswith("Tin nhắn thử của desk tại UBND xã Tân Phú.")
    finally:
        modem.close()


def test_notify_test_through_a_channel_that_is_off_says_so(capsys, db, base):
    rc, _, err = run(capsys, "notify", "test", "--to", "hung@example.vn", *base)
    assert rc == 2 and "desk notify setup" in err
