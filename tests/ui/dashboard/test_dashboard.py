"""The supervisors' dashboard: tiles, the trend chart, the tables, lists and exports,
on a demo office, compared with what the report services count."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from background_jobs import settle
from message_boxes import click_box_button, visible_message_boxes
from PySide6.QtCore import QDate, Qt

from desk.domain.clock import VN_TZ, FixedClock
from desk.domain.errors import UserError
from desk.domain.statistics import Dimension, Figure, Period, PeriodChoice, percent_text
from desk.services import accounts, demo, online_guidance, reports, time_used
from desk.storage.database import Database, open_database
from desk.ui.dashboard.dashboard_window import TIME_TAB, DashboardWindow
from desk.ui.dashboard.report_tables import number_text

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 16, 30, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Database:
    """A demo office (1,500 dossiers over six months); the dashboard only reads it."""
    path = tmp_path_factory.mktemp("dashboard") / "desk.sqlite3"
    db = open_database(f"sqlite:///{path}")
    demo.create_demo(db, 1500, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, office: Database) -> DashboardWindow:
    w = DashboardWindow(office, accounts.get_clerk(office, "lanhdao"), FixedClock(NOW))
    qtbot.addWidget(w)
    w.resize(1366, 820)
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot)
    return w


def choose(qtbot, window: DashboardWindow, choice: PeriodChoice) -> None:
    window.choice.setCurrentIndex(window.choice.findData(choice.value))
    window.show_button.click()
    settle(qtbot)


def test_a_clerk_may_not_open_the_dashboard(qtbot, office):
    with pytest.raises(UserError) as caught:
        DashboardWindow(office, accounts.get_clerk(office, "canbo1"), FixedClock(NOW))
    assert "lãnh đạo" in caught.value.message


def test_the_tiles_show_this_month_s_figures(window, office):
    total = reports.report(office, Period.month(2026, 3), NOW).total
    assert window.period.title == "Tháng 3/2026"
    for figure, tile in window.tiles.items():
        assert tile.value() == number_text(total.count(figure)), figure
    assert window.rate_tile.value() == percent_text(total.on_time_rate)
    assert total.received > 0 and total.decided > 0
    assert "Tháng 3/2026" in window.windowTitle()


def test_choosing_a_quarter_counts_it_again(qtbot, window, office):
    choose(qtbot, window, PeriodChoice.THIS_QUARTER)
    total = reports.report(office, Period.quarter(2026, 1), NOW).total
    assert window.period.title == "Quý I/2026"
    assert window.tiles[Figure.DECIDED].value() == number_text(total.decided)
    assert window.tiles[Figure.PENDING_OVERDUE].value() == number_text(total.pending_overdue)
    assert "Quý I/2026" in window.period_label.text()


def test_custom_days_are_used_and_a_reversed_period_is_refused_with_a_message(
    qtbot, window, office
):
    window.choice.setCurrentIndex(window.choice.findData(PeriodChoice.CUSTOM.value))
    assert window.first_edit.isEnabled()
    window.first_edit.setDate(QDate(2026, 2, 2))
    window.last_edit.setDate(QDate(2026, 2, 13))
    window.show_button.click()
    settle(qtbot)
    assert (window.period.first, window.period.last) == (date(2026, 2, 2), date(2026, 2, 13))
    expected = reports.report(office, window.period, NOW).total.received
    assert window.tiles[Figure.RECEIVED].value() == number_text(expected)
    window.last_edit.setDate(QDate(2026, 1, 1))
    window.show_button.click()
    boxes = visible_message_boxes(window)
    assert boxes and "ngày cuối" in boxes[0].text()
    assert window.period.last == date(2026, 2, 13)  # unchanged


def test_a_click_on_a_tile_lists_the_dossiers_it_counts(qtbot, window, office):
    choose(qtbot, window, PeriodChoice.THIS_QUARTER)
    qtbot.mouseClick(window.tiles[Figure.LATE], Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog = window.dialogs[-1]
    expected = reports.dossiers_behind(office, window.period, NOW, Figure.LATE, limit=10_000)
    assert dialog.codes() == [d.code for d in expected]
    assert len(dialog.codes()) == int(window.tiles[Figure.LATE].value().replace(".", ""))
    assert "Quá hạn" in dialog.windowTitle()
    opened = []
    dialog.open_requested.connect(opened.append)
    dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert opened == [expected[0].code]


@pytest.mark.parametrize("dimension", list(Dimension))
def test_the_details_follow_the_chosen_dimension_and_a_cell_lists_its_dossiers(
    qtbot, window, office, dimension
):
    choose(qtbot, window, PeriodChoice.THIS_QUARTER)
    window.tabs.setCurrentIndex(1)
    window.dimension_combo.setCurrentIndex(window.dimension_combo.findData(dimension.value))
    settle(qtbot)
    expected = reports.report(office, window.period, NOW, dimension)
    model = window.detail_model
    assert [model.item(r).label for r in range(model.rowCount() - 1)] == [
        r.label for r in expected.rows
    ]
    assert model.is_total(model.rowCount() - 1)
    decided_column = next(
        c for c in range(model.columnCount()) if model.figure_at(c) is Figure.DECIDED
    )
    row = max(range(model.rowCount() - 1), key=lambda r: model.item(r).figures.decided)
    assert model.text(row, decided_column) == number_text(expected.rows[row].figures.decided)
    rect = window.detail_table.visualRect(model.index(row, decided_column))
    qtbot.mouseClick(window.detail_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    dialog = window.dialogs[-1]
    assert len(dialog.codes()) == expected.rows[row].figures.decided > 0
    assert expected.rows[row].label in dialog.windowTitle()


def test_the_chart_shows_twelve_months_and_a_bar_lists_that_month_s_dossiers(qtbot, window, office):
    chart = window.chart
    months = chart.months()
    assert len(months) == 12 and months[-1].month.title == "Tháng 3/2026"
    assert months[-2].decided == reports.trend(office, window.period)[-2].decided > 0
    index = len(months) - 2  # February, a whole month of decisions
    rect = chart.bar_rect(index, Figure.LATE)
    assert rect.height() > 0
    assert chart.bar_rect(index, Figure.EARLY).bottom() == pytest.approx(chart.plot_rect().bottom())
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    settle(qtbot)
    dialog = window.dialogs[-1]
    expected = reports.dossiers_behind(office, Period.month(2026, 2), NOW, Figure.LATE)
    assert dialog.codes() == [d.code for d in expected]
    assert len(expected) == months[index].late
    assert "Tháng 2/2026" in chart.tooltip_text(index)


def test_the_chart_draws_something_where_the_bars_are(window):
    image = window.chart.grab().toImage()
    rect = window.chart.bar_rect(len(window.chart.months()) - 2, Figure.EARLY)
    colour = image.pixelColor(rect.center().toPoint())
    assert colour.green() > colour.red()  # the early part is green, not the white background
    assert (colour.red(), colour.green(), colour.blue()) != (255, 255, 255)


def test_the_time_and_score_tabs_load_when_shown(qtbot, window, office):
    choose(qtbot, window, PeriodChoice.THIS_QUARTER)
    assert window.time_model.rowCount() == 0  # not counted until asked for
    window.tabs.setCurrentIndex(TIME_TAB)
    settle(qtbot)
    expected = time_used.time_used(office, window.period)
    assert [t.procedure_code for t in window.time_model.items()] == [
        t.procedure_code for t in expected
    ]
    window.tabs.setCurrentIndex(3)
    settle(qtbot)
    by_clerk = reports.report(office, window.period, NOW, Dimension.CLERK)
    model = window.score_model
    assert [model.item(r).label for r in range(model.rowCount() - 1)] == [
        r.label for r in by_clerk.rows
    ]
    assert model.text(model.rowCount() - 1, 0) == "Toàn cơ quan"
    assert model.text(model.rowCount() - 1, 1) == number_text(by_clerk.total.decided)


def exported(qtbot, window: DashboardWindow, kind: str, path: Path) -> Path:
    """Export in the background; the file written, once the message says so."""
    window.export(kind, path)
    settle(qtbot)
    [box] = visible_message_boxes(window)
    assert box.text() == f"Đã ghi tệp {path}."
    click_box_button(box, "Đóng")
    assert window.last_export == path
    return path


def test_the_exports_write_form_06_and_the_book(qtbot, window, office, tmp_path):
    choose(qtbot, window, PeriodChoice.LAST_MONTH)
    total = reports.report(office, Period.month(2026, 2), NOW).total
    pdf = exported(qtbot, window, "form_pdf", tmp_path / "form.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Tháng 2/2026" in text and f"{total.decided:,}".replace(",", ".") in text
    xlsx = exported(qtbot, window, "form_xlsx", tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    assert total.decided in [c.value for row in sheet.iter_rows() for c in row]
    book = exported(qtbot, window, "book_xlsx", tmp_path / "book.xlsx")
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    assert sum(1 for r in rows if isinstance(r[0], int)) == total.received
    book_pdf = exported(qtbot, window, "book_pdf", tmp_path / "book.pdf")
    assert book_pdf.stat().st_size > 0
    assert window.default_name("form_pdf") == "bieu-06-VPCP-KSTT_20260201-20260228.pdf"


def test_the_tables_pass_qt_s_model_checks(qtbot, qtmodeltester, window):
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentIndex(TIME_TAB)
    settle(qtbot)
    for model in (window.detail_model, window.time_model, window.queue_model):
        qtmodeltester.check(model)
    assert window.detail_model.rowCount() > 1


def test_the_dashboard_is_laid_out_within_a_laptop_screen(window):
    """Every tile shows its whole number and name at 1366 x 820."""
    for tile in [*window.tiles.values(), window.rate_tile, window.queue_tile, window.guided_tile]:
        assert tile.isVisible()
        assert tile.width() >= tile.value_label.sizeHint().width()
    assert window.chart.height() >= 260
    # the guides' tile fills the two rows it spans, not one tile's height between them
    guided = window.guided_tile.geometry()
    assert guided.top() == window.rate_tile.geometry().top()
    assert guided.bottom() == window.queue_tile.geometry().bottom()


def test_the_guides_to_submitting_online_of_the_period_have_their_tile(qtbot, window, office):
    before = reports.dashboard(office, Period.month(2026, 3), NOW).guided_online
    clerk = accounts.get_clerk(office, "canbo1")
    for at in (datetime(2026, 3, 2, 8, 0, tzinfo=VN_TZ), datetime(2026, 3, 9, 14, 0, tzinfo=VN_TZ)):
        online_guidance.record_guidance(office, "1.004222", clerk, at)
    online_guidance.record_guidance(
        office, "1.004194", clerk, datetime(2026, 2, 27, 9, 0, tzinfo=VN_TZ)
    )
    window.refresh()
    settle(qtbot)
    assert window.guided_tile.value() == number_text(before + 2)
    assert "Chỉ thị 24/CT-TTg" in window.guided_tile.toolTip()
