"""One set of numbers: after an apology, the worklist's bands, the at-risk list, the
dashboard and the report count the same dossiers for the same scope (one clerk's, or
the office's) at the same moment."""

from __future__ import annotations

from datetime import datetime, timedelta

from desk.domain.apology import NotifyMethod
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.roles import Role
from desk.domain.scope import Scope
from desk.domain.statistics import Dimension, Period
from desk.domain.urgency import Band
from desk.services import accounts, apologies, catalog, reports, risk, steps
from desk.services.intake import record_intake
from desk.services.worklist import WorklistFilter, band_counts

CERTIFICATE = "1.004873"  # 3 working days: received Tue 10/03/2026 09:15, due Fri 13/03 09:15
NEW = datetime(2026, 3, 18, 10, 0, tzinfo=VN_TZ)


def receive(db, clerk, clock, name: str) -> str:
    p = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name=name, id_number="079190001234"),
        papers=[ReceivedPaper(x.name, x.form, x.count) for x in p.papers[:1]],
    )
    return record_intake(db, draft, clerk, clock).code


def figures(db, now: datetime) -> dict[str, int]:
    period = Period.month(2026, 3)
    return {
        "bands": band_counts(db, WorklistFilter(), now)[Band.OVERDUE],
        "report": reports.report(db, period, now).total.pending_overdue,
        "dashboard": reports.dashboard(db, period, now).total.pending_overdue,
    }


def test_bands_dashboard_and_report_agree_after_an_apology(db, clerk, clock):
    codes = [receive(db, clerk, clock, n) for n in ("Phạm Thị Hồng", "Lê Văn Tám", "Đỗ Minh")]
    letter_day = FixedClock(datetime(2026, 3, 12, 9, 0))
    apologies.make_apology(db, clerk, codes[0], "Chờ xác minh", NEW, NotifyMethod.SMS, letter_day)

    before_new_date = datetime(2026, 3, 16, 10, 0, tzinfo=VN_TZ)
    assert figures(db, before_new_date) == {"bands": 2, "report": 2, "dashboard": 2}
    period = Period.month(2026, 3)
    total = reports.report(db, period, before_new_date).total
    assert total.overdue_without_apology == 2  # the letter is counted at once

    after_new_date = datetime(2026, 3, 19, 10, 0, tzinfo=VN_TZ)
    assert figures(db, after_new_date) == {"bands": 3, "report": 3, "dashboard": 3}
    assert reports.report(db, period, after_new_date).total.overdue_without_apology == 2

    # the moment the original appointment passed, the letter already made: 2, not 3
    appointment_passed = datetime(2026, 3, 13, 10, 0, tzinfo=VN_TZ)
    assert figures(db, appointment_passed) == {"bands": 2, "report": 2, "dashboard": 2}


# -- every figure, for one clerk and for the office, at one instant ------------------------

LATE_LETTER = datetime(2026, 3, 16, 10, 0, tzinfo=VN_TZ)  # Monday: three days past the appointment
NEW_AFTER_LATE = datetime(2026, 3, 19, 10, 0, tzinfo=VN_TZ)


def all_figures(db, scope: Scope, now: datetime) -> dict[str, dict[str, int]]:
    """Each figure as the worklist's bands, the at-risk list, and the report (by clerk for a
    clerk's own; the totals and the dashboard for the office) count it at ``now``."""
    period = Period.month(2026, 3)
    at_risk = risk.at_risk_counts(db, now, scope)
    bands = band_counts(db, WorklistFilter(assignee=scope.username), now)
    if scope.is_office:
        report = reports.report(db, period, now).total
        dashboard = reports.dashboard(db, period, now).total
        shown = {"report": report, "dashboard": dashboard}
    else:
        by_clerk = reports.report(db, period, now, Dimension.CLERK)
        [row] = [r for r in by_clerk.rows if r.key == str(scope.clerk_id)]
        shown = {"report": row.figures}
    out = {
        "overdue": {"bands": bands[Band.OVERDUE], "at_risk": at_risk.overdue},
        "overdue_without_apology": {"at_risk": at_risk.overdue_without_apology},
        "late_with_apology": {},
    }
    for name, figures in shown.items():
        out["overdue"][name] = figures.pending_overdue
        out["overdue_without_apology"][name] = figures.overdue_without_apology
        out["late_with_apology"][name] = figures.late_with_apology
    return out


def same(figures: dict[str, dict[str, int]]) -> dict[str, int]:
    """The one value each figure has on every screen (fails when two screens differ)."""
    out = {}
    for name, by_screen in figures.items():
        assert len(set(by_screen.values())) <= 1, f"{name}: {by_screen}"
        out[name] = next(iter(by_screen.values()), 0)
    return out


def test_every_screen_counts_the_same_for_a_clerk_and_for_the_office(db, clerk, clock):
    hoa = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    mine = [receive(db, hoa, clock, n) for n in ("Phạm Thị Hồng", "Lê Văn Tám", "Đỗ Minh")]
    others = [receive(db, clerk, clock, n) for n in ("Trần Văn Hai", "Võ Thị Ba")]
    # a letter before the appointment, then the decision after it: late, with its letter
    early_letter = FixedClock(datetime(2026, 3, 12, 9, 0))
    apologies.make_apology(db, hoa, mine[1], "Chờ xác minh", NEW, NotifyMethod.SMS, early_letter)
    steps.mark_ready(db, hoa, mine[1], FixedClock(datetime(2026, 3, 16, 9, 0)))
    # a letter for a dossier already overdue, counted the very instant it is made
    apologies.make_apology(
        db, hoa, mine[0], "Chờ xác minh", NEW_AFTER_LATE, NotifyMethod.SMS, FixedClock(LATE_LETTER)
    )

    assert same(all_figures(db, Scope.own(hoa), LATE_LETTER)) == {
        "overdue": 1,  # mine[2]; mine[0] is owed on its new date now
        "overdue_without_apology": 1,
        "late_with_apology": 1,  # mine[1]: its letter came before its decision
    }
    assert same(all_figures(db, Scope.office(), LATE_LETTER)) == {
        "overdue": 3,  # mine[2] and the other clerk's two
        "overdue_without_apology": 3,
        "late_with_apology": 1,
    }
    # the report looks back: a minute before the late letter, that dossier was overdue
    before = reports.report(db, Period.month(2026, 3), LATE_LETTER - timedelta(minutes=1))
    assert (before.total.pending_overdue, before.total.overdue_without_apology) == (4, 4)
    assert len(others) == 2
