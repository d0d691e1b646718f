"""The procedure search at intake lists the procedure meant first, ready for Enter."""

from __future__ import annotations

from datetime import datetime

import pytest
from background_jobs import catalog_read
from keyboard_input import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from desk.domain.clock import FixedClock
from desk.domain.dossier import Applicant, IntakeDraft, ReceivedPaper
from desk.services import catalog, intake
from desk.ui.intake.procedure_picker import ProcedurePicker

BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh
LATE_BIRTH = "1.004884"  # Thủ tục đăng ký lại khai sinh
COPY = "2.000635"  # Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh


def test_khai_sinh_lists_the_birth_registration_first(qtbot, intake):
    type_text(qtbot, intake.picker.search, "khai sinh")
    shown = intake.picker.visible_codes()
    assert shown[0] == BIRTH and COPY in shown  # the copy used to come first
    assert intake.picker.list.currentItem().text(0) == BIRTH
    qtbot.keyClick(intake.picker.search, Qt.Key.Key_Return)
    assert intake.picker.chosen().name == "Thủ tục đăng ký khai sinh"


def test_typed_with_marks_or_without_the_same_procedure_comes_first(qtbot, intake):
    type_text(qtbot, intake.picker.search, "Đăng ký khai sinh")
    assert intake.picker.visible_codes()[0] == BIRTH
    intake.picker.search.clear()
    type_text(qtbot, intake.picker.search, "dang ky khai sinh")
    assert intake.picker.visible_codes()[0] == BIRTH
    intake.picker.search.clear()
    assert intake.picker.visible_codes()[0] == intake.picker.procedures()[0].code  # catalog order


def test_the_office_s_most_used_procedure_comes_first_among_equals(qtbot, db, clerk, clock):
    procedure = catalog.get_procedure(db, LATE_BIRTH)
    draft = IntakeDraft(
        procedure_code=LATE_BIRTH,
        applicant=Applicant(name="Trần Văn Hùng", id_number="079090001234"),
        papers=[ReceivedPaper(p.name, p.form, 1) for p in procedure.papers if not p.optional],
    )
    for day in (2, 3, 4):
        intake.record_intake(db, draft, clerk, FixedClock(datetime(2026, 3, day, 9, 0)))
    picker = ProcedurePicker(db, clock=clock)
    qtbot.addWidget(picker)
    catalog_read(qtbot, picker)
    type_text(qtbot, picker.search, "khai sinh")
    assert picker.visible_codes()[:2] == [LATE_BIRTH, BIRTH]
    picker.search.clear()
    type_text(qtbot, picker.search, "dang ky khai sinh")  # a name that starts with it wins
    assert picker.visible_codes()[0] == BIRTH


def test_every_column_keeps_its_share_on_a_1024_screen(qtbot, db, clerk, clock):
    """A window opened on a 1024 px screen gives the list about 520 px: the field, limit
    and fee columns each keep a readable share, and the name about half. (They were
    left 26 px each: the widths were read before the layout had narrowed the list.)"""
    from PySide6.QtWidgets import QApplication

    from desk.ui.intake.intake_window import IntakeWindow
    from desk.ui.intake.procedure_picker import CODE, FEE, FIELD, LIMIT, NAME

    window = IntakeWindow(db, clerk, clock)
    qtbot.addWidget(window)
    window.resize(1024, 728)  # its size before it is first shown, as on such a screen
    window.show()
    qtbot.waitExposed(window)
    catalog_read(qtbot, window)
    for width in (1024, 1366, 1024):
        window.resize(width, 728)
        QApplication.processEvents()
        header = window.picker.list.header()
        rest = window.picker.list.viewport().width() - header.sectionSize(CODE)
        for column in (FIELD, LIMIT, FEE):
            assert header.sectionSize(column) >= 0.12 * rest, (width, column)
        assert header.sectionSize(NAME) >= 0.35 * rest, width


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_column_header_is_whole_on_a_1024_screen(qtbot, db, clerk, clock, lang):
    """The headers over the list are not cut on a 1024 px screen, in either language (the
    English fee header was, as "Fees and charges")."""
    from desk.ui.intake.intake_window import IntakeWindow
    from desk.ui.session import language

    language.install_language(lang)
    try:
        window = IntakeWindow(db, clerk, clock)
        qtbot.addWidget(window)
        window.resize(1024, 728)
        window.show()
        qtbot.waitExposed(window)
        catalog_read(qtbot, window)
        tree = window.picker.list
        header, titles = tree.header(), tree.headerItem()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        for column in range(tree.columnCount()):
            text = titles.text(column)
            needed = header.fontMetrics().horizontalAdvance(text) + margin
            assert header.sectionSize(column) >= needed, (lang, text)
    finally:
        language.install_language("vi")
