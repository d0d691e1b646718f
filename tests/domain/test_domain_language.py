"""The rules speak the clerk's language on screens and Vietnamese on paper.

A tagging translator stands in for Qt's: it marks each text with its context, so
a test sees which texts went through translation, under which context, and
which stayed the Vietnamese source (receipts, letters, form 06, stored values).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest

from desk.domain import (
    apology,
    calendar,
    catalog_columns,
    catalog_rows,
    dossier,
    lifecycle,
    procedure,
    queue,
    rating,
    roles,
    statistics,
    time_limit,
    urgency,
    validation,
    vn_dates,
)
from desk.domain.clock import VN_TZ
from desk.domain.errors import UserError, ValidationError
from desk.domain.office_hours import OfficeHours
from desk.domain.statistics import Period
from desk.domain.time_limit import TimeLimit
from desk.domain.translation import SourceText, install_backend, translated

MOMENT = datetime(2026, 3, 10, 9, 5, tzinfo=VN_TZ)  # a Tuesday


@pytest.fixture
def tagged() -> Iterator[None]:
    """Every translated text comes back as ``<Context>text``."""
    install_backend(lambda context, text: f"<{context}>{text}")
    try:
        yield
    finally:
        install_backend(None)


LABEL_TABLES = [
    (procedure.CHANNEL_LABELS, "Channel"),
    (procedure.PAPER_FORM_LABELS, "PaperForm"),
    (dossier.STATUS_LABELS, "DossierStatus"),
    (dossier.RESULT_CLASS_LABELS, "ResultClass"),
    (dossier.RESULT_DELIVERY_LABELS, "ResultDelivery"),
    (time_limit.LIMIT_KIND_LABELS, "LimitKind"),
    (lifecycle.STEP_LABELS, "StepKind"),
    (urgency.BAND_LABELS, "Band"),
    (roles.ROLE_LABELS, "Role"),
    (apology.NOTIFY_LABELS, "NotifyMethod"),
    (calendar.DAY_KIND_LABELS, "DayKind"),
    (queue.STATE_LABELS, "TicketState"),
    (queue.PRIORITY_LABELS, "PriorityReason"),
    (rating.LEVEL_LABELS, "RatingLevel"),
    (rating.REASON_LABELS, "RatingReason"),
    (statistics.PERIOD_CHOICE_LABELS, "PeriodChoice"),
    (statistics.DIMENSION_LABELS, "Dimension"),
    (statistics.FIGURE_LABELS, "Figure"),
    (dict(enumerate(vn_dates.WEEKDAY_NAMES)), "Weekday"),
]


@pytest.mark.parametrize(("table", "context"), LABEL_TABLES)
def test_every_label_is_marked_with_its_context(table: dict, context: str, tagged) -> None:
    for label in table.values():
        assert isinstance(label, SourceText) and label.context == context
        assert translated(label) == f"<{context}>{label}"


def test_a_label_used_as_it_is_stays_vietnamese(tagged) -> None:
    label = dossier.STATUS_LABELS[dossier.DossierStatus.RECEIVED]
    assert label == "Đã tiếp nhận" and f"{label}" == "Đã tiếp nhận"


def test_printed_wording_stays_vietnamese_under_another_language(tagged) -> None:
    assert vn_dates.time_and_date_text(MOMENT) == "09 giờ 05 phút, ngày 10/03/2026"
    assert vn_dates.weekday_and_date_text(MOMENT) == "Thứ Ba, ngày 10/03/2026"
    assert TimeLimit.working_days(3).describe() == "03 ngày làm việc"
    assert TimeLimit.same_day(time(15)).describe() == (
        "Trong ngày (nhận sau 15:00 trả ngày làm việc tiếp theo)"
    )
    quarter = Period.quarter(2026, 1)
    assert (quarter.title, quarter.range_text) == (
        "Quý I/2026",
        "từ ngày 01/01/2026 đến ngày 31/03/2026",
    )
    assert lifecycle.ONE_STOP == "Bộ phận Một cửa"


def test_screen_wording_goes_through_translation(tagged) -> None:
    assert vn_dates.weekday_label(MOMENT) == "<Weekday>Thứ Ba"
    assert vn_dates.clock_label(MOMENT) == "<VnDates>09 giờ 05 phút"
    assert vn_dates.time_and_date_label(MOMENT) == "<VnDates>09 giờ 05 phút, ngày 10/03/2026"
    assert vn_dates.weekday_and_date_label(MOMENT) == "<VnDates><Weekday>Thứ Ba, ngày 10/03/2026"
    assert TimeLimit.working_days(3).label() == "<TimeLimit>03 ngày làm việc"
    assert TimeLimit.working_days(1).label() == "<TimeLimit>01 ngày làm việc"
    assert Period.quarter(2026, 1).title_label == "<Period>Quý I/2026"
    assert lifecycle.holder_label(lifecycle.ONE_STOP) == "<Lifecycle>Bộ phận Một cửa"
    assert lifecycle.holder_label("Phòng Tư pháp") == "Phòng Tư pháp"


@pytest.mark.parametrize(
    "limit",
    [
        TimeLimit.working_days(1),
        TimeLimit.working_days(12),
        TimeLimit.calendar_days(1),
        TimeLimit.calendar_days(20),
        TimeLimit.working_hours(1),
        TimeLimit.working_hours(4),
        TimeLimit.same_day(),
        TimeLimit.same_day(time(15)),
    ],
)
def test_in_vietnamese_a_limit_reads_the_same_on_screen_and_on_paper(limit: TimeLimit) -> None:
    assert limit.label() == limit.describe()


@pytest.mark.parametrize(
    "moment",
    [MOMENT, datetime(2026, 3, 15, 23, 59, tzinfo=VN_TZ), datetime(2026, 1, 1, 0, 0)],
)
def test_in_vietnamese_dates_read_the_same_on_screen_and_on_paper(moment: datetime) -> None:
    assert vn_dates.weekday_label(moment) == vn_dates.weekday_name(moment)
    assert vn_dates.clock_label(moment) == vn_dates.clock_text(moment)
    assert vn_dates.date_label(moment) == vn_dates.date_text(moment)
    assert vn_dates.time_and_date_label(moment) == vn_dates.time_and_date_text(moment)
    assert vn_dates.weekday_and_date_label(moment) == vn_dates.weekday_and_date_text(moment)


@pytest.mark.parametrize(
    "period",
    [
        Period.month(2026, 2),
        Period.quarter(2025, 4),
        Period.year(2026),
        Period.custom(date(2026, 3, 1), date(2026, 3, 15)),
        Period(date(2026, 3, 1), date(2026, 3, 31)),
    ],
)
def test_in_vietnamese_a_period_reads_the_same_on_screen_and_on_paper(period: Period) -> None:
    assert (period.title_label, period.range_label) == (period.title, period.range_text)


def test_an_error_message_is_one_translated_sentence_with_translated_labels(tagged) -> None:
    with pytest.raises(UserError) as caught:
        lifecycle.check_move(dossier.DossierStatus.RECEIVED, lifecycle.StepKind.RETURN)
    assert caught.value.message == (
        "<Lifecycle>Không thể thực hiện '<StepKind>Trả kết quả' khi hồ sơ đang ở trạng thái "
        "'<DossierStatus>Đã tiếp nhận'. <Lifecycle>Hồ sơ chưa có kết quả nên chưa thể trả: "
        "hãy ghi nhận 'Có kết quả' trước."
    )


def test_values_are_put_in_after_translation(tagged) -> None:
    assert validation.check_cccd("123") == "<Validation>Số CCCD phải có đúng 12 chữ số (đang có 3)."
    with pytest.raises(UserError) as caught:
        roles.require(roles.Role.CLERK, roles.Permission.MANAGE)
    assert caught.value.message.startswith("<Roles>Chỉ quản trị viên")
    with pytest.raises(ValidationError) as invalid:
        rating.RatingInput.checked("very_satisfied", comment="x" * 600)
    assert invalid.value.errors["comment"] == (
        "<Rating>Góp ý dài quá 500 ký tự: xin viết ngắn lại."
    )


def test_a_date_in_a_message_is_worded_for_the_screen(tagged) -> None:
    cal = calendar.WorkingCalendar(OfficeHours())
    with pytest.raises(ValidationError) as caught:
        apology.check_new_date(MOMENT, MOMENT - timedelta(days=1), cal)
    assert caught.value.errors["new_due"].startswith(
        "<Apology>Ngày hẹn mới phải sau ngày hẹn cũ (<VnDates>09 giờ 05 phút, ngày 10/03/2026)."
    )


def test_a_catalog_problem_keeps_the_file_s_column_header(tagged) -> None:
    row = {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch"}
    with pytest.raises(catalog_rows.CatalogRowError) as caught:
        catalog_rows.procedure_from_row(row | {"limit_kind": "tuần"})
    (problem,) = caught.value.problems
    assert problem.startswith("<CatalogRows>Cột 'Loại thời hạn' (limit_kind): phải là một trong")
    assert "'ngày làm việc', 'ngày', 'giờ làm việc', 'trong ngày'" in problem
    assert catalog_columns.HEADER_LABELS["code"] == "Mã thủ tục"


def test_a_counter_without_a_name_is_named_in_the_clerk_s_language(tagged) -> None:
    assert queue.Counter(1, 3, "").label == "<Queue>Quầy 3"
    assert queue.Counter(1, 3, "Quầy hộ tịch").label == "Quầy hộ tịch"
