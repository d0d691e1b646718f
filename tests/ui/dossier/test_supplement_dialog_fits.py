"""The supplement request lists every paper of a long list whole, on the common screens.

Birth registration publishes seven papers whose names wrap over two or three lines:
the dialog grows to show them all where the screen has room, scrolls where it has
not, and no row is shorter than its wrapped name.
"""

from __future__ import annotations

import pytest
from dossier_factory import record
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionViewItem

from desk.services import catalog
from desk.ui.dossier.step_dialogs import SupplementRequestDialog

BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh: seven papers, long names
#: What the taskbar takes from the screen.
TASKBAR = 40


def text_cut(papers: QListWidget, row: int) -> bool:
    """The row's text, wrapped in the room beside its check box, needs more than the row."""
    index = papers.model().index(row, 0)
    option = QStyleOptionViewItem()
    papers.initViewItemOption(option)
    option.rect = papers.visualRect(index)
    papers.itemDelegate().initStyleOption(option, index)
    room = papers.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, papers)
    needed = papers.fontMetrics().boundingRect(
        QRect(0, 0, room.width(), 100_000), int(Qt.TextFlag.TextWordWrap), option.text
    )
    return needed.height() > room.height()


@pytest.mark.parametrize("points", [9, 12], ids=["normal-font", "large-font"])
@pytest.mark.parametrize(
    "screen", [QSize(1366, 768), QSize(1024, 768)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_every_paper_row_is_shown_whole(qtbot, db, clerk, clock, screen, points):
    code = record(db, clerk, clock, procedure=BIRTH)
    dialog = SupplementRequestDialog(db, clerk, code, clock)
    qtbot.addWidget(dialog)
    font = QFont(dialog.font())
    font.setPointSize(points)  # a counter PC set to 125 %: the names wrap more
    dialog.setFont(font)
    free = QSize(screen.width(), screen.height() - TASKBAR)
    dialog.resize(dialog.sizeHint().boundedTo(free))
    dialog.show()
    qtbot.waitExposed(dialog)
    papers = dialog.papers_list
    last = papers.count() - 1
    assert last + 1 == len(catalog.get_procedure(db, BIRTH).papers) == 7
    # it grows to show them all (once shown), as far as the screen lets it
    qtbot.waitUntil(lambda: papers.verticalScrollBar().maximum() == 0 or dialog.height() >= 700)
    assert dialog.height() <= free.height()

    papers.scrollToItem(papers.item(last))
    shown = papers.viewport().rect()
    assert shown.contains(papers.visualItemRect(papers.item(last))), "the last paper is cut"
    assert not [row for row in range(last + 1) if text_cut(papers, row)]
    if points == 9:  # room for all seven on both screens: no scrolling at all
        assert papers.verticalScrollBar().maximum() == 0
        assert all(shown.contains(papers.visualItemRect(papers.item(r))) for r in range(last))
