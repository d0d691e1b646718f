"""Finding the message boxes a window opened (they do not block: tests answer them)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def visible_message_boxes(parent: QWidget | None = None) -> list[QMessageBox]:
    """Message boxes now on screen (children of ``parent`` when given)."""
    boxes = (
        parent.findChildren(QMessageBox)
        if parent is not None
        else [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    )
    return [b for b in boxes if b.isVisible()]


def click_box_button(box: QMessageBox, text: str) -> None:
    """Press the button of ``box`` labelled ``text``."""
    for button in box.buttons():
        if button.text() == text:
            button.click()
            QApplication.processEvents()  # the window behind gets its focus back
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")
