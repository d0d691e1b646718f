"""Masking ID numbers and phones; the receipt shows the CCCD masked."""

from __future__ import annotations

from desk.domain.masking import mask_id_number


def test_cccd_keeps_four_and_two():
    assert mask_id_number("001090001289") == "0010******89"
    assert mask_id_number(" 079190001234 ") == "0791******34"


def test_short_and_empty_values():
    assert mask_id_number("") == ""
    assert mask_id_number("12345") == "****5"


def test_the_receipt_shows_the_cccd_masked_and_the_tax_code_whole():
    from desk.domain.dossier import Applicant, ApplicantKind
    from desk.printing.receipt_layout import _applicant

    person = _applicant(Applicant(name="Nguyễn Thị Mai", id_number="001090001289"))
    text = "\n".join(line for b in person for line in b.lines())
    assert "Số CCCD: 0010******89" in text and "001090001289" not in text
    firm = _applicant(
        Applicant(name="Công ty A", kind=ApplicantKind.ORGANISATION, id_number="0312345678")
    )
    assert "Mã số thuế: 0312345678" in "\n".join(line for b in firm for line in b.lines())
