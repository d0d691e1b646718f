"""The dossier code (Decree 118/2025 art. 28(2)) and the agency identifier it starts with."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.dossier_code import (
    agency_code_problem,
    format_dossier_code,
    is_valid_agency_code,
    parse_dossier_code,
)


def test_the_code_has_the_agency_the_date_and_the_day_sequence() -> None:
    code = format_dossier_code("000.00.12.H36", date(2026, 12, 7), 7)
    assert code == "000.00.12.H36-261207-0007"
    assert parse_dossier_code(code) == ("000.00.12.H36", date(2026, 12, 7), 7)
    assert format_dossier_code("H36.41", date(2026, 12, 7), 12345) == "H36.41-261207-12345"
    with pytest.raises(ValueError):
        format_dossier_code("H36.41", date(2026, 12, 7), 0)


@pytest.mark.parametrize("agency", ["H36.41", "000.00.12.H36", "H15.50.05.13", "G22", "X"])
def test_real_agency_identifiers_are_accepted(agency: str) -> None:
    assert agency_code_problem(agency) == ""
    assert is_valid_agency_code(agency)


@pytest.mark.parametrize(
    ("agency", "words"),
    [
        ("", "Chưa nhập mã định danh"),
        ("H36 41", "dấu cách"),
        ("H36-41", "dấu gạch ngang"),
        ("H36..41", "dấu chấm thừa"),
        (".H36", "dấu chấm thừa"),
        ("H36.", "dấu chấm thừa"),
        ("Hà36", "chữ cái không dấu"),
        ("H36/41", "chữ cái không dấu"),
        ("A" * 36, "dài quá 35"),
    ],
)
def test_a_wrong_identifier_says_what_to_fix(agency: str, words: str) -> None:
    problem = agency_code_problem(agency)
    assert words in problem
    assert "000.00.12.H36" in problem  # an example of the right form
    assert not is_valid_agency_code(agency)
