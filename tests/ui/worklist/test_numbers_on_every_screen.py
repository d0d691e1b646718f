"""One set of numbers on every screen: the worklist's bands, the "Cần xin lỗi" tab, the
dashboard and ``desk report`` give the same figures for the same scope at the same
moment, and each says its scope ("của tôi" or "toàn cơ quan").

A clerk's three dossiers and the office's two others, all due Friday 13/03/2026 09:15.
One got its letter before the appointment and was decided late after it; one got its
letter on Monday 16/03 at 10:00, already overdue, and the figures are read at that
very instant.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime

import pytest
from background_jobs import settle
from dossier_factory import record

from desk.cli.reports import add_commands, run_report
from desk.domain.apology import NotifyMethod
from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.roles import Role
from desk.domain.statistics import Figure
from desk.domain.urgency import Band
from desk.services import accounts, apologies, steps
from desk.ui.dashboard.dashboard_window import DashboardWindow
from desk.ui.worklist.worklist_view import AT_RISK_TAB, WorklistView

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=VN_TZ)  # Monday, three days past the appointments
NEW_DATE = datetime(2026, 3, 19, 10, 0, tzinfo=VN_TZ)


@pytest.fixture
def office(db, clerk, clock, monkeypatch):
    """(the counter clerk, the supervisor) with the dossiers above; the supervisor runs
    ``desk report``."""
    hoa = accounts.add_clerk(db, clerk, "canbo1", "Lê Thị Hoa", "matkhau456", role=Role.CLERK)
    mine = [record(db, hoa, clock, n) for n in ("Phạm Thị Hồng", "Lê Văn Tám", "Đỗ Minh")]
    for name in ("Trần Văn Hai", "Võ Thị Ba"):
        record(db, clerk, clock, name)
    before_due = FixedClock(datetime(2026, 3, 12, 9, 0))
    apologies.make_apology(db, hoa, mine[1], "Chờ xác minh", NEW_DATE, NotifyMethod.SMS, before_due)
    steps.mark_ready(db, hoa, mine[1], FixedClock(datetime(2026, 3, 16, 9, 0)))  # late
    apologies.make_apology(
        db, hoa, mine[0], "Chờ xác minh", NEW_DATE, NotifyMethod.SMS, FixedClock(NOW)
    )
    monkeypatch.setenv("DESK_USER", "admin")
    monkeypatch.setenv("DESK_PASSWORD", "matkhau123")
    return hoa, clerk


def worklist(qtbot, db, who) -> WorklistView:
    """The worklist as ``who`` sees it at ``NOW``, with its counts and its at-risk list."""
    view = WorklistView(db, who, FixedClock(NOW))
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.counts_ready)
    view.show_at_risk()
    qtbot.waitUntil(lambda: view.at_risk.counts is not None and not view.at_risk.loader.running)
    return view


def report(db, capsys, *options: str) -> tuple[dict, str]:
    """``desk report`` of March as JSON, and its heading line."""
    parser = argparse.ArgumentParser(prog="desk")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", "--from", "2026-03-01", "--to", "2026-03-31", *options])
    assert run_report(args, db, FixedClock(NOW)) == 0
    out = capsys.readouterr()
    return json.loads(out.out), out.err


def on_screen(view: WorklistView) -> dict[str, int]:
    counts = view.at_risk.counts
    return {
        "bands": view.band_counts_shown()[Band.OVERDUE],
        "at_risk_overdue": counts.overdue,
        "at_risk_without_apology": counts.overdue_without_apology,
    }


def test_a_clerks_screens_and_the_report_by_clerk_agree(qtbot, db, office, capsys):
    hoa, _boss = office
    view = worklist(qtbot, db, hoa)
    by_clerk, heading = report(db, capsys, "--by", "clerk")
    [row] = [r for r in by_clerk["by_clerk"] if r["key"] == str(hoa.id)]
    # the overdue one with no letter; the one decided late after its letter
    assert on_screen(view) == {"bands": 1, "at_risk_overdue": 1, "at_risk_without_apology": 1}
    assert (row["pending_overdue"], row["overdue_without_apology"]) == (1, 1)
    assert row["late_with_apology"] == 1
    # each says whose dossiers it counts
    assert view.scope_label.text() == "<b>Hồ sơ của tôi:</b>"
    assert "(của tôi)" in view.band_buttons[Band.OVERDUE].toolTip()
    tab = view.view_tabs.tabText(AT_RISK_TAB)
    assert tab == f"Cần xin lỗi - của tôi ({view.at_risk.count})"
    assert view.at_risk.status_label.text().startswith("Phạm vi: của tôi.")
    assert "1 đã quá hạn, 1 trong số đó chưa có phiếu xin lỗi" in view.at_risk.status_label.text()
    assert heading.startswith("Phạm vi: toàn cơ quan.")
    assert "Mỗi dòng: hồ sơ do một cán bộ phụ trách." in heading


def test_the_office_s_screens_the_dashboard_and_the_report_agree(qtbot, db, office, capsys):
    _hoa, boss = office
    view = worklist(qtbot, db, boss)
    dashboard = DashboardWindow(db, boss, FixedClock(NOW))
    qtbot.addWidget(dashboard)
    settle(qtbot)
    totals, heading = report(db, capsys)
    tiles = {f: int(dashboard.tiles[f].value()) for f in dashboard.tiles}
    # the clerk's overdue one and the other clerk's two; the letter made this very
    # instant already counts everywhere
    assert on_screen(view) == {"bands": 3, "at_risk_overdue": 3, "at_risk_without_apology": 3}
    assert tiles[Figure.PENDING_OVERDUE] == totals["pending_overdue"] == 3
    assert totals["overdue_without_apology"] == 3
    # decided late after a letter made before the decision: counted with its letter
    assert tiles[Figure.LATE_WITH_APOLOGY] == totals["late_with_apology"] == 1
    assert tiles[Figure.LATE_WITHOUT_APOLOGY] == totals["late_without_apology"] == 0
    # each says it counts the whole office
    assert view.scope_label.text() == "<b>Toàn cơ quan:</b>"
    assert (
        view.view_tabs.tabText(AT_RISK_TAB) == f"Cần xin lỗi - toàn cơ quan ({view.at_risk.count})"
    )
    assert "(toàn cơ quan)" in view.band_buttons[Band.OVERDUE].toolTip()
    assert dashboard.period_label.text().startswith("<b>Toàn cơ quan</b>, <b>Tháng 3/2026</b>")
    assert heading.strip() == (
        "Phạm vi: toàn cơ quan. Tháng 3/2026: hồ sơ đang giải quyết tính đến "
        "10 giờ 00 phút, ngày 16/03/2026."
    )
    assert totals["scope"] == "office"
