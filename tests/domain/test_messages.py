"""Messages to applicants: consent and addresses decide the channels; phones as 84...;
the unaccented SMS; the back-off between tries."""

from __future__ import annotations

from datetime import timedelta

from desk.domain.messages import (
    MAX_ATTEMPTS,
    Consent,
    MessageChannel,
    international_phone,
    recipients,
    retry_delay,
    unaccented,
)
from desk.domain.sms_pdu import is_gsm7


def test_nothing_is_agreed_by_default():
    assert Consent().agreed() == ()
    assert recipients(Consent(), "0912345678", "a@b.vn") == {}


def test_each_agreed_channel_needs_its_address():
    everything = Consent(sms=True, email=True, zalo=True)
    assert recipients(everything, "0912345678", "hung@example.vn") == {
        MessageChannel.SMS: "0912345678",
        MessageChannel.EMAIL: "hung@example.vn",
        MessageChannel.ZALO: "0912345678",
    }
    # No phone: no SMS and no Zalo, whatever was ticked.
    assert recipients(everything, "", "hung@example.vn") == {
        MessageChannel.EMAIL: "hung@example.vn"
    }
    assert recipients(everything, "0912345678", " ") == {
        MessageChannel.SMS: "0912345678",
        MessageChannel.ZALO: "0912345678",
    }
    assert recipients(Consent(email=True), "0912345678", "") == {}


def test_phones_become_international():
    for phone in ("0912345678", "0912 345 678", "+84912345678", "84912345678", "+84 91 234 5678"):
        assert international_phone(phone) == "84912345678", phone


def test_unaccented_text_keeps_case_and_fits_the_gsm_alphabet():
    text = "Hồ sơ ĐĂNG KÝ “kết hôn” – đã có kết quả… Nhận tại Bộ phận Một cửa"
    plain = unaccented(text)
    assert plain == 'Ho so DANG KY "ket hon" - da co ket qua... Nhan tai Bo phan Mot cua'
    assert is_gsm7(plain) and not is_gsm7(text)


def test_back_off_grows_then_stays():
    delays = [retry_delay(n) for n in range(1, MAX_ATTEMPTS + 2)]
    assert delays[0] == timedelta(minutes=1)
    assert delays == sorted(delays)
    assert delays[-1] == delays[-2] == timedelta(hours=1)
