"""Any text typed into the intake form: the validators answer, they never raise."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.procedure import PaperForm
from desk.domain.validation import (
    check_birth_date,
    check_cccd,
    check_email,
    check_phone,
    check_tax_code,
    normalise_phone,
    validate_intake,
)

FUZZ = settings(max_examples=200, deadline=None)
TODAY = date(2026, 3, 10)
texts = st.text(max_size=300)


def _message_or_none(result: str | None) -> None:
    assert result is None or (isinstance(result, str) and result.strip())


@FUZZ
@given(texts, st.booleans())
def test_each_field_check_gives_a_message_or_none(value, required):
    for result in (check_cccd(value), check_tax_code(value), check_email(value)):
        _message_or_none(result)
    _message_or_none(check_phone(value, required=required))
    assert isinstance(normalise_phone(value), str)


@FUZZ
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)) | st.none())
def test_any_birth_date_gives_a_message_or_none(value):
    _message_or_none(check_birth_date(value, TODAY))


@FUZZ
@given(
    name=texts,
    id_number=texts,
    phone=texts,
    email=texts,
    code=texts,
    papers=st.lists(st.tuples(texts, st.integers(-5, 50)), max_size=5),
    known=st.booleans(),
)
def test_a_whole_form_of_random_text_gives_field_messages(
    name, id_number, phone, email, code, papers, known
):
    draft = IntakeDraft(
        procedure_code=code,
        applicant=Applicant(name=name, id_number=id_number, phone=phone, email=email),
        papers=[ReceivedPaper(n, PaperForm.COPY, c) for n, c in papers],
    )
    errors = validate_intake(draft, TODAY, procedure_known=known)
    assert isinstance(errors, dict)
    for field, message in errors.items():
        assert isinstance(field, str)
        _message_or_none(message)
