"""Tables whose columns keep fixed widths and whose long texts wrap: a timeline, an
audit trail, the outbox. No column runs off the window, and each row is as tall as its
text needs at the table's current width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class _RowFitter(QObject):
    """Fits a wrapping table's row heights again after each resize of its viewport
    (the stretched last column changes width without a ``sectionResized``)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._table.resizeRowsToContents)
        return False


def wrap_rows(table: QTableView) -> None:
    """Wrap long texts, the rows as tall as their texts need at the current width."""
    table.setWordWrap(True)
    _RowFitter(table)


def set_column_widths(table: QTableView, widths: tuple[int, ...]) -> None:
    """Give the columns fixed widths in average characters, so no column runs off the
    page; the rows then fit their texts."""
    char = table.fontMetrics().averageCharWidth()
    for column, chars in enumerate(widths):
        table.horizontalHeader().resizeSection(column, chars * char + 12)
    table.resizeRowsToContents()
