"""The at-risk list on a real database: running dossiers only, explained, most urgent first."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.lifecycle import SupplementRequest
from desk.domain.risk import RiskKind
from desk.services import apologies, catalog, risk, steps
from desk.services.intake import record_intake

CERTIFICATE = "1.004873"  # 3 working days
LAND = "1.013978"  # 27 working days
LAND_OFFICE = "Văn phòng đăng ký đất đai"


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def intake(db, clerk, at: datetime, procedure: str, name: str = "Phạm Thị Hồng") -> str:
    p = catalog.get_procedure(db, procedure)
    draft = IntakeDraft(
        procedure_code=procedure,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    return record_intake(db, draft, clerk, FixedClock(at)).code


@pytest.fixture(autouse=True)
def fresh_history(db):
    risk.refresh_history(db)
    yield
    risk.refresh_history(db)


def test_due_within_a_working_day_or_overdue_and_running(db, clerk):
    # 3 working days: due Tue 10/03 14:00, Thu 05/03 09:00 and Thu 12/03 09:00
    soon = intake(db, clerk, vn(2026, 3, 5, 14, 0), CERTIFICATE, "Lê Văn Sớm")
    late = intake(db, clerk, vn(2026, 3, 2, 9, 0), CERTIFICATE, "Trần Văn Trễ")
    intake(db, clerk, vn(2026, 3, 9, 9, 0), CERTIFICATE, "Đỗ Thị Xa")
    waiting = intake(db, clerk, vn(2026, 3, 5, 10, 0), CERTIFICATE, "Chờ Bổ Sung")
    steps.request_supplement(
        db, clerk, waiting, SupplementRequest((), "Thiếu chữ ký"), FixedClock(vn(2026, 3, 6, 9))
    )
    ready = intake(db, clerk, vn(2026, 3, 5, 11, 0), CERTIFICATE, "Đã Có Kết Quả")
    steps.mark_ready(db, clerk, ready, FixedClock(vn(2026, 3, 9, 9, 0)))

    now = vn(2026, 3, 10, 9, 15)
    items = risk.at_risk(db, now)
    assert [i.code for i in items] == [late, soon]  # most urgent first; no clock-stopped ones
    assert items[0].kind is RiskKind.OVERDUE and items[0].applicant == "Trần Văn Trễ"
    assert items[0].reason_text == "Đã quá hạn từ 09 giờ 00 phút, ngày 05/03/2026, chưa có kết quả."
    assert items[1].kind is RiskKind.DUE_SOON
    assert items[1].procedure == catalog.get_procedure(db, CERTIFICATE).name
    assert "Chỉ còn 2 giờ 45 phút làm việc đến hạn (14 giờ 00 phút" in items[1].reason_text
    assert risk.at_risk_counts(db, now).at_risk == 2


def test_the_new_date_of_an_apology_takes_a_dossier_off_the_list(db, clerk):
    code = intake(db, clerk, vn(2026, 3, 5, 14, 0), CERTIFICATE)  # due Tue 10/03 14:00
    now = vn(2026, 3, 9, 15, 0)
    assert [i.code for i in risk.at_risk(db, now)] == [code]
    apologies.make_apology(
        db, clerk, code, "Chờ xác minh", vn(2026, 3, 16, 9, 0), "sms", FixedClock(now)
    )
    assert risk.at_risk(db, now) == []
    item = risk.at_risk(db, vn(2026, 3, 13, 14, 0))[0]  # the new date nears in its turn
    assert item.due_at == vn(2026, 3, 16, 9, 0)
    assert item.reason_text.endswith("không thể hẹn lại nữa.")


def test_a_department_that_usually_needs_longer(db, clerk):
    # five land dossiers decided by the land office in about 25 working days each
    for n in range(5):
        received = vn(2025, 9, 1 + n, 9, 0)
        code = intake(db, clerk, received, LAND, f"Người thứ {n}")
        steps.transfer(db, clerk, code, LAND_OFFICE, FixedClock(received + timedelta(hours=1)))
        steps.mark_ready(db, clerk, code, FixedClock(received + timedelta(days=35)))
    code = intake(db, clerk, vn(2026, 2, 24, 9, 0), LAND, "Nguyễn Văn Mới")  # due 02/04/2026
    steps.transfer(db, clerk, code, LAND_OFFICE, FixedClock(vn(2026, 2, 24, 10, 0)))

    early = risk.at_risk(db, vn(2026, 2, 25, 9, 0))  # 27 days left: more than the median
    assert early == []
    risk.refresh_history(db)
    now = vn(2026, 3, 16, 9, 0)  # 13 working days left
    [item] = risk.at_risk(db, now)
    assert item.code == code and item.kind is RiskKind.SLOW_HISTORY
    assert item.department == LAND_OFFICE
    assert item.reason_text.startswith(f"{LAND_OFFICE} thường cần khoảng 2")
    assert "(trung vị của 5 hồ sơ đã giải quyết trong 12 tháng qua)" in item.reason_text
    assert item.reason_text.endswith(
        "nhưng hồ sơ chỉ còn 13 ngày làm việc đến hạn (09 giờ 00 phút, ngày 02/04/2026)."
    )


def test_history_is_kept_for_the_day_until_refreshed(db, clerk):
    now = vn(2026, 3, 10, 9, 0)
    before = risk.history(db, now)
    assert before.by_procedure == {}
    code = intake(db, clerk, vn(2026, 3, 2, 9, 0), CERTIFICATE)
    steps.mark_ready(db, clerk, code, FixedClock(vn(2026, 3, 4, 9, 0)))
    assert risk.history(db, now) is before  # same day: the medians are not recomputed
    risk.refresh_history(db)
    after = risk.history(db, now)
    assert after.by_procedure[CERTIFICATE].samples == 1
    assert after.by_procedure[CERTIFICATE].median == timedelta(hours=15)  # two working days


def _working_time(db, code: str) -> timedelta:  # noqa: ANN001
    """The working time the decision of ``code`` wrote for the at-risk history."""
    from sqlalchemy import select

    from desk.storage.tables import DecisionTimeRow, DossierRow

    with db.read() as s:
        used = s.scalar(
            select(DecisionTimeRow.working_us)
            .join(DossierRow, DossierRow.id == DecisionTimeRow.dossier_id)
            .where(DossierRow.code == code)
        )
    return timedelta(microseconds=used)


def test_each_decision_writes_its_working_time_with_it(db, clerk):
    from desk.services import calendar

    code = intake(db, clerk, vn(2026, 3, 2, 9, 0), CERTIFICATE)  # Monday
    steps.mark_ready(db, clerk, code, FixedClock(vn(2026, 3, 4, 10, 30)))  # Wednesday
    expected = calendar.working_calendar(db).working_time_between(
        vn(2026, 3, 2, 9, 0), vn(2026, 3, 4, 10, 30)
    )
    assert _working_time(db, code) == expected == timedelta(hours=16, minutes=30)


def test_a_day_off_declared_later_works_the_decisions_out_again(db, clerk):
    """The history follows the calendar: a day declared off in a decided dossier's span
    takes that day's working time out of it (the decisions made since are worked out again)."""
    from desk.services import accounts, calendar

    code = intake(db, clerk, vn(2026, 3, 2, 9, 0), CERTIFICATE)
    steps.mark_ready(db, clerk, code, FixedClock(vn(2026, 3, 4, 10, 30)))
    admin = accounts.get_clerk(db, "admin")
    calendar.set_special_day(
        db, admin, vn(2026, 3, 3).date(), "off", "Nghỉ bù", clock=FixedClock(vn(2026, 3, 5))
    )
    assert _working_time(db, code) == timedelta(hours=9)  # Tuesday no longer counts
    risk.refresh_history(db)
    assert risk.history(db, vn(2026, 3, 10, 9, 0)).by_procedure[CERTIFICATE].median == timedelta(
        hours=9
    )
