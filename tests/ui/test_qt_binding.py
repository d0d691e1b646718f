"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 does,
and the app aborts with "deallocating None" after a few minutes of use)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(f"Hồ sơ {i}")
        label.setHidden(False)
    assert sys.getrefcount(None) >= before - 50
