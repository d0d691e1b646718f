"""The dashboard's tab of the citizens' ratings: a rating given at the end of a service
appears for that clerk, counter and procedure in the period it was given."""

from __future__ import annotations

from datetime import date

import pytest
from background_jobs import settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.domain.rating import RatingLevel, RatingReason, RatingTally
from desk.domain.statistics import Period
from desk.services import catalog, ratings
from desk.services.intake import record_intake
from desk.ui.dashboard.dashboard_window import RATING_TAB, DashboardWindow
from desk.ui.dashboard.rating_tables import UNHAPPY_COLOUR, office_total, top_reasons_text

CERTIFICATE = "1.004873"
COLUMNS = ("Cán bộ", "Số lượt đánh giá", "Rất hài lòng", "Hài lòng", "Bình thường",
           "Không hài lòng", "Tỷ lệ hài lòng", "Nội dung được nêu nhiều nhất")  # fmt: skip


def intake(db, clerk, clock) -> str:
    procedure = catalog.get_procedure(db, CERTIFICATE)
    draft = IntakeDraft(
        procedure_code=CERTIFICATE,
        applicant=Applicant(name="Phạm Thị Hồng", id_number="079190001234"),
        papers=[ReceivedPaper(p.name, p.form, p.count) for p in procedure.papers[:1]],
    )
    return record_intake(db, draft, clerk, clock).code


def rate(db, clerk, clock, level, reasons=(), comment="") -> None:
    code = intake(db, clerk, clock)
    request_id = ratings.request_rating(db, clerk, clock, dossier_code=code)
    ratings.submit_rating(db, request_id, level, reasons, comment, clock)


@pytest.fixture
def window(qtbot, db, clerk, clock) -> DashboardWindow:
    rate(db, clerk, clock, RatingLevel.UNSATISFIED, (), "Chờ lâu")
    w = DashboardWindow(db, clerk, clock)
    qtbot.addWidget(w)
    w.resize(1366, 820)
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot)
    return w


def row_texts(window: DashboardWindow) -> list[list[str]]:
    model = window.rating_tab.model
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def header(window: DashboardWindow) -> list[str]:
    model = window.rating_tab.model
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal)).replace("\n", " ")
        for c in range(model.columnCount())
    ]


def test_an_unhappy_rating_appears_in_the_clerk_s_row_once_the_tab_is_shown(qtbot, window, clerk):
    assert window.period.first <= date(2026, 3, 10) <= window.period.last
    assert window.rating_tab.model.rowCount() == 0  # loaded only when shown
    window.tabs.setCurrentIndex(RATING_TAB)
    settle(qtbot)
    assert window.tabs.tabText(RATING_TAB) == "Đánh giá của người dân"
    assert header(window) == list(COLUMNS)
    clerk_row, total_row = row_texts(window)
    assert clerk_row[:7] == [clerk.full_name, "1", "0", "0", "0", "1", "0,0%"]
    assert total_row[:7] == ["Toàn cơ quan", "1", "0", "0", "0", "1", "0,0%"]
    assert window.rating_tab.model.is_total(1)
    unhappy = window.rating_tab.model.index(0, COLUMNS.index("Không hài lòng"))
    assert unhappy.data(Qt.ItemDataRole.ForegroundRole) == QColor(UNHAPPY_COLOUR)
    assert "1 lượt đánh giá" in window.rating_tab.note.text()


def test_the_combo_groups_by_counter_and_procedure(qtbot, window, db):
    window.tabs.setCurrentIndex(RATING_TAB)
    window.rating_tab.set_grouping("procedure")
    settle(qtbot)
    procedure = catalog.get_procedure(db, CERTIFICATE)
    assert header(window)[0] == "Thủ tục"
    assert [r[:2] for r in row_texts(window)] == [[procedure.name, "1"], ["Toàn cơ quan", "1"]]
    window.rating_tab.set_grouping("counter")
    settle(qtbot)
    assert header(window)[0] == "Quầy"
    # asked from the dossier screen, without a counter
    assert [r[:2] for r in row_texts(window)] == [["(không rõ)", "1"], ["Toàn cơ quan", "1"]]


def test_the_tab_counts_again_when_the_period_changes(qtbot, window, db, clerk, clock):
    window.tabs.setCurrentIndex(RATING_TAB)
    window.set_period(Period.month(2026, 2))
    settle(qtbot)
    assert window.rating_tab.model.rowCount() == 0
    assert "Chưa có lượt đánh giá" in window.rating_tab.note.text()
    rate(db, clerk, clock, RatingLevel.VERY_SATISFIED, [RatingReason.GUIDANCE])
    rate(db, clerk, clock, RatingLevel.SATISFIED, [RatingReason.GUIDANCE, RatingReason.WAITING])
    rate(db, clerk, clock, RatingLevel.NEUTRAL, [RatingReason.PAPERS, RatingReason.FACILITIES])
    window.set_period(Period.month(2026, 3))
    settle(qtbot)
    clerk_row, _total = row_texts(window)
    reasons = "Hướng dẫn, giải thích (2); Thời gian chờ (1); Thủ tục, giấy tờ (1)"
    assert clerk_row == [clerk.full_name, "4", "1", "1", "1", "1", "50,0%", reasons]
    cell = window.rating_tab.model.index(0, len(COLUMNS) - 1)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == reasons + "; Cơ sở vật chất (1)"


def test_the_reasons_cited_most_come_first_and_the_total_adds_the_rows():
    first, second = RatingTally("1", "An"), RatingTally("2", "Hoa")
    for _ in range(3):
        first.add(RatingLevel.NEUTRAL, [RatingReason.FACILITIES])
    first.add(RatingLevel.UNSATISFIED, [RatingReason.ATTITUDE, RatingReason.WAITING])
    second.add(RatingLevel.SATISFIED, [RatingReason.PAPERS, RatingReason.WAITING])
    assert top_reasons_text(first) == "Cơ sở vật chất (3); Thái độ phục vụ (1); Thời gian chờ (1)"
    assert top_reasons_text(first, 1) == "Cơ sở vật chất (3)"
    assert top_reasons_text(RatingTally("", "")) == ""
    total = office_total([first, second], "Toàn cơ quan")
    assert (total.total, total.counts[RatingLevel.NEUTRAL], total.share_text()) == (5, 3, "20,0%")
    assert total.reasons[RatingReason.WAITING] == 2
