"""Typing Vietnamese in GUI tests.

``QTest.keyClicks`` only knows ASCII (it asserts on "ấ"), so letters outside
ASCII are sent as key events carrying their text, which is what a Vietnamese
input method (Unikey, EVKey) delivers to a line edit on the counter PC.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Focus ``widget`` and type ``text`` into it key by key."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
