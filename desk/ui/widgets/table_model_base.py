"""What every read-only table model of the desk shares: counts and translated headers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.domain.translation import SourceText, translated
from desk.ui.widgets.qt_helpers import translate

ModelIndex = QModelIndex | QPersistentModelIndex


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are ``headers``; subclasses say how many rows
    they hold with ``row_total()``.

    Mark each header with ``QT_TRANSLATE_NOOP(context, "...")`` where the tuple is
    written, so ``pyside6-lupdate`` finds it; a plain header is looked up in ``context``.
    """

    context = ""
    headers: tuple[str, ...] = ()

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            header = self.headers[section]
            if isinstance(header, SourceText):
                return translated(header)
            return translate(self.context, header)
        return None
