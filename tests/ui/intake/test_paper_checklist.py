"""The checklist of papers: rows as tall as their wrapped names, whatever the width."""

from __future__ import annotations

from desk.services import catalog
from desk.ui.intake.paper_checklist import PaperChecklist

BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh: seven papers, long names


def fitted_heights(table: PaperChecklist) -> list[int]:
    """What each row needs at the columns' present widths (as resizing to contents gives)."""
    return [
        max(table.sizeHintForRow(row), table.verticalHeader().sectionSizeHint(row))
        for row in range(table.rowCount())
    ]


def test_rows_follow_the_width_after_a_resize(qtbot, db):
    table = PaperChecklist()
    qtbot.addWidget(table)
    table.set_papers(catalog.get_procedure(db, BIRTH).papers)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    seen = set()
    for width in (420, 1200, 650):  # narrower, then wider, then between
        table.resize(width, 400)
        qtbot.waitUntil(
            lambda: [table.rowHeight(r) for r in range(table.rowCount())] == fitted_heights(table)
        )
        seen.add(tuple(table.rowHeight(r) for r in range(table.rowCount())))
    # the wrapping really changed with the width: three widths, three sets of heights
    assert len(seen) == 3
