"""The working-day calendar: office hours, special days, the shipped schedule, working time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desk.config import resource
from desk.domain.calendar import (
    CalendarDay,
    DayKind,
    DayStatus,
    WorkingCalendar,
    load_special_days,
    years_confirmed_by,
)
from desk.domain.clock import VN_TZ
from desk.domain.office_hours import OfficeHours


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def shipped_days() -> list[CalendarDay]:
    return load_special_days(resource("calendar", "vn-days.csv"))


@pytest.fixture(scope="module")
def cal(shipped_days: list[CalendarDay]) -> WorkingCalendar:
    return WorkingCalendar(
        special_days=shipped_days, confirmed_years=years_confirmed_by(shipped_days)
    )


# --- office hours -------------------------------------------------------------


def test_default_office_hours_are_the_common_ones() -> None:
    hours = OfficeHours()
    assert hours.sessions == ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))
    assert hours.opening == time(7, 30)
    assert hours.closing == time(17, 0)
    assert hours.daily_duration == timedelta(hours=7, minutes=30)


def test_office_hours_parse_and_print_round_trip() -> None:
    hours = OfficeHours.parse("07:30-11:30, 13:30-17:00")
    assert hours == OfficeHours()
    assert str(hours) == "07:30-11:30, 13:30-17:00"
    assert str(OfficeHours.parse(str(hours))) == str(hours)


@pytest.mark.parametrize(
    "text",
    ["7:30-11:30;13:30-17:00", "7h30 - 11h30, 13h30 – 17h", " 07:30-11:30 ,13:30-17:00 "],
)
def test_office_hours_parse_accepts_how_clerks_write_hours(text: str) -> None:
    assert OfficeHours.parse(text) == OfficeHours()


def test_office_hours_single_and_three_sessions() -> None:
    assert OfficeHours.parse("08:00-16:00").sessions == ((time(8), time(16)),)
    three = OfficeHours.parse("07:00-11:00, 13:00-16:30, 18:00-20:00")
    assert len(three.sessions) == 3
    assert three.daily_duration == timedelta(hours=9, minutes=30)
    assert str(three) == "07:00-11:00, 13:00-16:30, 18:00-20:00"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Chưa nhập giờ làm việc"),
        ("   ", "Chưa nhập giờ làm việc"),
        ("sáng 7:30", "phải có dạng"),
        ("07:30-11:30-12:00", "phải có dạng"),
        ("07:30-11:30,", "để trống"),
        ("7:3-11:30", "không hợp lệ"),
        ("07:30-25:00", "không có thật"),
        ("07:30-11:75", "không có thật"),
        ("11:30-07:30", "phải kết thúc sau giờ bắt đầu"),
        ("07:30-07:30", "phải kết thúc sau giờ bắt đầu"),
        ("07:30-12:00, 11:30-17:00", "chồng lên"),
        ("13:30-17:00, 07:30-11:30", "theo thứ tự"),
    ],
)
def test_office_hours_parse_errors_say_what_to_fix(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        OfficeHours.parse(text)


def test_office_hours_reject_seconds_and_empty() -> None:
    with pytest.raises(ValueError, match="không ghi giây"):
        OfficeHours(((time(7, 30, 15), time(11, 30)),))
    with pytest.raises(ValueError, match="ít nhất một buổi"):
        OfficeHours(())


def test_a_session_includes_both_of_its_ends() -> None:
    hours = OfficeHours()
    assert hours.contains(time(7, 30))
    assert hours.contains(time(11, 30))
    assert not hours.contains(time(11, 30, 1))
    assert not hours.contains(time(12, 0))
    assert hours.contains(time(17, 0))
    assert not hours.contains(time(7, 29, 59))


# --- special days and the shipped file ------------------------------------------


def test_calendar_day_takes_kind_as_text() -> None:
    entry = CalendarDay(date(2025, 4, 26), "makeup", "  Làm bù  ")  # type: ignore[arg-type]
    assert entry.kind is DayKind.MAKEUP
    assert entry.note == "Làm bù"
    with pytest.raises(ValueError, match="không hợp lệ"):
        CalendarDay(date(2025, 4, 26), "holiday")  # type: ignore[arg-type]


def test_calendar_day_note_is_composed_unicode() -> None:
    decomposed = "Nghỉ Tết".replace("ỉ", "i\u0309")
    assert CalendarDay(date(2025, 1, 27), DayKind.OFF, decomposed).note == "Nghỉ Tết"


# Weekdays off and make-up Saturdays of the official schedules of 2025 and 2026.
SHIPPED = {
    date(2025, 1, 1): DayKind.OFF,
    date(2025, 1, 27): DayKind.OFF,
    date(2025, 1, 28): DayKind.OFF,
    date(2025, 1, 29): DayKind.OFF,
    date(2025, 1, 30): DayKind.OFF,
    date(2025, 1, 31): DayKind.OFF,
    date(2025, 4, 7): DayKind.OFF,
    date(2025, 4, 26): DayKind.MAKEUP,
    date(2025, 4, 30): DayKind.OFF,
    date(2025, 5, 1): DayKind.OFF,
    date(2025, 5, 2): DayKind.OFF,
    date(2025, 9, 1): DayKind.OFF,
    date(2025, 9, 2): DayKind.OFF,
    date(2026, 1, 1): DayKind.OFF,
    date(2026, 1, 2): DayKind.OFF,
    date(2026, 1, 10): DayKind.MAKEUP,
    date(2026, 2, 16): DayKind.OFF,
    date(2026, 2, 17): DayKind.OFF,
    date(2026, 2, 18): DayKind.OFF,
    date(2026, 2, 19): DayKind.OFF,
    date(2026, 2, 20): DayKind.OFF,
    date(2026, 4, 27): DayKind.OFF,
    date(2026, 4, 30): DayKind.OFF,
    date(2026, 5, 1): DayKind.OFF,
    date(2026, 8, 22): DayKind.MAKEUP,
    date(2026, 8, 31): DayKind.OFF,
    date(2026, 9, 1): DayKind.OFF,
    date(2026, 9, 2): DayKind.OFF,
}
PROPOSED = {date(2026, 11, 24): DayKind.OFF}


def test_shipped_file_holds_the_published_schedules(shipped_days: list[CalendarDay]) -> None:
    confirmed = {e.day: e.kind for e in shipped_days if e.status is DayStatus.CONFIRMED}
    proposed = {e.day: e.kind for e in shipped_days if e.status is DayStatus.PROPOSED}
    assert confirmed == SHIPPED
    assert proposed == PROPOSED
    assert all(entry.note for entry in shipped_days)
    makeups = [entry.day for entry in shipped_days if entry.kind is DayKind.MAKEUP]
    assert all(day.weekday() == 5 for day in makeups)
    offs = [entry.day for entry in shipped_days if entry.kind is DayKind.OFF]
    assert all(day.weekday() < 5 for day in offs)
    assert years_confirmed_by(shipped_days) == {2025, 2026}


def test_every_shipped_row_names_its_source(shipped_days: list[CalendarDay]) -> None:
    assert all(entry.source for entry in shipped_days)
    new_year = {
        e.day: e.source for e in shipped_days if e.day in (date(2026, 1, 2), date(2026, 1, 10))
    }
    assert all("12729/VPCP-KGVX" in source for source in new_year.values())
    assert len(new_year) == 2
    statutory = [e for e in shipped_days if e.day == date(2026, 4, 30)]
    assert "Bộ luật Lao động 2019 điều 112" in statutory[0].source


def test_holidays_package_agrees_with_the_confirmed_days(shipped_days: list[CalendarDay]) -> None:
    """Where the package knows a day, it says what the official schedule says, except the
    New Year 2026 swap, which it does not know: the file is what makes that right."""
    package_only = WorkingCalendar()
    differing = {
        entry.day
        for entry in shipped_days
        if entry.applies
        and package_only.is_working_day(entry.day) is not (entry.kind is DayKind.MAKEUP)
    }
    assert differing == {date(2026, 1, 2), date(2026, 1, 10)}


def test_a_confirmed_year_is_the_file_alone(shipped_days: list[CalendarDay]) -> None:
    """In a confirmed year the package is not asked: a package that lists a day off the
    schedule does not have (24/11/2026) changes nothing."""
    confirmed = WorkingCalendar(special_days=shipped_days, confirmed_years={2025, 2026})
    assert confirmed.is_working_day(date(2026, 11, 24))
    file_only = WorkingCalendar(
        special_days=shipped_days, public_holidays=False, confirmed_years={2025, 2026}
    )
    days = [date(2025, 1, 1) + timedelta(days=i) for i in range(730)]
    assert [confirmed.is_working_day(d) for d in days] == [
        file_only.is_working_day(d) for d in days
    ]


def test_a_proposed_day_applies_only_once_confirmed() -> None:
    day = date(2026, 11, 24)
    proposed = CalendarDay(day, DayKind.OFF, "Ngày Văn hóa Việt Nam", "NQ 80-NQ/TW", "proposed")
    assert not proposed.applies
    for status, working in (
        (DayStatus.PROPOSED, True),
        (DayStatus.REJECTED, True),
        (DayStatus.CONFIRMED, False),
    ):
        entry = CalendarDay(day, DayKind.OFF, "Ngày Văn hóa Việt Nam", "NQ 80-NQ/TW", status)
        cal = WorkingCalendar(special_days=[entry], confirmed_years={2026})
        assert cal.is_working_day(day) is working
        # The package lists 24/11 from 2026: in a year not confirmed it follows the office.
        assert cal.is_working_day(date(2027, 11, 24)) is working


def test_the_package_estimates_a_year_not_yet_confirmed(cal: WorkingCalendar) -> None:
    assert 2027 not in cal.confirmed_years
    assert not cal.is_working_day(date(2027, 2, 8))  # Tết Đinh Mùi
    assert not cal.is_working_day(date(2027, 4, 16))  # Giỗ Tổ Hùng Vương, 10/3 lunar
    assert cal.is_working_day(date(2027, 11, 24))  # only proposed


def test_confirmed_until_and_certainty(cal: WorkingCalendar) -> None:
    assert cal.confirmed_until == date(2026, 12, 31)
    assert cal.certainty(date(2026, 3, 2), date(2026, 3, 12)).confirmed
    late = cal.certainty(date(2026, 12, 21), date(2027, 1, 5))
    assert not late.confirmed
    assert late.unconfirmed_from == date(2027, 1, 1)
    assert "01/01/2027" in late.warning()
    around = cal.certainty(date(2026, 11, 20), date(2026, 11, 27))
    assert [d.day for d in around.proposed] == [date(2026, 11, 24)]
    assert "24/11/2026" in around.warning() and "đề xuất" in around.warning()
    assert cal.certainty(date(2026, 11, 24), date(2026, 11, 27)).confirmed  # receipt day itself
    assert WorkingCalendar().confirmed_until is None
    gap = WorkingCalendar(confirmed_years={2025, 2026, 2028})
    assert gap.confirmed_until == date(2026, 12, 31)


def test_calendar_day_status_is_checked() -> None:
    with pytest.raises(ValueError, match="Trạng thái “maybe” không hợp lệ"):
        CalendarDay(date(2026, 11, 24), DayKind.OFF, status="maybe")  # type: ignore[arg-type]


def test_load_special_days_reads_sources_and_statuses(tmp_path) -> None:
    path = tmp_path / "days.csv"
    path.write_text(
        "date,kind,note,source,status\n"
        "2027-02-04,off,Tết,Công văn 1/BNV,confirmed\n"
        "2027-11-24,off,Văn hóa,NQ 80,PROPOSED\n",
        encoding="utf-8",
    )
    days = load_special_days(path)
    assert [(d.source, d.status) for d in days] == [
        ("Công văn 1/BNV", DayStatus.CONFIRMED),
        ("NQ 80", DayStatus.PROPOSED),
    ]


@pytest.mark.parametrize("kind", ["folder", "binary"])
def test_load_special_days_explains_a_file_it_cannot_read(tmp_path, kind: str) -> None:
    path = tmp_path / "lich.csv"
    if kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"\xff\xfe\x00date,kind\n\x00\x81")
    with pytest.raises(ValueError, match="Không đọc được tệp lịch lich.csv"):
        load_special_days(path)


def test_load_special_days_reads_bom_slashes_and_blank_rows(tmp_path) -> None:
    path = tmp_path / "days.csv"
    path.write_text(
        "\ufeffDate, Kind ,note\n02/01/2026,OFF,Nghỉ hoán đổi\n\n2026-01-10, makeup ,\n",
        encoding="utf-8",
    )
    assert load_special_days(path) == [
        CalendarDay(date(2026, 1, 2), DayKind.OFF, "Nghỉ hoán đổi"),
        CalendarDay(date(2026, 1, 10), DayKind.MAKEUP, ""),
    ]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("day,type\n2026-01-02,off\n", "dòng tiêu đề"),
        ("date,kind,note\n2026-01-02,off,a\n2026-13-02,off,b\n", r"dòng 3: Ngày “2026-13-02”"),
        ("date,kind,note\n2026-01-02,nghỉ,a\n", "dòng 2: Loại ngày “nghỉ”"),
        ("date,kind\n2026-01-02,off\n2026-01-02,makeup\n", "vừa được khai là ngày nghỉ"),
    ],
)
def test_load_special_days_errors_name_the_line(tmp_path, content: str, words: str) -> None:
    path = tmp_path / "days.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=words):
        load_special_days(path)


# --- working days -----------------------------------------------------------------


def test_ordinary_week() -> None:
    cal = WorkingCalendar()
    week = [date(2026, 3, 9) + timedelta(days=i) for i in range(7)]
    assert [cal.is_working_day(day) for day in week] == [True] * 5 + [False] * 2


@pytest.mark.parametrize("day", [date(2025, 1, 27) + timedelta(days=i) for i in range(5)])
def test_tet_2025_weekdays_are_off(cal: WorkingCalendar, day: date) -> None:
    assert not cal.is_working_day(day)


def test_tet_2025_neighbours(cal: WorkingCalendar) -> None:
    assert cal.is_working_day(date(2025, 1, 24))
    assert cal.next_working_day(date(2025, 1, 24)) == date(2025, 2, 3)
    assert cal.previous_working_day(date(2025, 2, 3)) == date(2025, 1, 24)


def test_tet_2026(cal: WorkingCalendar) -> None:
    assert [cal.is_working_day(date(2026, 2, d)) for d in range(13, 24)] == [
        True,  # Fri 13
        *[False] * 9,  # Sat 14 .. Sun 22
        True,  # Mon 23
    ]


def test_reunification_and_labour_day_2025(cal: WorkingCalendar) -> None:
    """30/4, 1/5 and 2/5/2025 off; Saturday 26/4/2025 worked in exchange."""
    assert cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2025, 4, 27))
    assert cal.is_working_day(date(2025, 4, 29))
    for day in (date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)):
        assert not cal.is_working_day(day)
    assert cal.next_working_day(date(2025, 4, 25)) == date(2025, 4, 26)
    assert cal.next_working_day(date(2025, 4, 29)) == date(2025, 5, 5)


def test_national_day_2025(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(date(2025, 9, 1))
    assert not cal.is_working_day(date(2025, 9, 2))
    assert cal.next_working_day(date(2025, 8, 29)) == date(2025, 9, 3)


def test_national_day_2026_with_its_swap(cal: WorkingCalendar) -> None:
    """Monday 31/8/2026 off against Saturday 22/8/2026; 1/9 and 2/9 off."""
    assert cal.is_working_day(date(2026, 8, 22))
    assert not cal.is_working_day(date(2026, 8, 23))
    for day in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)):
        assert not cal.is_working_day(day)
    assert cal.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)


def test_hung_kings_2026_and_culture_day(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(date(2026, 4, 27))
    assert cal.is_working_day(date(2026, 11, 24))  # proposed: not off until confirmed
    assert cal.is_working_day(date(2026, 11, 23))
    assert cal.is_working_day(date(2026, 11, 25))


def test_office_days_override_the_package() -> None:
    cal = WorkingCalendar(
        special_days=[
            CalendarDay(date(2026, 1, 2), DayKind.OFF, "Nghỉ hoán đổi"),
            CalendarDay(date(2026, 1, 10), DayKind.MAKEUP, "Làm bù cho 02/01"),
            CalendarDay(date(2026, 8, 22), DayKind.OFF, "Văn phòng không làm bù"),
            CalendarDay(date(2026, 1, 1), DayKind.MAKEUP, "Trực lễ"),
        ]
    )
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.is_working_day(date(2026, 1, 10))
    assert not cal.is_working_day(date(2026, 8, 22))
    assert cal.is_working_day(date(2026, 1, 1))
    assert cal.day_note(date(2026, 1, 10)) == "Làm bù cho 02/01"


def test_conflicting_office_days_are_refused() -> None:
    with pytest.raises(ValueError, match="02/01/2026"):
        WorkingCalendar(
            special_days=[
                CalendarDay(date(2026, 1, 2), DayKind.OFF),
                CalendarDay(date(2026, 1, 2), DayKind.MAKEUP),
            ]
        )


def test_without_public_holidays_only_the_week_and_office_days_count() -> None:
    cal = WorkingCalendar(public_holidays=False)
    assert cal.is_working_day(date(2025, 9, 2))
    assert not cal.is_working_day(date(2025, 4, 26))
    assert cal.day_note(date(2025, 9, 2)) == ""


def test_day_note_explains_the_day(cal: WorkingCalendar) -> None:
    assert "Tết" in cal.day_note(date(2026, 2, 17))
    assert cal.day_note(date(2025, 4, 26)).startswith("Làm bù")
    assert cal.day_note(date(2026, 3, 10)) == ""
    package_only = WorkingCalendar()
    assert package_only.day_note(date(2025, 4, 26)) == "Ngày làm bù"
    assert package_only.day_note(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"


def test_add_working_days_forward_backward_and_zero(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(date(2026, 3, 6), 2) == date(2026, 3, 10)
    assert cal.add_working_days(date(2026, 3, 10), -2) == date(2026, 3, 6)
    assert cal.add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert cal.add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)


def test_working_days_between(cal: WorkingCalendar) -> None:
    assert cal.working_days_between(date(2026, 3, 6), date(2026, 3, 10)) == 2
    assert cal.working_days_between(date(2026, 3, 10), date(2026, 3, 6)) == -2
    assert cal.working_days_between(date(2026, 3, 10), date(2026, 3, 10)) == 0
    assert cal.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert cal.working_days_between(date(2025, 4, 24), date(2025, 5, 5)) == 5
    # January 2025: 23 weekdays, minus 1/1 and the five Tết days.
    assert cal.working_days_between(date(2024, 12, 31), date(2025, 1, 31)) == 17


def test_working_days_between_inverts_add_working_days(cal: WorkingCalendar) -> None:
    start = date(2025, 12, 20)
    for n in range(0, 60, 7):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


# --- working time -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "working"),
    [
        (vn(2026, 3, 10, 7, 29), False),
        (vn(2026, 3, 10, 7, 30), True),
        (vn(2026, 3, 10, 11, 30), True),
        (vn(2026, 3, 10, 11, 31), False),
        (vn(2026, 3, 10, 12, 0), False),
        (vn(2026, 3, 10, 13, 30), True),
        (vn(2026, 3, 10, 17, 0), True),
        (vn(2026, 3, 10, 17, 1), False),
        (vn(2026, 3, 7, 9, 0), False),  # Saturday
        (vn(2025, 4, 26, 9, 0), True),  # make-up Saturday
        (vn(2026, 2, 17, 9, 0), False),  # Tết
    ],
)
def test_is_working_time(cal: WorkingCalendar, moment: datetime, working: bool) -> None:
    assert cal.is_working_time(moment) is working


def test_is_working_time_converts_other_zones(cal: WorkingCalendar) -> None:
    assert cal.is_working_time(datetime(2026, 3, 10, 2, 0, tzinfo=UTC))  # 09:00 VN
    assert not cal.is_working_time(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))  # 19:00
    assert cal.is_working_time(datetime(2026, 3, 10, 9, 0))  # naive = Vietnam time


@pytest.mark.parametrize(
    ("moment", "start"),
    [
        (vn(2026, 3, 10, 9, 15), vn(2026, 3, 10, 9, 15)),
        (vn(2026, 3, 10, 6, 0), vn(2026, 3, 10, 7, 30)),
        (vn(2026, 3, 10, 11, 30), vn(2026, 3, 10, 11, 30)),
        (vn(2026, 3, 10, 12, 0), vn(2026, 3, 10, 13, 30)),
        (vn(2026, 3, 10, 17, 0), vn(2026, 3, 10, 17, 0)),
        (vn(2026, 3, 10, 18, 0), vn(2026, 3, 11, 7, 30)),
        (vn(2026, 3, 6, 17, 30), vn(2026, 3, 9, 7, 30)),
        (vn(2026, 2, 13, 17, 30), vn(2026, 2, 23, 7, 30)),
        (vn(2025, 4, 25, 18, 0), vn(2025, 4, 26, 7, 30)),
    ],
)
def test_next_working_start(cal: WorkingCalendar, moment: datetime, start: datetime) -> None:
    assert cal.next_working_start(moment) == start


def test_next_working_start_keeps_seconds(cal: WorkingCalendar) -> None:
    moment = datetime(2026, 3, 10, 9, 15, 42, 123456, tzinfo=VN_TZ)
    assert cal.next_working_start(moment) == moment


def test_end_of_working_day(cal: WorkingCalendar) -> None:
    assert cal.end_of_working_day(date(2026, 3, 10)) == vn(2026, 3, 10, 17, 0)
    late = WorkingCalendar(OfficeHours.parse("08:00-12:00, 13:00-20:30"))
    assert late.end_of_working_day(date(2026, 3, 10)) == vn(2026, 3, 10, 20, 30)
    with pytest.raises(ValueError, match="không phải ngày làm việc"):
        cal.end_of_working_day(date(2026, 3, 8))


@pytest.mark.parametrize(
    ("start", "end", "elapsed"),
    [
        (vn(2026, 3, 10, 8, 0), vn(2026, 3, 10, 10, 0), timedelta(hours=2)),
        (vn(2026, 3, 10, 11, 0), vn(2026, 3, 10, 14, 0), timedelta(hours=1)),
        (vn(2026, 3, 10, 12, 0), vn(2026, 3, 10, 13, 0), timedelta()),
        (vn(2026, 3, 10, 16, 0), vn(2026, 3, 11, 8, 30), timedelta(hours=2)),
        (vn(2026, 3, 6, 16, 30), vn(2026, 3, 9, 11, 0), timedelta(hours=4)),
        (vn(2026, 3, 9, 0, 0), vn(2026, 3, 14, 0, 0), timedelta(hours=37, minutes=30)),
        (vn(2026, 2, 13, 15, 0), vn(2026, 2, 23, 9, 30), timedelta(hours=4)),
        (vn(2026, 3, 10, 10, 0), vn(2026, 3, 6, 10, 0), -timedelta(hours=15)),
    ],
)
def test_working_time_between(
    cal: WorkingCalendar, start: datetime, end: datetime, elapsed: timedelta
) -> None:
    assert cal.working_time_between(start, end) == elapsed


def test_working_time_between_counts_seconds(cal: WorkingCalendar) -> None:
    start = datetime(2026, 3, 10, 9, 0, 0, tzinfo=VN_TZ)
    end = datetime(2026, 3, 10, 9, 0, 30, 500000, tzinfo=VN_TZ)
    assert cal.working_time_between(start, end) == timedelta(seconds=30, microseconds=500000)


def test_add_working_time_stops_at_the_end_of_a_session(cal: WorkingCalendar) -> None:
    assert cal.add_working_time(vn(2026, 3, 10, 9, 30), timedelta(hours=2)) == vn(
        2026, 3, 10, 11, 30
    )
    assert cal.add_working_time(vn(2026, 3, 10, 9, 30), timedelta()) == vn(2026, 3, 10, 9, 30)
    with pytest.raises(ValueError):
        cal.add_working_time(vn(2026, 3, 10, 9, 30), timedelta(minutes=-1))


def test_working_days_between_matches_counting_day_by_day_across_years():
    import random
    from datetime import date, timedelta

    from desk.domain.calendar import CalendarDay, WorkingCalendar

    cal = WorkingCalendar(
        special_days=(
            CalendarDay(date(2025, 12, 31), "off", ""),
            CalendarDay(date(2026, 6, 6), "makeup", ""),
        )
    )
    rng = random.Random(11)
    for _ in range(300):
        a = date(2024, 1, 1) + timedelta(days=rng.randrange(1460))
        b = date(2024, 1, 1) + timedelta(days=rng.randrange(1460))
        lo, hi = min(a, b), max(a, b)
        slow = sum(cal.is_working_day(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
        assert cal.working_days_between(lo, hi) == slow
        assert cal.working_days_between(hi, lo) == -slow


def test_the_package_s_vietnam_alone_gives_the_country_s_days():
    """The calendar loads the ``holidays`` package's Vietnam by itself (not every
    country): the same days, names and make-up days as the package's own lookup."""
    import holidays

    from desk.domain.public_holidays import _vietnam

    years = (2014, 2015, 2027, 2028)
    alone = _vietnam()(years=years, language="vi")
    whole = holidays.country_holidays("VN", years=years, language="vi")
    assert dict(alone) == dict(whole)
    assert set(alone.weekend_workdays) == set(whole.weekend_workdays)


def test_holidays_are_loaded_only_for_a_year_past_the_table_and_for_vietnam_only():
    """A year not confirmed is read from the table written ahead
    (``tests/domain/test_public_holidays.py``); past it, the package is asked."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from desk.domain.calendar import WorkingCalendar\n"
        "cal = WorkingCalendar(confirmed_years=[2026])\n"
        "cal.is_working_day(date(2026, 5, 4))\n"
        "cal.is_working_day(date(2027, 5, 3))\n"
        "cal.is_working_day(date(2017, 1, 30))\n"
        "print('holidays' in sys.modules)\n"
        "cal.is_working_day(date(2060, 5, 3))\n"
        "print('holidays' in sys.modules, 'holidays.countries' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False"]
