"""Scanned text: telling a scan from typing, repairing garbled text, reading a CCCD QR."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.dossier import Applicant, ApplicantKind, IntakeDraft
from desk.domain.scan_text import (
    ScanKind,
    classify_scan,
    decode_scanner_bytes,
    is_scanner_burst,
    looks_like_scan,
    parse_cccd_qr,
    repair_scanned_text,
)

NAME = "Nguyễn Thị Hồng Nhung"
ADDRESS = "Ấp 3, xã Tân Phú, tỉnh Đồng Nai"
QR_WITH_OLD = f"079190012345|272345678|{NAME}|05091990|Nữ|{ADDRESS}|10052021"
QR_NO_OLD = f"079190012345||{NAME}|05091990|Nữ|{ADDRESS}|10052021"


def garble(text: str) -> str:
    """UTF-8 typed byte by byte as Windows-1252 letters, as a misconfigured scanner does."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined come as they are
            out.append(chr(byte))
    return "".join(out)


def test_a_burst_is_fast_long_and_ends_with_enter() -> None:
    fast = [i * 0.005 for i in range(19)]
    assert is_scanner_burst(fast)
    assert not is_scanner_burst(fast[:8])  # too short
    slow = [i * 0.12 for i in range(19)]
    assert not is_scanner_burst(slow)
    assert not is_scanner_burst([*fast[:10], 1.0, *[1.0 + i * 0.005 for i in range(9)]])


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_repaired(codec: str) -> None:
    garbled = garble(QR_NO_OLD) if codec == "cp1252" else QR_NO_OLD.encode().decode(codec)
    assert "Nguy" in garbled and NAME not in garbled
    assert repair_scanned_text(garbled) == QR_NO_OLD


@pytest.mark.parametrize("text", ["Nguyễn", "café", "H36.41-260310-0007", "Đỗ Thị Ánh"])
def test_right_text_is_left_alone(text: str) -> None:
    assert repair_scanned_text(text) == text


def test_chip_cccd_qr_with_and_without_old_id() -> None:
    card = parse_cccd_qr(QR_WITH_OLD)
    assert card is not None
    assert (card.id_number, card.old_id, card.name) == ("079190012345", "272345678", NAME)
    assert card.birth_date == date(1990, 9, 5) and card.issued == date(2021, 5, 10)
    assert card.address == ADDRESS and card.sex == "Nữ"
    card = parse_cccd_qr(QR_NO_OLD)
    assert card is not None and card.old_id == "" and card.name == NAME


def test_2024_can_cuoc_qr_with_more_fields_is_read() -> None:
    card = parse_cccd_qr(QR_NO_OLD + "|Nguyễn Văn Ba|Lê Thị Tư|")
    assert card is not None and card.name == NAME and card.issued == date(2021, 5, 10)


@pytest.mark.parametrize(
    "text", ["079190012345|Nguyễn", "12345|x|y|z|a|b|c", "079190012345||Nhung|31021990|Nữ|x|"]
)
def test_not_a_qr(text: str) -> None:
    assert parse_cccd_qr(text) is None


def test_classify() -> None:
    assert classify_scan("h36.41-260310-0007 ").text == "H36.41-260310-0007"
    assert classify_scan("H36.41-260310-0007").kind is ScanKind.DOSSIER_CODE
    assert classify_scan(QR_WITH_OLD).kind is ScanKind.CCCD
    garbled = classify_scan(garble(QR_NO_OLD))
    assert garbled.kind is ScanKind.CCCD and garbled.card is not None
    assert garbled.card.name == NAME and garbled.card.address == ADDRESS
    assert classify_scan("Nguyễn Văn An").kind is ScanKind.TYPING


def test_a_dossier_code_through_an_azerty_keyboard() -> None:
    scan = classify_scan('H"-:\'&)é-à"&à)àààè')
    assert scan.kind is ScanKind.DOSSIER_CODE and scan.text == "H36.41-260310-0007"


def test_bytes_from_a_com_port() -> None:
    assert decode_scanner_bytes(QR_NO_OLD.encode("utf-8") + b"\r\n") == QR_NO_OLD
    assert decode_scanner_bytes(b"H36.41-260310-0007\r") == "H36.41-260310-0007"


def test_a_name_that_is_a_scan_is_refused() -> None:
    from desk.domain.validation import _text_errors

    assert looks_like_scan("H36.41-260310-0007") and looks_like_scan(QR_NO_OLD)
    assert not looks_like_scan(NAME)
    for name in ("H36.41-260310-0007", QR_NO_OLD):
        draft = IntakeDraft(
            procedure_code="1.004873",
            applicant=Applicant(name=name, kind=ApplicantKind.PERSON, id_number="079190012345"),
        )
        assert "mã" in _text_errors(draft)["name"]
