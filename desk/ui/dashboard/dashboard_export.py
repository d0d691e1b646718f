"""The dashboard's exports: statistics form 06/VPCP/KSTT and the tracking book of the
period shown, as Excel or PDF, written in the background.

A mix-in of :class:`~desk.ui.dashboard.dashboard_window.DashboardWindow`: a year's book
takes a while, so the window stays usable and says it is writing; a message then says
where the file went, or why not.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from desk.domain.statistics import Period
from desk.services import report_book, report_xlsx, reports
from desk.storage.database import Database
from desk.ui.widgets import background
from desk.ui.widgets.qt_helpers import show_message, translate

if TYPE_CHECKING:
    from desk.domain.clock import Clock


def write_export(db: Database, period: Period, now: datetime, kind: str, path: str | Path) -> Path:
    """Write form 06 or the tracking book of ``period`` ("form_xlsx", "form_pdf",
    "book_pdf" or "book_xlsx"); runs on a pool thread (no widget)."""
    if kind == "form_pdf":
        return reports.statistics_form_pdf(db, period, now, path)
    if kind == "form_xlsx":
        return report_xlsx.write_statistics_xlsx(
            reports.statistics_form_data(db, period, now), path
        )
    if kind == "book_pdf":
        return report_book.tracking_book_pdf(db, period, path)
    return report_xlsx.write_tracking_book_xlsx(report_book.tracking_book_data(db, period), path)


class DashboardExports:
    """Exporting the period shown; the window provides the database, the clock, the
    period and the export button."""

    _db: Database
    _clock: Clock
    period: Period
    export_button: QPushButton
    last_export: Path | None

    def export(self, kind: str, path: str | Path) -> background.Job:
        """Write form 06 or the tracking book of the period shown (see ``write_export``)
        in the background; a message says where it went, or why not."""
        db, period, now = self._db, self.period, self._clock.now()
        return background.run_in_background(
            self,
            lambda: write_export(db, period, now, kind, path),
            self._exported,
            lambda message: show_message(
                self, translate("DashboardWindow", "Không ghi được báo cáo"), message
            ),
            translate("DashboardWindow", "Đang ghi báo cáo {title}...").format(
                title=period.title_label
            ),
            buttons=[self.export_button],
        )

    def _exported(self, written: Path) -> None:
        self.last_export = written
        show_message(
            self,
            translate("DashboardWindow", "Đã ghi báo cáo"),
            translate("DashboardWindow", "Đã ghi tệp {path}.").format(path=written),
            QMessageBox.Icon.Information,
        )

    def default_name(self, kind: str) -> str:
        stem = "bieu-06-VPCP-KSTT" if kind.startswith("form") else "so-theo-doi-ho-so"
        suffix = "pdf" if kind.endswith("pdf") else "xlsx"
        return f"{stem}_{self.period.first:%Y%m%d}-{self.period.last:%Y%m%d}.{suffix}"

    def ask_and_export(self, kind: str) -> None:
        suffix = "pdf" if kind.endswith("pdf") else "xlsx"
        wanted = (
            translate("DashboardWindow", "Tệp PDF (*.pdf)")
            if suffix == "pdf"
            else translate("DashboardWindow", "Tệp Excel (*.xlsx)")
        )
        start = str(Path.home() / self.default_name(kind))
        path, _ = QFileDialog.getSaveFileName(
            self, translate("DashboardWindow", "Lưu báo cáo"), start, wanted
        )
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        self.export(kind, path)
