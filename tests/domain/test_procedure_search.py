"""The procedure search puts the procedure meant first: phrase, start, code, then usage."""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.procedure_search import ProcedureIndex, phrase_at, words


@dataclass(frozen=True)
class P:
    code: str
    name: str
    field: str = "Hộ tịch"


BIRTH = P("1.001193", "Thủ tục đăng ký khai sinh")
BIRTH_FATHER = P("1.000689", "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con")
COPY = P("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh")
LATE_BIRTH = P("1.004884", "Thủ tục đăng ký lại khai sinh")
LINKED = P(
    "2.000986",
    "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo "
    "hiểm y tế cho trẻ em dưới 6 tuổi",
)
MARRIAGE = P("1.000894", "Thủ tục đăng ký kết hôn")
#: The catalog as it is listed (by field, then name): the copy used to come first.
CATALOG = [COPY, LINKED, BIRTH, BIRTH_FATHER, LATE_BIRTH, MARRIAGE]


def codes(found: list[P]) -> list[str]:
    return [p.code for p in found]


def test_khai_sinh_puts_the_birth_registration_first():
    found = ProcedureIndex(CATALOG).search("khai sinh")
    assert found[0] == BIRTH
    assert set(found) == {COPY, LINKED, BIRTH, BIRTH_FATHER, LATE_BIRTH}  # not marriage


def test_accents_and_case_are_ignored():
    index = ProcedureIndex(CATALOG)
    assert index.search("dang ky khai sinh")[:2] == [BIRTH, BIRTH_FATHER]
    assert index.search("ĐĂNG KÝ KHAI SINH")[:2] == [BIRTH, BIRTH_FATHER]
    assert index.search("Khai Sinh")[0] == BIRTH


def test_the_whole_phrase_beats_the_words_apart_whatever_the_usage():
    apart = P("9.000001", "Đăng ký lại việc sinh, khai tử")  # "khai" and "sinh" apart
    index = ProcedureIndex([apart, COPY], usage={apart.code: 900, COPY.code: 1})
    assert codes(index.search("khai sinh")) == [COPY.code, apart.code]


def test_a_name_that_starts_with_the_phrase_beats_one_that_holds_it_later():
    # Usage would put the copy first: the start of the name wins over it.
    index = ProcedureIndex([COPY, BIRTH], usage={COPY.code: 500, BIRTH.code: 3})
    assert codes(index.search("dang ky khai sinh")) == [BIRTH.code]
    starts = P("9.000002", "Khai sinh cho trẻ bị bỏ rơi")
    index = ProcedureIndex([COPY, starts], usage={COPY.code: 500})
    assert codes(index.search("khai sinh")) == [starts.code, COPY.code]


def test_the_code_beats_usage():
    by_code = P("2.000635", "Cấp bản sao trích lục")
    elsewhere = P("1.002000", "Thủ tục chứng thực", field="Chứng thực 2.000635 cũ")
    index = ProcedureIndex([elsewhere, by_code], usage={elsewhere.code: 800})
    assert codes(index.search("2.000")) == [by_code.code, elsewhere.code]


def test_usage_orders_what_is_otherwise_level():
    index = ProcedureIndex(CATALOG, usage={LATE_BIRTH.code: 40, BIRTH.code: 12})
    found = index.search("khai sinh")
    assert codes(found[:2]) == [LATE_BIRTH.code, BIRTH.code]
    assert found.index(COPY) > found.index(BIRTH)


def test_an_unfinished_last_word_still_makes_the_phrase():
    assert ProcedureIndex(CATALOG).search("dang ky khai si")[0] == BIRTH
    assert phrase_at(words("khai si"), words("Thủ tục đăng ký khai sinh")) == 4
    assert phrase_at(words("khai sinh"), words("Khai tử, sinh")) is None


def test_an_empty_search_keeps_the_catalog_order():
    index = ProcedureIndex(CATALOG, usage={MARRIAGE.code: 99})
    assert index.search("") == CATALOG
    assert index.search("   ") == CATALOG


def test_every_word_must_be_found():
    assert ProcedureIndex(CATALOG).search("khai sinh ket hon") == []
    assert ProcedureIndex(CATALOG).search("ho tich ket hon") == [MARRIAGE]  # field and name
