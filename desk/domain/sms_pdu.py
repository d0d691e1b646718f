"""SMS-SUBMIT PDUs for a GSM/4G modem in PDU mode (3GPP TS 23.040 and 23.038).

A text that fits the GSM 7-bit default alphabet (the unaccented SMS) is packed
seven bits a letter, 160 letters a message; anything else (Vietnamese with its
accents) goes as UCS-2, 70 letters a message. A longer text is cut into parts,
each with a concatenation header (information element 00: reference, total,
number) so the phone shows one message: 153 letters a part in 7-bit, 67 in
UCS-2. A 7-bit escape pair or a UTF-16 surrogate pair is never cut in two.

Each part is the hexadecimal PDU written after ``AT+CMGS=<length>``: a "00"
service-centre field (the SIM's own centre is used) then the TPDU, whose octet
count is the ``<length>``. The destination is an international number
(84xxxxxxxxx); the validity period is 7 days, so a phone that is off for a
weekend still gets the news.
"""

from __future__ import annotations

from dataclasses import dataclass

# The default alphabet, by code (0x1B is the escape to the extension table).
GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"  # untranslated: GSM
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = {
    "\f": 0x0A,
    "^": 0x14,
    "{": 0x28,
    "}": 0x29,
    "\\": 0x2F,
    "[": 0x3C,
    "~": 0x3D,
    "]": 0x3E,
    "|": 0x40,
    "€": 0x65,
}
ESCAPE = 0x1B
_BASIC_CODES = {c: i for i, c in enumerate(GSM7_BASIC) if i != ESCAPE}

FIRST_OCTET = 0x11  # SMS-SUBMIT, validity period in relative form
UDHI = 0x40  # the user data starts with a header
INTERNATIONAL = 0x91
DCS_GSM7 = 0x00
DCS_UCS2 = 0x08
VALIDITY_7_DAYS = 0xAD  # relative: (0xAD - 166) days

SINGLE_GSM7, PART_GSM7 = 160, 153  # septets
SINGLE_UCS2, PART_UCS2 = 70, 67  # UTF-16 code units (two octets each)
MAX_PARTS = 255


@dataclass(frozen=True)
class SmsPart:
    """One PDU to send: ``hex`` after the prompt, ``length`` in ``AT+CMGS=<length>``."""

    hex: str
    length: int


def is_gsm7(text: str) -> bool:
    return all(c in _BASIC_CODES or c in GSM7_EXTENSION for c in text)


def _septets(char: str) -> list[int]:
    if char in _BASIC_CODES:
        return [_BASIC_CODES[char]]
    return [ESCAPE, GSM7_EXTENSION[char]]


def pack_septets(septets: list[int], fill_bits: int = 0) -> bytes:
    """Seven bits each, least significant first, after ``fill_bits`` zero bits."""
    out = bytearray()
    acc, bits = 0, fill_bits
    for septet in septets:
        acc |= septet << bits
        bits += 7
        while bits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            bits -= 8
    if bits:
        out.append(acc & 0xFF)
    return bytes(out)


def _address(number: str) -> bytes:
    """The destination: digit count, type, digits as swapped semi-octets."""
    digits = "".join(c for c in number if c.isdigit())
    if not digits:
        raise ValueError("an SMS needs a destination number")
    padded = digits + ("F" if len(digits) % 2 else "")
    swapped = "".join(padded[i + 1] + padded[i] for i in range(0, len(padded), 2))
    return bytes([len(digits), INTERNATIONAL]) + bytes.fromhex(swapped)


def _chunks_gsm7(text: str, size: int) -> list[list[int]]:
    chunks: list[list[int]] = [[]]
    for char in text:
        septets = _septets(char)
        if len(chunks[-1]) + len(septets) > size:
            chunks.append([])
        chunks[-1].extend(septets)
    return chunks


def _chunks_ucs2(text: str, size: int) -> list[bytes]:
    chunks: list[bytes] = [b""]
    for char in text:
        encoded = char.encode("utf-16-be")  # 2 octets, or 4 for a surrogate pair
        if len(chunks[-1]) + len(encoded) > size * 2:
            chunks.append(b"")
        chunks[-1] += encoded
    return chunks


def _tpdu(number: str, dcs: int, udl: int, user_data: bytes, header: bool) -> bytes:
    return (
        bytes([FIRST_OCTET | (UDHI if header else 0), 0x00])
        + _address(number)
        + bytes([0x00, dcs, VALIDITY_7_DAYS, udl])
        + user_data
    )


def _concat_header(reference: int, total: int, number: int) -> bytes:
    return bytes([0x05, 0x00, 0x03, reference & 0xFF, total, number])


def encode_sms(number: str, text: str, reference: int = 0) -> list[SmsPart]:
    """The PDUs that carry ``text`` to ``number`` (international digits, 84...).

    ``reference`` ties the parts of one long text together (one byte: the
    message's id will do)."""
    if is_gsm7(text):
        septet_count = sum(len(_septets(c)) for c in text)
        if septet_count <= SINGLE_GSM7:
            septets = _chunks_gsm7(text, SINGLE_GSM7)[0]
            return [_part(_tpdu(number, DCS_GSM7, len(septets), pack_septets(septets), False))]
        chunks = _chunks_gsm7(text, PART_GSM7)
        _check_count(len(chunks))
        parts = []
        for n, septets in enumerate(chunks, start=1):
            header = _concat_header(reference, len(chunks), n)
            fill = (7 - (len(header) * 8) % 7) % 7
            udl = (len(header) * 8 + fill) // 7 + len(septets)
            data = header + pack_septets(septets, fill)
            parts.append(_part(_tpdu(number, DCS_GSM7, udl, data, True)))
        return parts
    encoded = text.encode("utf-16-be")
    if len(encoded) <= SINGLE_UCS2 * 2:
        return [_part(_tpdu(number, DCS_UCS2, len(encoded), encoded, False))]
    chunks_ucs2 = _chunks_ucs2(text, PART_UCS2)
    _check_count(len(chunks_ucs2))
    parts = []
    for n, chunk in enumerate(chunks_ucs2, start=1):
        data = _concat_header(reference, len(chunks_ucs2), n) + chunk
        parts.append(_part(_tpdu(number, DCS_UCS2, len(data), data, True)))
    return parts


def _check_count(count: int) -> None:
    if count > MAX_PARTS:
        raise ValueError(f"an SMS of {count} parts is longer than a phone can join")


def _part(tpdu: bytes) -> SmsPart:
    return SmsPart(hex=("00" + tpdu.hex()).upper(), length=len(tpdu))
