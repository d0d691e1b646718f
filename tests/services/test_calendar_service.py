"""The office's calendar in the database: confirmed years, proposed days, imports, audit."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from desk.domain.calendar import DayStatus
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.errors import UserError
from desk.domain.time_limit import TimeLimit
from desk.services import accounts, audit, calendar
from desk.storage import migrate
from desk.storage.database import open_database
from desk.storage.engine import make_engine

CULTURE_DAY = date(2026, 11, 24)
SCHEDULE_2027 = (
    "date,kind,note,source,status\n"
    "2027-01-01,off,Tết Dương lịch,Bộ luật Lao động 2019 điều 112,confirmed\n"
    "2027-02-04,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-05,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-08,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-09,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-10,off,Nghỉ Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-11,off,Nghỉ bù Tết Đinh Mùi,Thông báo của Bộ Nội vụ (thử),confirmed\n"
    "2027-02-20,makeup,Làm bù cho ngày 11/02/2027,Thông báo của Bộ Nội vụ (thử),confirmed\n"
)


def test_a_new_office_gets_the_shipped_calendar_with_sources(db) -> None:
    days = calendar.special_days(db)
    assert all(d.source for d in days)
    assert calendar.confirmed_years(db) == {2025, 2026}
    assert [d.day for d in calendar.pending_proposals(db)] == [CULTURE_DAY]
    cal = calendar.working_calendar(db)
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.is_working_day(date(2026, 1, 10))
    assert cal.is_working_day(CULTURE_DAY)  # proposed: not applied yet


def test_confirming_the_proposed_day_moves_appointments_and_is_audited(db, clerk) -> None:
    limit = TimeLimit.working_days(1)
    received = datetime(2026, 11, 23, 10, 0, tzinfo=VN_TZ)
    assert calendar.working_calendar(db).appointment_for(received, limit).day == 24
    clock = FixedClock(datetime(2026, 11, 20, 8, 0))
    decided = calendar.decide_proposed_day(db, clerk, CULTURE_DAY, True, clock)
    assert decided.status is DayStatus.CONFIRMED
    assert calendar.working_calendar(db).appointment_for(received, limit).day == 25
    assert calendar.pending_proposals(db) == []
    calendar.decide_proposed_day(db, clerk, CULTURE_DAY, False, clock)
    assert calendar.working_calendar(db).appointment_for(received, limit).day == 24
    trail = audit.trail(db, "calendar_day", CULTURE_DAY.isoformat())
    assert [(e.action, e.after.get("status")) for e in trail][-2:] == [
        ("confirm", "confirmed"),
        ("reject", "rejected"),
    ]
    assert trail[-1].by == "Nguyễn Văn An"


def test_only_the_admin_decides_or_imports(db, clerk, tmp_path: Path) -> None:
    accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "hoa2026ok")
    plain = accounts.log_in(db, "canbo1", "hoa2026ok")
    with pytest.raises(UserError, match="Chỉ quản trị viên"):
        calendar.decide_proposed_day(db, plain, CULTURE_DAY, True)
    path = tmp_path / "2027.csv"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    with pytest.raises(UserError, match="Chỉ quản trị viên"):
        calendar.import_schedule(db, plain, path)
    assert calendar.pending_proposals(db)[0].day == CULTURE_DAY


def test_importing_2027_confirms_the_year(db, clerk, tmp_path: Path) -> None:
    received = datetime(2027, 2, 3, 10, 0, tzinfo=VN_TZ)
    before = calendar.working_calendar(db)
    estimated = before.appointment_for(received, TimeLimit.working_days(3))
    assert not before.certainty(received.date(), estimated.date()).confirmed
    path = tmp_path / "lich-2027.csv"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    done = calendar.import_schedule(db, clerk, path)
    assert (done.added, done.replaced, done.years) == (8, 0, (2027,))
    after = calendar.working_calendar(db)
    assert after.confirmed_until == date(2027, 12, 31)
    due = after.appointment_for(received, TimeLimit.working_days(3))
    # 4-11/02 off, 12/02 Friday, then Monday 15, Tuesday 16
    assert due == datetime(2027, 2, 16, 10, 0, tzinfo=VN_TZ)
    assert after.certainty(received.date(), due.date()).confirmed
    assert after.is_working_day(date(2027, 2, 20))
    assert after.is_working_day(date(2027, 4, 16))  # a confirmed year lists every day...
    # ...and this trial file has no Hùng Kings row: the year is exactly the file.
    assert [e.action for e in audit.trail(db, "calendar_day", "lich-2027.csv")] == ["import"]
    again = calendar.import_schedule(db, clerk, path)
    assert (again.added, again.replaced) == (0, 8)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("date,kind,note\n2027-02-04,off,Tết\n", "chưa ghi nguồn"),
        ("date,kind,note,source,status\n2027-11-24,off,VH,NQ 80,proposed\n", "không có ngày nào"),
        ("ngày;loại\n", "dòng tiêu đề"),
        ("date,kind,note,source,status\n2027-02-30,off,x,y,confirmed\n", "dòng 2"),
    ],
)
def test_a_bad_schedule_file_is_explained_and_changes_nothing(
    db, clerk, tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "lich.csv"
    path.write_text(content, encoding="utf-8")
    before = calendar.special_days(db)
    with pytest.raises(UserError, match=words):
        calendar.import_schedule(db, clerk, path)
    assert calendar.special_days(db) == before
    assert calendar.confirmed_years(db) == {2025, 2026}


def test_a_folder_or_a_binary_file_is_explained(db, clerk, tmp_path: Path) -> None:
    folder = tmp_path / "lich.csv"
    folder.mkdir()
    with pytest.raises(UserError, match="Không đọc được tệp lịch lich.csv"):
        calendar.import_schedule(db, clerk, folder)


def test_days_of_year_lists_estimates_for_a_year_not_confirmed(db) -> None:
    days_2027 = calendar.days_of_year(db, 2027)
    statuses = {d[2] for d in days_2027}
    assert statuses == {"estimated"}
    assert date(2027, 2, 8) in {d[0] for d in days_2027}
    assert date(2027, 11, 24) not in {d[0] for d in days_2027}
    days_2026 = calendar.days_of_year(db, 2026)
    assert (CULTURE_DAY, "off", "proposed") in {(d[0], d[1], d[2]) for d in days_2026}
    assert all(d[2] != "estimated" for d in days_2026)


def test_the_supervisor_notice(db, clerk) -> None:
    notice = calendar.supervisor_notice(db, date(2026, 12, 6))
    assert "24/11/2026" in notice and "2027" in notice
    calendar.decide_proposed_day(db, clerk, CULTURE_DAY, False)
    notice = calendar.supervisor_notice(db, date(2026, 12, 6))
    assert "24/11/2026" not in notice and "2027" in notice
    assert calendar.supervisor_notice(db, date(2026, 3, 1)) == ""


def test_appointment_certainty_of_a_stored_appointment(db) -> None:
    received = datetime(2026, 12, 28, 9, 0, tzinfo=VN_TZ)
    due = datetime(2027, 1, 4, 9, 0, tzinfo=VN_TZ)
    certainty = calendar.appointment_certainty(db, received, due)
    assert certainty.unconfirmed_from == date(2027, 1, 1)
    assert calendar.appointment_certainty(db, received, received).confirmed


@pytest.mark.sqlite_only("an office set up by an older version, migrated in place")
def test_an_older_office_gets_the_sources_and_the_proposed_day(blank_db_url) -> None:
    engine = make_engine(blank_db_url)
    migrate.upgrade(engine, "0008")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, name, parent, code, address, hotline, head_title,"
                " head_name) VALUES (1, 'UBND xã Tân Phú', 'UBND tỉnh Đồng Nai', 'H36.41',"
                " '', '', 'CHỦ TỊCH', '')"
            )
        )
        for day, kind, note in (
            ("2026-02-16", "off", "Nghỉ Tết Nguyên đán Bính Ngọ"),
            ("2026-11-24", "off", "Ngày Văn hóa Việt Nam"),
            ("2026-08-22", "makeup", "Làm bù"),
        ):
            conn.execute(
                text("INSERT INTO calendar_days (day, kind, note) VALUES (:d, :k, :n)"),
                {"d": day, "k": kind, "n": note},
            )
    engine.dispose()
    db = open_database(blank_db_url)
    try:
        days = {d.day: d for d in calendar.special_days(db)}
        assert days[CULTURE_DAY].status is DayStatus.PROPOSED
        assert "80-NQ/TW" in days[CULTURE_DAY].source
        assert days[date(2026, 1, 2)].source.startswith("Văn bản 12729/VPCP-KGVX")
        assert all(d.source for d in days.values())
        assert calendar.confirmed_years(db) == {2025, 2026}
        cal = calendar.working_calendar(db)
        assert not cal.is_working_day(date(2026, 1, 1))  # from the added rows, not the package
        assert cal.is_working_day(date(2026, 1, 10))
    finally:
        db.dispose()
