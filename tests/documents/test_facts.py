"""The place a letter is dated at, and the dossier's fields."""

from __future__ import annotations

import pytest
from pdf_reading import make_dossier

from desk.documents.facts import dossier_fields, place_of, sequence_of
from desk.domain.office import Office
from desk.services import dossiers


@pytest.mark.parametrize(
    "name, place",
    [
        ("UBND xã Tân Phú", "Tân Phú"),
        ("Ủy ban nhân dân phường Bến Thành, thành phố Hồ Chí Minh", "Bến Thành"),
        ("Trung tâm Phục vụ hành chính công tỉnh Đồng Nai", "Đồng Nai"),
        ("UBND thị trấn Long Thành", "Long Thành"),
        ("Văn phòng đăng ký đất đai", "Văn phòng đăng ký đất đai"),
    ],
)
def test_the_place_comes_from_the_office_name(name, place):
    assert place_of(Office(name=name, parent="", code="X")) == place


def test_the_day_sequence_ends_the_code():
    assert sequence_of("H36.41-260310-0007") == "0007"


def test_dossier_fields_in_receipt_wording(db, clerk, clock):
    code = make_dossier(db, clerk, clock, "1.004873")
    fields = dossier_fields(dossiers.get_dossier(db, code))
    assert fields["received"] == "09 giờ 15 phút, ngày 10/03/2026"
    assert fields["appointment"] == "09 giờ 15 phút, ngày 13/03/2026"
    assert fields["appointment_weekday"] == "Thứ Sáu"
    assert fields["sets"] == "01"
    assert fields["limit"] == "03 ngày làm việc"
    assert fields["delivery"] == "Tại Bộ phận Một cửa"
