"""What a barcode/QR scanner typed: a dossier code, a CCCD card's QR, or plain typing.

A keyboard-wedge scanner "types" what it reads, very fast, and ends with Enter;
a COM-port scanner sends the same text as bytes. The desk tells a scan from a
clerk's typing by its speed (``is_scanner_burst``), repairs text that a scanner
set to the wrong code page garbled (``repair_scanned_text``) and then sorts the
text (``classify_scan``):

- a dossier code (mã số hồ sơ, ``desk.domain.dossier_code``) opens the dossier;
- the QR printed on a chip CCCD (thẻ Căn cước công dân, 2021) reads
  ``id|old id|full name|ddmmyyyy birth|sex|address|ddmmyyyy issued``; the old
  9-digit CMND number is empty when the person never had one. The 2024 Căn cước
  card (Luật Căn cước 26/2023/QH15, from 1 July 2024) keeps the same order of
  fields in its QR as read by counter scanners; the Ministry's draft template
  lists more data for the QR (family members' numbers, a cancelled number), so
  a payload may carry fields after the seventh and those are ignored. "Nơi
  thường trú" on the old card is "nơi cư trú" on the new one: both are read as
  the address;
- anything else is typing and goes to the field that has the focus.

Glossary: ``CccdCard`` = the data read from the QR of a CCCD/Căn cước card;
``ScanKind`` = what a scanned text is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk.domain.dossier_code import parse_dossier_code

#: A scan is at least this many characters (the shortest dossier code is longer).
MIN_SCAN_CHARS = 8
#: Seconds between two keys of a scan: scanners send a key every 1-15 ms, the
#: fastest typists leave 50 ms or more between keys.
MAX_SCAN_GAP = 0.030

_ID = re.compile(r"^\d{12}$")
_OLD_ID = re.compile(r"^(\d{9}|\d{12})?$")
_DDMMYYYY = re.compile(r"^\d{8}$")


class ScanKind(StrEnum):
    DOSSIER_CODE = "dossier_code"
    CCCD = "cccd"
    TYPING = "typing"


@dataclass(frozen=True)
class CccdCard:
    """The data of a CCCD / Căn cước card's QR code."""

    id_number: str
    old_id: str
    name: str
    birth_date: date | None
    sex: str
    address: str
    issued: date | None


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    text: str
    card: CccdCard | None = None


def is_scanner_burst(times: Sequence[float], max_gap: float = MAX_SCAN_GAP) -> bool:
    """Whether keys pressed at ``times`` (seconds, Enter included) came from a scanner.

    At least ``MIN_SCAN_CHARS`` keys before the Enter, none further from the
    previous one than ``max_gap``.
    """
    if len(times) < MIN_SCAN_CHARS + 1:
        return False
    return all(b - a <= max_gap for a, b in zip(times, times[1:], strict=False))


def _as_bytes(text: str) -> bytes | None:
    """The bytes a scanner meant, when it typed each byte as a Windows-1252/Latin-1 letter."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))  # the five bytes cp1252 leaves undefined
    return bytes(out)


def repair_scanned_text(text: str) -> str:
    """The text as the code holds it, when a scanner garbled it on the way.

    A scanner reading UTF-8 from the QR but typing it as Windows-1252 or
    Latin-1 turns "Nguyễn" into "Nguyá»…n"; encoding back and decoding as UTF-8
    undoes that. Right text is returned as it is: a Vietnamese letter outside
    Latin-1 ("ễ") cannot be such a byte, and a Latin-1 letter typed on purpose
    ("é") does not make valid UTF-8.
    """
    text = text.replace("\r", "").replace("\n", "")
    if text.isascii():
        return text
    raw = _as_bytes(text)
    if raw is None:
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def decode_scanner_bytes(data: bytes) -> str:
    """Bytes from a COM-port scanner as text: UTF-8, else Windows-1252 (then repaired)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return repair_scanned_text(text.strip("\r\n\x00 "))


def _ddmmyyyy(value: str) -> date | None:
    if not _DDMMYYYY.match(value):
        return None
    try:
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        return None


def parse_cccd_qr(text: str) -> CccdCard | None:
    """The card read from a CCCD / Căn cước QR payload, or ``None`` when it is not one."""
    fields = [f.strip() for f in repair_scanned_text(text.strip()).split("|")]
    if len(fields) < 7 or not _ID.match(fields[0]) or not _OLD_ID.match(fields[1]):
        return None
    if not fields[2]:
        return None
    birth = _ddmmyyyy(fields[3])
    if fields[3] and birth is None:
        return None
    return CccdCard(
        id_number=fields[0],
        old_id=fields[1],
        name=fields[2],
        birth_date=birth,
        sex=fields[4],
        address=fields[5],
        issued=_ddmmyyyy(fields[6]),
    )


#: What a scanner set for a US keyboard types on a PC set to French AZERTY
#: (the top row gives "&é\"'(-è_çà" for the digits), mapped back.
_AZERTY = str.maketrans(
    "&\u00e9\"'(-\u00e8_\u00e7\u00e0):;aqzwAQZW",  # untranslated: AZERTY keys
    "1234567890-..qawzQAWZ",
)


def classify_scan(text: str) -> Scan:
    """What a scanned text is: a dossier code, a CCCD QR, or typing.

    Text garbled by the wrong code page is repaired first; a dossier code typed
    through the wrong keyboard layout (French AZERTY) is recognised too.
    """
    found = _classify(text)
    if found.kind is ScanKind.TYPING:
        relaid = _classify(text.translate(_AZERTY))
        if relaid.kind is ScanKind.DOSSIER_CODE:
            return relaid
    return found


def _classify(text: str) -> Scan:
    repaired = repair_scanned_text(text).strip()
    if parse_dossier_code("".join(repaired.split()).upper()) is not None:
        return Scan(ScanKind.DOSSIER_CODE, "".join(repaired.split()).upper())
    card = parse_cccd_qr(repaired)
    if card is not None:
        return Scan(ScanKind.CCCD, repaired, card)
    return Scan(ScanKind.TYPING, text)


def looks_like_scan(text: str) -> bool:
    """Whether a name field holds a scanned code instead of a name.

    A name never holds '|' (the separator of a CCCD QR) and never has the shape
    of a dossier code ("H36.41-260310-0007").
    """
    value = text.strip()
    if "|" in value:
        return True
    return parse_dossier_code("".join(value.split()).upper()) is not None
