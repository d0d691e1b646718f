"""One set of numbers: after an apology, the worklist's bands, the dashboard and the
report count the same overdue dossiers of the office at the same moment."""

from __future__ import annotations

from datetime import datetime

from desk.domain.apology import NotifyMethod
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.statistics import Period
from desk.domain.urgency import Band
from desk.services import apologies, catalog, reports
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
