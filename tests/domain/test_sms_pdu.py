"""SMS-SUBMIT PDUs: what the modem is given decodes back to the text, in one part or
several, in 7-bit or UCS-2 (the decoder is the tests' own, ``message_fakes``)."""

from __future__ import annotations

import pytest
from message_fakes import decode_submit, join_parts

from desk.domain.messages import unaccented
from desk.domain.sms_pdu import encode_sms, pack_septets

NUMBER = "84912345678"
VIETNAMESE = (
    "UBND xã Tân Phú đã tiếp nhận hồ sơ H36.41-260310-0001. Hẹn trả kết quả: 09:15 ngày "
    "13/03/2026. Phí, lệ phí: 8.000 đồng. ĐT: 0251 3822 123"
)


def test_the_classic_hello_packs_as_the_standard_says():
    # "hellohello" is the textbook example of 7-bit packing.
    septets = [ord(c) for c in "hellohello"]
    assert pack_septets(septets).hex().upper() == "E8329BFD4697D9EC37"


def test_a_short_unaccented_text_is_one_7bit_part():
    (part,) = encode_sms(NUMBER, "Ho so H36.41-260310-0001 da co ket qua.")
    decoded = decode_submit(part.hex)
    assert decoded.dcs == 0x00 and decoded.reference is None
    assert decoded.number == NUMBER and decoded.number_type == 0x91
    assert decoded.text == "Ho so H36.41-260310-0001 da co ket qua."
    assert part.length == decoded.tpdu_length == len(bytes.fromhex(part.hex)) - 1
    assert part.hex.startswith("00")  # the SIM's own service centre


def test_vietnamese_goes_as_ucs2_in_parts_of_67_letters():
    parts = encode_sms(NUMBER, VIETNAMESE, reference=7)
    decoded = [decode_submit(p.hex) for p in parts]
    assert len(parts) == -(-len(VIETNAMESE) // 67) > 1
    assert {d.dcs for d in decoded} == {0x08}
    assert [(d.reference, d.total, d.part) for d in decoded] == [
        (7, len(parts), n) for n in range(1, len(parts) + 1)
    ]
    assert all(len(d.text) <= 67 for d in decoded)
    assert join_parts([p.hex for p in parts]) == VIETNAMESE
    assert all(p.length <= 140 + 14 for p in parts)


def test_seventy_accented_letters_fit_one_message():
    text = "ă" * 70
    assert len(encode_sms(NUMBER, text)) == 1
    assert len(encode_sms(NUMBER, text + "ă")) == 2


def test_a_long_unaccented_text_goes_in_7bit_parts_of_153():
    text = unaccented(VIETNAMESE) * 2
    parts = encode_sms(NUMBER, text, reference=300)
    decoded = [decode_submit(p.hex) for p in parts]
    assert {d.dcs for d in decoded} == {0x00}
    assert len(parts) == 2 and decoded[0].reference == 300 % 256
    assert len(decoded[0].text) == 153
    assert join_parts([p.hex for p in parts]) == text


def test_160_plain_letters_are_one_message_and_an_escape_pair_is_never_cut():
    assert len(encode_sms(NUMBER, "a" * 160)) == 1
    text = "a" * 152 + "€" + "b" * 10  # the euro sign is two septets: it moves whole
    parts = encode_sms(NUMBER, text)
    assert decode_submit(parts[0].hex).text == "a" * 152
    assert join_parts([p.hex for p in parts]) == text


def test_a_number_of_odd_length_is_padded():
    (part,) = encode_sms("8491234567", "x")
    assert decode_submit(part.hex).number == "8491234567"


def test_no_number_is_refused():
    with pytest.raises(ValueError):
        encode_sms("", "x")
