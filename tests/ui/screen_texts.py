"""What a window shows in words, for the language tests: texts by kind, and clipped ones."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)


def _actions(widget: QWidget) -> Iterator[str]:
    for action in widget.actions():
        if action.text():
            yield action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from _actions(menu)


def texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(kind, text) of every word the window shows or can show (menus, tooltips, headers)."""
    yield "title", window.windowTitle()
    yield from (("action", t) for t in _actions(window))
    for menu in window.findChildren(QMenu):
        yield "menu", menu.title()
        yield from (("action", t) for t in _actions(menu))
    for w in window.findChildren(QWidget):
        if w.toolTip():
            yield "tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield "label", w.text()
        elif isinstance(w, QAbstractButton):
            yield "button", w.text()
        elif isinstance(w, QGroupBox):
            yield "group", w.title()
        elif isinstance(w, QTabBar):
            yield from (("tab", w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            yield "placeholder", w.placeholderText()
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            yield "placeholder", w.placeholderText()
            yield "text", w.toPlainText()
        elif isinstance(w, QComboBox):
            yield from (("choice", w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            rows = model.rowCount(top)
            for column in range(columns):
                yield "header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(rows, 30)):
                for column in range(columns):
                    value = model.index(row, column).data()
                    if isinstance(value, str):
                        yield "cell", value
                    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str):
                        yield "tooltip", tip


def clipped(window: QWidget) -> list[str]:
    """Labels and buttons on screen too narrow (or too short) for their text."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.width() <= 0:
            continue
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                # more than half a line missing: a line is cut off
                if w.heightForWidth(w.width()) > w.height() + w.fontMetrics().height() // 2:
                    found.append(f"label {w.objectName()!r} {w.text()[:60]!r}: too short")
            elif w.minimumSizeHint().height() > w.height() + 2:
                found.append(
                    f"label {w.objectName()!r} {w.text()[:60]!r}: "
                    f"{w.minimumSizeHint().height()} > {w.height()} px high"
                )
            elif w.text().endswith("…") and w.toolTip():
                continue  # shortened on purpose, the whole text in its tooltip
            elif w.sizeHint().width() > w.width() + 2 and "<" not in w.text():
                found.append(
                    f"label {w.objectName()!r} {w.text()[:60]!r}: "
                    f"{w.sizeHint().width()} > {w.width()} px"
                )
        elif isinstance(w, QAbstractButton) and w.text():
            if w.sizeHint().width() > w.width() + 2:
                found.append(f"button {w.text()[:60]!r}: {w.sizeHint().width()} > {w.width()} px")
    return found
