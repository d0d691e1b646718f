"""Text helpers: the one cleaning every printout and export goes through, and what
the intake checks refuse in a free-text field."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper, ResultDelivery
from desk.domain.text import UNSAFE, escape_markup, printable, unsafe_characters
from desk.domain.validation import MAX_LENGTHS, check_text, validate_intake

TODAY = date(2026, 3, 10)


def test_printable_drops_controls_and_turns_breaks_into_spaces():
    assert printable("Nguyễn\x00Văn\x1b[31m An") == "NguyễnVăn[31m An"
    assert printable("Số 5\tđường\nLê Lợi\r\n") == "Số 5 đường Lê Lợi  "
    assert printable("a\x7fb\x9bc\u2028d\u202ee\ud800f\uffff") == "abc de" + "f"
    assert printable("hai\ndòng", line_breaks=True) == "hai\ndòng"
    assert printable("hai\r\ndòng\rba", line_breaks=True) == "hai\ndòng\nba"


def test_printable_shows_escapes_for_a_terminal():
    assert printable("A\x1b[2JB\x00\u2028", visible=True) == "A\\x1b[2JB\\x00\\u2028"
    assert UNSAFE.search(printable("\x1b\x9b\x00", visible=True)) is None


def test_printable_cuts_long_text_with_an_ellipsis():
    assert printable("x" * 100_000, 150) == "x" * 149 + "…"
    assert len(printable("\x00" * 10 + "y" * 1000, 20)) == 20
    assert printable("ngắn", 150) == "ngắn"


def test_unsafe_characters_are_listed_once_each():
    assert unsafe_characters("a\x1bb\x1bc\x00") == ["\x1b", "\x00"]
    assert unsafe_characters("hai\ndòng", line_breaks=True) == []
    assert unsafe_characters("hai\ndòng") == ["\n"]
    assert unsafe_characters("Nguyễn Thị Ánh Tuyết – Đ/c: ấp 3") == []


@pytest.mark.parametrize(
    "value, field, words",
    [
        ("Nguyễn\x00Mai", "name", "ký tự điều khiển không in được (\\x00)"),
        ("Mai\x1b[31m", "name", "(\\x1b)"),
        ("ấp 3\x85", "address", "dòng"),
        ("dòng 1\ndòng 2", "address", "phải viết trên một dòng"),
        ("tab\tở giữa", "note", "phải viết trên một dòng"),
        ("x" * 151, "name", "Họ và tên dài 151 ký tự, quá mức 150 ký tự"),
        ("x" * 100_000, "name", "dài 100.000 ký tự"),
        ("x" * 301, "address", "quá mức 300"),
        ("a" * 116 + "@x.vn", "email", "quá mức 120"),
        ("x" * 1001, "reason", "quá mức 1000"),
        ("lý do\x07", "reason", "(\\x07)"),
    ],
)
def test_check_text_says_what_to_fix(value, field, words):
    message = check_text(value, field)
    assert message is not None and words in message


def test_check_text_accepts_what_fits():
    assert check_text("Nguyễn Thị Ánh Tuyết", "name") is None
    assert check_text("x" * MAX_LENGTHS["name"], "name") is None
    assert check_text("dòng 1\ndòng 2", "reason") is None  # reasons may take several lines


def _draft(**applicant) -> IntakeDraft:
    values = dict(name="Nguyễn Thị Mai", id_number="079190001234")
    values.update(applicant)
    return IntakeDraft(
        procedure_code="1.001193",
        applicant=Applicant(**values),
        papers=[ReceivedPaper("Tờ khai", count=1)],
    )


@pytest.mark.parametrize(
    "field, change",
    [
        ("name", dict(name="Mai\x00")),
        ("name", dict(name="Mai " * 100)),
        ("address", dict(address="ấp\x1b3")),
        ("phone", dict(phone="0912\x1f345678")),
        ("email", dict(email="mai@x.vn\x00")),
        ("principal", dict(principal="Trần\tVăn")),
    ],
)
def test_validate_intake_names_the_field_at_fault(field, change):
    errors = validate_intake(_draft(**change), TODAY)
    assert list(errors) == [field]


def test_validate_intake_checks_the_note_and_the_delivery_address():
    draft = _draft()
    draft.note, draft.result_delivery = "x" * 501, ResultDelivery.POST
    draft.delivery_address = "Số 5\nLê Lợi"
    errors = validate_intake(draft, TODAY)
    assert "quá mức 500" in errors["note"]
    assert "một dòng" in errors["delivery_address"]


def test_an_organisation_is_named_as_one():
    from desk.domain.dossier import ApplicantKind

    draft = _draft(name="C" * 200, kind=ApplicantKind.ORGANISATION, id_number="0101234567")
    assert validate_intake(draft, TODAY)["name"].startswith("Tên tổ chức dài 200 ký tự")


def test_digits_of_other_scripts_are_not_an_id_number():
    errors = validate_intake(_draft(id_number="０７９１９０００１２３４"), TODAY)
    assert "chỉ gồm chữ số" in errors["id_number"]


@pytest.mark.parametrize(
    "text",
    ["Nguyễn Văn A", "a & b", "<b>đậm</b>", "x > y < z", "&amp; đã có", "\"trích\" và 'nháy'", ""],
)
def test_markup_is_escaped_as_saxutils_escapes_it(text: str) -> None:
    from xml.sax.saxutils import escape

    assert escape_markup(text) == escape(text)
