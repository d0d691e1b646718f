"""The applicant and delivery parts of the intake form, on their own."""

from __future__ import annotations

from datetime import date

import pytest
from keyboard_input import type_text

from desk.domain.dossier import ApplicantKind, ResultDelivery
from desk.domain.procedure import Channel
from desk.ui.intake.applicant_form import ApplicantForm, DeliveryForm, parse_birth_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/09/1990", date(1990, 9, 5)),
        ("5-9-1990", date(1990, 9, 5)),
        ("05.09.1990", date(1990, 9, 5)),
        ("05091990", date(1990, 9, 5)),
        ("  ", None),
    ],
)
def test_birth_dates_are_read_as_day_month_year(text, expected):
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text", ["1990-09-05", "31/02/1990", "5/9/90", "ngày 5"])
def test_birth_dates_that_cannot_be_read(text):
    with pytest.raises(ValueError):
        parse_birth_date(text)


def test_a_person_then_an_organisation(qtbot):
    form = ApplicantForm()
    qtbot.addWidget(form)
    assert (form.name_label.text(), form.id_label.text()) == ("Họ và tên:", "Số CCCD:")
    type_text(qtbot, form.name_edit, "Đỗ Minh Khôi")
    type_text(qtbot, form.birth_edit, "1/2/2003")
    applicant, problems = form.applicant()
    assert (applicant.kind, applicant.name, applicant.birth_date) == (
        ApplicantKind.PERSON,
        "Đỗ Minh Khôi",
        date(2003, 2, 1),
    )
    assert problems == {}
    form.organisation_radio.setChecked(True)
    assert (form.name_label.text(), form.id_label.text()) == ("Tên tổ chức:", "Mã số thuế:")
    assert not form.birth_edit.isEnabled()
    applicant, problems = form.applicant()
    assert (applicant.kind, applicant.birth_date) == (ApplicantKind.ORGANISATION, None)


def test_an_unreadable_date_is_a_problem_of_the_form(qtbot):
    form = ApplicantForm()
    qtbot.addWidget(form)
    type_text(qtbot, form.birth_edit, "30/02/2000")
    _applicant, problems = form.applicant()
    assert problems == {
        "birth_date": "Ngày sinh phải theo dạng ngày/tháng/năm có thật, ví dụ 05/09/1990."
    }


def test_the_delivery_address_is_asked_only_for_post(qtbot):
    form = DeliveryForm()
    qtbot.addWidget(form)
    assert form.channel() is Channel.COUNTER
    assert form.result_delivery() is ResultDelivery.COUNTER
    assert not form.delivery_address_edit.isEnabled()
    form.post_radio.setChecked(True)
    type_text(qtbot, form.delivery_address_edit, "Ấp 3, xã Tân Phú")
    assert form.result_delivery() is ResultDelivery.POST
    assert form.delivery_address() == "Ấp 3, xã Tân Phú"
    form.counter_radio.setChecked(True)
    assert form.delivery_address() == ""  # kept on screen, not recorded
    assert form.delivery_address_edit.text() == "Ấp 3, xã Tân Phú"


def test_clearing_goes_back_to_the_counter(qtbot):
    form = DeliveryForm()
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.channel_changed):
        form.set_channel(Channel.ONLINE)
    form.post_radio.setChecked(True)
    form.sets_spin.setValue(3)
    qtbot.keyClicks(form.note_edit, "gap")
    assert form.is_dirty()
    form.clear()
    assert (form.channel(), form.result_delivery(), form.sets_spin.value()) == (
        Channel.COUNTER,
        ResultDelivery.COUNTER,
        1,
    )
    assert not form.is_dirty()
    assert form.note_edit.text() == ""
    assert form.sets_spin.suffix() == " bộ"
    assert form.channel_combo.itemText(1) == "Qua dịch vụ bưu chính"
