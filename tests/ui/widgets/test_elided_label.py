"""The status bar's one-line labels: as much as fits, with "…", inside their margins."""

from __future__ import annotations

from desk.ui.widgets.screen_fit import ElidedLabel

TEXT = "Cán bộ: Lê Thị Hoa (canbo1, cán bộ tiếp nhận)"


def test_a_narrow_label_ends_in_an_ellipsis_that_fits_inside_its_margins(qtbot):
    label = ElidedLabel(TEXT)
    qtbot.addWidget(label)
    label.setContentsMargins(8, 0, 8, 0)
    label.show()
    label.resize(150, label.sizeHint().height())
    qtbot.waitUntil(lambda: label.width() == 150)
    shown = label.text()
    assert shown.endswith("…") and TEXT.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.full_text() == TEXT == label.toolTip()


def test_a_label_as_wide_as_it_asks_shows_the_whole_text(qtbot):
    label = ElidedLabel(TEXT)
    qtbot.addWidget(label)
    label.setContentsMargins(8, 0, 8, 0)
    label.show()
    label.resize(label.sizeHint())
    qtbot.waitUntil(lambda: label.width() == label.sizeHint().width())
    assert label.text() == TEXT
